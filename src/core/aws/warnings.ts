// What looks wrong with a deployed DataFlow Function, as warnings for the Functions view and the CLI.
import type { FunctionDetails } from './functionDetails';
import type { FunctionSummary } from './functions';

export type FunctionWarningCode =
  | 'trigger-on-old-version'
  | 'flow-crn-missing'
  | 'flow-crn-invalid'
  | 'flow-crn-without-version'
  | 'access-key-missing'
  | 'private-key-missing'
  | 'catalog-has-newer-version'
  | 'parameter-not-supplied'
  | 'state-failed'
  | 'state-inactive'
  | 'state-pending'
  | 'update-failed';

export interface FunctionWarning {
  code: FunctionWarningCode;
  message: string;
}

export interface WarningContext {
  /** The newest version of the function's flow in the DataFlow Catalog. */
  latestCatalogVersion?: number;
  /** The parameters of the flow (from its definition): each must come from an env var or the secret. */
  flowParameters?: { name: string; sensitive: boolean }[];
}

function triggerWhere(trigger: FunctionDetails['triggers'][number]): string {
  return trigger.type === 's3' ? `The S3 trigger of bucket ${trigger.bucket}` : `The event source mapping ${trigger.eventSourceArn ?? trigger.uuid}`;
}

function withReason(text: string, reason: string | undefined): string {
  return reason ? `${text}: ${reason.replace(/[.\s]+$/, '')}.` : `${text}.`;
}

/** Warnings for one function; `details` (from describeFunction) adds trigger, secret and fresh state checks. */
export function functionWarnings(summary: FunctionSummary, details: FunctionDetails | undefined, context: WarningContext = {}): FunctionWarning[] {
  const warnings: FunctionWarning[] = [];
  // Details read the configuration again, with the state fields ListFunctions leaves out.
  const current = details?.summary ?? summary;
  const envKeys = new Set(current.envKeys);

  if (details?.newestVersion !== undefined) {
    for (const trigger of details.triggers) {
      const version = trigger.target.kind === 'version' ? trigger.target.qualifier : undefined;
      if (version === undefined || !/^\d+$/.test(version) || Number(version) === details.newestVersion) continue;
      warnings.push({
        code: 'trigger-on-old-version',
        message: `${triggerWhere(trigger)} is bound to version ${version}, not the newest version ${details.newestVersion}: bind it to an alias (e.g. live) that moves with each publish.`,
      });
    }
  }

  if (current.flowCrnValue === undefined) {
    warnings.push({ code: 'flow-crn-missing', message: 'FLOW_CRN is not set: the function does not know which flow version to run.' });
  } else if (!current.flow) {
    warnings.push({ code: 'flow-crn-invalid', message: 'FLOW_CRN is not a flow version CRN (crn:cdp:df:<region>:<account>:flow:<name>/v.<n>).' });
  } else if (current.flow.version === undefined) {
    warnings.push({ code: 'flow-crn-without-version', message: `FLOW_CRN names the flow ${current.flow.name} but no version: it must end in /v.<n>.` });
  } else if (context.latestCatalogVersion !== undefined && context.latestCatalogVersion > current.flow.version) {
    warnings.push({
      code: 'catalog-has-newer-version',
      message: `The function runs version ${current.flow.version} of ${current.flow.name}; the catalog has version ${context.latestCatalogVersion}.`,
    });
  }
  if (!envKeys.has('DF_ACCESS_KEY')) {
    warnings.push({ code: 'access-key-missing', message: "DF_ACCESS_KEY is not set: the function cannot download its flow from the DataFlow Catalog." });
  }
  if (!envKeys.has('DF_PRIVATE_KEY')) {
    warnings.push({ code: 'private-key-missing', message: "DF_PRIVATE_KEY is not set: the function cannot download its flow from the DataFlow Catalog." });
  }

  // Only when the secret's keys are known (or it is known not to exist) can a missing parameter be told.
  const secret = details?.secret;
  const secretKeys = secret?.keys ? new Set(secret.keys) : secret?.note === 'not found' ? new Set<string>() : undefined;
  if (context.flowParameters && secretKeys) {
    for (const parameter of context.flowParameters) {
      if (envKeys.has(parameter.name) || secretKeys.has(parameter.name)) continue;
      const where = secret?.note === 'not found' ? `the secret ${secret.name} does not exist` : `the secret ${secret?.name} has no such key`;
      warnings.push({
        code: 'parameter-not-supplied',
        message: `${parameter.sensitive ? 'Sensitive parameter' : 'Parameter'} ${parameter.name} has no value: no environment variable of that name and ${where}.`,
      });
    }
  }

  switch (current.state) {
    case 'Failed':
      warnings.push({ code: 'state-failed', message: withReason('The function is in state Failed', current.stateReason) });
      break;
    case 'Inactive':
      warnings.push({ code: 'state-inactive', message: withReason('The function is Inactive (idle too long; the next invocation wakes it slowly)', current.stateReason) });
      break;
    case 'Pending':
      warnings.push({ code: 'state-pending', message: withReason('The function is still being created (Pending)', current.stateReason) });
      break;
  }
  if (current.lastUpdateStatus === 'Failed') {
    warnings.push({ code: 'update-failed', message: withReason('The last update of the function failed', details?.lastUpdateStatusReason) });
  }
  return warnings;
}
