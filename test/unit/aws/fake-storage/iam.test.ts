import * as assert from 'node:assert/strict';
import {
  AttachRolePolicyCommand,
  CreateRoleCommand,
  DeleteRolePolicyCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
  ListRoleTagsCommand,
  PutRolePolicyCommand,
  TagRoleCommand,
} from '@aws-sdk/client-iam';
import { LAMBDA_TRUST_POLICY } from '../../../fakes/aws/iam';
import { rejection, startStorage, type StorageSetup } from './setup';

const BASIC_EXECUTION = 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole';
const SECRET_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:dff/flow-??????' }],
});

/** A Lambda trust policy padded (with a Sid) to exactly `size` characters that IAM counts (whitespace is free). */
function trustPolicyOfSize(size: number): string {
  const base = (sid: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: sid, Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
  const policy = base('S'.repeat(size - base('').length));
  assert.equal(policy.length, size);
  return policy;
}

describe('AWS stand-in: IAM', () => {
  let setup: StorageSetup;

  beforeEach(async () => {
    setup = await startStorage();
  });
  afterEach(() => setup.close());

  const createRole = (RoleName: string, AssumeRolePolicyDocument: string | null = LAMBDA_TRUST_POLICY, extra: Partial<ConstructorParameters<typeof CreateRoleCommand>[0]> = {}) =>
    setup.iamClient.send(new CreateRoleCommand({ RoleName, AssumeRolePolicyDocument: (AssumeRolePolicyDocument ?? undefined) as string, ...extra }));

  it('creates a role with its ARN, path, description and tags, and GetRole answers it with the trust policy URL-encoded', async () => {
    const created = await createRole('dff-exec', LAMBDA_TRUST_POLICY, { Path: '/service-role/', Description: 'DataFlow Functions', Tags: [{ Key: 'owner', Value: 'dff' }] });
    assert.equal(created.Role?.Arn, `arn:aws:iam::${setup.aws.account}:role/service-role/dff-exec`);
    assert.match(created.Role?.RoleId ?? '', /^AROA[A-Z2-7]{17}$/);
    assert.ok(created.Role?.CreateDate instanceof Date);
    const got = await setup.iamClient.send(new GetRoleCommand({ RoleName: 'dff-exec' }));
    assert.equal(got.Role?.Path, '/service-role/');
    assert.equal(got.Role?.Description, 'DataFlow Functions');
    assert.deepEqual(got.Role?.Tags, [{ Key: 'owner', Value: 'dff' }]);
    assert.equal(got.Role?.MaxSessionDuration, 3600);
    // The SDK does not decode it: callers must, as with real IAM.
    assert.equal(got.Role?.AssumeRolePolicyDocument, encodeURIComponent(LAMBDA_TRUST_POLICY));
    assert.equal(setup.iam.role('dff-exec')?.assumeRolePolicyDocument, LAMBDA_TRUST_POLICY);
  });

  it('takes a role name of 64 characters and refuses 65, or a character outside [\\w+=,.@-]', async () => {
    await createRole('r'.repeat(64));
    const tooLong = await rejection(createRole('r'.repeat(65)));
    assert.equal(tooLong.name, 'ValidationError');
    assert.equal(tooLong.$metadata?.httpStatusCode, 400);
    assert.match(tooLong.message, /at 'roleName' failed to satisfy constraint: Member must have length less than or equal to 64/);
    const badCharacter = await rejection(createRole('dff exec'));
    assert.equal(badCharacter.name, 'ValidationError');
    await createRole('dff+=,.@_-exec');
    assert.ok(setup.iam.role('dff+=,.@_-exec'));
    assert.equal(setup.iam.role('r'.repeat(65)), undefined);
  });

  it('refuses a trust policy that is not valid JSON, not a trust policy, or missing, and stores none of them', async () => {
    const invalidJson = await rejection(createRole('bad-json', '{"Version":"2012-10-17",'));
    assert.equal(invalidJson.name, 'MalformedPolicyDocumentException');
    assert.equal(invalidJson.message, 'This policy contains invalid Json');
    const withResource = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole', Resource: '*' }] });
    assert.equal((await rejection(createRole('with-resource', withResource))).name, 'MalformedPolicyDocumentException');
    const missing = await rejection(createRole('no-policy', null));
    assert.equal(missing.name, 'ValidationError');
    assert.match(missing.message, /Value null at 'assumeRolePolicyDocument'/);
    await createRole('good', LAMBDA_TRUST_POLICY);
    assert.deepEqual(
      ['bad-json', 'with-resource', 'no-policy', 'good'].map((name) => setup.iam.role(name) !== undefined),
      [false, false, false, true],
    );
  });

  it('takes a trust policy of 2048 counted characters and refuses 2049 (LimitExceeded)', async () => {
    await createRole('at-limit', trustPolicyOfSize(2048));
    const over = await rejection(createRole('over-limit', trustPolicyOfSize(2049)));
    assert.equal(over.name, 'LimitExceededException');
    assert.equal(over.$metadata?.httpStatusCode, 409);
  });

  it('answers EntityAlreadyExists (409) for a role name already taken, in any case', async () => {
    await createRole('dff-exec');
    for (const name of ['dff-exec', 'DFF-Exec']) {
      const error = await rejection(createRole(name));
      assert.equal(error.name, 'EntityAlreadyExistsException');
      assert.equal(error.$metadata?.httpStatusCode, 409);
      assert.equal(error.message, `Role with name ${name} already exists.`);
    }
  });

  it('answers NoSuchEntity (404) for a role that does not exist', async () => {
    const error = await rejection(setup.iamClient.send(new GetRoleCommand({ RoleName: 'missing' })));
    assert.equal(error.name, 'NoSuchEntityException');
    assert.equal(error.$metadata?.httpStatusCode, 404);
    assert.equal(error.message, 'The role with name missing cannot be found.');
  });

  it('attaches AWSLambdaBasicExecutionRole once however often asked, and refuses an unknown managed policy', async () => {
    await createRole('dff-exec');
    await setup.iamClient.send(new AttachRolePolicyCommand({ RoleName: 'dff-exec', PolicyArn: BASIC_EXECUTION }));
    await setup.iamClient.send(new AttachRolePolicyCommand({ RoleName: 'dff-exec', PolicyArn: BASIC_EXECUTION }));
    const unknown = await rejection(setup.iamClient.send(new AttachRolePolicyCommand({ RoleName: 'dff-exec', PolicyArn: 'arn:aws:iam::aws:policy/NoSuchPolicy' })));
    assert.equal(unknown.name, 'NoSuchEntityException');
    assert.match(unknown.message, /NoSuchPolicy does not exist or is not attachable/);
    const listed = await setup.iamClient.send(new ListAttachedRolePoliciesCommand({ RoleName: 'dff-exec' }));
    assert.deepEqual(listed.AttachedPolicies, [{ PolicyName: 'AWSLambdaBasicExecutionRole', PolicyArn: BASIC_EXECUTION }]);
    assert.equal(listed.IsTruncated, false);
  });

  it('round-trips an inline policy: the SDK hands back the URL-encoded document as IAM sends it', async () => {
    await createRole('dff-exec');
    await setup.iamClient.send(new PutRolePolicyCommand({ RoleName: 'dff-exec', PolicyName: 'dff-secrets', PolicyDocument: SECRET_POLICY }));
    const got = await setup.iamClient.send(new GetRolePolicyCommand({ RoleName: 'dff-exec', PolicyName: 'dff-secrets' }));
    assert.equal(got.PolicyDocument, encodeURIComponent(SECRET_POLICY));
    assert.deepEqual(JSON.parse(decodeURIComponent(got.PolicyDocument ?? '')), JSON.parse(SECRET_POLICY));
    assert.deepEqual((await setup.iamClient.send(new ListRolePoliciesCommand({ RoleName: 'dff-exec' }))).PolicyNames, ['dff-secrets']);
    await setup.iamClient.send(new DeleteRolePolicyCommand({ RoleName: 'dff-exec', PolicyName: 'dff-secrets' }));
    assert.equal((await rejection(setup.iamClient.send(new GetRolePolicyCommand({ RoleName: 'dff-exec', PolicyName: 'dff-secrets' })))).name, 'NoSuchEntityException');
    assert.deepEqual((await setup.iamClient.send(new ListRolePoliciesCommand({ RoleName: 'dff-exec' }))).PolicyNames, []);
  });

  it('refuses an inline policy that names a principal, and keeps the good one put beside it', async () => {
    await createRole('dff-exec');
    const withPrincipal = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' }] });
    const error = await rejection(setup.iamClient.send(new PutRolePolicyCommand({ RoleName: 'dff-exec', PolicyName: 'bad', PolicyDocument: withPrincipal })));
    assert.equal(error.name, 'MalformedPolicyDocumentException');
    await setup.iamClient.send(new PutRolePolicyCommand({ RoleName: 'dff-exec', PolicyName: 'good', PolicyDocument: SECRET_POLICY }));
    assert.deepEqual([...(setup.iam.role('dff-exec')?.inlinePolicies.keys() ?? [])], ['good']);
  });

  it('merges tags from TagRole, a tag with an existing key replacing it', async () => {
    await createRole('dff-exec', LAMBDA_TRUST_POLICY, { Tags: [{ Key: 'owner', Value: 'a' }, { Key: 'team', Value: 'data' }] });
    await setup.iamClient.send(new TagRoleCommand({ RoleName: 'dff-exec', Tags: [{ Key: 'owner', Value: 'b' }, { Key: 'dff:flow', Value: 'orders' }] }));
    const tags = (await setup.iamClient.send(new ListRoleTagsCommand({ RoleName: 'dff-exec' }))).Tags ?? [];
    assert.deepEqual(
      [...tags].sort((x, y) => (x.Key ?? '').localeCompare(y.Key ?? '')),
      [
        { Key: 'dff:flow', Value: 'orders' },
        { Key: 'owner', Value: 'b' },
        { Key: 'team', Value: 'data' },
      ],
    );
  });

  it('tells Lambda a role is assumable only when its trust policy allows lambda.amazonaws.com', async () => {
    const ec2Trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
    const lambda = (await createRole('for-lambda')).Role?.Arn ?? '';
    const ec2 = (await createRole('for-ec2', ec2Trust)).Role?.Arn ?? '';
    const roles = setup.aws.world.roles;
    assert.ok(roles);
    assert.deepEqual(roles.role(lambda), { exists: true, assumableByLambda: true });
    assert.deepEqual(roles.role(ec2), { exists: true, assumableByLambda: false });
    assert.deepEqual(roles.role(`arn:aws:iam::${setup.aws.account}:role/never-created`), { exists: false, assumableByLambda: false });
  });

  it('models IAM propagation: a new role is not assumable by Lambda until propagationDelayMs has passed', async () => {
    setup.iam.propagationDelayMs = 8000;
    const arn = (await createRole('fresh')).Role?.Arn ?? '';
    const roles = setup.aws.world.roles;
    assert.ok(roles);
    assert.deepEqual(roles.role(arn), { exists: true, assumableByLambda: false });
    // The stand-in's clock runs with real time: stop 20 ms short of the boundary, then cross it.
    const remaining = (setup.iam.role('fresh')?.trustChangedAt ?? 0) + 8000 - setup.aws.world.now();
    setup.aws.advanceClock(remaining - 20);
    assert.equal(roles.role(arn).assumableByLambda, false);
    setup.aws.advanceClock(20);
    assert.equal(roles.role(arn).assumableByLambda, true);
  });

  it('answers injected faults with IAM’s own errors', async () => {
    setup.aws.inject({ service: 'iam', operation: 'CreateRole', kind: 'throttle' });
    const throttled = await rejection(createRole('dff-exec'));
    assert.equal(throttled.name, 'Throttling');
    assert.equal(throttled.message, 'Rate exceeded');
    setup.aws.inject({ service: 'iam', operation: 'CreateRole', kind: 'accessDenied' });
    const denied = await rejection(createRole('dff-exec'));
    assert.equal(denied.name, 'AccessDenied');
    assert.equal(denied.$metadata?.httpStatusCode, 403);
    assert.match(denied.message, new RegExp(`^User: ${setup.callerArn} is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::${setup.aws.account}:role/dff-exec`));
    setup.aws.inject({ service: 'iam', kind: 'expiredToken' });
    assert.equal((await rejection(createRole('dff-exec'))).name, 'ExpiredToken');
    setup.aws.inject({ service: 'iam', kind: 'internal' });
    assert.equal((await rejection(createRole('dff-exec'))).name, 'ServiceFailureException');
    assert.equal(setup.iam.role('dff-exec'), undefined, 'no fault created the role');
    await createRole('dff-exec');
    assert.ok(setup.iam.role('dff-exec'));
  });
});
