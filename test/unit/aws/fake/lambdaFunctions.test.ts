import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  CreateFunctionCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  ListEventSourceMappingsCommand,
  ListFunctionsCommand,
  ListVersionsByFunctionCommand,
  PublishVersionCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
  type CreateFunctionCommandInput,
} from '@aws-sdk/client-lambda';
import { environmentSize } from '../../../fakes/aws/lambdaRules';
import { DFF_HANDLER, rejection, startSetup, type FakeSetup } from './setup';

describe('AWS stand-in: Lambda functions', () => {
  let setup: FakeSetup;
  beforeEach(async () => {
    setup = await startSetup();
  });
  afterEach(() => setup.close());

  const fake = () => setup.harness.fake;
  function createInput(name: string, extra: Partial<CreateFunctionCommandInput> = {}): CreateFunctionCommandInput {
    return { FunctionName: name, Runtime: 'java11', Role: setup.roleArn, Handler: DFF_HANDLER, Code: { ZipFile: Buffer.from('zip bytes') }, ...extra };
  }

  describe('ListFunctions', () => {
    function seed(count: number): void {
      for (let i = 0; i < count; i++) fake().lambda.seedFunction({ name: `fn-${String(i).padStart(3, '0')}` });
    }

    it('returns exactly 50 functions on one page with no NextMarker', async () => {
      seed(50);
      const page = await setup.lambda.send(new ListFunctionsCommand({}));
      assert.equal(page.Functions?.length, 50);
      assert.equal(page.NextMarker, undefined);
    });

    it('pages 51 functions as 50 then 1, even when MaxItems asks for more', async () => {
      seed(51);
      const first = await setup.lambda.send(new ListFunctionsCommand({ MaxItems: 100 }));
      assert.equal(first.Functions?.length, 50);
      assert.ok(first.NextMarker);
      const second = await setup.lambda.send(new ListFunctionsCommand({ Marker: first.NextMarker }));
      assert.deepEqual(second.Functions?.map((f) => f.FunctionName), ['fn-050']);
      assert.equal(second.NextMarker, undefined);
    });

    it('leaves out the state fields, as AWS documents for ListFunctions, and lists versions with FunctionVersion=ALL', async () => {
      fake().lambda.seedFunction({ name: 'versioned', versions: 2 });
      const plain = await setup.lambda.send(new ListFunctionsCommand({}));
      assert.equal(plain.Functions?.[0].State, undefined);
      assert.equal(plain.Functions?.[0].LastUpdateStatus, undefined);
      const all = await setup.lambda.send(new ListFunctionsCommand({ FunctionVersion: 'ALL' }));
      assert.deepEqual(all.Functions?.map((f) => f.Version), ['$LATEST', '1', '2']);
    });
  });

  it('creates a function Pending, then Active once the update delay has passed', async () => {
    const created = await setup.lambda.send(new CreateFunctionCommand(createInput('new-fn', { MemorySize: 1024, Timeout: 300, EphemeralStorage: { Size: 2048 } })));
    assert.equal(created.State, 'Pending');
    assert.equal(created.StateReasonCode, 'Creating');
    assert.equal(created.CodeSha256, createHash('sha256').update('zip bytes').digest('base64'));
    assert.equal(created.CodeSize, 9);
    assert.equal(created.FunctionArn, 'arn:aws:lambda:us-east-1:123456789012:function:new-fn');
    const update = await rejection(setup.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'new-fn', MemorySize: 2048 })));
    assert.equal(update.name, 'ResourceConflictException');
    assert.equal(update.message, 'The operation cannot be performed at this time. The function is currently in the following state: Pending');
    fake().advanceClock(fake().lambda.updateDelayMs);
    const active = await setup.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'new-fn' }));
    assert.equal(active.State, 'Active');
    assert.equal(active.LastUpdateStatus, 'Successful');
    assert.equal(active.StateReason, undefined);
    assert.equal(fake().lambda.function('new-fn')?.state, 'Active');
  });

  it('refuses a second update and a publish while an update is InProgress, and names the function', async () => {
    fake().lambda.seedFunction({ name: 'busy', role: setup.roleArn, handler: DFF_HANDLER, environment: { A1: 'x' } });
    const before = fake().lambda.function('busy')?.revisionId;
    const updated = await setup.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'busy', Environment: { Variables: { A1: 'y' } } }));
    assert.equal(updated.LastUpdateStatus, 'InProgress');
    assert.notEqual(updated.RevisionId, before);
    const arn = 'arn:aws:lambda:us-east-1:123456789012:function:busy';
    for (const attempt of [
      setup.lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'busy', ZipFile: Buffer.from('other') })),
      setup.lambda.send(new PublishVersionCommand({ FunctionName: 'busy' })),
    ]) {
      const error = await rejection(attempt);
      assert.equal(error.name, 'ResourceConflictException');
      assert.equal(error.$metadata?.httpStatusCode, 409);
      assert.equal(error.message, `The operation cannot be performed at this time. An update is in progress for resource: ${arn}`);
    }
    fake().lambda.updateDelayMs = 0;
    fake().advanceClock(300);
    const done = await setup.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'busy' }));
    assert.equal(done.LastUpdateStatus, 'Successful');
    assert.deepEqual(done.Environment?.Variables, { A1: 'y' });
  });

  describe('environment variables', () => {
    /** Variables whose JSON text is exactly `bytes` long. */
    function variablesOf(bytes: number): Record<string, string> {
      const base = { DF_ACCESS_KEY: 'key', PADDING: '' };
      return { ...base, PADDING: 'p'.repeat(bytes - environmentSize(base)) };
    }

    it('accepts exactly 4096 bytes (the JSON of the map, as AWS measures it) and refuses 4097', async () => {
      fake().lambda.updateDelayMs = 0;
      const fits = variablesOf(4096);
      assert.equal(environmentSize(fits), 4096);
      const created = await setup.lambda.send(new CreateFunctionCommand(createInput('env-fits', { Environment: { Variables: fits } })));
      assert.equal(created.Environment?.Variables?.PADDING.length, fits.PADDING.length);
      const over = await rejection(setup.lambda.send(new CreateFunctionCommand(createInput('env-over', { Environment: { Variables: variablesOf(4097) } }))));
      assert.equal(over.name, 'InvalidParameterValueException');
      assert.match(over.message, /exceeded the 4KB limit/);
      const update = await rejection(setup.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'env-fits', Environment: { Variables: variablesOf(4097) } })));
      assert.equal(update.name, 'InvalidParameterValueException');
      assert.equal(fake().lambda.function('env-over'), undefined);
    });

    it('refuses reserved keys, naming only those, beside a good key', async () => {
      const error = await rejection(
        setup.lambda.send(new CreateFunctionCommand(createInput('reserved', { Environment: { Variables: { FLOW_CRN: 'crn', AWS_REGION: 'eu-west-1', AWS_CUSTOM: 'x' } } }))),
      );
      assert.equal(error.name, 'InvalidParameterValueException');
      assert.match(error.message, /reserved keys .* Reserved keys used in this request: AWS_REGION, AWS_CUSTOM$/);
      assert.ok(!error.message.includes('FLOW_CRN'));
    });

    it('refuses keys Lambda cannot hold (one character, a leading digit or underscore)', async () => {
      for (const key of ['A', '1A', '_HANDLER', 'has-dash']) {
        const error = await rejection(setup.lambda.send(new CreateFunctionCommand(createInput('bad-key', { Environment: { Variables: { GOOD_KEY: 'v', [key]: 'v' } } }))));
        assert.equal(error.name, 'ValidationException', key);
      }
      await setup.lambda.send(new CreateFunctionCommand(createInput('two-chars', { Environment: { Variables: { AB: 'v' } } })));
    });
  });

  describe('limits at their boundaries', () => {
    const cases: [string, Partial<CreateFunctionCommandInput>, Partial<CreateFunctionCommandInput>][] = [
      ['memory', { MemorySize: 128 }, { MemorySize: 127 }],
      ['memory', { MemorySize: 10240 }, { MemorySize: 10241 }],
      ['timeout', { Timeout: 1 }, { Timeout: 0 }],
      ['timeout', { Timeout: 900 }, { Timeout: 901 }],
      ['ephemeral storage', { EphemeralStorage: { Size: 512 } }, { EphemeralStorage: { Size: 511 } }],
      ['ephemeral storage', { EphemeralStorage: { Size: 10240 } }, { EphemeralStorage: { Size: 10241 } }],
    ];
    cases.forEach(([what, ok, bad], i) => {
      it(`${what}: ${JSON.stringify(ok)} accepted, ${JSON.stringify(bad)} refused`, async () => {
        await setup.lambda.send(new CreateFunctionCommand(createInput(`ok-${i}`, ok)));
        const error = await rejection(setup.lambda.send(new CreateFunctionCommand(createInput(`bad-${i}`, bad))));
        assert.equal(error.name, 'ValidationException');
      });
    });

    it('function names: 64 characters accepted, 65 refused, other characters refused', async () => {
      await setup.lambda.send(new CreateFunctionCommand(createInput('a'.repeat(64))));
      assert.equal((await rejection(setup.lambda.send(new CreateFunctionCommand(createInput('a'.repeat(65)))))).name, 'ValidationException');
      assert.equal((await rejection(setup.lambda.send(new CreateFunctionCommand(createInput('has space'))))).name, 'ValidationException');
      const duplicate = await rejection(setup.lambda.send(new CreateFunctionCommand(createInput('a'.repeat(64)))));
      assert.equal(duplicate.name, 'ResourceConflictException');
    });

    it('runtimes from Lambda list only; handler required', async () => {
      await setup.lambda.send(new CreateFunctionCommand(createInput('java8', { Runtime: 'java8.al2' })));
      assert.equal((await rejection(setup.lambda.send(new CreateFunctionCommand(createInput('old', { Runtime: 'java8' }))))).name, 'InvalidParameterValueException');
      assert.equal((await rejection(setup.lambda.send(new CreateFunctionCommand(createInput('odd', { Runtime: 'cobol' as 'java11' }))))).name, 'ValidationException');
      assert.equal((await rejection(setup.lambda.send(new CreateFunctionCommand(createInput('nohandler', { Handler: undefined }))))).name, 'InvalidParameterValueException');
    });
  });

  it('refuses a role that does not exist or does not trust Lambda', async () => {
    const ec2Trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
    const ec2Role = fake().iam.seedRole('ec2-only', { assumeRolePolicyDocument: ec2Trust }).arn;
    for (const role of [ec2Role, 'arn:aws:iam::123456789012:role/missing']) {
      const error = await rejection(setup.lambda.send(new CreateFunctionCommand(createInput('role-test', { Role: role }))));
      assert.equal(error.name, 'InvalidParameterValueException');
      assert.equal(error.message, 'The role defined for the function cannot be assumed by Lambda.');
    }
    await setup.lambda.send(new CreateFunctionCommand(createInput('role-test')));
  });

  it('takes code from an S3 object that exists, hashing its bytes', async () => {
    fake().s3.seedBucket('code', { objects: { 'dff.zip': 'the package' } });
    const created = await setup.lambda.send(new CreateFunctionCommand(createInput('from-s3', { Code: { S3Bucket: 'code', S3Key: 'dff.zip' } })));
    assert.equal(created.CodeSha256, createHash('sha256').update('the package').digest('base64'));
    const missing = await rejection(setup.lambda.send(new CreateFunctionCommand(createInput('no-key', { Code: { S3Bucket: 'code', S3Key: 'other.zip' } }))));
    assert.match(missing.message, /NoSuchKey/);
    const noBucket = await rejection(setup.lambda.send(new CreateFunctionCommand(createInput('no-bucket', { Code: { S3Bucket: 'nope', S3Key: 'dff.zip' } }))));
    assert.match(noBucket.message, /NoSuchBucket/);
  });

  describe('PublishVersion', () => {
    beforeEach(() => {
      fake().lambda.updateDelayMs = 0;
      fake().lambda.seedFunction({ name: 'pub', role: setup.roleArn, handler: DFF_HANDLER, environment: { KEY1: 'a' } });
    });

    it('returns the last version again when nothing changed, and a new one after a change', async () => {
      const first = await setup.lambda.send(new PublishVersionCommand({ FunctionName: 'pub' }));
      assert.equal(first.Version, '1');
      const again = await setup.lambda.send(new PublishVersionCommand({ FunctionName: 'pub' }));
      assert.equal(again.Version, '1');
      assert.equal(again.RevisionId, first.RevisionId);
      await setup.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'pub', Environment: { Variables: { KEY1: 'b' } } }));
      const second = await setup.lambda.send(new PublishVersionCommand({ FunctionName: 'pub' }));
      assert.equal(second.Version, '2');
      const versions = await setup.lambda.send(new ListVersionsByFunctionCommand({ FunctionName: 'pub' }));
      assert.deepEqual(versions.Versions?.map((v) => [v.Version, v.Environment?.Variables?.KEY1]), [['$LATEST', 'b'], ['1', 'a'], ['2', 'b']]);
      const frozen = await setup.lambda.send(new GetFunctionCommand({ FunctionName: 'pub', Qualifier: '1' }));
      assert.equal(frozen.Configuration?.Environment?.Variables?.KEY1, 'a');
      assert.equal(frozen.Configuration?.FunctionArn, 'arn:aws:lambda:us-east-1:123456789012:function:pub:1');
    });

    it('refuses stale RevisionId and CodeSha256 preconditions with 412', async () => {
      const current = await setup.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'pub' }));
      const revision = await rejection(setup.lambda.send(new PublishVersionCommand({ FunctionName: 'pub', RevisionId: 'stale' })));
      assert.equal(revision.name, 'PreconditionFailedException');
      assert.equal(revision.$metadata?.httpStatusCode, 412);
      const sha = await rejection(setup.lambda.send(new PublishVersionCommand({ FunctionName: 'pub', CodeSha256: 'c3RhbGU=' })));
      assert.equal(sha.name, 'PreconditionFailedException');
      const ok = await setup.lambda.send(new PublishVersionCommand({ FunctionName: 'pub', RevisionId: current.RevisionId, CodeSha256: current.CodeSha256 }));
      assert.equal(ok.Version, '1');
    });
  });

  it('finds a function by name, partial ARN, full ARN and name:qualifier; not found names the ARN', async () => {
    fake().lambda.seedFunction({ name: 'named', versions: 1 });
    for (const name of ['named', '123456789012:function:named', 'arn:aws:lambda:us-east-1:123456789012:function:named']) {
      const found = await setup.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: name }));
      assert.equal(found.FunctionName, 'named');
    }
    assert.equal((await setup.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'named:1' }))).Version, '1');
    const missing = await rejection(setup.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'named', Qualifier: '7' })));
    assert.equal(missing.name, 'ResourceNotFoundException');
    assert.equal(missing.message, 'Function not found: arn:aws:lambda:us-east-1:123456789012:function:named:7');
  });

  it('lists event source mappings of a function (none unless seeded)', async () => {
    fake().lambda.seedFunction({ name: 'consumer', versions: 1 });
    fake().lambda.seedFunction({ name: 'other' });
    assert.deepEqual((await setup.lambda.send(new ListEventSourceMappingsCommand({ FunctionName: 'consumer' }))).EventSourceMappings, []);
    fake().lambda.seedEventSourceMapping({ functionName: 'consumer', eventSourceArn: 'arn:aws:sqs:us-east-1:123456789012:q' });
    fake().lambda.seedEventSourceMapping({ functionName: 'other', eventSourceArn: 'arn:aws:sqs:us-east-1:123456789012:q2' });
    const listed = await setup.lambda.send(new ListEventSourceMappingsCommand({ FunctionName: 'consumer' }));
    assert.deepEqual(listed.EventSourceMappings?.map((m) => [m.FunctionArn, m.EventSourceArn, m.State]), [
      ['arn:aws:lambda:us-east-1:123456789012:function:consumer', 'arn:aws:sqs:us-east-1:123456789012:q', 'Enabled'],
    ]);
    assert.ok(listed.EventSourceMappings?.[0].LastModified instanceof Date);
  });
});
