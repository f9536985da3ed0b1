// The Lambda stand-in's stored state and how it renders as the API's FunctionConfiguration,
// AliasConfiguration and ARNs (field names as in @aws-sdk/client-lambda's schemas).
import { randomUUID } from 'node:crypto';
import { AwsServiceError } from './protocol';

export type FunctionState = 'Pending' | 'Active' | 'Inactive' | 'Failed';
export type LastUpdateStatus = 'InProgress' | 'Successful' | 'Failed';

/** What a published version freezes: code and configuration. */
export interface FunctionConfig {
  runtime: string;
  role: string;
  handler: string;
  description: string;
  timeout: number;
  memorySize: number;
  /** Undefined when the function has no environment at all (AWS then omits Environment). */
  environment?: Record<string, string>;
  ephemeralStorage: number;
  architectures: string[];
  logFormat: 'Text' | 'JSON';
  /** LoggingConfig.LogGroup when set; else /aws/lambda/<name>. */
  logGroup?: string;
  kmsKeyArn?: string;
  deadLetterTargetArn?: string;
  codeSha256: string;
  codeSize: number;
  codeLocation: { s3Bucket?: string; s3Key?: string };
}

/** One statement of a resource policy, in the JSON shape GetPolicy returns. */
export interface PolicyStatement {
  Sid: string;
  Effect: 'Allow';
  Principal: '*' | { Service: string } | { AWS: string };
  Action: string;
  Resource: string;
  Condition?: Record<string, Record<string, string>>;
}

export interface StoredVersion {
  version: string;
  config: FunctionConfig;
  revisionId: string;
  lastModified: string;
  policy: PolicyStatement[];
  /** configFingerprint of $LATEST when this version was published (its own Description may differ). */
  basis: string;
}

export interface StoredAlias {
  name: string;
  functionVersion: string;
  description: string;
  revisionId: string;
  routing?: Record<string, number>;
  policy: PolicyStatement[];
}

/** What an invocation of a seeded function answers instead of the default DataFlow Function behaviour. */
export interface InvokeScript {
  /** The JSON value returned (serialised as the payload). */
  payload?: unknown;
  functionError?: 'Handled' | 'Unhandled';
  /** Lines logged between START and END. */
  logLines?: string[];
}

export interface StoredFunction {
  name: string;
  region: string;
  account: string;
  latest: FunctionConfig;
  revisionId: string;
  lastModified: string;
  state: FunctionState;
  stateReason?: string;
  stateReasonCode?: string;
  lastUpdateStatus?: LastUpdateStatus;
  /** Set while the function is Pending (after create) or InProgress (after an update): when that ends, in world ms. */
  busy?: { kind: 'create' | 'update'; until: number };
  versions: StoredVersion[];
  nextVersion: number;
  aliases: Map<string, StoredAlias>;
  /** The unqualified function's ($LATEST) resource policy. */
  policy: PolicyStatement[];
  tags: Record<string, string>;
  invokeScript?: InvokeScript | ((event: unknown, version: string) => InvokeScript);
  /** Warm execution environments by version: the log stream they write to. */
  warmStreams: Map<string, string>;
}

export function newRevisionId(): string {
  return randomUUID();
}

/** Lambda's LastModified format: 2024-05-01T12:00:00.000+0000. */
export function lambdaTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

export function functionArn(fn: Pick<StoredFunction, 'region' | 'account' | 'name'>, qualifier?: string): string {
  return `arn:aws:lambda:${fn.region}:${fn.account}:function:${fn.name}${qualifier ? `:${qualifier}` : ''}`;
}

export function logGroupOf(fn: StoredFunction, config: FunctionConfig = fn.latest): string {
  return config.logGroup ?? `/aws/lambda/${fn.name}`;
}

export const FUNCTION_NAME_PATTERN =
  /^(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\d{1}:)?(\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\$LATEST|[a-zA-Z0-9-_]+))?$/;

export interface FunctionReference {
  name: string;
  region?: string;
  account?: string;
  qualifier?: string;
}

/**
 * Reads a FunctionName as Lambda accepts it: a name, name:qualifier, a partial ARN
 * (123456789012:function:name) or a full ARN, each with an optional :qualifier.
 */
export function parseFunctionName(value: string): FunctionReference {
  const full = /^arn:aws[a-zA-Z-]*:lambda:([a-z0-9-]+):(\d{12}):function:([a-zA-Z0-9-_]+)(?::(\$LATEST|[a-zA-Z0-9-_]+))?$/.exec(value);
  if (full) return { region: full[1], account: full[2], name: full[3], qualifier: full[4] };
  const partial = /^(\d{12}):function:([a-zA-Z0-9-_]+)(?::(\$LATEST|[a-zA-Z0-9-_]+))?$/.exec(value);
  if (partial) return { account: partial[1], name: partial[2], qualifier: partial[3] };
  const plain = /^([a-zA-Z0-9-_]+)(?::(\$LATEST|[a-zA-Z0-9-_]+))?$/.exec(value);
  if (plain && value.length <= 140) return { name: plain[1], qualifier: plain[2] };
  throw validationError(
    value,
    'functionName',
    'Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?',
  );
}

