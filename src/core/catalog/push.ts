// Push a flow file to the catalog: a new version of the flow with that name, or a new flow.
import { CatalogError, type CallOptions, type CatalogClient, type FlowVersion } from './types';

export interface PushRequest {
  name: string;
  fileText: string;
  comments: string;
  description?: string;
}

export interface PushResult {
  flowCrn: string;
  /** What a function's FLOW_CRN needs. */
  versionCrn: string;
  version: number;
  /** True when the flow did not exist and was created. */
  created: boolean;
}

function newest(versions: FlowVersion[]): FlowVersion | undefined {
  return [...versions].sort((a, b) => b.version - a.version || (b.timestamp ?? 0) - (a.timestamp ?? 0))[0];
}

export async function pushFlow(client: CatalogClient, request: PushRequest, options: CallOptions = {}): Promise<PushResult> {
  const name = request.name.trim();
  if (!name) throw new CatalogError('badRequest', 'A flow needs a name to be pushed to the catalog.');
  const matches = (await client.listAllFlowDefinitions({ searchTerm: name }, options)).filter((flow) => flow.name === name);
  if (matches.length > 1) {
    throw new CatalogError(
      'badRequest',
      `The catalog holds ${matches.length} flows named "${name}" (in different collections). Push under another name, or delete the duplicates.`,
    );
  }
  if (matches.length === 1) {
    const flowCrn = matches[0].crn;
    const version = await client.importFlowDefinitionVersion({ flowCrn, comments: request.comments || undefined, file: request.fileText }, options);
    return { flowCrn, versionCrn: version.crn, version: version.version, created: false };
  }
  const flow = await client.importFlowDefinition(
    { name, description: request.description || undefined, comments: request.comments || undefined, file: request.fileText },
    options,
  );
  const first = newest(flow.versions);
  if (!first) {
    throw new CatalogError('unavailable', `The catalog created flow "${name}" but returned no version. Open it in the Catalog view to find the version CRN.`);
  }
  return { flowCrn: flow.crn, versionCrn: first.crn, version: first.version, created: true };
}
