// The function: created with everything at once, or updated in two steps as Lambda requires (code,
// then configuration, waiting in between). Environment variables merge: variables the function has
// that this deploy does not set stay, unless the target lists them in removeEnvironment. The
// Description is set only at creation; which zip the code came from is kept in a tag (codeSource.ts).
import {
  CreateFunctionCommand, GetFunctionConfigurationCommand, TagResourceCommand, UpdateFunctionCodeCommand, UpdateFunctionConfigurationCommand,
  type FunctionCode, type Runtime,
} from '@aws-sdk/client-lambda';
import { CODE_SOURCE_TAG, codeChanged, codeSourceTag } from '../codeSource';
import type { DesiredDeployment } from '../desired';
import { environmentBytes, LAMBDA_ENV_LIMIT_BYTES, largestVariables, SENSITIVE_VARIABLES } from '../environment';
import { MANAGED_BY_TAG, MANAGED_BY_VALUE } from '../policies';
import type { EnvironmentChange, PlanStep, StepDetail } from '../planTypes';
import type { ApplyRuntime } from '../runtime';
import type { CodeState, FunctionSnapshot } from '../state';
import { refuse, warn, type PlanContext } from './context';
import { waitUntilReady } from './waitActive';

/** The function's variables after this deploy: what it has, minus removeEnvironment, with ours on top. */
export function mergedEnvironment(current: Readonly<Record<string, string>>, desired: DesiredDeployment): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const [key, value] of Object.entries(current)) if (!desired.removeEnvironment.includes(key)) merged[key] = value;
  return { ...merged, ...desired.environment };
}

export function environmentChanges(current: Readonly<Record<string, string>>, desired: DesiredDeployment): EnvironmentChange[] {
  const changes: EnvironmentChange[] = [];
  const sensitive = (key: string): boolean => SENSITIVE_VARIABLES.includes(key);
  const shown = (key: string, value: string | undefined): string | undefined => (sensitive(key) ? undefined : value);
  for (const [key, value] of Object.entries(desired.environment)) {
    const before = current[key];
    const change = before === undefined ? 'add' : before === value ? 'same' : 'update';
    changes.push({ key, change, before: shown(key, before), after: shown(key, value), sensitive: sensitive(key) });
  }
  for (const [key, value] of Object.entries(current)) {
    if (key in desired.environment) continue;
    const removed = desired.removeEnvironment.includes(key);
    changes.push({ key, change: removed ? 'remove' : 'kept', before: shown(key, value), after: removed ? undefined : shown(key, value), sensitive: sensitive(key) });
  }
  return changes;
}

/** Where the code comes from, as Lambda's Code parameter. */
export function codeLocation(desired: DesiredDeployment, code: CodeState): { code: FunctionCode } {
  if (desired.code.kind === 's3' && code.kind === 's3') {
    return { code: { S3Bucket: desired.code.bucket, S3Key: desired.code.key, ...(code.versionId ? { S3ObjectVersion: code.versionId } : {}) } };
  }
  const key = code.kind === 'localZip' ? code.key : '';
  const bucket = desired.code.kind === 'localZip' ? desired.code.bucket : '';
  return { code: { S3Bucket: bucket, S3Key: key } };
}

/** The description a new function gets. Never written again: after creation it is the user's. */
export function functionDescription(desired: DesiredDeployment): string {
  return `DataFlow Functions: ${desired.flowName} (${desired.targetName})`.slice(0, 256);
}

/** The dff:code-source tag as the plan shows it, when the code step changes it. */
function codeSourceDetail(desired: DesiredDeployment, code: CodeState, current: FunctionSnapshot | undefined): StepDetail[] {
  const after = codeSourceTag(desired, code);
  const before = current?.tags?.[CODE_SOURCE_TAG];
  return after !== undefined && after !== before ? [{ field: `tag ${CODE_SOURCE_TAG}`, before, after }] : [];
}

interface ConfigurationField {
  field: string;
  before: string | undefined;
  after: string;
}

function configurationFields(context: PlanContext, current: FunctionSnapshot): ConfigurationField[] {
  const { desired } = context;
  const fields: ConfigurationField[] = [
    { field: 'role', before: current.role, after: context.roleArn },
    { field: 'runtime', before: current.runtime, after: desired.runtime },
    { field: 'handler', before: current.handler, after: desired.handler },
    { field: 'memory (MB)', before: current.memoryMb?.toString(), after: String(desired.memoryMb) },
    { field: 'timeout (s)', before: current.timeoutSeconds?.toString(), after: String(desired.timeoutSeconds) },
    { field: 'ephemeral storage (MB)', before: current.ephemeralStorageMb?.toString(), after: String(desired.ephemeralStorageMb) },
  ];
  if (desired.deadLetterArn) fields.push({ field: 'dead-letter target', before: current.deadLetterArn, after: desired.deadLetterArn });
  return fields.filter((item) => item.before !== item.after);
}

