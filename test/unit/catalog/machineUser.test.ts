import * as assert from 'node:assert/strict';
import { createCatalogClient } from '../../../src/core/catalog/client';
import { createIamClient, type IamClient } from '../../../src/core/catalog/iamClient';
import { createFunctionMachineUser, FUNCTION_ROLE_NAME, type MachineUserStep } from '../../../src/core/catalog/machineUser';
import { machineUserNameForFunction, machineUserNameProblem } from '../../../src/core/catalog/machineUserName';
import { CatalogError, type CdpProfile } from '../../../src/core/catalog/types';
import { startHarness, type FakeCatalogHarness } from '../../fakes/catalog/harness';
import { MAX_MACHINE_USERS } from '../../fakes/catalog/iamService';

async function rejection(promise: Promise<unknown>): Promise<CatalogError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof CatalogError, `expected a CatalogError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the call to fail');
}

const IAM_OPERATIONS = new Set(['listRoles', 'listMachineUsers', 'createMachineUser', 'listMachineUserAssignedRoles', 'assignMachineUserRole', 'createMachineUserAccessKey']);

describe('function machine user against the catalog stand-in', () => {
  let harness: FakeCatalogHarness;
  let iam: IamClient;

  const iamCalls = (): string[] => harness.catalog.requests.filter((operation) => IAM_OPERATIONS.has(operation));
  const profileFor = (accessKeyId: string, privateKey: string): CdpProfile => ({ ...harness.profile, name: 'function', key: { accessKeyId, privateKey, source: 'created key' } });
  /** Lists the catalog with a key: what the function does first with DF_ACCESS_KEY / DF_PRIVATE_KEY. */
  const catalogWith = (accessKeyId: string, privateKey: string) => createCatalogClient(profileFor(accessKeyId, privateKey), { sleep: harness.sleep, timeoutMs: 5000 });

  beforeEach(async () => {
    harness = await startHarness();
    iam = createIamClient(harness.profile, { endpointSetting: { value: harness.catalog.url, where: 'test' }, sleep: harness.sleep, timeoutMs: 5000 });
  });
  afterEach(() => harness.catalog.close());

  it('creates the machine user, gives it DFCatalogViewer and a key that the catalog accepts', async () => {
    const flowCrn = harness.catalog.seedFlow('S3ToSqs', [{ fileText: '{}' }]);
    const steps: MachineUserStep[] = [];
    const user = await createFunctionMachineUser(iam, { name: 'dff-orders', onStep: (step) => steps.push(step) });

    assert.equal(user.machineUserName, 'dff-orders');
    assert.ok(user.createdUser && user.assignedRole);
    assert.equal(user.roleCrn, harness.catalog.iam.roleCrn(FUNCTION_ROLE_NAME));
    assert.deepEqual(steps, ['findRole', 'findUser', 'createUser', 'assignRole', 'createKey']);
    const stored = harness.catalog.iam.machineUsers.get('dff-orders');
    assert.equal(stored?.crn, user.crn);
    assert.deepEqual(stored?.roleCrns, [user.roleCrn]);
    assert.deepEqual(stored?.accessKeyIds, [user.accessKeyId]);
    // The requests as iam.yaml shapes them, at /iam/<operation>.
    const bodies = harness.catalog.apiBodies.filter((entry) => IAM_OPERATIONS.has(entry.operation));
    assert.deepEqual(bodies, [
      { operation: 'listRoles', body: { roleNames: ['DFCatalogViewer'] } },
      { operation: 'listMachineUsers', body: { machineUserNames: ['dff-orders'] } },
      { operation: 'createMachineUser', body: { machineUserName: 'dff-orders' } },
      { operation: 'listMachineUserAssignedRoles', body: { machineUserName: 'dff-orders', pageSize: 100 } },
      { operation: 'assignMachineUserRole', body: { machineUserName: 'dff-orders', role: user.roleCrn } },
      { operation: 'createMachineUserAccessKey', body: { machineUserName: 'dff-orders' } },
    ]);

    const flows = await catalogWith(user.accessKeyId, user.privateKey).listAllFlowDefinitions({});
    assert.deepEqual(flows.map((flow) => flow.crn), [flowCrn]);
  });

  it('reuses an existing machine user and its role, and makes one more key; both keys work', async () => {
    const first = await createFunctionMachineUser(iam, { name: 'dff-orders' });
    const before = iamCalls().length;
    const second = await createFunctionMachineUser(iam, { name: 'dff-orders' });

    assert.equal(second.createdUser, false);
    assert.equal(second.assignedRole, false);
    assert.equal(second.crn, first.crn);
    assert.notEqual(second.accessKeyId, first.accessKeyId);
    assert.notEqual(second.privateKey, first.privateKey);
    assert.deepEqual(iamCalls().slice(before), ['listRoles', 'listMachineUsers', 'listMachineUserAssignedRoles', 'createMachineUserAccessKey']);
    assert.deepEqual(harness.catalog.iam.machineUsers.get('dff-orders')?.roleCrns, [first.roleCrn], 'the role is assigned once');
    await catalogWith(first.accessKeyId, first.privateKey).listFlowDefinitions({});
    await catalogWith(second.accessKeyId, second.privateKey).listFlowDefinitions({});
  });

  it('gives the role to a machine user that exists without it, keeping the roles it has', async () => {
    await iam.createMachineUser({ machineUserName: 'made-by-hand' });
    await iam.assignMachineUserRole({ machineUserName: 'made-by-hand', role: 'DFFlowAdmin' });
    const user = await createFunctionMachineUser(iam, { name: 'made-by-hand' });
    assert.equal(user.createdUser, false);
    assert.equal(user.assignedRole, true);
    assert.deepEqual(harness.catalog.iam.machineUsers.get('made-by-hand')?.roleCrns, [harness.catalog.iam.roleCrn('DFFlowAdmin'), user.roleCrn]);
  });

  it('takes "already assigned" from assignMachineUserRole as done', async () => {
    // The role was assigned between the listing and the assignment (another window, say): CDP refuses the second assignment.
    harness.catalog.failNext(409, 1, 'assignMachineUserRole');
    const user = await createFunctionMachineUser(iam, { name: 'dff-race' });
    assert.equal(user.assignedRole, false);
    assert.ok(user.accessKeyId);
  });

  it('takes "already exists" from createMachineUser as a user to reuse', async () => {
    await iam.createMachineUser({ machineUserName: 'dff-race' });
    harness.catalog.failNext(404, 1, 'listMachineUsers');
    // The first listing finds nothing (injected), the create then fails with ALREADY_EXISTS, the second listing finds it.
    const user = await createFunctionMachineUser(iam, { name: 'dff-race' });
    assert.equal(user.createdUser, false);
    assert.equal(harness.catalog.iam.machineUsers.size, 1);
  });

  it('says which CDP role is missing when the caller may not create machine users, and writes nothing', async () => {
    harness.catalog.iam.setCallerRoles(harness.key.accessKeyId, ['IamViewer', 'DFCatalogAdmin']);
    const error = await rejection(createFunctionMachineUser(iam, { name: 'dff-orders' }));
    assert.equal(error.kind, 'forbidden');
    assert.match(error.message, /createMachineUser/);
    assert.match(error.message, /PowerUser role/);
    assert.match(error.message, new RegExp(harness.key.accessKeyId));
    assert.equal(harness.catalog.iam.machineUsers.size, 0);
    assert.ok(!error.message.includes(harness.key.privateKey));
  });

  it('says which roles list roles when the caller has none of them', async () => {
    harness.catalog.iam.setCallerRoles(harness.key.accessKeyId, []);
    const error = await rejection(createFunctionMachineUser(iam, { name: 'dff-orders' }));
    assert.equal(error.kind, 'forbidden');
    assert.match(error.message, /listRoles/);
    assert.match(error.message, /IamViewer, IamUser or PowerUser/);
    assert.deepEqual(iamCalls(), ['listRoles']);
  });

  it('refuses a catalog call with the key of a machine user that lacks DFCatalogViewer, and accepts it once it has the role', async () => {
    await iam.createMachineUser({ machineUserName: 'no-role' });
    const key = await iam.createMachineUserAccessKey({ machineUserName: 'no-role' });
    const catalog = catalogWith(key.accessKey.accessKeyId, key.privateKey);
    const refused = await rejection(catalog.listFlowDefinitions({}));
    assert.equal(refused.kind, 'forbidden');
    await iam.assignMachineUserRole({ machineUserName: 'no-role', role: harness.catalog.iam.roleCrn('DFCatalogViewer') });
    await catalog.listFlowDefinitions({});
    // Viewer rights only: importing is still refused.
    const flowCrn = harness.catalog.seedFlow('S3ToSqs', [{ fileText: '{}' }]);
    assert.equal((await rejection(catalog.deleteFlow(flowCrn))).kind, 'forbidden');
  });

  it('checks the name as CDP does, before any call: 128 characters and "_x" pass, 129 characters, "__x" and "a.b" do not', async () => {
    assert.equal(machineUserNameProblem('a'.repeat(128)), undefined);
    assert.match(machineUserNameProblem('a'.repeat(129)) ?? '', /at most 128 characters; this one has 129/);
    assert.equal(machineUserNameProblem('_x'), undefined);
    assert.match(machineUserNameProblem('__x') ?? '', /cannot start with "__"/);
    assert.match(machineUserNameProblem('a.b') ?? '', /only letters, digits/);
    assert.match(machineUserNameProblem('') ?? '', /Give the machine user a name/);
    for (const bad of ['a'.repeat(129), '__x', 'a.b', 'with space']) {
      const error = await rejection(createFunctionMachineUser(iam, { name: bad }));
      assert.equal(error.kind, 'badRequest');
    }
    assert.deepEqual(iamCalls(), [], 'nothing is sent for a name CDP would refuse');
    const longest = await createFunctionMachineUser(iam, { name: 'a'.repeat(128) });
    assert.equal(longest.machineUserName.length, 128);
  });

  it('the stand-in refuses the same names itself', async () => {
    for (const bad of ['a'.repeat(129), '__x', 'a.b']) {
      assert.equal((await rejection(iam.createMachineUser({ machineUserName: bad }))).status, 400);
    }
    await iam.createMachineUser({ machineUserName: '_x' });
    assert.equal((await rejection(iam.createMachineUser({ machineUserName: '_x' }))).status, 409);
  });

  it('the stand-in allows 100 machine users in an account and refuses the 101st', async () => {
    for (let index = 0; index < MAX_MACHINE_USERS; index++) await iam.createMachineUser({ machineUserName: `user-${index}` });
    const error = await rejection(iam.createMachineUser({ machineUserName: 'one-too-many' }));
    assert.equal(error.status, 400);
    assert.match(error.message, /100 machine users/);
  });

  it('offers a valid default name for a function', () => {
    assert.equal(machineUserNameForFunction('orders-to-sqs'), 'dff-orders-to-sqs');
    assert.equal(machineUserNameForFunction('a b.c'), 'dff-a-b-c');
    assert.equal(machineUserNameForFunction('x'.repeat(200)).length, 128);
    assert.equal(machineUserNameProblem(machineUserNameForFunction('...')), undefined);
  });

  it('reads the whole role list when listRoles will not take names', async () => {
    harness.catalog.failNext(400, 1, 'listRoles');
    const user = await createFunctionMachineUser(iam, { name: 'dff-orders' });
    assert.equal(user.roleCrn, harness.catalog.iam.roleCrn('DFCatalogViewer'));
    assert.equal(harness.catalog.requests.filter((operation) => operation === 'listRoles').length, 2);
    // The refused request is answered before its body is read; the second one asks for every role.
    assert.deepEqual(harness.catalog.apiBodies.filter((entry) => entry.operation === 'listRoles').map((entry) => entry.body), [{ pageSize: 100 }]);
  });

  it('says the role is missing when the account lists no DFCatalogViewer, before creating anything', async () => {
    harness.catalog.failNext(404, 1, 'listRoles');
    const error = await rejection(createFunctionMachineUser(iam, { name: 'dff-orders' }));
    assert.equal(error.kind, 'notFound');
    assert.match(error.message, /no DFCatalogViewer role/);
    assert.equal(harness.catalog.iam.machineUsers.size, 0);
  });

  it('says a key may exist when the answer to createMachineUserAccessKey is lost', async () => {
    harness.catalog.failNext('dropAnswer', 1, 'createMachineUserAccessKey');
    const error = await rejection(createFunctionMachineUser(iam, { name: 'dff-orders' }));
    assert.equal(error.kind, 'uncertain');
    assert.match(error.message, /may have created an access key for machine user dff-orders/);
    assert.equal(harness.catalog.iam.machineUsers.get('dff-orders')?.accessKeyIds.length, 1, 'the stand-in did make it');
    assert.equal(harness.catalog.requests.filter((operation) => operation === 'createMachineUserAccessKey').length, 1, 'a create is not sent twice');
  });

  it('retries throttling (429, 503) on every call, and a lost connection only on a read', async () => {
    harness.catalog.failNext(429, 1, 'listRoles');
    harness.catalog.failNext(503, 1, 'createMachineUserAccessKey');
    harness.catalog.failNext('drop', 1, 'listMachineUsers');
    const user = await createFunctionMachineUser(iam, { name: 'dff-orders' });
    assert.equal(harness.catalog.iam.machineUsers.get('dff-orders')?.accessKeyIds.length, 1);
    assert.equal(user.accessKeyId, harness.catalog.iam.machineUsers.get('dff-orders')?.accessKeyIds[0]);
    assert.equal(harness.sleeps.length, 3);
    harness.catalog.failNext('drop', 1, 'createMachineUserAccessKey');
    const error = await rejection(createFunctionMachineUser(iam, { name: 'dff-orders' }));
    assert.equal(error.kind, 'uncertain');
    assert.equal(harness.catalog.requests.filter((operation) => operation === 'createMachineUserAccessKey').length, 3, 'the dropped create was not sent again');
  });

  it('stops between steps when cancelled', async () => {
    const controller = new AbortController();
    const error = await rejection(
      createFunctionMachineUser(iam, {
        name: 'dff-orders',
        signal: controller.signal,
        onStep: (step) => step === 'findUser' && controller.abort(),
      }),
    );
    assert.equal(error.kind, 'cancelled');
    assert.deepEqual(iamCalls(), ['listRoles']);
  });
});
