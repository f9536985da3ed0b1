// Deploy targets: what a dff.deploy.json says about deploying a flow file (see schemas/dff-deploy.schema.json).
// Data only: no secret value ever lives here.

/** The file name looked for next to a flow file. */
export const DEPLOY_FILE_NAME = 'dff.deploy.json';

export const DEFAULT_RUNTIME = 'java11';
export const DEFAULT_ARCHITECTURE = 'x86_64';
export { DFF_HANDLER } from '../aws/functions';
export const DEFAULT_ALIAS = 'live';
/** Cloudera's Lambda template: 1024 MB, 300 s, 2048 MB of /tmp. */
export const DEFAULT_MEMORY_MB = 1024;
export const DEFAULT_TIMEOUT_SECONDS = 300;
export const DEFAULT_EPHEMERAL_STORAGE_MB = 2048;
export const DEFAULT_TRIGGER_EVENTS: readonly string[] = ['s3:ObjectCreated:*'];

export type Architecture = 'x86_64' | 'arm64';

/** The execution role: an existing role, or one deploy creates (or reuses) by name. */
export type ExecutionRole = { arn: string } | { create: string };

/** Where the DFF binaries zip is: already in S3, or a local file deploy uploads to a bucket. */
export type CodeSource =
  | { s3: string }
  | { localZip: string; uploadBucket: string; uploadKeyPrefix?: string };

export interface S3Trigger {
  bucket: string;
  /** S3 event names; default ["s3:ObjectCreated:*"]. */
  events?: string[];
  prefix?: string;
  suffix?: string;
}

export interface DeployTarget {
  /** AWS profile; absent means the current one (the shell decides which that is). */
  profile?: string;
  /** AWS region; absent means the profile's (or the environment's) region. */
  region?: string;
  functionName: string;
  executionRole: ExecutionRole;
  runtime?: string;
  architecture?: Architecture;
  handler?: string;
  memoryMb?: number;
  timeoutSeconds?: number;
  ephemeralStorageMb?: number;
  code: CodeSource;
  /** "latest", a version number, or a flow version CRN; absent means the version last pushed from this file. */
  flowVersion?: string | number;
  /** Output ports that count as failure ports (FAILURE_PORTS); default the flow's failure ports. */
  failurePorts?: string[];
  /** Non-sensitive parameter values that replace the flow file's, by parameter name. */
  parameters?: Record<string, string>;
  /** Secrets Manager secret holding the sensitive parameters; default the parameter context's name. */
  secretName?: string;
  /** Default "live". */
  alias?: string;
  /** Extra environment variables (NEXUS_URL, EXTENSIONS_DIR_*, DYNAMODB_*...). */
  environment?: Record<string, string>;
  /** Environment variables to delete from the function (others set by hand are kept). */
  removeEnvironment?: string[];
  triggers?: S3Trigger[];
  /** ARN of an SQS queue or SNS topic for failed asynchronous invocations. */
  deadLetterArn?: string;
  /** KMS key (ARN) that encrypts the secret; the role gets kms:Decrypt on it. */
  kmsKeyArn?: string;
}

export interface NamedTarget {
  name: string;
  target: DeployTarget;
}

export interface FlowTargets {
  /** The key in the file's "flows" map: the flow file's path relative to the deploy file, with "/". */
  flowKey: string;
  targets: NamedTarget[];
}

export interface DeployFile {
  /** Where the file was read from (its directory is where flow keys are relative to). */
  path: string;
  flows: FlowTargets[];
}

/** A problem in a deploy file; line and column are 1-based. */
export interface DeployFileProblem {
  message: string;
  /** JSON path of the offending value, e.g. ['flows', 'a.json', 'targets', 'dev', 'memoryMb']. */
  jsonPath: Array<string | number>;
  line: number;
  column: number;
  /** Offsets into the text, for editors. */
  offset: number;
  length: number;
}

export type DeployFileLoad = { ok: true; file: DeployFile } | { ok: false; problems: DeployFileProblem[] };

/** How the caller should find the flow version CRN to run. */
export type FlowVersionRequest =
  | { kind: 'lastPushed' }
  | { kind: 'latest' }
  | { kind: 'number'; version: number }
  | { kind: 'crn'; crn: string };

export function flowVersionRequest(target: DeployTarget): FlowVersionRequest {
  const value = target.flowVersion;
  if (value === undefined) return { kind: 'lastPushed' };
  if (typeof value === 'number') return { kind: 'number', version: value };
  if (value === 'latest') return { kind: 'latest' };
  if (/^\d+$/.test(value)) return { kind: 'number', version: Number(value) };
  return { kind: 'crn', crn: value };
}
