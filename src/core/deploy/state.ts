// What exists in AWS for one deployment, as readState found it. Holds the secret's current values
// (to merge and to compare, so a re-deploy with nothing changed writes nothing): never rendered.
import type { NotificationConfiguration } from '@aws-sdk/client-s3';
import type { Architecture } from './target';
import type { PolicyStatement } from './policies';

export interface RoleState {
  arn: string;
  name: string;
  trustsLambda: boolean;
  tags: Record<string, string>;
  attachedPolicyArns: string[];
  inlinePolicyNames: string[];
  /** Deploy's own inline policy on the role, parsed; undefined when the role has none. */
  inlinePolicy?: unknown;
}

export interface SecretState {
  arn: string;
  name: string;
  tags: Record<string, string>;
  kmsKeyId?: string;
  /** Scheduled for deletion: it cannot take a new value until restored. */
  deleted: boolean;
  /** The current key/value pairs; undefined when the value is not a JSON object of strings. Secret. */
  values?: Record<string, string>;
}

export interface FunctionSnapshot {
  arn: string;
  /** '$LATEST' or the published version number. */
  version: string;
  runtime?: string;
  role?: string;
  handler?: string;
  memoryMb?: number;
  timeoutSeconds?: number;
  ephemeralStorageMb?: number;
  architecture?: Architecture;
  description?: string;
  codeSha256?: string;
  environment: Record<string, string>;
  deadLetterArn?: string;
  state?: string;
  lastUpdateStatus?: string;
  /** The function's tags as GetFunction returns them ($LATEST only); undefined when it returned none. */
  tags?: Record<string, string>;
  /** Why GetFunction could not return the tags (e.g. lambda:ListTags not allowed). */
  tagsError?: string;
}

export type CodeState =
  | { kind: 's3'; found: boolean; etag?: string; versionId?: string }
  | { kind: 'localZip'; found: boolean; sha256Base64: string; sha256Hex: string; md5Hex: string; size: number; key: string; uploaded: boolean };

export interface BucketState {
  found: boolean;
  configuration: NotificationConfiguration;
}

export interface DeployState {
  /** Undefined when no role of that name (or ARN) exists. */
  role?: RoleState;
  /** Undefined when the flow has no secret, or no secret of that name exists. */
  secret?: SecretState;
  code: CodeState;
  /** $LATEST; undefined when the function does not exist. */
  function?: FunctionSnapshot;
  /** Published versions, oldest first. */
  versions: FunctionSnapshot[];
  alias?: { arn: string; version: string };
  /** The alias's resource policy statements (empty when it has none). */
  aliasPolicy: PolicyStatement[];
  /** Notification configuration of each trigger bucket, by bucket name. */
  buckets: Record<string, BucketState>;
}
