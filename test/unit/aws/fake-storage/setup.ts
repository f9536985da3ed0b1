// The stand-in (through the shared harness) with the real SDK clients for IAM, S3 and Secrets
// Manager pointed at it, one try per call so injected faults reach the test.
import { IAMClient } from '@aws-sdk/client-iam';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { startAwsHarness } from '../../../fakes/aws/harness';
import type { IamService } from '../../../fakes/aws/iam';
import type { S3Service } from '../../../fakes/aws/s3';
import type { SecretsManagerService } from '../../../fakes/aws/secretsManager';
import type { FakeAws } from '../../../fakes/aws/server';

export interface StorageSetup {
  aws: FakeAws;
  iam: IamService;
  s3: S3Service;
  secrets: SecretsManagerService;
  iamClient: IAMClient;
  s3Client(region?: string): S3Client;
  secretsClient(region?: string): SecretsManagerClient;
  /** The signing identity's ARN. */
  callerArn: string;
  close(): Promise<void>;
}

export async function startStorage(): Promise<StorageSetup> {
  const harness = await startAwsHarness();
  const aws = harness.fake;
  const common = { endpoint: aws.url, credentials: harness.credentials, maxAttempts: 1 };
  const clients: { destroy(): void }[] = [];
  const track = <T extends { destroy(): void }>(client: T): T => {
    clients.push(client);
    return client;
  };
  return {
    aws,
    iam: aws.iam,
    s3: aws.s3,
    secrets: aws.secretsManager,
    // IAM is global: the SDK signs it for us-east-1.
    iamClient: track(new IAMClient({ ...common, region: 'us-east-1' })),
    s3Client: (region = aws.region) => track(new S3Client({ ...common, region, forcePathStyle: true })),
    secretsClient: (region = aws.region) => track(new SecretsManagerClient({ ...common, region })),
    callerArn: `arn:aws:iam::${aws.account}:user/dev`,
    close: async () => {
      for (const client of clients) client.destroy();
      await harness.close();
    },
  };
}

export type ServiceError = Error & { $metadata?: { httpStatusCode?: number } };

/** The error a promise rejects with (fails when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<ServiceError> {
  try {
    await promise;
  } catch (error) {
    return error as ServiceError;
  }
  throw new Error('expected the call to fail, and it succeeded');
}
