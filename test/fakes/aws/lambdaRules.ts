// The checks Lambda makes on a function's settings, with AWS's limits and wording.
import { createHash } from 'node:crypto';
import { AwsServiceError, type FakeAwsWorld } from './protocol';
import { invalidParameter, validationError } from './lambdaModel';

export const FUNCTION_NAME_MAX = 64;
export const MEMORY_MIN = 128;
export const MEMORY_MAX = 10240;
export const TIMEOUT_MIN = 1;
export const TIMEOUT_MAX = 900;
export const EPHEMERAL_MIN = 512;
export const EPHEMERAL_MAX = 10240;
/** "The total size of all environment variables doesn't exceed 4 KB" (Lambda quotas). */
export const ENVIRONMENT_MAX_BYTES = 4096;
/** Direct upload (ZipFile) limit: larger packages must come from S3. */
export const ZIP_UPLOAD_MAX_BYTES = 50 * 1024 * 1024;

/** Runtimes Lambda accepts for new functions and updates (deprecated ones with blocked updates are refused). */
export const RUNTIMES = [
  'nodejs18.x',
  'nodejs20.x',
  'nodejs22.x',
  'python3.9',
  'python3.10',
  'python3.11',
  'python3.12',
  'python3.13',
  'java8.al2',
  'java11',
  'java17',
  'java21',
  'java25',
  'dotnet8',
  'ruby3.2',
  'ruby3.3',
  'ruby3.4',
  'provided.al2',
  'provided.al2023',
] as const;

/** Runtimes that once existed and that Lambda now refuses for creating or updating functions. */
const RETIRED_RUNTIMES = ['java8', 'nodejs', 'nodejs4.3', 'nodejs6.10', 'nodejs8.10', 'nodejs10.x', 'nodejs12.x', 'nodejs14.x', 'nodejs16.x', 'python2.7', 'python3.6', 'python3.7', 'python3.8', 'dotnetcore3.1', 'dotnet6', 'ruby2.7', 'go1.x', 'provided'];

/** Keys Lambda sets itself (documented list "Reserved environment variables"); every other AWS_ key is refused too. */
export const RESERVED_ENVIRONMENT_KEYS = [
  '_HANDLER',
  '_X_AMZN_TRACE_ID',
  'AWS_DEFAULT_REGION',
  'AWS_REGION',
  'AWS_EXECUTION_ENV',
  'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_MEMORY_SIZE',
  'AWS_LAMBDA_FUNCTION_VERSION',
  'AWS_LAMBDA_INITIALIZATION_TYPE',
  'AWS_LAMBDA_LOG_GROUP_NAME',
  'AWS_LAMBDA_LOG_STREAM_NAME',
  'AWS_ACCESS_KEY',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_LAMBDA_RUNTIME_API',
  'LAMBDA_TASK_ROOT',
  'LAMBDA_RUNTIME_DIR',
];

const ENV_KEY = /^[a-zA-Z]([a-zA-Z0-9_])+$/;
const ROLE_ARN = /^arn:(aws[a-zA-Z-]*)?:iam::\d{12}:role\/?[a-zA-Z_0-9+=,.@\-_/]+$/;
const HANDLER = /^[^\s]+$/;

export function isReservedEnvironmentKey(key: string): boolean {
  return RESERVED_ENVIRONMENT_KEYS.includes(key) || key.startsWith('AWS_');
}

/**
 * How Lambda measures the 4 KB: the JSON text of the Variables map, in UTF-8 bytes. AWS's refusal
 * says so itself ("...exceeded the 4KB limit. String measured: {"KEY":"value",...}"), so braces,
 * quotes, colons and commas count too.
 */
export function environmentSize(variables: Record<string, string>): number {
  return Buffer.byteLength(JSON.stringify(variables), 'utf8');
}

export function checkFunctionName(name: unknown): string {
  if (typeof name !== 'string' || name.length === 0) throw validationError(name, 'functionName', 'Member must not be null');
  if (!/^[a-zA-Z0-9-_]+$/.test(name)) {
    throw validationError(name, 'functionName', 'Member must satisfy regular expression pattern: [a-zA-Z0-9-_]+');
  }
  if (name.length > FUNCTION_NAME_MAX) throw validationError(name, 'functionName', `Member must have length less than or equal to ${FUNCTION_NAME_MAX}`);
  return name;
}

export function checkRuntime(runtime: unknown): string {
  if (typeof runtime !== 'string') throw invalidParameter('The Runtime parameter is required for Zip package type.');
  if (RETIRED_RUNTIMES.includes(runtime)) {
    throw invalidParameter(
      `The runtime parameter of ${runtime} is no longer supported for creating or updating AWS Lambda functions. We recommend you use a supported runtime while creating or updating functions.`,
    );
  }
  if (!(RUNTIMES as readonly string[]).includes(runtime)) {
    throw validationError(runtime, 'runtime', `Member must satisfy enum value set: [${RUNTIMES.join(', ')}]`);
  }
  return runtime;
}

export function checkHandler(handler: unknown): string {
  if (typeof handler !== 'string' || handler === '') throw invalidParameter('The Handler parameter is required for Zip package type.');
  if (handler.length > 128) throw validationError(handler, 'handler', 'Member must have length less than or equal to 128');
  if (!HANDLER.test(handler)) throw validationError(handler, 'handler', 'Member must satisfy regular expression pattern: [^\\s]+');
  return handler;
}