/** The function step (create, or update code) and the configuration step; refuses an environment over Lambda's limit. */
export function planFunction(context: PlanContext): { steps: PlanStep[]; environment: EnvironmentChange[] } {
  const { desired, state } = context;
  const current = state.function;
  const environment = environmentChanges(current?.environment ?? {}, desired);
  const merged = mergedEnvironment(current?.environment ?? {}, desired);
  const bytes = environmentBytes(merged);
  if (bytes > LAMBDA_ENV_LIMIT_BYTES) {
    refuse(context, 'environment-too-large', `With the variables the function already has, its environment would take ${bytes} bytes as Lambda measures it, ` +
      `over the ${LAMBDA_ENV_LIMIT_BYTES}-byte limit. Largest: ${largestVariables(merged, 3).join(', ')}. List unneeded ones in "removeEnvironment".`);
  }
  const missingKey = ['DF_ACCESS_KEY', 'DF_PRIVATE_KEY'].filter((key) => !(key in merged));
  if (missingKey.length > 0) {
    refuse(context, 'function-key-missing', `The function needs a CDP access key (${missingKey.join(', ')}) to download its flow from the catalog: ` +
      'give the key of a CDP machine user for this function.');
  }
  const envSummary = summariseEnvironment(environment);
  const location = codeLocation(desired, state.code).code;
  const codeText = `s3://${location.S3Bucket}/${location.S3Key}`;
  if (!current) {
    return {
      environment,
      steps: [{
        id: 'function',
        kind: 'function',
        change: 'create',
        title: `Create function ${desired.functionName}`,
        resource: context.functionArn,
        details: [
          { field: 'runtime', after: `${desired.runtime} (${desired.architecture})` },
          { field: 'handler', after: desired.handler },
          { field: 'memory / timeout / storage', after: `${desired.memoryMb} MB / ${desired.timeoutSeconds} s / ${desired.ephemeralStorageMb} MB` },
          { field: 'role', after: context.roleArn },
          { field: 'code', after: codeText },
          { field: 'description', after: functionDescription(desired) },
          ...codeSourceDetail(desired, state.code, undefined),
          { field: 'environment', after: envSummary },
          ...(desired.deadLetterArn ? [{ field: 'dead-letter target', after: desired.deadLetterArn }] : []),
        ],
      }],
    };
  }
  const steps: PlanStep[] = [];
  const newCode = codeChanged(desired, state.code, current);
  if (newCode && current.tagsError && state.code.kind === 's3' && current.architecture === desired.architecture) {
    warn(context, 'function-tags-unreadable', `Could not read the tags of function ${desired.functionName} (${current.tagsError}), where deploy records which zip ` +
      `its code came from: it cannot tell whether ${codeText} changed, so it updates the code. Allowing lambda:ListTags avoids this.`);
  }
  steps.push({
    id: 'function',
    kind: 'function',
    change: newCode ? 'update' : 'none',
    title: newCode ? `Update the code of function ${desired.functionName}` : `Function ${desired.functionName} already runs this code`,
    resource: current.arn,
    details: newCode
      ? [
        { field: 'code', before: current.codeSha256 ? `sha256 ${current.codeSha256}` : undefined, after: codeText },
        ...(current.architecture !== desired.architecture ? [{ field: 'architecture', before: current.architecture, after: desired.architecture }] : []),
        ...codeSourceDetail(desired, state.code, current),
      ]
      : [],
  });
  const fields = configurationFields(context, current);
  const envChanged = environment.some((item) => item.change === 'add' || item.change === 'update' || item.change === 'remove');
  const details: StepDetail[] = fields.map((item) => ({ field: item.field, before: item.before, after: item.after }));
  if (envChanged) details.push({ field: 'environment', after: envSummary });
  steps.push({
    id: 'functionConfiguration',
    kind: 'functionConfiguration',
    change: details.length > 0 ? 'update' : 'none',
    title: details.length > 0 ? `Update the configuration of function ${desired.functionName}` : `The configuration of function ${desired.functionName} is as asked`,
    resource: current.arn,
    details,
  });
  return { steps, environment };
}

function summariseEnvironment(changes: EnvironmentChange[]): string {
  const count = (kind: EnvironmentChange['change']): number => changes.filter((item) => item.change === kind).length;
  const parts = [`${count('add')} added`, `${count('update')} changed`, `${count('remove')} removed`, `${count('same')} unchanged`, `${count('kept')} kept (not set by deploy)`];
  return parts.join(', ');
}

