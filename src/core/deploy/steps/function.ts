// The function: created with everything at once, or updated in two steps as Lambda requires (code,
// then configuration, waiting in between). Environment variables merge: variables the function has
// that this deploy does not set stay, unless the target lists them in removeEnvironment.
import {
  CreateFunctionCommand, GetFunctionConfigurationCommand, UpdateFunctionCodeCommand, UpdateFunctionConfigurationCommand,
  type FunctionCode, type Runtime,
} from '@aws-sdk/client-lambda';
import type { DesiredDeployment } from '../desired';
import { environmentBytes, LAMBDA_ENV_LIMIT_BYTES, largestVariables, SENSITIVE_VARIABLES } from '../environment';
import { MANAGED_BY_TAG, MANAGED_BY_VALUE } from '../policies';
import type { EnvironmentChange, PlanStep, StepDetail } from '../planTypes';
import type { ApplyRuntime } from '../runtime';
import type { CodeState, FunctionSnapshot } from '../state';
import { refuse, type PlanContext } from './context';
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

/** Where the code comes from, as Lambda's Code parameter, and the mark the description keeps of it. */
export function codeLocation(desired: DesiredDeployment, code: CodeState): { code: FunctionCode; mark: string } {
  if (desired.code.kind === 's3' && code.kind === 's3') {
    const etag = code.etag?.replace(/"/g, '') ?? '';
    return {
      code: { S3Bucket: desired.code.bucket, S3Key: desired.code.key, ...(code.versionId ? { S3ObjectVersion: code.versionId } : {}) },
      mark: `code s3://${desired.code.bucket}/${desired.code.key} etag ${etag}${code.versionId ? ` version ${code.versionId}` : ''}`,
    };
  }
  const key = code.kind === 'localZip' ? code.key : '';
  const bucket = desired.code.kind === 'localZip' ? desired.code.bucket : '';
  return { code: { S3Bucket: bucket, S3Key: key }, mark: '' };
}

/**
 * The function's description: says who deploys it and, for code taken from S3, which object (and
 * ETag) it was made from, so a later deploy knows whether that object changed.
 */
export function functionDescription(desired: DesiredDeployment, code: CodeState): string {
  const { mark } = codeLocation(desired, code);
  const head = `DataFlow Functions: ${desired.flowName} (${desired.targetName})`;
  const text = mark ? `${head}; ${mark}` : head;
  return text.length <= 256 ? text : `${head.slice(0, Math.max(0, 255 - mark.length - 2))}; ${mark}`.slice(0, 256);
}

export function codeChanged(desired: DesiredDeployment, code: CodeState, current: FunctionSnapshot): boolean {
  if (current.architecture !== desired.architecture) return true;
  if (code.kind === 'localZip') return current.codeSha256 !== code.sha256Base64;
  const { mark } = codeLocation(desired, code);
  return !(current.description ?? '').endsWith(mark);
}

interface ConfigurationField {
  field: string;
  before: string | undefined;
  after: string;
}

function configurationFields(context: PlanContext, current: FunctionSnapshot): ConfigurationField[] {
  const { desired, state } = context;
  const fields: ConfigurationField[] = [
    { field: 'role', before: current.role, after: context.roleArn },
    { field: 'runtime', before: current.runtime, after: desired.runtime },
    { field: 'handler', before: current.handler, after: desired.handler },
    { field: 'memory (MB)', before: current.memoryMb?.toString(), after: String(desired.memoryMb) },
    { field: 'timeout (s)', before: current.timeoutSeconds?.toString(), after: String(desired.timeoutSeconds) },
    { field: 'ephemeral storage (MB)', before: current.ephemeralStorageMb?.toString(), after: String(desired.ephemeralStorageMb) },
    { field: 'description', before: current.description, after: functionDescription(desired, state.code) },
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
          { field: 'environment', after: envSummary },
          ...(desired.deadLetterArn ? [{ field: 'dead-letter target', after: desired.deadLetterArn }] : []),
        ],
      }],
    };
  }
  const steps: PlanStep[] = [];
  const newCode = codeChanged(desired, state.code, current);
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
  if (step.change === 'create') {
    const role = runtime.resolved.roleArn ?? runtime.plan.state.role?.arn ?? roleOf(runtime);
    try {
      await runtime.call(`lambda:CreateFunction ${desired.functionName}`, (options) => lambda.send(new CreateFunctionCommand({
        FunctionName: desired.functionName,
        Runtime: desired.runtime as Runtime,
        Role: role,
        Handler: desired.handler,
        Code: code,
        Description: functionDescription(desired, state.code),
        Timeout: desired.timeoutSeconds,
        MemorySize: desired.memoryMb,
        Publish: false,
        Environment: { Variables: { ...desired.environment } },
        EphemeralStorage: { Size: desired.ephemeralStorageMb },
        Architectures: [desired.architecture],
        ...(desired.deadLetterArn ? { DeadLetterConfig: { TargetArn: desired.deadLetterArn } } : {}),
        Tags: { [MANAGED_BY_TAG]: MANAGED_BY_VALUE },
      }), options));
    } catch (error) {
      const value = error as { name?: string; message?: string };
      if (!(value.name === 'ResourceConflictException' && /already exist/i.test(value.message ?? ''))) throw error;
      // Created by an earlier run: bring it to the target's settings instead.
      await updateCode(runtime, code);
      await updateConfiguration(runtime);
    }
    await waitUntilReady(runtime);
    return;
  }
  await updateCode(runtime, code);
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
    Description: functionDescription(desired, state.code),
    Environment: { Variables: variables },
    ...(desired.deadLetterArn ? { DeadLetterConfig: { TargetArn: desired.deadLetterArn } } : {}),
  }), options));
}

function roleOf(runtime: ApplyRuntime): string {
  const role = runtime.plan.steps.find((step) => step.kind === 'role');
  return role?.resource ?? '';
}
