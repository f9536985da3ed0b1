// Flow file + deploy target + flow version + values supplied now -> the deployment it asks for,
// or every reason to refuse it before anything is read or written in AWS.
import * as path from 'node:path';
import { validateText } from '../flow/validate';
import type { FlowModel, Parameter } from '../flow/model';
import { usedContexts } from '../flow/parameterScope';
import { isFailurePortName } from '../flow/options';
import { parseFlowCrn } from '../aws/crn';
import { countOf } from '../countOf';
import {
  DFF_OWN_VARIABLES, environmentBytes, LAMBDA_ENV_LIMIT_BYTES, lambdaKeyProblem, largestVariables,
} from './environment';
import { parseS3Url } from './loadTargets';
import { runtimeWarning } from './runtimes';
import {
  DEFAULT_ALIAS, DEFAULT_ARCHITECTURE, DEFAULT_EPHEMERAL_STORAGE_MB, DEFAULT_MEMORY_MB, DEFAULT_RUNTIME,
  DEFAULT_TIMEOUT_SECONDS, DEFAULT_TRIGGER_EVENTS, DFF_HANDLER, type Architecture, type DeployTarget,
} from './target';

export interface FunctionKey {
  /** CDP machine user's access key id (DF_ACCESS_KEY). */
  accessKeyId: string;
  /** Its private key (DF_PRIVATE_KEY): never shown, logged or written to a file. */
  privateKey: string;
}

export interface DesiredInput {
  flowText: string;
  flowPath: string;
  targetName: string;
  target: DeployTarget;
  /** The deploy file's folder: a target's localZip is relative to it. Default: the flow file's folder. */
  deployFileDir?: string;
  /** The flow version CRN to run, resolved by the caller from target.flowVersion (…/v.<n>). */
  versionCrn: string;
  /** Sensitive parameter values given for this deploy (password box, DFF_PARAM_<name>, --secret-values). */
  sensitiveValues?: Readonly<Record<string, string>>;
  /** The function's CDP key. Optional here (an export does not need it); a plan refuses without it. */
  functionKey?: FunctionKey;
  /** Today, for runtime deprecation warnings. */
  today: Date;
}

export type RefusalCode =
  | 'not-a-flow'
  | 'flow-invalid'
  | 'version-crn-invalid'
  | 'failure-port-unknown'
  | 'parameter-unsupplied'
  | 'parameter-unknown'
  | 'parameter-sensitive-in-target'
  | 'environment-reserved'
  | 'environment-conflict'
  | 'environment-too-large'
  | 'function-key-missing'
  | 'role-other-account'
  | 'role-not-found'
  | 'role-untrusted'
  | 'secret-foreign'
  | 'secret-not-json'
  | 'secret-deleted'
  | 'code-not-found'
  | 'bucket-not-found'
  | 'trigger-overlap';

export interface Refusal {
  code: RefusalCode;
  message: string;
}

export type WarningCode =
  | 'runtime-deprecated' | 'runtime-deprecation-near' | 'secret-several-contexts' | 'role-not-tagged' | 'trigger-on-latest' | 'function-tags-unreadable';

export interface DeployWarning {
  code: WarningCode;
  message: string;
}

export type ParameterSource = 'flow' | 'target' | 'supplied' | 'existingSecret';

export interface DesiredParameter {
  name: string;
  sensitive: boolean;
  source: ParameterSource;
}

export interface DesiredTrigger {
  bucket: string;
  events: string[];
  prefix?: string;
  suffix?: string;
}

export interface DesiredSecret {
  name: string;
  /** Values given for this deploy, by parameter name. Secret: never rendered. */
  values: Record<string, string>;
  /** Sensitive parameters with no value given now: the existing secret must already hold them. */
  requiredKeys: string[];
}

