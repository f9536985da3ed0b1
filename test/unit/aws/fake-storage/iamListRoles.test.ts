// IAM ListRoles in the stand-in, through the real SDK client: the role fields ListRoles answers (and
// those it leaves out), paging with MaxItems/Marker/IsTruncated, PathPrefix, and IAM's refusals.
import * as assert from 'node:assert/strict';
import { ListRolesCommand, type ListRolesCommandInput, type Role } from '@aws-sdk/client-iam';
import { LAMBDA_TRUST_POLICY } from '../../../fakes/aws/iam';
import { rejection, startStorage, type StorageSetup } from './setup';

const EC2_TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });

describe('AWS stand-in: IAM ListRoles', () => {
  let setup: StorageSetup;

  beforeEach(async () => {
    setup = await startStorage();
  });
  afterEach(() => setup.close());

  const listRoles = (input: ListRolesCommandInput = {}) => setup.iamClient.send(new ListRolesCommand(input));

  /** Every role name, page by page, following Marker while IsTruncated. */
  async function pages(input: ListRolesCommandInput): Promise<string[][]> {
    const names: string[][] = [];
    let marker: string | undefined;
    do {
      const answer = await listRoles({ ...input, ...(marker ? { Marker: marker } : {}) });
      names.push((answer.Roles ?? []).map((role) => role.RoleName ?? ''));
      assert.equal(answer.IsTruncated === true, answer.Marker !== undefined, 'a Marker comes exactly with IsTruncated');
      marker = answer.Marker;
    } while (marker);
    return names;
  }

  it('answers each role with its path, ids, date, description, session duration and URL-encoded trust policy, but not its tags', async () => {
    const seeded = setup.iam.seedRole('dff-exec', { path: '/service-role/', description: 'DataFlow Functions', tags: [{ Key: 'owner', Value: 'dff' }] });
    setup.iam.seedRole('ec2-role', { assumeRolePolicyDocument: EC2_TRUST });
    const answer = await listRoles();
    assert.equal(answer.IsTruncated, false);
    assert.equal(answer.Marker, undefined);
    assert.deepEqual(
      answer.Roles?.map((role) => role.RoleName),
      ['dff-exec', 'ec2-role'],
    );
    const role = answer.Roles?.[0] as Role;
    assert.equal(role.Path, '/service-role/');
    assert.equal(role.Arn, `arn:aws:iam::${setup.aws.account}:role/service-role/dff-exec`);
    assert.equal(role.RoleId, seeded.roleId);
    assert.ok(role.CreateDate instanceof Date);
    assert.equal(role.Description, 'DataFlow Functions');
    assert.equal(role.MaxSessionDuration, 3600);
    // URL-encoded, as IAM sends it; the SDK does not decode it.
    assert.equal(role.AssumeRolePolicyDocument, encodeURIComponent(LAMBDA_TRUST_POLICY));
    assert.equal(decodeURIComponent(answer.Roles?.[1].AssumeRolePolicyDocument ?? ''), EC2_TRUST);
    // ListRoles leaves these out (only GetRole answers them).
    assert.equal(role.Tags, undefined);
    assert.equal(role.RoleLastUsed, undefined);
  });

  it('pages by MaxItems: a full last page is not truncated, one role more is', async () => {
    for (const name of ['r1', 'r2', 'r3', 'r4']) setup.iam.seedRole(name);
    assert.deepEqual(await pages({ MaxItems: 4 }), [['r1', 'r2', 'r3', 'r4']]);
    assert.deepEqual(await pages({ MaxItems: 2 }), [
      ['r1', 'r2'],
      ['r3', 'r4'],
    ]);
    setup.iam.seedRole('r5');
    assert.deepEqual(await pages({ MaxItems: 4 }), [['r1', 'r2', 'r3', 'r4'], ['r5']]);
    // Without MaxItems, IAM answers up to 100.
    assert.deepEqual(await pages({}), [['r1', 'r2', 'r3', 'r4', 'r5']]);
  });

  it('answers 100 roles a page by default and takes MaxItems 1000, but refuses 0 and 1001', async () => {
    for (let n = 0; n < 101; n++) setup.iam.seedRole(`role-${String(n).padStart(3, '0')}`);
    const first = await listRoles();
    assert.equal(first.Roles?.length, 100);
    assert.equal(first.IsTruncated, true);
    assert.equal((await listRoles({ MaxItems: 1000 })).Roles?.length, 101);
    for (const MaxItems of [0, 1001]) {
      const error = await rejection(listRoles({ MaxItems }));
      assert.equal(error.name, 'ValidationError');
      assert.equal(error.$metadata?.httpStatusCode, 400);
      assert.match(error.message, /at 'maxItems' failed to satisfy constraint/);
    }
  });

  it('lists only the roles under PathPrefix, and refuses a prefix that does not start with /', async () => {
    setup.iam.seedRole('plain');
    setup.iam.seedRole('service', { path: '/service-role/' });
    setup.iam.seedRole('nested', { path: '/service-role/dff/' });
    assert.deepEqual(await pages({ PathPrefix: '/service-role/' }), [['nested', 'service']]);
    assert.deepEqual(await pages({ PathPrefix: '/service-role/dff/' }), [['nested']]);
    assert.deepEqual(await pages({ PathPrefix: '/' }), [['nested', 'plain', 'service']]);
    const error = await rejection(listRoles({ PathPrefix: 'service-role/' }));
    assert.equal(error.name, 'ValidationError');
    assert.match(error.message, /at 'pathPrefix'/);
  });

  it('lists only the caller’s account, and refuses a marker it did not give', async () => {
    setup.iam.seedRole('mine');
    setup.iam.seedRole('theirs', { account: '210987654321' });
    assert.deepEqual(await pages({}), [['mine']]);
    const error = await rejection(listRoles({ Marker: 'not-a-marker' }));
    assert.equal(error.name, 'InvalidInputException');
    assert.equal(error.$metadata?.httpStatusCode, 400);
  });

  it('answers an injected denial with the action iam:ListRoles, then lists again', async () => {
    setup.iam.seedRole('dff-exec');
    setup.aws.inject({ service: 'iam', operation: 'ListRoles', kind: 'accessDenied' });
    const denied = await rejection(listRoles());
    assert.equal(denied.name, 'AccessDenied');
    assert.match(denied.message, /is not authorized to perform: iam:ListRoles on resource: arn:aws:iam::\d{12}:role\//);
    assert.deepEqual(await pages({}), [['dff-exec']]);
  });
});
