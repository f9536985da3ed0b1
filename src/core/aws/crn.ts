// CDP DataFlow Catalog flow CRNs, as a function's FLOW_CRN holds them:
// crn:cdp:df:<cdp region>:<account id>:flow:<name>[/v.<n>]
export interface FlowCrn {
  /** The flow's CRN, without the version. */
  flowCrn: string;
  name: string;
  /** The flow version (1, 2, ...); undefined when the CRN names the flow, not a version. */
  version?: number;
  /** The CDP control plane's region (e.g. us-west-1), not an AWS region. */
  cdpRegion: string;
  accountId: string;
}

const FLOW_CRN = /^(crn:[a-z][a-z0-9-]*:df:([^:\s]+):([^:\s]+):flow:)(.+)$/;
const VERSION_SUFFIX = /\/v\.([^/]*)$/;

/** The parts of a flow or flow version CRN; undefined for anything else (including /v.0 and /v. with no number). */
export function parseFlowCrn(value: string): FlowCrn | undefined {
  const match = FLOW_CRN.exec(value.trim());
  if (!match) return undefined;
  const [, prefix, cdpRegion, accountId, rest] = match;
  let name = rest;
  let version: number | undefined;
  const suffix = VERSION_SUFFIX.exec(rest);
  if (suffix) {
    // Versions count from 1; anything else after /v. is a broken version, not part of a name.
    if (!/^[1-9][0-9]*$/.test(suffix[1])) return undefined;
    version = Number(suffix[1]);
    if (!Number.isSafeInteger(version)) return undefined;
    name = rest.slice(0, suffix.index);
  }
  if (name === '' || /\s$|^\s/.test(name)) return undefined;
  return version === undefined
    ? { flowCrn: prefix + name, name, cdpRegion, accountId }
    : { flowCrn: prefix + name, name, version, cdpRegion, accountId };
}

