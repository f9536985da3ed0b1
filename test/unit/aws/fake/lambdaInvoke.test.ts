import * as assert from 'node:assert/strict';
import { FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { InvokeCommand } from '@aws-sdk/client-lambda';
import { SAMPLE_DF_PRIVATE_KEY } from '../../../fakes/aws/seed';
import { DFF_HANDLER, rejection, startSetup, type FakeSetup } from './setup';

const DFF_ENV = { DF_ACCESS_KEY: 'access', DF_PRIVATE_KEY: SAMPLE_DF_PRIVATE_KEY, FLOW_CRN: 'crn:cdp:df:us-west-1:acc:flow:F/v.2' };
const decode = (base64: string | undefined) => Buffer.from(base64 ?? '', 'base64').toString('utf8');
const text = (payload: Uint8Array | undefined) => Buffer.from(payload ?? new Uint8Array()).toString('utf8');

describe('AWS stand-in: Lambda Invoke', () => {
  let setup: FakeSetup;
  beforeEach(async () => {
    setup = await startSetup();
  });
  afterEach(() => setup.close());

  it('runs a configured DataFlow Function: result, executed version through the alias, log tail and log group', async () => {
    setup.harness.fake.lambda.seedFunction({ name: 'dff', handler: DFF_HANDLER, environment: DFF_ENV, versions: 2, aliases: { live: '2' } });
    const result = await setup.lambda.send(new InvokeCommand({ FunctionName: 'dff', Qualifier: 'live', LogType: 'Tail', Payload: Buffer.from('{"Records":[]}') }));
    assert.equal(result.StatusCode, 200);
    assert.equal(result.FunctionError, undefined);
    assert.equal(result.ExecutedVersion, '2');
    assert.equal(JSON.parse(text(result.Payload)).status, 'success');
    const tail = decode(result.LogResult);
    assert.match(tail, /^INIT_START /);
    assert.match(tail, /START RequestId: [0-9a-f-]{36} Version: 2\n/);
    assert.match(tail, /Running flow crn:cdp:df:us-west-1:acc:flow:F\/v\.2/);
    assert.match(tail, /\nREPORT RequestId: .*\tMemory Size: 1024 MB.*\n$/);
    assert.ok(!tail.includes(SAMPLE_DF_PRIVATE_KEY));
    const events = await setup.logs.send(new FilterLogEventsCommand({ logGroupName: '/aws/lambda/dff' }));
    assert.match(events.events?.[0].logStreamName ?? '', /^\d{4}\/\d{2}\/\d{2}\/\[2\][0-9a-f]{32}$/);
    assert.equal(events.events?.length, tail.trimEnd().split('\n').length);
  });

  it('fails Unhandled with a Java ERROR line naming the missing variable', async () => {
    setup.harness.fake.lambda.seedFunction({ name: 'half', handler: DFF_HANDLER, environment: { DF_ACCESS_KEY: 'a', FLOW_CRN: 'crn' }, loggingGroup: '/custom/dff' });
    const result = await setup.lambda.send(new InvokeCommand({ FunctionName: 'half', LogType: 'Tail' }));
    assert.equal(result.FunctionError, 'Unhandled');
    assert.equal(result.ExecutedVersion, '$LATEST');
    assert.match(JSON.parse(text(result.Payload)).errorMessage, /DF_PRIVATE_KEY/);
    assert.match(decode(result.LogResult), /\d{4}-\d{2}-\d{2} [\d:.]+ ERROR .*DF_PRIVATE_KEY/);
    assert.deepEqual(setup.harness.fake.logs.groupNames(), ['/custom/dff']);
  });

  it('keeps the log tail to the last 4 KB', async () => {
    const lines = Array.from({ length: 200 }, (_, i) => `line ${i} ${'x'.repeat(40)}`);
    setup.harness.fake.lambda.seedFunction({ name: 'chatty', invokeResult: { payload: { ok: true }, logLines: lines } });
    const result = await setup.lambda.send(new InvokeCommand({ FunctionName: 'chatty', LogType: 'Tail' }));
    assert.deepEqual(JSON.parse(text(result.Payload)), { ok: true });
    const tail = Buffer.from(result.LogResult ?? '', 'base64');
    assert.equal(tail.length, 4096);
    assert.match(tail.toString('utf8'), /REPORT RequestId: .*\n$/);
  });

  it('answers an Event invocation 202 without a payload, and logs it', async () => {
    setup.harness.fake.lambda.seedFunction({ name: 'async', handler: DFF_HANDLER, environment: DFF_ENV });
    const result = await setup.lambda.send(new InvokeCommand({ FunctionName: 'async', InvocationType: 'Event', Payload: Buffer.from('{}') }));
    assert.equal(result.StatusCode, 202);
    assert.equal(text(result.Payload), '');
    assert.ok(setup.harness.fake.logs.events('/aws/lambda/async').some((e) => e.message.startsWith('START RequestId:')));
  });

  it('refuses a payload that is not JSON, and a function still Pending', async () => {
    setup.harness.fake.lambda.seedFunction({ name: 'strict' });
    const bad = await rejection(setup.lambda.send(new InvokeCommand({ FunctionName: 'strict', Payload: Buffer.from('not json') })));
    assert.equal(bad.name, 'InvalidRequestContentException');
    setup.harness.fake.lambda.setState('strict', 'Pending');
    const pending = await rejection(setup.lambda.send(new InvokeCommand({ FunctionName: 'strict' })));
    assert.equal(pending.name, 'ResourceConflictException');
  });
});
