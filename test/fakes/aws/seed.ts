// Sample AWS state for the sandbox (`npm start`), UI tests and benchmarks: two deployed DataFlow
// Functions (one healthy, one whose S3 trigger was left on an old version), a plain Lambda
// function, their execution role, buckets with notifications, and some log lines.
import { DFF_HANDLER, logStreamName } from './lambdaInvoke';
import { functionArn } from './lambdaModel';
import type { FakeAws } from './server';

export const SAMPLE_ROLE_NAME = 'dff-sample-execution-role';
export const BASIC_EXECUTION_POLICY_ARN = 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole';
/** Not a real key: a value shaped like one, for functions that must look configured. */
export const SAMPLE_DF_PRIVATE_KEY = 'c2FtcGxlLW5vdC1hLXJlYWwta2V5LWZvci10aGUtc3RhbmQtaW4tb25seQ==';
export const SAMPLE_DF_ACCESS_KEY = '00000000-1111-2222-3333-444444444444';
const SAMPLE_CDP_ACCOUNT = '9d74eee4-1cad-45d7-b645-7ccf9edbb73d';

export interface SampleSeedOptions {
  /** FLOW_CRN of the healthy function (a catalog version CRN ending /v.<n>); default S3ToSqs/v.2. */
  flowCrn?: string;
  /** FLOW_CRN of the function with the stale trigger; default KafkaToS3/v.1. */
  staleFlowCrn?: string;
}

export interface SampleSeed {
  roleArn: string;
  /** Deployed DataFlow Function, alias live -> 2, S3 trigger on the alias. */
  healthy: { name: string; bucket: string; alias: string; version: string };
  /** Deployed DataFlow Function, alias live -> 3, but bucket notification and permission still on version 2. */
  staleTrigger: { name: string; bucket: string; alias: string; version: string; triggerVersion: string };
  /** A function that is not a DataFlow Function. */
  plain: { name: string };
}

function notificationXml(entries: string[]): string {
  return `<NotificationConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${entries.join('')}</NotificationConfiguration>`;
}

function lambdaEntry(id: string, arn: string, prefix: string): string {
  return (
    `<CloudFunctionConfiguration><Id>${id}</Id><CloudFunction>${arn}</CloudFunction><Event>s3:ObjectCreated:*</Event>` +
    `<Filter><S3Key><FilterRule><Name>prefix</Name><Value>${prefix}</Value></FilterRule></S3Key></Filter></CloudFunctionConfiguration>`
  );
}

/** Log lines of one earlier invocation, written as Lambda would have. */
function pastInvocation(fake: FakeAws, group: string, version: string, at: number, lines: string[], memory: number): void {
  const requestId = `${at.toString(16).padStart(8, '0').slice(-8)}-5eed-4c0d-9a11-${version.padStart(12, '0')}`;
  fake.logs.append(group, logStreamName(at, version), [
    `START RequestId: ${requestId} Version: ${version}`,
    ...lines,
    `END RequestId: ${requestId}`,
    `REPORT RequestId: ${requestId}\tDuration: 2841.33 ms\tBilled Duration: 2842 ms\tMemory Size: ${memory} MB\tMax Memory Used: 402 MB\tInit Duration: 6120.80 ms`,
  ], at);
}

function javaTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

