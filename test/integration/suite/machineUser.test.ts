import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DffExtensionApi } from '../../../src/extension';
import type { CreatedMachineUser } from '../../../src/vscode/deploy/createMachineUser';
import { startFakeCatalog, type FakeCatalog } from '../../fakes/catalog/server';
import { generateEd25519AccessKey, writeCdpFiles, type TestAccessKey } from '../../fakes/catalog/testKeys';
import { MessageCapture } from '../messageCapture';

// "Create CDP Machine User for Function…" in the real extension host, against the catalog
// stand-in's CDP IAM: the modal names the profile and what is created; the key lands where "Set
// Function Access Key…" keeps it; declining creates nothing; a refusal says which role is missing.

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { publisher: string; name: string };
const extensionId = `${manifest.publisher}.${manifest.name}`;
const CDP_PROFILE = 'dff-machine-user-integration';
const ENV_NAMES = ['CDP_SHARED_CREDENTIALS_FILE', 'CDP_CONFIG_FILE', 'CDP_PROFILE', 'CDP_DEFAULT_PROFILE', 'CDP_REGION', 'CDP_ACCESS_KEY_ID', 'CDP_PRIVATE_KEY'];
const IAM_WRITES = ['createMachineUser', 'assignMachineUserRole', 'createMachineUserAccessKey'];

describe('Create CDP Machine User for Function', function () {
  this.timeout(60_000);
  let catalog: FakeCatalog;
  let cdpKey: TestAccessKey;
  let tmp: string;
  const messages = new MessageCapture();
  const savedEnv: Record<string, string | undefined> = {};
  const writes = (): string[] => catalog.requests.filter((operation) => IAM_WRITES.includes(operation));

  before(async () => {
    catalog = await startFakeCatalog();
    cdpKey = generateEd25519AccessKey();
    catalog.addKey(cdpKey.accessKeyId, cdpKey.publicKey);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dff-machine-user-test-'));
    for (const name of ENV_NAMES) {
      savedEnv[name] = process.env[name];
      delete process.env[name];
    }
    const files = writeCdpFiles(tmp, CDP_PROFILE, cdpKey, catalog.url);
    Object.assign(process.env, files.env);
    const extension = vscode.extensions.getExtension<DffExtensionApi>(extensionId);
    assert.ok(extension, `${extensionId} is not loaded in this VS Code`);
    await extension.activate();
    messages.install();
    assert.equal(await vscode.commands.executeCommand('dff.cdp.selectProfile', CDP_PROFILE), CDP_PROFILE);
    await vscode.commands.executeCommand('dff.deploy.removeFunctionKey');
  });

  after(async () => {
    messages.uninstall();
    await vscode.commands.executeCommand('dff.deploy.removeFunctionKey');
    for (const [name, value] of Object.entries(savedEnv)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await catalog?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('creates nothing when the modal is declined', async () => {
    const from = messages.shown.length;
    messages.modalAnswers.push(undefined);
    const result = await vscode.commands.executeCommand<CreatedMachineUser | undefined>('dff.deploy.createMachineUser', { name: 'dff-declined' });
    assert.equal(result, undefined);
    const modal = messages.shown.slice(from).find((message) => message.modal);
    assert.ok(modal, 'a modal confirmation was shown');
    assert.match(modal.message, new RegExp(`Create CDP machine user "dff-declined" with profile "${CDP_PROFILE}"`));
    assert.match(modal.detail ?? '', /give it the DFCatalogViewer role, and create a new access key/);
    assert.match(modal.detail ?? '', new RegExp(cdpKey.accessKeyId));
    assert.deepEqual(writes(), []);
  });

  it('creates the machine user with DFCatalogViewer after the modal, and keeps its key as the function access key', async () => {
    messages.modalAnswers.push('Create');
    const result = await vscode.commands.executeCommand<CreatedMachineUser | undefined>('dff.deploy.createMachineUser', { name: 'dff-integration' });
    assert.ok(result, JSON.stringify(messages.shown.slice(-3)));
    assert.equal(result.machineUserName, 'dff-integration');
    assert.equal(result.profile, CDP_PROFILE);
    assert.ok(result.createdUser && result.assignedRole);
    assert.ok(!('privateKey' in result) && !('key' in result), 'the command does not hand out the private key');
    const user = catalog.iam.machineUsers.get('dff-integration');
    assert.deepEqual(user?.roleCrns, [catalog.iam.roleCrn('DFCatalogViewer')]);
    assert.deepEqual(user?.accessKeyIds, [result.accessKeyId]);
    assert.ok(messages.shown.some((message) => message.severity === 'information' && message.message.includes(`new access key ${result.accessKeyId} is the function access key`)));
    // Stored in the slot "Set Function Access Key…" uses: removing the function key finds it.
    assert.equal(await vscode.commands.executeCommand('dff.deploy.removeFunctionKey'), true);
  });

  it('says the PowerUser role is needed when CDP refuses, and stores no key', async () => {
    catalog.iam.setCallerRoles(cdpKey.accessKeyId, ['IamViewer']);
    const from = messages.shown.length;
    const result = await vscode.commands.executeCommand<CreatedMachineUser | undefined>('dff.deploy.createMachineUser', { name: 'dff-refused', confirm: true });
    assert.equal(result, undefined);
    const error = messages.shown.slice(from).find((message) => message.severity === 'error');
    assert.match(error?.message ?? '', /Could not create CDP machine user dff-refused: .*createMachineUser.*PowerUser role/);
    assert.equal(catalog.iam.machineUsers.has('dff-refused'), false);
    assert.equal(await vscode.commands.executeCommand('dff.deploy.removeFunctionKey'), false);
  });
});