export interface DesiredDeployment {
  flowPath: string;
  /** The top process group's name. */
  flowName: string;
  targetName: string;
  profile?: string;
  region?: string;
  functionName: string;
  alias: string;
  runtime: string;
  architecture: Architecture;
  handler: string;
  memoryMb: number;
  timeoutSeconds: number;
  ephemeralStorageMb: number;
  role: { kind: 'existing'; arn: string } | { kind: 'create'; name: string };
  code: { kind: 's3'; bucket: string; key: string } | { kind: 'localZip'; path: string; bucket: string; keyPrefix: string };
  versionCrn: string;
  failurePorts: string[];
  /** Every variable deploy sets (DF_PRIVATE_KEY among them when a function key was given). */
  environment: Record<string, string>;
  /** Variables to delete from the function. */
  removeEnvironment: string[];
  parameters: DesiredParameter[];
  /** Absent when the flow has no sensitive parameter. */
  secret?: DesiredSecret;
  triggers: DesiredTrigger[];
  deadLetterArn?: string;
  kmsKeyArn?: string;
  hasFunctionKey: boolean;
}

export type DesiredResult =
  | { ok: true; desired: DesiredDeployment; warnings: DeployWarning[] }
  | { ok: false; refusals: Refusal[]; warnings: DeployWarning[] };

export function buildDesired(input: DesiredInput): DesiredResult {
  const { target } = input;
  const refusals: Refusal[] = [];
  const warnings: DeployWarning[] = [];
  const runtime = target.runtime ?? DEFAULT_RUNTIME;
  const runtimeNote = runtimeWarning(runtime, input.today);
  if (runtimeNote) warnings.push(runtimeNote);

  const checked = validateForTarget(input.flowText, target);
  if (!checked.model) {
    refusals.push(checked.refusal ?? { code: 'not-a-flow', message: `${input.flowPath} is not a NiFi flow definition (no flowContents).` });
    return { ok: false, refusals, warnings };
  }
  const model = checked.model;
  if (checked.refusal) refusals.push(checked.refusal);
  if (parseFlowCrn(input.versionCrn)?.version === undefined) {
    refusals.push({ code: 'version-crn-invalid', message: `"${input.versionCrn}" is not a flow version CRN (crn:cdp:df:…:flow:<name>/v.<n>): push the flow to the catalog first, or set "flowVersion".` });
  }
  const portNames = new Set(model.top.outputPorts.map((port) => port.name));
  for (const name of target.failurePorts ?? []) {
    if (!portNames.has(name)) {
      refusals.push({
        code: 'failure-port-unknown',
        message: `Failure port "${name}" of target "${input.targetName}" is not an output port of "${model.top.name}"` +
          (portNames.size > 0 ? ` (its output ports: ${[...portNames].map((port) => `"${port}"`).join(', ')}).` : ' (it has no output ports).'),
      });
    }
  }

  const parameters = collectParameters(model, input, refusals, warnings);
  const environment: Record<string, string> = {};
  if (input.functionKey) {
    environment.DF_ACCESS_KEY = input.functionKey.accessKeyId;
    environment.DF_PRIVATE_KEY = input.functionKey.privateKey;
  }
  environment.FLOW_CRN = input.versionCrn;
  if (checked.failurePorts.length > 0) environment.FAILURE_PORTS = checked.failurePorts.join(',');
  for (const [name, value] of parameters.values) environment[name] = value;
  for (const [key, value] of Object.entries(target.environment ?? {})) {
    const problem = lambdaKeyProblem(key);
    if (problem) refusals.push({ code: 'environment-reserved', message: `Environment variable "${key}" of target "${input.targetName}" cannot be set: ${problem}.` });
    else if (DFF_OWN_VARIABLES.includes(key)) refusals.push({ code: 'environment-conflict', message: `Environment variable "${key}" is set by deploy itself; remove it from "environment" of target "${input.targetName}".` });
    else if (parameters.names.has(key)) refusals.push({ code: 'environment-conflict', message: `Environment variable "${key}" has the name of a flow parameter; set it under "parameters" of target "${input.targetName}" instead.` });
    else environment[key] = value;
  }
  for (const key of target.removeEnvironment ?? []) {
    if (key in environment || DFF_OWN_VARIABLES.includes(key)) {
      refusals.push({ code: 'environment-conflict', message: `"removeEnvironment" of target "${input.targetName}" lists "${key}", which this deploy sets.` });
    }
  }
  const bytes = environmentBytes(environment);
  if (bytes > LAMBDA_ENV_LIMIT_BYTES) {
    refusals.push({
      code: 'environment-too-large',
      message: `The function's environment variables take ${bytes} bytes as Lambda measures them (the JSON of all keys and ` +
        `values, UTF-8), over Lambda's limit of ${LAMBDA_ENV_LIMIT_BYTES} bytes. Largest: ${largestVariables(environment, 3).join(', ')}. ` +
        'Mark large parameters sensitive so they go to the Secrets Manager secret instead.',
    });
  }

  if (refusals.length > 0) return { ok: false, refusals, warnings };
  const secretName = target.secretName ?? model.top.parameterContextName ?? usedContexts(model)[0]?.name;
  const desired: DesiredDeployment = {
    flowPath: input.flowPath,
    flowName: model.top.name,
    targetName: input.targetName,
    profile: target.profile,
    region: target.region,
    functionName: target.functionName,
    alias: target.alias ?? DEFAULT_ALIAS,
    runtime,
    architecture: target.architecture ?? DEFAULT_ARCHITECTURE,
    handler: target.handler ?? DFF_HANDLER,
    memoryMb: target.memoryMb ?? DEFAULT_MEMORY_MB,
    timeoutSeconds: target.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS,
    ephemeralStorageMb: target.ephemeralStorageMb ?? DEFAULT_EPHEMERAL_STORAGE_MB,
    role: 'arn' in target.executionRole ? { kind: 'existing', arn: target.executionRole.arn } : { kind: 'create', name: target.executionRole.create },
    code: codeOf(target, input.deployFileDir ?? path.dirname(input.flowPath)),
    versionCrn: input.versionCrn,
    failurePorts: checked.failurePorts,
    environment,
    removeEnvironment: [...(target.removeEnvironment ?? [])],
    parameters: parameters.list,
    secret: parameters.sensitiveCount > 0 && secretName !== undefined
      ? { name: secretName, values: parameters.secretValues, requiredKeys: parameters.requiredKeys }
      : undefined,
    triggers: (target.triggers ?? []).map((trigger) => ({
      bucket: trigger.bucket,
      events: [...(trigger.events ?? DEFAULT_TRIGGER_EVENTS)],
      ...(trigger.prefix !== undefined ? { prefix: trigger.prefix } : {}),
      ...(trigger.suffix !== undefined ? { suffix: trigger.suffix } : {}),
    })),
    deadLetterArn: target.deadLetterArn,
    kmsKeyArn: target.kmsKeyArn,
    hasFunctionKey: input.functionKey !== undefined,
  };
  return { ok: true, desired, warnings };
}

