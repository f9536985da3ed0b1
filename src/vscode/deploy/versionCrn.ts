import type * as vscode from 'vscode';
import type { DeployTarget } from '../../core/deploy/target';
import { lastPushedVersionKey } from '../catalog/push';
import type { CdpSession } from '../catalog/session';
import { loadAwsEngine } from '../lazy';

// The catalog flow version the function runs (FLOW_CRN): a CRN the caller gives ("Deploy this
// version"), else the target's flowVersion ("latest", a number, a CRN), else the version last pushed
// from this file, else the latest version of the flow of that name in the catalog.

const lastPushedNameKey = (uri: vscode.Uri) => `dff.lastPushedFlowName:${uri.toString()}`;

export interface ResolvedVersion {
  versionCrn: string;
  /** How it was found, for the plan's header and the log. */
  how: string;
}

/** Why no version could be found: the user is offered to push the file first. */
export class NoFlowVersionError extends Error {}

export async function resolveVersionCrn(
  target: DeployTarget,
  flow: vscode.Uri,
  flowName: string | undefined,
  state: vscode.Memento,
  cdp: CdpSession,
  signal?: AbortSignal,
): Promise<ResolvedVersion> {
  const wanted = target.flowVersion;
  const lastPushed = state.get<string>(lastPushedVersionKey(flow));
  const catalogName = state.get<string>(lastPushedNameKey(flow)) ?? flowName;
  const engine = loadAwsEngine();

  if (typeof wanted === 'string' && wanted.startsWith('crn:')) return { versionCrn: wanted, how: 'named by the target' };
  if (wanted === undefined && lastPushed) return { versionCrn: lastPushed, how: 'last pushed from this file' };

  const pushedFlow = lastPushed ? engine.parseFlowCrn(lastPushed)?.flowCrn : undefined;
  const number = typeof wanted === 'number' ? wanted : typeof wanted === 'string' && /^\d+$/.test(wanted) ? Number(wanted) : undefined;
  const client = await cdp.client();
  let flowCrn = pushedFlow;
  if (!flowCrn) {
    if (!catalogName) throw new NoFlowVersionError('The flow has no name to look for in the DataFlow Catalog. Push it to the catalog first.');
    const flows = await client.listAllFlowDefinitions({ searchTerm: catalogName }, { signal });
    flowCrn = flows.find((item) => item.name === catalogName)?.crn;
    if (!flowCrn) throw new NoFlowVersionError(`The DataFlow Catalog has no flow named "${catalogName}". Push the flow file to the catalog first.`);
  }
  const versions = await client.listFlowDefinitionVersions(flowCrn, { signal });
  if (number !== undefined) {
    const found = versions.find((version) => version.version === number);
    if (!found) throw new NoFlowVersionError(`The flow ${catalogName ?? flowCrn} has no version ${number} in the DataFlow Catalog.`);
    return { versionCrn: found.crn, how: `version ${number} named by the target` };
  }
  const latest = versions.reduce<(typeof versions)[number] | undefined>((best, version) => (!best || version.version > best.version ? version : best), undefined);
  if (!latest) throw new NoFlowVersionError(`The flow ${catalogName ?? flowCrn} has no version in the DataFlow Catalog. Push the flow file first.`);
  return { versionCrn: latest.crn, how: wanted === 'latest' ? 'latest in the catalog' : 'latest in the catalog (nothing was pushed from this file)' };
}