export async function runFunction(step: PlanStep, runtime: ApplyRuntime): Promise<void> {
  const { desired, state } = runtime.plan;
  const lambda = runtime.clients.lambda;
  const { code } = codeLocation(desired, state.code);
  const source = codeSourceTag(desired, state.code);
  if (step.change === 'create') {
    const role = runtime.resolved.roleArn ?? runtime.plan.state.role?.arn ?? roleOf(runtime);
    try {
      await runtime.call(`lambda:CreateFunction ${desired.functionName}`, (options) => lambda.send(new CreateFunctionCommand({
        FunctionName: desired.functionName,
        Runtime: desired.runtime as Runtime,
        Role: role,
        Handler: desired.handler,
        Code: code,
        Description: functionDescription(desired),
        Timeout: desired.timeoutSeconds,
        MemorySize: desired.memoryMb,
        Publish: false,
        Environment: { Variables: { ...desired.environment } },
        EphemeralStorage: { Size: desired.ephemeralStorageMb },
        Architectures: [desired.architecture],
        ...(desired.deadLetterArn ? { DeadLetterConfig: { TargetArn: desired.deadLetterArn } } : {}),
        Tags: { [MANAGED_BY_TAG]: MANAGED_BY_VALUE, ...(source === undefined ? {} : { [CODE_SOURCE_TAG]: source }) },
      }), options));
    } catch (error) {
      const value = error as { name?: string; message?: string };
      if (!(value.name === 'ResourceConflictException' && /already exist/i.test(value.message ?? ''))) throw error;
      // Created by an earlier run: bring it to the target's settings instead.
      await updateCode(runtime, code);
      await recordCodeSource(runtime, source, undefined);
      await updateConfiguration(runtime);
    }
    await waitUntilReady(runtime);
    return;
  }
  await updateCode(runtime, code);
  await recordCodeSource(runtime, source, state.function?.tags?.[CODE_SOURCE_TAG]);
}

/**
 * Records the code's source in the dff:code-source tag, only after the code itself was updated (a
 * failure in between leaves the old tag, so the next deploy updates the code again). TagResource
 * merges by key: the function's other tags, the user's included, stay.
 */
async function recordCodeSource(runtime: ApplyRuntime, source: string | undefined, recorded: string | undefined): Promise<void> {
  if (source === undefined || source === recorded) return;
  const { plan } = runtime;
  await runtime.call(`lambda:TagResource ${plan.desired.functionName}`, (options) => runtime.clients.lambda.send(new TagResourceCommand({
    Resource: plan.functionArn,
    Tags: { [CODE_SOURCE_TAG]: source },
  }), options));
}

export async function runFunctionConfiguration(_step: PlanStep, runtime: ApplyRuntime): Promise<void> {
  await updateConfiguration(runtime);
}

async function updateCode(runtime: ApplyRuntime, code: FunctionCode): Promise<void> {
  const { desired } = runtime.plan;
  await waitUntilReady(runtime);
  await runtime.call(`lambda:UpdateFunctionCode ${desired.functionName}`, (options) => runtime.clients.lambda.send(new UpdateFunctionCodeCommand({
    FunctionName: desired.functionName,
    S3Bucket: code.S3Bucket,
    S3Key: code.S3Key,
    S3ObjectVersion: code.S3ObjectVersion,
    Architectures: [desired.architecture],
  }), options));
}

async function updateConfiguration(runtime: ApplyRuntime): Promise<void> {
  const { desired, state } = runtime.plan;
  await waitUntilReady(runtime);
  // Merge with the variables the function has now, not when the plan was made.
  const now = await runtime.call(`lambda:GetFunctionConfiguration ${desired.functionName}`, (options) =>
    runtime.clients.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: desired.functionName }), options));
  const variables = mergedEnvironment(now.Environment?.Variables ?? {}, desired);
  await runtime.call(`lambda:UpdateFunctionConfiguration ${desired.functionName}`, (options) => runtime.clients.lambda.send(new UpdateFunctionConfigurationCommand({
    FunctionName: desired.functionName,
    Role: runtime.resolved.roleArn ?? state.role?.arn ?? roleOf(runtime),
    Handler: desired.handler,
    Runtime: desired.runtime as Runtime,
    MemorySize: desired.memoryMb,
    Timeout: desired.timeoutSeconds,
    EphemeralStorage: { Size: desired.ephemeralStorageMb },
    Environment: { Variables: variables },
    ...(desired.deadLetterArn ? { DeadLetterConfig: { TargetArn: desired.deadLetterArn } } : {}),
  }), options));
}

function roleOf(runtime: ApplyRuntime): string {
  const role = runtime.plan.steps.find((step) => step.kind === 'role');
  return role?.resource ?? '';
}
