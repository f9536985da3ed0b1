import * as assert from 'node:assert/strict';
import {
  AddPermissionCommand,
  CreateAliasCommand,
  GetAliasCommand,
  GetPolicyCommand,
  ListAliasesCommand,
  RemovePermissionCommand,
  UpdateAliasCommand,
} from '@aws-sdk/client-lambda';
import { rejection, startSetup, type FakeSetup } from './setup';

const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:flow';
const BUCKET_ARN = 'arn:aws:s3:::incoming';

describe('AWS stand-in: Lambda aliases and resource policies', () => {
  let setup: FakeSetup;
  beforeEach(async () => {
    setup = await startSetup();
    setup.harness.fake.lambda.seedFunction({ name: 'flow', versions: 3 });
  });
  afterEach(() => setup.close());

  it('creates, reads, moves and lists aliases; refuses a duplicate and a missing version', async () => {
    const created = await setup.lambda.send(new CreateAliasCommand({ FunctionName: 'flow', Name: 'live', FunctionVersion: '2' }));
    assert.equal(created.AliasArn, `${ARN}:live`);
    await setup.lambda.send(new CreateAliasCommand({ FunctionName: 'flow', Name: 'edge', FunctionVersion: '$LATEST' }));
    const duplicate = await rejection(setup.lambda.send(new CreateAliasCommand({ FunctionName: 'flow', Name: 'live', FunctionVersion: '1' })));
    assert.equal(duplicate.name, 'ResourceConflictException');
    const missing = await rejection(setup.lambda.send(new CreateAliasCommand({ FunctionName: 'flow', Name: 'next', FunctionVersion: '9' })));
    assert.equal(missing.name, 'ResourceNotFoundException');
    const numeric = await rejection(setup.lambda.send(new CreateAliasCommand({ FunctionName: 'flow', Name: '12', FunctionVersion: '1' })));
    assert.equal(numeric.name, 'ValidationException');

    const stale = await rejection(setup.lambda.send(new UpdateAliasCommand({ FunctionName: 'flow', Name: 'live', FunctionVersion: '3', RevisionId: 'old' })));
    assert.equal(stale.name, 'PreconditionFailedException');
    const moved = await setup.lambda.send(new UpdateAliasCommand({ FunctionName: 'flow', Name: 'live', FunctionVersion: '3', RevisionId: created.RevisionId }));
    assert.equal(moved.FunctionVersion, '3');
    assert.notEqual(moved.RevisionId, created.RevisionId);
    assert.equal((await setup.lambda.send(new GetAliasCommand({ FunctionName: 'flow', Name: 'live' }))).FunctionVersion, '3');
    const list = await setup.lambda.send(new ListAliasesCommand({ FunctionName: 'flow' }));
    assert.deepEqual(list.Aliases?.map((a) => [a.Name, a.FunctionVersion]), [['edge', '$LATEST'], ['live', '3']]);
    const onThree = await setup.lambda.send(new ListAliasesCommand({ FunctionName: 'flow', FunctionVersion: '3' }));
    assert.deepEqual(onThree.Aliases?.map((a) => a.Name), ['live']);
    const gone = await rejection(setup.lambda.send(new GetAliasCommand({ FunctionName: 'flow', Name: 'nope' })));
    assert.equal(gone.name, 'ResourceNotFoundException');
  });

  it('keeps one policy per qualifier: the function, a version and an alias each have their own', async () => {
    await setup.lambda.send(new CreateAliasCommand({ FunctionName: 'flow', Name: 'live', FunctionVersion: '3' }));
    const added = await setup.lambda.send(
      new AddPermissionCommand({ FunctionName: 'flow', Qualifier: 'live', StatementId: 's3-live', Action: 'lambda:InvokeFunction', Principal: 's3.amazonaws.com', SourceArn: BUCKET_ARN, SourceAccount: '123456789012' }),
    );
    assert.deepEqual(JSON.parse(added.Statement ?? '{}'), {
      Sid: 's3-live',
      Effect: 'Allow',
      Principal: { Service: 's3.amazonaws.com' },
      Action: 'lambda:InvokeFunction',
      Resource: `${ARN}:live`,
      Condition: { StringEquals: { 'AWS:SourceAccount': '123456789012' }, ArnLike: { 'AWS:SourceArn': BUCKET_ARN } },
    });
    await setup.lambda.send(new AddPermissionCommand({ FunctionName: 'flow', Qualifier: '2', StatementId: 's3-v2', Action: 'lambda:InvokeFunction', Principal: 's3.amazonaws.com', SourceArn: BUCKET_ARN }));

    const live = JSON.parse((await setup.lambda.send(new GetPolicyCommand({ FunctionName: 'flow', Qualifier: 'live' }))).Policy ?? '{}');
    assert.deepEqual(live.Statement.map((s: { Sid: string }) => s.Sid), ['s3-live']);
    assert.equal(live.Version, '2012-10-17');
    const v2 = JSON.parse((await setup.lambda.send(new GetPolicyCommand({ FunctionName: `${ARN}:2` }))).Policy ?? '{}');
    assert.deepEqual(v2.Statement.map((s: { Sid: string }) => s.Sid), ['s3-v2']);
    const unqualified = await rejection(setup.lambda.send(new GetPolicyCommand({ FunctionName: 'flow' })));
    assert.equal(unqualified.name, 'ResourceNotFoundException');

    const fake = setup.harness.fake;
    assert.deepEqual(fake.lambda.allowsS3Invoke(`${ARN}:live`, BUCKET_ARN), { exists: true, allowed: true });
    assert.deepEqual(fake.lambda.allowsS3Invoke(`${ARN}:live`, 'arn:aws:s3:::other'), { exists: true, allowed: false });
    assert.deepEqual(fake.lambda.allowsS3Invoke(`${ARN}:3`, BUCKET_ARN), { exists: true, allowed: false });
    assert.deepEqual(fake.lambda.allowsS3Invoke(ARN, BUCKET_ARN), { exists: true, allowed: false });
    assert.deepEqual(fake.lambda.allowsS3Invoke(`${ARN}:9`, BUCKET_ARN), { exists: false, allowed: false });
  });

  it('refuses a statement id already used, a malformed principal, SourceArn and SourceAccount', async () => {
    const base = { FunctionName: 'flow', StatementId: 'one', Action: 'lambda:InvokeFunction', Principal: 's3.amazonaws.com' };
    await setup.lambda.send(new AddPermissionCommand(base));
    const again = await rejection(setup.lambda.send(new AddPermissionCommand(base)));
    assert.equal(again.name, 'ResourceConflictException');
    assert.match(again.message, /statement id \(sid\) provided already exists/);
    const principal = await rejection(setup.lambda.send(new AddPermissionCommand({ ...base, StatementId: 'two', Principal: 'not a principal' })));
    assert.equal(principal.name, 'InvalidParameterValueException');
    const sourceArn = await rejection(setup.lambda.send(new AddPermissionCommand({ ...base, StatementId: 'three', SourceArn: 'bucket' })));
    assert.equal(sourceArn.name, 'ValidationException');
    const account = await rejection(setup.lambda.send(new AddPermissionCommand({ ...base, StatementId: 'four', SourceAccount: '12345' })));
    assert.equal(account.name, 'ValidationException');
    const other = await setup.lambda.send(new AddPermissionCommand({ ...base, StatementId: 'five', Principal: '210987654321' }));
    assert.deepEqual(JSON.parse(other.Statement ?? '{}').Principal, { AWS: 'arn:aws:iam::210987654321:root' });
  });

  it('removes a statement, and says so when it is not there', async () => {
    await setup.lambda.send(new AddPermissionCommand({ FunctionName: 'flow', StatementId: 'one', Action: 'lambda:InvokeFunction', Principal: 's3.amazonaws.com' }));
    await setup.lambda.send(new RemovePermissionCommand({ FunctionName: 'flow', StatementId: 'one' }));
    assert.equal((await rejection(setup.lambda.send(new GetPolicyCommand({ FunctionName: 'flow' })))).name, 'ResourceNotFoundException');
    assert.equal((await rejection(setup.lambda.send(new RemovePermissionCommand({ FunctionName: 'flow', StatementId: 'one' })))).name, 'ResourceNotFoundException');
  });
});
