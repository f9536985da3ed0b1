// The stand-in through the shared harness, with the real SDK clients for Lambda, STS and
// CloudWatch Logs pointed at it; one try per call so refusals and faults reach the test as sent.
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { IAMClient } from '@aws-sdk/client-iam';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { STSClient } from '@aws-sdk/client-sts';
import { startAwsHarness, type AwsHarness, type TestAwsCredentials } from '../../../fakes/aws/harness';

export const DFF_HANDLER = 'com.cloudera.naaf.aws.lambda.StatelessNiFiFunctionHandler::handleRequest';

export interface FakeSetup {
  harness: AwsHarness;
  lambda: LambdaClient;
  sts: STSClient;
  logs: CloudWatchLogsClient;
  iam: IAMClient;
  /** A role that exists in the stand-in's IAM and trusts Lambda. */
  roleArn: string;
  /** Clients signed with other credentials (e.g. a wrong secret). */
  clientsWith(credentials: TestAwsCredentials): { lambda: LambdaClient; sts: STSClient; logs: CloudWatchLogsClient };
  close(): Promise<void>;
}

export async function startSetup(options: { sessionToken?: boolean } = {}): Promise<FakeSetup> {
  const harness = await startAwsHarness({ sessionToken: options.sessionToken });
  const clients: { destroy(): void }[] = [];
  const track = <T extends { destroy(): void }>(client: T): T => {
    clients.push(client);
    return client;
  };
  const make = (credentials: TestAwsCredentials) => {
    const config = { ...harness.clientConfig, credentials, maxAttempts: 1 };
    return { lambda: track(new LambdaClient(config)), sts: track(new STSClient(config)), logs: track(new CloudWatchLogsClient(config)) };
  };
  const own = make(harness.credentials);
  const roleArn = harness.fake.iam.seedRole('test-lambda-role').arn;
  return {
    harness,
    ...own,
    iam: track(new IAMClient({ ...harness.clientConfig, maxAttempts: 1 })),
    roleArn,
    clientsWith: make,
    close: async () => {
      for (const client of clients) client.destroy();
      await harness.close();
    },
  };
}

export type AwsError = Error & { $metadata?: { httpStatusCode?: number }; [field: string]: unknown };

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<AwsError> {
  try {
    await promise;
  } catch (error) {
    return error as AwsError;
  }
  throw new Error('expected the call to fail, and it succeeded');
}