export function seedSampleFunctions(fake: FakeAws, options: SampleSeedOptions = {}): SampleSeed {
  const flowCrn = options.flowCrn ?? `crn:cdp:df:us-west-1:${SAMPLE_CDP_ACCOUNT}:flow:S3ToSqs/v.2`;
  const staleFlowCrn = options.staleFlowCrn ?? `crn:cdp:df:us-west-1:${SAMPLE_CDP_ACCOUNT}:flow:KafkaToS3/v.1`;
  const account = fake.account;
  const roleArn = fake.iam.seedRole(SAMPLE_ROLE_NAME, { attachedPolicyArns: [BASIC_EXECUTION_POLICY_ARN], description: 'Execution role of the sample DataFlow Functions' }).arn;
  const dffEnvironment = { DF_ACCESS_KEY: SAMPLE_DF_ACCESS_KEY, DF_PRIVATE_KEY: SAMPLE_DF_PRIVATE_KEY, FAILURE_PORTS: 'failure' };
  const common = { runtime: 'java11', handler: DFF_HANDLER, role: roleArn, memory: 1024, timeout: 300, ephemeralStorage: 2048 };

  const healthy = { name: 's3-to-sqs', bucket: `dff-sample-incoming-${account}`, alias: 'live', version: '2' };
  const healthyBucketArn = `arn:aws:s3:::${healthy.bucket}`;
  fake.lambda.seedFunction({
    ...common,
    name: healthy.name,
    description: 'DataFlow Function: S3ToSqs',
    environment: { ...dffEnvironment, FLOW_CRN: flowCrn, QueueUrl: `https://sqs.${fake.region}.amazonaws.com/${account}/new-objects` },
    versions: 2,
    aliases: { live: '2' },
    permissions: [{ qualifier: 'live', statementId: 'dff-s3-invoke', principal: 's3.amazonaws.com', sourceArn: healthyBucketArn, sourceAccount: account }],
  });
  const healthyFn = fake.lambda.function(healthy.name);
  const healthyAliasArn = functionArn(healthyFn as NonNullable<typeof healthyFn>, 'live');
  fake.s3.seedBucket(healthy.bucket, {
    notificationXml: notificationXml([
      lambdaEntry('dff-s3-to-sqs', healthyAliasArn, 'incoming/'),
      // Another team's trigger on the same bucket: deploys must keep it.
      `<QueueConfiguration><Id>audit-queue</Id><Queue>arn:aws:sqs:${fake.region}:${account}:object-audit</Queue><Event>s3:ObjectRemoved:*</Event></QueueConfiguration>`,
    ]),
  });

  const stale = { name: 'kafka-to-s3', bucket: `dff-sample-archive-${account}`, alias: 'live', version: '3', triggerVersion: '2' };
  const staleBucketArn = `arn:aws:s3:::${stale.bucket}`;
  fake.lambda.seedFunction({
    ...common,
    name: stale.name,
    description: 'DataFlow Function: KafkaToS3',
    environment: { ...dffEnvironment, FLOW_CRN: staleFlowCrn, Bucket: 'archive' },
    versions: 3,
    aliases: { live: '3' },
    permissions: [{ qualifier: '2', statementId: 'dff-s3-invoke-v2', principal: 's3.amazonaws.com', sourceArn: staleBucketArn, sourceAccount: account }],
  });
  const staleFn = fake.lambda.function(stale.name);
  fake.s3.seedBucket(stale.bucket, { notificationXml: notificationXml([lambdaEntry('dff-kafka-to-s3', functionArn(staleFn as NonNullable<typeof staleFn>, '2'), 'raw/')]) });

  const plain = { name: 'orders-api' };
  fake.lambda.seedFunction({ name: plain.name, runtime: 'nodejs20.x', handler: 'index.handler', role: roleArn, memory: 256, timeout: 30, environment: { TABLE_NAME: 'orders' } });

  const now = fake.world.now();
  const logger = 'c.c.n.a.l.StatelessNiFiFunctionHandler';
  for (const [minutesAgo, version] of [[95, '1'], [30, '2'], [5, '2']] as const) {
    const at = now - minutesAgo * 60_000;
    pastInvocation(fake, `/aws/lambda/${healthy.name}`, version, at, [
      `${javaTime(at)} INFO [main] ${logger} - Running flow ${flowCrn} (failure ports: failure)`,
      `${javaTime(at)} INFO [main] ${logger} - Flow completed: 1 FlowFile transferred to output port success`,
    ], 1024);
  }
  const failedAt = now - 20 * 60_000;
  pastInvocation(fake, `/aws/lambda/${stale.name}`, '2', failedAt, [
    `${javaTime(failedAt)} INFO [main] ${logger} - Running flow ${staleFlowCrn} (failure ports: failure)`,
    `${javaTime(failedAt)} ERROR [main] ${logger} - FlowFile routed to failure port failure: PutS3Object failed: Access Denied`,
  ], 1024);
  seedSandboxBuckets(fake);
  return { roleArn, healthy, staleTrigger: stale, plain };
}

/** What samples/dff.deploy.json's sandbox target deploys from and binds its trigger to. */
export const SANDBOX_ARTIFACTS_BUCKET = 'dff-sandbox-artifacts';
export const SANDBOX_BINARIES_KEY = 'naaf-aws-lambda-1.0.0-bin.zip';
export const SANDBOX_INCOMING_BUCKET = 'dff-sandbox-incoming';

/** The buckets a newcomer's first deploy in the sandbox needs: the DFF binaries zip, and a bucket to trigger on. */
export function seedSandboxBuckets(fake: FakeAws): void {
  fake.s3.seedBucket(SANDBOX_ARTIFACTS_BUCKET, { objects: { [SANDBOX_BINARIES_KEY]: Buffer.from('PK\u0003\u0004 DataFlow Functions binaries (sandbox stand-in)') } });
  fake.s3.seedBucket(SANDBOX_INCOMING_BUCKET);
}

/** `count` functions for benchmarks and paging: every other one a DataFlow Function. */
export function seedGeneratedFunctions(fake: FakeAws, count: number): string[] {
  const names: string[] = [];
  const roleArn = fake.iam.role(SAMPLE_ROLE_NAME)?.arn ?? fake.iam.seedRole(SAMPLE_ROLE_NAME, { attachedPolicyArns: [BASIC_EXECUTION_POLICY_ARN] }).arn;
  for (let i = 1; i <= count; i++) {
    const name = `generated-${String(i).padStart(4, '0')}`;
    const dff = i % 2 === 1;
    fake.lambda.seedFunction({
      name,
      role: roleArn,
      runtime: dff ? 'java11' : 'nodejs20.x',
      handler: dff ? DFF_HANDLER : 'index.handler',
      environment: dff ? { DF_ACCESS_KEY: SAMPLE_DF_ACCESS_KEY, DF_PRIVATE_KEY: SAMPLE_DF_PRIVATE_KEY, FLOW_CRN: `crn:cdp:df:us-west-1:${SAMPLE_CDP_ACCOUNT}:flow:Generated${i}/v.1` } : undefined,
    });
    names.push(name);
  }
  return names;
}
