// The contract between the AWS stand-in's HTTP server (server.ts) and its service modules
// (lambda.ts, sts.ts, logs.ts, iam.ts, s3.ts, secretsManager.ts). The server verifies the SigV4
// signature, finds the service from the signature's scope, asks the module which operation the
// request is, applies injected faults, records the call, then lets the module answer. Each module
// renders errors in its own protocol's shape (REST-JSON, JSON 1.1, query/XML, REST-XML).
import type { IncomingHttpHeaders } from 'node:http';

export type AwsServiceName = 'lambda' | 'sts' | 'logs' | 'iam' | 's3' | 'secretsmanager';

/** The caller behind a verified signature. */
export interface AwsIdentity {
  accessKeyId: string;
  /** 12-digit account id. */
  account: string;
  /** e.g. arn:aws:iam::123456789012:user/dev */
  arn: string;
  userId: string;
}

/** One signed request, after the server verified it. */
export interface AwsCall {
  service: AwsServiceName;
  /** From the signature's credential scope (IAM signs with us-east-1). */
  region: string;
  identity: AwsIdentity;
  method: string;
  /** Decoded path, without the query string. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface AwsReply {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** An error a service answers with; each module renders it in its protocol's shape. */
export class AwsServiceError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    /** Extra headers, e.g. Retry-After on throttling. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** What a fault injected with FakeAws.inject() turns into; each module maps it to its own code. */
export type FaultKind = 'throttle' | 'accessDenied' | 'expiredToken' | 'internal';

export interface ServiceModule {
  readonly service: AwsServiceName;
  /** The operation name as in the AWS API reference (e.g. 'CreateFunction'); undefined when unknown (answered 404/400 by handle). */
  operation(call: AwsCall): string | undefined;
  /** Answers the call; throws AwsServiceError for service errors. */
  handle(call: AwsCall, operation: string): AwsReply | Promise<AwsReply>;
  /** Renders an error the way this service's protocol does. */
  renderError(error: AwsServiceError, call: AwsCall): AwsReply;
  /** The error this service answers for an injected fault on `operation`. */
  faultError(kind: FaultKind, call: AwsCall, operation: string): AwsServiceError;
}

/** Operations that only read: everything else counts as a write in the call log. */
export function isReadOperation(operation: string): boolean {
  return /^(Get|List|Describe|Filter|Head)/.test(operation);
}

export interface RecordedCall {
  service: AwsServiceName;
  operation: string;
  write: boolean;
  /** HTTP status of the answer. */
  status: number;
}

// What one service needs to know of another's state. The server builds one FakeAwsWorld, hands it
// to every module's constructor, and each module fills in the part it owns.

/** Owned by iam.ts; Lambda's CreateFunction/UpdateFunctionConfiguration ask it about the execution role. */
export interface RoleDirectory {
  /** Whether a role with this ARN exists, and whether its trust policy lets lambda.amazonaws.com assume it. */
  role(arn: string): { exists: boolean; assumableByLambda: boolean };
}

/** Owned by lambda.ts; S3's PutBucketNotificationConfiguration asks it about each destination. */
export interface FunctionDirectory {
  /** Whether the function, version or alias ARN exists and its policy lets s3.amazonaws.com invoke it from that bucket. */
  allowsS3Invoke(functionArn: string, bucketArn: string): { exists: boolean; allowed: boolean };
}

/** Owned by s3.ts; Lambda's CreateFunction/UpdateFunctionCode read a code package given as S3Bucket/S3Key from it. */
export interface ObjectDirectory {
  /** The object's bytes and its bucket's region, or the S3 error code that reading it would give. */
  getObject(bucket: string, key: string): { bucketRegion: string; body: Buffer } | 'NoSuchBucket' | 'NoSuchKey';
}

/** Owned by logs.ts; Lambda's Invoke writes the invocation's log lines through it. */
export interface LogSink {
  append(groupName: string, streamName: string, messages: string[], timestamp: number): void;
}

export interface FakeAwsWorld {
  /** The stand-in's clock in epoch ms (tests may move it). */
  now(): number;
  /** The default account (12 digits): ARNs of seeded resources use it. */
  account: string;
  /** The default region of seeded resources (callers' regions come from their signatures). */
  region: string;
  roles?: RoleDirectory;
  functions?: FunctionDirectory;
  objects?: ObjectDirectory;
  logs?: LogSink;
}
