import * as assert from 'node:assert/strict';
import { GetAliasCommand, GetFunctionConfigurationCommand, GetPolicyCommand, InvokeCommand, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { GetBucketNotificationConfigurationCommand, S3Client } from '@aws-sdk/client-s3';
import { SAMPLE_DF_PRIVATE_KEY, seedGeneratedFunctions, seedSampleFunctions } from '../../../fakes/aws/seed';
import { DFF_HANDLER, startSetup, type FakeSetup } from './setup';

describe('AWS stand-in: sample functions', () => {
  let setup: FakeSetup;
  let s3: S3Client;
  beforeEach(async () => {
    setup = await startSetup();
    s3 = new S3Client({ ...setup.harness.clientConfig, maxAttempts: 1 });
  });
  afterEach(async () => {
    s3.destroy();
    await setup.close();
  });

  it('seeds a healthy DataFlow Function with its S3 trigger on the alias, and keeps another team entry on the bucket', async () => {
    const seed = seedSampleFunctions(setup.harness.fake, { flowCrn: 'crn:cdp:df:us-west-1:acc:flow:S3ToSqs/v.2' });
    const config = await setup.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: seed.healthy.name }));
    assert.equal(config.Handler, DFF_HANDLER);
    assert.equal(config.Runtime, 'java11');
    assert.equal(config.State, 'Active');
    assert.equal(config.Environment?.Variables?.FLOW_CRN, 'crn:cdp:df:us-west-1:acc:flow:S3ToSqs/v.2');
    assert.deepEqual(Object.keys(config.Environment?.Variables ?? {}).sort(), ['DF_ACCESS_KEY', 'DF_PRIVATE_KEY', 'FAILURE_PORTS', 'FLOW_CRN', 'QueueUrl']);
    assert.equal((await setup.lambda.send(new GetAliasCommand({ FunctionName: seed.healthy.name, Name: 'live' }))).FunctionVersion, '2');
    const notification = await s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: seed.healthy.bucket }));
    assert.deepEqual(notification.LambdaFunctionConfigurations?.map((c) => c.LambdaFunctionArn), [`arn:aws:lambda:us-east-1:123456789012:function:${seed.healthy.name}:live`]);
    assert.equal(notification.QueueConfigurations?.length, 1);
    const policy = JSON.parse((await setup.lambda.send(new GetPolicyCommand({ FunctionName: seed.healthy.name, Qualifier: 'live' }))).Policy ?? '{}');
    assert.equal(policy.Statement[0].Condition.ArnLike['AWS:SourceArn'], `arn:aws:s3:::${seed.healthy.bucket}`);
    const invoked = await setup.lambda.send(new InvokeCommand({ FunctionName: seed.healthy.name, Qualifier: 'live' }));
    assert.equal(invoked.FunctionError, undefined);
  });

  it('seeds a function whose trigger and permission were left on version 2 while live moved to 3', async () => {
    const seed = seedSampleFunctions(setup.harness.fake);
    const { name, bucket } = seed.staleTrigger;
    assert.equal((await setup.lambda.send(new GetAliasCommand({ FunctionName: name, Name: 'live' }))).FunctionVersion, '3');
    const notification = await s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: bucket }));
    assert.deepEqual(notification.LambdaFunctionConfigurations?.map((c) => c.LambdaFunctionArn), [`arn:aws:lambda:us-east-1:123456789012:function:${name}:2`]);
    assert.ok((await setup.lambda.send(new GetPolicyCommand({ FunctionName: name, Qualifier: '2' }))).Policy);
    assert.deepEqual(setup.harness.fake.lambda.allowsS3Invoke(`arn:aws:lambda:us-east-1:123456789012:function:${name}:live`, `arn:aws:s3:::${bucket}`), { exists: true, allowed: false });
  });

  it('seeds a plain function and earlier log lines, never logging the private key', async () => {
    const seed = seedSampleFunctions(setup.harness.fake);
    const plain = await setup.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: seed.plain.name }));
    assert.equal(plain.Runtime, 'nodejs20.x');
    assert.equal(plain.Handler, 'index.handler');
    const lines = [...setup.harness.fake.logs.events(`/aws/lambda/${seed.healthy.name}`), ...setup.harness.fake.logs.events(`/aws/lambda/${seed.staleTrigger.name}`)];
    assert.ok(lines.some((e) => /ERROR/.test(e.message)));
    assert.ok(lines.every((e) => !e.message.includes(SAMPLE_DF_PRIVATE_KEY)));
    assert.equal((await setup.lambda.send(new ListFunctionsCommand({}))).Functions?.length, 3);
  });

  it('generates N functions for benchmarks', async () => {
    seedGeneratedFunctions(setup.harness.fake, 120);
    const first = await setup.lambda.send(new ListFunctionsCommand({}));
    assert.equal(first.Functions?.length, 50);
    assert.equal(first.Functions?.filter((f) => f.Handler === DFF_HANDLER).length, 25);
  });
});
