import * as assert from 'node:assert/strict';
import {
  CreateSecretCommand,
  DescribeSecretCommand,
  GetResourcePolicyCommand,
  GetSecretValueCommand,
  ListSecretsCommand,
  PutSecretValueCommand,
  TagResourceCommand,
  UpdateSecretCommand,
} from '@aws-sdk/client-secrets-manager';
import { rejection, startStorage, type StorageSetup } from './setup';

const VALUE = '{"DF_PRIVATE_KEY":"do-not-leak-0451","db.password":"hunter2-0451"}';
const NEW_VALUE = '{"DF_PRIVATE_KEY":"rotated-key-7788"}';

describe('AWS stand-in: Secrets Manager', () => {
  let setup: StorageSetup;

  beforeEach(async () => {
    setup = await startStorage();
  });
  afterEach(() => setup.close());

  const client = () => setup.secretsClient();
  const create = (Name: string, extra: Partial<ConstructorParameters<typeof CreateSecretCommand>[0]> = {}) => client().send(new CreateSecretCommand({ Name, SecretString: VALUE, ...extra }));

  it('creates a secret whose ARN ends in a random 6-character suffix, with a version', async () => {
    const created = await create('dff/orders', { Description: 'orders flow', KmsKeyId: 'alias/dff', Tags: [{ Key: 'dff:flow', Value: 'orders' }] });
    assert.match(created.ARN ?? '', new RegExp(`^arn:aws:secretsmanager:${setup.aws.region}:${setup.aws.account}:secret:dff/orders-[A-Za-z0-9]{6}$`));
    assert.equal(created.Name, 'dff/orders');
    assert.match(created.VersionId ?? '', /^[0-9a-f-]{32,64}$/);
    assert.equal(setup.secrets.currentValue('dff/orders'), VALUE);
  });

  it('takes a name of 512 characters and refuses 513, or a character outside [A-Za-z0-9/_+=.@-]', async () => {
    await create('n'.repeat(512));
    const tooLong = await rejection(create('n'.repeat(513)));
    assert.equal(tooLong.name, 'ValidationException');
    assert.equal(tooLong.$metadata?.httpStatusCode, 400);
    assert.match(tooLong.message, /Member must have length less than or equal to 512/);
    const badCharacter = await rejection(create('dff orders'));
    assert.equal(badCharacter.name, 'InvalidParameterException');
    await create('dff/+=.@_-orders');
    assert.ok(setup.secrets.secret('dff/+=.@_-orders'));
    assert.equal(setup.secrets.secret('n'.repeat(513)), undefined);
  });

  it('takes a value of 65536 characters and refuses 65537 without repeating it', async () => {
    await create('at-limit', { SecretString: 'v'.repeat(65536) });
    const over = await rejection(create('over-limit', { SecretString: `${'v'.repeat(65531)}SECRET` }));
    assert.equal(over.name, 'ValidationException');
    assert.doesNotMatch(over.message, /SECRET|vvvv/);
    assert.equal(setup.secrets.secret('over-limit'), undefined);
  });

  it('answers ResourceExistsException for a name already taken', async () => {
    await create('dff/orders');
    const error = await rejection(create('dff/orders', { SecretString: NEW_VALUE }));
    assert.equal(error.name, 'ResourceExistsException');
    assert.equal(error.$metadata?.httpStatusCode, 400);
    assert.equal(setup.secrets.currentValue('dff/orders'), VALUE, 'the first value stays');
  });

  it('finds a secret by its name, its full ARN and its ARN without the suffix, and nothing by a wrong suffix', async () => {
    const arn = (await create('dff/orders')).ARN ?? '';
    const partial = arn.slice(0, -7);
    for (const SecretId of ['dff/orders', arn, partial]) {
      assert.equal((await client().send(new GetSecretValueCommand({ SecretId }))).ARN, arn, SecretId);
    }
    const wrongSuffix = `${partial}-AAAAAA` === arn ? `${partial}-BBBBBB` : `${partial}-AAAAAA`;
    const error = await rejection(client().send(new GetSecretValueCommand({ SecretId: wrongSuffix })));
    assert.equal(error.name, 'ResourceNotFoundException');
    assert.equal(error.message, "Secrets Manager can't find the specified secret.");
  });

  it('makes a PutSecretValue the AWSCURRENT version, and the one before it AWSPREVIOUS', async () => {
    const first = await create('dff/orders');
    const put = await client().send(new PutSecretValueCommand({ SecretId: 'dff/orders', SecretString: NEW_VALUE }));
    assert.notEqual(put.VersionId, first.VersionId);
    assert.deepEqual(put.VersionStages, ['AWSCURRENT']);
    const current = await client().send(new GetSecretValueCommand({ SecretId: 'dff/orders' }));
    assert.deepEqual([current.SecretString, current.VersionId, current.VersionStages], [NEW_VALUE, put.VersionId, ['AWSCURRENT']]);
    const previous = await client().send(new GetSecretValueCommand({ SecretId: 'dff/orders', VersionStage: 'AWSPREVIOUS' }));
    assert.deepEqual([previous.SecretString, previous.VersionId], [VALUE, first.VersionId]);
  });

  it('treats a PutSecretValue repeated with the same token and value as one version, and refuses the token with another value', async () => {
    await create('dff/orders');
    const token = 'a1b2c3d4-0000-4000-8000-00000000abcd';
    const once = await client().send(new PutSecretValueCommand({ SecretId: 'dff/orders', SecretString: NEW_VALUE, ClientRequestToken: token }));
    const again = await client().send(new PutSecretValueCommand({ SecretId: 'dff/orders', SecretString: NEW_VALUE, ClientRequestToken: token }));
    assert.equal(again.VersionId, once.VersionId);
    assert.equal(setup.secrets.secret('dff/orders')?.versions.length, 2);
    const changed = await rejection(client().send(new PutSecretValueCommand({ SecretId: 'dff/orders', SecretString: 'other', ClientRequestToken: token })));
    assert.equal(changed.name, 'ResourceExistsException');
  });

  it('describes a secret (ARN, name, tags, KMS key, versions) and never returns its value', async () => {
    const created = await create('dff/orders', { KmsKeyId: 'alias/dff', Tags: [{ Key: 'dff:flow', Value: 'orders' }] });
    const described = await client().send(new DescribeSecretCommand({ SecretId: 'dff/orders' }));
    assert.equal(described.ARN, created.ARN);
    assert.equal(described.KmsKeyId, 'alias/dff');
    assert.deepEqual(described.Tags, [{ Key: 'dff:flow', Value: 'orders' }]);
    assert.deepEqual(described.VersionIdsToStages, { [created.VersionId ?? '']: ['AWSCURRENT'] });
    assert.ok(described.CreatedDate instanceof Date);
    const text = JSON.stringify(described);
    assert.doesNotMatch(text, /SecretString|do-not-leak|hunter2/);
  });

  it('merges tags from TagResource and updates the description and value with UpdateSecret', async () => {
    await create('dff/orders', { Tags: [{ Key: 'owner', Value: 'a' }] });
    await client().send(new TagResourceCommand({ SecretId: 'dff/orders', Tags: [{ Key: 'owner', Value: 'b' }, { Key: 'dff:flow', Value: 'orders' }] }));
    const updated = await client().send(new UpdateSecretCommand({ SecretId: 'dff/orders', Description: 'now described', SecretString: NEW_VALUE }));
    assert.ok(updated.VersionId);
    const described = await client().send(new DescribeSecretCommand({ SecretId: 'dff/orders' }));
    assert.equal(described.Description, 'now described');
    assert.deepEqual(
      [...(described.Tags ?? [])].sort((x, y) => (x.Key ?? '').localeCompare(y.Key ?? '')),
      [
        { Key: 'dff:flow', Value: 'orders' },
        { Key: 'owner', Value: 'b' },
      ],
    );
    assert.equal(setup.secrets.currentValue('dff/orders'), NEW_VALUE);
  });

  it('lists secrets filtered by name prefix, without values', async () => {
    await create('dff/orders');
    await create('dff/audit');
    await create('other/thing');
    const listed = await client().send(new ListSecretsCommand({ Filters: [{ Key: 'name', Values: ['dff/'] }] }));
    assert.deepEqual(listed.SecretList?.map((s) => s.Name).sort(), ['dff/audit', 'dff/orders']);
    assert.doesNotMatch(JSON.stringify(listed), /do-not-leak/);
  });

  it('answers GetResourcePolicy with the secret’s policy, or none', async () => {
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 'secretsmanager:DeleteSecret', Resource: '*' }] });
    setup.secrets.seedSecret('with-policy', { secretString: 'x', resourcePolicy: policy });
    await create('without-policy');
    assert.equal((await client().send(new GetResourcePolicyCommand({ SecretId: 'with-policy' }))).ResourcePolicy, policy);
    const none = await client().send(new GetResourcePolicyCommand({ SecretId: 'without-policy' }));
    assert.equal(none.ResourcePolicy, undefined);
    assert.equal(none.Name, 'without-policy');
  });

  it('answers GetSecretValue on a secret created without a value with ResourceNotFoundException for AWSCURRENT', async () => {
    await client().send(new CreateSecretCommand({ Name: 'empty' }));
    const error = await rejection(client().send(new GetSecretValueCommand({ SecretId: 'empty' })));
    assert.equal(error.name, 'ResourceNotFoundException');
    assert.match(error.message, /staging label: AWSCURRENT/);
  });

  it('answers injected faults with Secrets Manager’s own errors', async () => {
    setup.aws.inject({ service: 'secretsmanager', operation: 'CreateSecret', kind: 'accessDenied' });
    const denied = await rejection(create('dff/orders'));
    assert.equal(denied.name, 'AccessDeniedException');
    assert.match(denied.message, new RegExp(`^User: ${setup.callerArn} is not authorized to perform: secretsmanager:CreateSecret on resource: dff/orders`));
    assert.doesNotMatch(denied.message, /do-not-leak/);
    const expected: [Parameters<StorageSetup['aws']['inject']>[0]['kind'], string, number][] = [
      ['throttle', 'ThrottlingException', 400],
      ['expiredToken', 'ExpiredTokenException', 400],
      ['internal', 'InternalServiceError', 500],
    ];
    for (const [kind, name, status] of expected) {
      setup.aws.inject({ service: 'secretsmanager', kind });
      const error = await rejection(create('dff/orders'));
      assert.deepEqual([error.name, error.$metadata?.httpStatusCode], [name, status]);
    }
    assert.equal(setup.secrets.secret('dff/orders'), undefined, 'no fault created the secret');
  });
});
