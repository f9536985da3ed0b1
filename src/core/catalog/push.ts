// Push a flow file to the catalog: a new version of the flow with that name, or a new flow.
import { CatalogError, type CallOptions, type CatalogClient, type FlowVersion, type FlowVersionTag } from './types';

export interface PushRequest {
  name: string;
  fileText: string;
  comments: string;
  description?: string;
  /** Tags of the new version. */
  tags?: FlowVersionTag[];
  /** The pushed file's name, sent in the import's `file` field as cdpcli sends the path it is given. */
  fileName?: string;
}

export interface PushResult {
  flowCrn: string;
  /** What a function's FLOW_CRN needs. */
  versionCrn: string;
  version: number;
  /** True when the flow did not exist and was created. */
  created: boolean;
  /** Set when the push worked but needs the user's attention (another flow of that name appeared meanwhile). */
  warning?: string;
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
    const version = await client.importFlowDefinitionVersion(
      { flowCrn, flowName: name, comments: request.comments || undefined, tags: request.tags, file: request.fileText, fileName: request.fileName },
      options,
    );
    return { flowCrn, versionCrn: version.crn, version: version.version, created: false };
  }
  const flow = await client.importFlowDefinition(
    { name, description: request.description || undefined, comments: request.comments || undefined, tags: request.tags, file: request.fileText, fileName: request.fileName },
    options,
  );
  const first = newest(flow.versions);
  if (!first) {
    throw new CatalogError(
      'uncertain',
      `Flow "${name}" WAS created in the catalog (${flow.crn}), but the catalog returned no version for it. Do not push it again: look up its versions in the catalog to find the version CRN.`,
    );
  }
  const warning = await duplicatesWarning(client, name, flow.crn, options);
  return { flowCrn: flow.crn, versionCrn: first.crn, version: first.version, created: true, ...(warning ? { warning } : {}) };
}

/**
 * Looking the name up and then creating the flow is not atomic: two pushes of a new name at once
 * can both create a flow. Looks again afterwards so the user hears of it.
 */
async function duplicatesWarning(client: CatalogClient, name: string, createdCrn: string, options: CallOptions): Promise<string | undefined> {
  let crns: string[];
  try {
    crns = (await client.listAllFlowDefinitions({ searchTerm: name }, options)).filter((flow) => flow.name === name).map((flow) => flow.crn);
  } catch (error) {
    // The flow exists now whatever happened: report the push, not this check.
    const reason = error instanceof Error ? error.message : String(error);
    return `Could not check whether another flow named "${name}" was created at the same time (${reason}). Look for duplicates in the catalog.`;
  }
  if (crns.length <= 1) return undefined;
  const others = crns.filter((crn) => crn !== createdCrn);
  return (
    `The catalog now holds ${crns.length} flows named "${name}": another push created one at the same time. ` +
    `This push created ${createdCrn}; the other${others.length === 1 ? ' is' : 's are'} ${others.join(', ')}. ` +
    `Delete the one you do not want, or later pushes of "${name}" will be refused.`
  );
}
