// The flow version CRN the function runs (FLOW_CRN): --flow-version, else the target's flowVersion.
// A CRN is used as it is; "latest" and version numbers are looked up in the DataFlow Catalog with the
// CDP profile (--cdp-profile, as `dff catalog --profile`). The CLI keeps no memory of pushes, so a
// target without flowVersion gets the newest catalog version, which is what `dff catalog push` just made.
import type { CatalogClientOptions } from '../../core/catalog/client';
import type { DeployTarget } from '../../core/aws/engine';
import { CatalogError } from '../../core/catalog/types';
import type { AwsEngineModule } from '../aws/loadEngine';
import { CliProblem } from '../aws/connection';
import { openCatalog } from '../catalog/context';
import { flowCrnFor } from '../catalog/findFlow';
import { EXIT_CANNOT_RUN, EXIT_FINDINGS, type CliIo } from '../io';

export interface ResolvedVersion {
  versionCrn: string;
  /** How it was found, for a note on stderr. */
  how: string;
}

export async function resolveVersionCrn(
  engine: AwsEngineModule,
  target: DeployTarget,
  override: string | undefined,
  flowName: string | undefined,
  cdp: { profile?: string; clientOptions?: CatalogClientOptions; signal: AbortSignal; io: CliIo },
): Promise<ResolvedVersion> {
  const request = engine.flowVersionRequest(override === undefined ? target : { ...target, flowVersion: override });
  const named = override === undefined ? 'the target' : '--flow-version';
  if (request.kind === 'crn') return { versionCrn: request.crn, how: `named by ${named}` };
  if (!flowName) throw new CliProblem('the flow has no name (its top process group is unnamed), so its catalog versions cannot be found: set "flowVersion" to a version CRN.');
  try {
    const { client } = openCatalog(cdp.profile, cdp.io, cdp.clientOptions ?? {});
    const options = { signal: cdp.signal };
    const flowCrn = await flowCrnFor(flowName, client, options);
    const versions = await client.listFlowDefinitionVersions(flowCrn, options);
    if (request.kind === 'number') {
      const found = versions.find((version) => version.version === request.version);
      if (!found) throw new CliProblem(`the catalog flow "${flowName}" has no version ${request.version} (it has ${versions.length}); see dff catalog versions "${flowName}".`, EXIT_FINDINGS);
      return { versionCrn: found.crn, how: `version ${request.version} named by ${named}` };
    }
    const newest = versions.reduce<(typeof versions)[number] | undefined>((best, version) => (!best || version.version > best.version ? version : best), undefined);
    if (!newest) throw new CliProblem(`the catalog flow "${flowName}" has no versions; push one with dff catalog push.`, EXIT_FINDINGS);
    const how = request.kind === 'latest' ? 'the newest in the catalog' : 'the newest in the catalog (the target sets no flowVersion)';
    return { versionCrn: newest.crn, how };
  } catch (error) {
    if (!(error instanceof CatalogError)) throw error;
    throw new CliProblem(`finding the flow version in the DataFlow Catalog: ${error.message}`, error.kind === 'credentials' ? EXIT_CANNOT_RUN : EXIT_FINDINGS);
  }
}