interface TargetValidation {
  model?: FlowModel;
  failurePorts: string[];
  refusal?: Refusal;
}

/** Validates with the failure ports the function will get: the target's, else the flow's own (named "failure" or marked FAILURE). */
function validateForTarget(flowText: string, target: DeployTarget): TargetValidation {
  let validation = validateText(flowText, { failurePorts: target.failurePorts ?? [] });
  if (!validation.isFlow) return { failurePorts: [] };
  let failurePorts = target.failurePorts ?? [];
  if (validation.model && target.failurePorts === undefined) {
    failurePorts = validation.model.top.outputPorts
      .filter((port) => isFailurePortName(port.name, {}) || port.portFunction?.toUpperCase() === 'FAILURE')
      .map((port) => port.name);
    if (failurePorts.some((name) => !isFailurePortName(name, {}))) validation = validateText(flowText, { failurePorts });
  }
  const errors = validation.findings.filter((finding) => finding.severity === 'error');
  if (errors.length === 0) return { model: validation.model, failurePorts };
  const listed = errors.slice(0, 5).map((finding) => `line ${finding.range.start.line + 1}: ${finding.message} [${finding.code}]`);
  const more = errors.length > listed.length ? ` (and ${errors.length - listed.length} more)` : '';
  return {
    model: validation.model,
    failurePorts,
    refusal: {
      code: 'flow-invalid',
      message: `The flow has ${countOf(errors.length, 'validation error')}; fix ${errors.length === 1 ? 'it' : 'them'} before deploying${more}:\n` +
        listed.map((line) => `  ${line}`).join('\n'),
    },
  };
}

