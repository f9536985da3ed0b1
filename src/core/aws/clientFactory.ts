// The one place AWS SDK clients are made: one factory per connection (profile + region), each client
// made once, every call reported to onCall by service, operation and target name, never by value.
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { IAMClient } from '@aws-sdk/client-iam';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { profileEndpoint, type AwsProfileSummary, type AwsServiceKey } from './profiles';

export interface AwsConnection {
  profile: AwsProfileSummary;
  region: string;
  credentials: AwsCredentialIdentityProvider;
  /** Wins over the profile's endpoint_url for every service (e.g. a local stand-in). */
  endpointUrl?: string;
}

export type AwsServiceLabel = 'lambda' | 'sts' | 'logs' | 's3' | 'iam' | 'secretsmanager';

export interface AwsCallEvent {
  service: AwsServiceLabel;
  /** The command name without 'Command', e.g. ListFunctions. */
  operation: string;
  /** FunctionName, RoleName, SecretId, Bucket or logGroupName of the input, when it has one. */
  target?: string;
  /** 'ok' or the error's name. */
  outcome: string;
  ms: number;
  /** False for Get/List/Describe/Filter/Head operations. */
  write: boolean;
}

export interface AwsClientFactoryOptions {
  onCall?: (event: AwsCallEvent) => void;
  /** Attempts per call including the first (SDK default 3). */
  maxAttempts?: number;
}

export interface AwsClients {
  lambda: LambdaClient;
  sts: STSClient;
  logs: CloudWatchLogsClient;
  s3: S3Client;
  iam: IAMClient;
  secrets: SecretsManagerClient;
}

const TARGET_FIELDS = ['FunctionName', 'RoleName', 'SecretId', 'Bucket', 'logGroupName'] as const;
const IAM_REGION = 'us-east-1';

/** Whether an operation only reads (as AWS's own naming says). */
export function isReadOperation(operation: string): boolean {
  return /^(Get|List|Describe|Filter|Head)/.test(operation);
}

function targetOf(input: unknown): string | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  for (const field of TARGET_FIELDS) {
    const value = (input as Record<string, unknown>)[field];
    if (typeof value === 'string' && value) return value;
  }
  return undefined;
}

interface StackClient {
  middlewareStack: { add(middleware: unknown, options: { step: 'initialize'; name: string; override?: boolean }): void };
  destroy(): void;
}

export class AwsClientFactory {
  private readonly made = new Map<AwsServiceLabel, StackClient>();

  constructor(
    readonly connection: AwsConnection,
    private readonly options: AwsClientFactoryOptions = {},
  ) {}

  lambda(): LambdaClient {
    return this.client('lambda', 'lambda', (config) => new LambdaClient(config));
  }

  sts(): STSClient {
    return this.client('sts', 'sts', (config) => new STSClient(config));
  }

  logs(): CloudWatchLogsClient {
    return this.client('logs', 'cloudwatch_logs', (config) => new CloudWatchLogsClient(config));
  }

  s3(): S3Client {
    return this.client('s3', 's3', (config) => new S3Client({ ...config, forcePathStyle: config.endpoint !== undefined }));
  }

  iam(): IAMClient {
    // IAM is global: AWS signs it for us-east-1 whatever the region; a stand-in gets the connection's.
    return this.client('iam', 'iam', (config) => new IAMClient({ ...config, region: config.endpoint ? config.region : IAM_REGION }));
  }

  secrets(): SecretsManagerClient {
    return this.client('secretsmanager', 'secrets_manager', (config) => new SecretsManagerClient(config));
  }

  clients(): AwsClients {
    return { lambda: this.lambda(), sts: this.sts(), logs: this.logs(), s3: this.s3(), iam: this.iam(), secrets: this.secrets() };
  }

  /** Closes every client's sockets; the factory makes new clients if used again. */
  destroy(): void {
    for (const client of this.made.values()) client.destroy();
    this.made.clear();
  }

  private client<T extends StackClient>(service: AwsServiceLabel, key: AwsServiceKey, make: (config: ClientConfig) => T): T {
    const existing = this.made.get(service);
    if (existing) return existing as T;
    const endpoint = this.connection.endpointUrl ?? profileEndpoint(this.connection.profile, key);
    const config: ClientConfig = {
      region: this.connection.region,
      credentials: this.connection.credentials,
      ...(endpoint ? { endpoint } : {}),
      // Without an endpoint of its own, a profile must not get the one the SDK would read from
      // AWS_PROFILE's profile (the profile listing already applied AWS_ENDPOINT_URL* the SDK's way).
      ...(endpoint ? {} : { ignoreConfiguredEndpointUrls: true }),
      ...(this.options.maxAttempts ? { maxAttempts: this.options.maxAttempts } : {}),
    };
    const client = make(config);
    this.report(client, service);
    this.made.set(service, client);
    return client;
  }

  private report(client: StackClient, service: AwsServiceLabel): void {
    const onCall = this.options.onCall;
    if (!onCall) return;
    const middleware =
      (next: (args: { input: unknown }) => Promise<unknown>, context: { commandName?: string }) =>
      async (args: { input: unknown }) => {
        const started = Date.now();
        const operation = (context.commandName ?? 'Unknown').replace(/Command$/, '');
        const base = { service, operation, target: targetOf(args.input), write: !isReadOperation(operation) };
        try {
          const result = await next(args);
          onCall(withoutEmptyTarget({ ...base, outcome: 'ok', ms: Date.now() - started }));
          return result;
        } catch (error) {
          const name = error instanceof Error ? error.name : 'Error';
          onCall(withoutEmptyTarget({ ...base, outcome: name, ms: Date.now() - started }));
          throw error;
        }
      };
    client.middlewareStack.add(middleware, { step: 'initialize', name: 'dffCallReport', override: true });
  }
}

interface ClientConfig {
  region: string;
  credentials: AwsCredentialIdentityProvider;
  endpoint?: string;
  ignoreConfiguredEndpointUrls?: boolean;
  maxAttempts?: number;
}

function withoutEmptyTarget(event: AwsCallEvent): AwsCallEvent {
  if (event.target !== undefined) return event;
  const { target: _omitted, ...rest } = event;
  return rest;
}