/** The role must exist and trust lambda.amazonaws.com, when the stand-in has IAM. */
export function checkRole(role: unknown, world: FakeAwsWorld): string {
  if (typeof role !== 'string' || role === '') throw validationError(role, 'role', 'Member must not be null');
  if (!ROLE_ARN.test(role)) {
    throw validationError(role, 'role', 'Member must satisfy regular expression pattern: arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+');
  }
  const known = world.roles?.role(role);
  if (known && (!known.exists || !known.assumableByLambda)) throw invalidParameter('The role defined for the function cannot be assumed by Lambda.');
  return role;
}

function checkRange(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw validationError(value as string, field, 'Member must be an integer');
  if (value < min) throw validationError(value, field, `Member must have value greater than or equal to ${min}`);
  if (value > max) throw validationError(value, field, `Member must have value less than or equal to ${max}`);
  return value;
}

export const checkMemory = (value: unknown): number => checkRange(value, 'memorySize', MEMORY_MIN, MEMORY_MAX);
export const checkTimeout = (value: unknown): number => checkRange(value, 'timeout', TIMEOUT_MIN, TIMEOUT_MAX);
export const checkEphemeral = (value: unknown): number => checkRange(value, 'ephemeralStorage.size', EPHEMERAL_MIN, EPHEMERAL_MAX);

export function checkArchitectures(value: unknown): string[] {
  if (!Array.isArray(value) || value.length !== 1 || (value[0] !== 'x86_64' && value[0] !== 'arm64')) {
    throw validationError(JSON.stringify(value), 'architectures', 'Member must have length less than or equal to 1 and satisfy enum value set: [x86_64, arm64]');
  }
  return [value[0] as string];
}

export function checkEnvironment(environment: unknown): Record<string, string> {
  const variables = (environment as { Variables?: unknown } | undefined)?.Variables ?? {};
  if (typeof variables !== 'object' || variables === null || Array.isArray(variables)) {
    throw new AwsServiceError('SerializationException', 400, 'Environment.Variables must be a map of strings.');
  }
  const entries = Object.entries(variables as Record<string, unknown>);
  for (const [key, value] of entries) {
    if (!ENV_KEY.test(key)) {
      throw validationError(
        undefined,
        'environment.variables',
        'Map keys must satisfy constraint: [Member must satisfy regular expression pattern: [a-zA-Z]([a-zA-Z0-9_])+]',
      );
    }
    if (typeof value !== 'string') throw new AwsServiceError('SerializationException', 400, `Environment variable ${key} must be a string.`);
  }
  const reserved = entries.map(([key]) => key).filter(isReservedEnvironmentKey);
  if (reserved.length > 0) {
    throw invalidParameter(
      `Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys that are currently not supported for modification. Reserved keys used in this request: ${reserved.join(', ')}`,
    );
  }
  const result = variables as Record<string, string>;
  const size = environmentSize(result);
  if (size > ENVIRONMENT_MAX_BYTES) {
    // AWS appends "String measured: <the JSON, values included>". The stand-in gives the size instead,
    // so a secret value can never reach a test's output through this message.
    throw invalidParameter(
      `Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit. String measured: ${size} bytes`,
    );
  }
  return { ...result };
}

export interface CodePackage {
  codeSha256: string;
  codeSize: number;
  codeLocation: { s3Bucket?: string; s3Key?: string };
}

/** A Code (CreateFunction) or the code fields of UpdateFunctionCode: a base64 zip, or an S3 object that must exist in the function's region. */
export function readCodePackage(code: Record<string, unknown> | undefined, region: string, world: FakeAwsWorld, operation: string): CodePackage {
  const zip = code?.ZipFile;
  const bucket = code?.S3Bucket;
  const key = code?.S3Key;
  if (typeof zip === 'string') {
    if (bucket !== undefined || key !== undefined) throw invalidParameter('Please do not provide other FunctionCode parameters when providing a ZipFile.');
    const bytes = Buffer.from(zip, 'base64');
    if (bytes.length > ZIP_UPLOAD_MAX_BYTES) {
      throw new AwsServiceError('RequestEntityTooLargeException', 413, `Request must be smaller than 70167211 bytes for the ${operation} operation`);
    }
    if (bytes.length === 0) throw invalidParameter('Could not unzip uploaded file. Please check your file, then try to upload again.');
    return { codeSha256: createHash('sha256').update(bytes).digest('base64'), codeSize: bytes.length, codeLocation: {} };
  }
  if (typeof bucket === 'string' && typeof key === 'string') {
    const object = world.objects?.getObject(bucket, key);
    if (object === 'NoSuchBucket') throw invalidParameter('Error occurred while GetObject. S3 Error Code: NoSuchBucket. S3 Error Message: The specified bucket does not exist');
    if (object === 'NoSuchKey') throw invalidParameter('Error occurred while GetObject. S3 Error Code: NoSuchKey. S3 Error Message: The specified key does not exist.');
    if (object && object.bucketRegion !== region) {
      throw invalidParameter(`Error occurred while GetObject. S3 Error Code: PermanentRedirect. S3 Error Message: The bucket is in this region: ${object.bucketRegion}. Please use this endpoint to make this request`);
    }
    // Without an S3 module the stand-in cannot read the object: it hashes its address instead.
    const bytes = object?.body ?? Buffer.from(`s3://${bucket}/${key}`, 'utf8');
    return { codeSha256: createHash('sha256').update(bytes).digest('base64'), codeSize: bytes.length, codeLocation: { s3Bucket: bucket, s3Key: key } };
  }
  throw invalidParameter('Please provide a source for function code.');
}