interface CollectedParameters {
  list: DesiredParameter[];
  names: Set<string>;
  /** Non-sensitive values, which become environment variables. */
  values: Map<string, string>;
  secretValues: Record<string, string>;
  requiredKeys: string[];
  sensitiveCount: number;
}

function collectParameters(model: FlowModel, input: DesiredInput, refusals: Refusal[], warnings: DeployWarning[]): CollectedParameters {
  const overrides = input.target.parameters ?? {};
  const supplied = input.sensitiveValues ?? {};
  // A name in several contexts is one variable: the first met (the top group's context first) stands for it.
  const byName = new Map<string, Parameter>();
  for (const context of usedContexts(model)) {
    for (const parameter of context.parameters) if (!byName.has(parameter.name)) byName.set(parameter.name, parameter);
  }
  const collected: CollectedParameters = { list: [], names: new Set(byName.keys()), values: new Map(), secretValues: {}, requiredKeys: [], sensitiveCount: 0 };
  const otherContexts = new Set<string>();
  for (const parameter of byName.values()) {
    const { name } = parameter;
    if (parameter.sensitive) {
      collected.sensitiveCount++;
      if (parameter.context.name !== model.top.parameterContextName) otherContexts.add(parameter.context.name);
      if (name in overrides) {
        refusals.push({ code: 'parameter-sensitive-in-target', message: `Parameter "${name}" is sensitive: its value must not be in the deploy file. Remove it from "parameters" of target "${input.targetName}"; it is asked for at deploy time and kept in Secrets Manager.` });
      }
      if (name in supplied) {
        collected.secretValues[name] = supplied[name];
        collected.list.push({ name, sensitive: true, source: 'supplied' });
      } else {
        collected.requiredKeys.push(name);
        collected.list.push({ name, sensitive: true, source: 'existingSecret' });
      }
      continue;
    }
    const value = name in overrides ? overrides[name] : parameter.value;
    if (value === null || value === undefined) {
      refusals.push({ code: 'parameter-unsupplied', message: `Parameter "${name}" has no value in the flow file and none in "parameters" of target "${input.targetName}".` });
      continue;
    }
    collected.values.set(name, value);
    collected.list.push({ name, sensitive: false, source: name in overrides ? 'target' : 'flow' });
  }
  for (const name of Object.keys(overrides)) {
    if (!byName.has(name)) refusals.push({ code: 'parameter-unknown', message: `"parameters" of target "${input.targetName}" sets "${name}", which is not a parameter of the flow's contexts.` });
  }
  for (const name of Object.keys(supplied)) {
    const parameter = byName.get(name);
    if (!parameter) refusals.push({ code: 'parameter-unknown', message: `A sensitive value was given for "${name}", which is not a parameter of the flow's contexts.` });
    else if (!parameter.sensitive) refusals.push({ code: 'parameter-unknown', message: `A sensitive value was given for "${name}", but that parameter is not sensitive: set it under "parameters" of target "${input.targetName}".` });
  }
  if (otherContexts.size > 0) {
    warnings.push({
      code: 'secret-several-contexts',
      message: `Sensitive parameters of inherited or nested contexts (${[...otherContexts].map((name) => `"${name}"`).join(', ')}) go into the one secret named for the top group's context; whether DFF reads them there is unverified.`,
    });
  }
  return collected;
}

function codeOf(target: DeployTarget, baseDir: string): DesiredDeployment['code'] {
  const code = target.code;
  if ('s3' in code) {
    const parsed = parseS3Url(code.s3);
    if (!parsed) throw new Error(`"${code.s3}" is not an S3 object URL; load targets with loadDeployFile first.`);
    return { kind: 's3', ...parsed };
  }
  const prefix = code.uploadKeyPrefix ?? `dataflow-functions/${target.functionName}/`;
  return { kind: 'localZip', path: path.resolve(baseDir, code.localZip), bucket: code.uploadBucket, keyPrefix: prefix };
}