/** The API layer's constraint errors, worded as AWS words them. */
export function validationError(value: unknown, field: string, constraint: string): AwsServiceError {
  const shown = typeof value === 'string' || typeof value === 'number' ? `Value '${value}'` : 'Value';
  return new AwsServiceError('ValidationException', 400, `1 validation error detected: ${shown} at '${field}' failed to satisfy constraint: ${constraint}`);
}

export function invalidParameter(message: string): AwsServiceError {
  return new AwsServiceError('InvalidParameterValueException', 400, message);
}

export function notFound(message: string): AwsServiceError {
  return new AwsServiceError('ResourceNotFoundException', 404, message);
}

export function conflict(message: string): AwsServiceError {
  return new AwsServiceError('ResourceConflictException', 409, message);
}

export function preconditionFailed(message: string): AwsServiceError {
  return new AwsServiceError('PreconditionFailedException', 412, message);
}

export interface RenderOptions {
  /** ListFunctions returns a subset of fields: no State, StateReason(Code), LastUpdateStatus(Reason)(Code) (AWS documents this). */
  forList?: boolean;
}

/** FunctionConfiguration of $LATEST (version undefined) or of a published version. */
export function renderConfiguration(fn: StoredFunction, version?: StoredVersion, options: RenderOptions = {}): Record<string, unknown> {
  const config = version?.config ?? fn.latest;
  const rendered: Record<string, unknown> = {
    FunctionName: fn.name,
    FunctionArn: functionArn(fn, version?.version),
    Runtime: config.runtime,
    Role: config.role,
    Handler: config.handler,
    CodeSize: config.codeSize,
    Description: config.description,
    Timeout: config.timeout,
    MemorySize: config.memorySize,
    LastModified: version?.lastModified ?? fn.lastModified,
    CodeSha256: config.codeSha256,
    Version: version?.version ?? '$LATEST',
    ...(config.environment ? { Environment: { Variables: { ...config.environment } } } : {}),
    ...(config.kmsKeyArn ? { KMSKeyArn: config.kmsKeyArn } : {}),
    ...(config.deadLetterTargetArn ? { DeadLetterConfig: { TargetArn: config.deadLetterTargetArn } } : {}),
    TracingConfig: { Mode: 'PassThrough' },
    RevisionId: version?.revisionId ?? fn.revisionId,
    PackageType: 'Zip',
    Architectures: [...config.architectures],
    EphemeralStorage: { Size: config.ephemeralStorage },
    SnapStart: { ApplyOn: 'None', OptimizationStatus: 'Off' },
    LoggingConfig: { LogFormat: config.logFormat, LogGroup: logGroupOf(fn, config) },
  };
  if (options.forList) return rendered;
  if (version) {
    // A published version is a snapshot: it is Active once the function that made it was.
    rendered.State = fn.state === 'Pending' ? 'Active' : fn.state;
    rendered.LastUpdateStatus = 'Successful';
    return rendered;
  }
  rendered.State = fn.state;
  if (fn.stateReason) rendered.StateReason = fn.stateReason;
  if (fn.stateReasonCode) rendered.StateReasonCode = fn.stateReasonCode;
  if (fn.lastUpdateStatus) rendered.LastUpdateStatus = fn.lastUpdateStatus;
  if (fn.lastUpdateStatus === 'InProgress') {
    rendered.LastUpdateStatusReason = 'The function is being created.';
    rendered.LastUpdateStatusReasonCode = 'Creating';
  }
  return rendered;
}

export function renderAlias(fn: StoredFunction, alias: StoredAlias): Record<string, unknown> {
  return {
    AliasArn: functionArn(fn, alias.name),
    Name: alias.name,
    FunctionVersion: alias.functionVersion,
    Description: alias.description,
    ...(alias.routing ? { RoutingConfig: { AdditionalVersionWeights: { ...alias.routing } } } : {}),
    RevisionId: alias.revisionId,
  };
}

/** What PublishVersion compares: a version is only made when code or configuration differ from the last one. */
export function configFingerprint(config: FunctionConfig): string {
  const environment = config.environment ? Object.fromEntries(Object.entries(config.environment).sort(([a], [b]) => a.localeCompare(b))) : undefined;
  return JSON.stringify({ ...config, environment, codeLocation: undefined });
}

export function cloneConfig(config: FunctionConfig): FunctionConfig {
  return {
    ...config,
    environment: config.environment ? { ...config.environment } : undefined,
    architectures: [...config.architectures],
    codeLocation: { ...config.codeLocation },
  };
}
