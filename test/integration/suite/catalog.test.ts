import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PushResult } from '../../../src/core/catalog/push';
import type { DffExtensionApi } from '../../../src/extension';
import type { CatalogApi } from '../../../src/vscode/catalog/register';
import type { ProfileStatus } from '../../../src/vscode/catalog/statusBar';
import type { CatalogNode, FlowNode } from '../../../src/vscode/catalog/treeItems';
import { startFakeCatalog, type FakeCatalog } from '../../fakes/catalog/server';
import { generateEd25519AccessKey, writeCdpFiles, type TestAccessKey } from '../../fakes/catalog/testKeys';
import { MessageCapture } from '../messageCapture';

// The Catalog view and "Push to DataFlow Catalog" against the fake catalog, started in this
// extension host. The extension reads CDP_SHARED_CREDENTIALS_FILE / CDP_CONFIG_FILE from the
// environment whenever it lists profiles, so the test points them at files naming the fake.

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { publisher: string; name: string };
const extensionId = `${manifest.publisher}.${manifest.name}`;
const PROFILE = 'dff-integration';
const seededFlowText = (name: string) => JSON.stringify({ flowContents: { identifier: 'g', name, processors: [] }, parameterContexts: {} });

describe('Catalog view and push', function () {
  this.timeout(60_000);
  let fake: FakeCatalog;
  let catalog: CatalogApi;
  let logUri: vscode.Uri;
  let key: TestAccessKey;
  let tmp: string;
  /** The profile status bar item, and whether the catalog engine was loaded, before the catalog was first used. */
  let statusBeforeUse: { status: ProfileStatus; engineLoaded: boolean };
  const messages = new MessageCapture();
  const savedEnv: Record<string, string | undefined> = {};

  before(async () => {
    fake = await startFakeCatalog();
    key = generateEd25519AccessKey();
    fake.addKey(key.accessKeyId, key.publicKey);
    fake.seedFlow('KafkaToS3', [{ fileText: seededFlowText('KafkaToS3'), comments: 'Initial import', author: 'ana@example.com' }]);
    fake.seedFlow('S3ToSqs', [
      { fileText: seededFlowText('S3ToSqs'), comments: 'First version' },
      { fileText: seededFlowText('S3ToSqs v2'), comments: 'Send to SQS', author: 'ben@example.com' },
    ]);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dff-catalog-test-'));
    const files = writeCdpFiles(tmp, PROFILE, key, fake.url);
    for (const name of ['CDP_SHARED_CREDENTIALS_FILE', 'CDP_CONFIG_FILE', 'CDP_PROFILE', 'CDP_REGION', 'CDP_ACCESS_KEY_ID', 'CDP_PRIVATE_KEY']) {
      savedEnv[name] = process.env[name];
      delete process.env[name];
    }
    Object.assign(process.env, files.env);

    const extension = vscode.extensions.getExtension<DffExtensionApi>(extensionId);
    assert.ok(extension, `${extensionId} is not loaded in this VS Code`);
    ({ catalog, logUri } = await extension.activate());
    statusBeforeUse = { status: catalog.profileStatus(), engineLoaded: Object.keys(require.cache).some((file) => /[\\/]catalog-engine\.js$/.test(file)) };
    messages.install();
    assert.equal(await vscode.commands.executeCommand('dff.cdp.selectProfile', PROFILE), PROFILE);
  });

  after(async () => {
    messages.uninstall();
    await vscode.commands.executeCommand('dff.catalog.clearFilter');
    await vscode.workspace.getConfiguration('dff.catalog').update('pageSize', undefined, vscode.ConfigurationTarget.Workspace);
    for (const [name, value] of Object.entries(savedEnv)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await fake?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  beforeEach(async () => {
    await vscode.commands.executeCommand('dff.catalog.refresh');
  });

  it('shows the CDP profile in the status bar before the catalog is used, and the loaded profile and region once it is', async () => {
    // Nothing has used the catalog before this suite (and this VS Code profile remembers no choice).
    assert.equal(statusBeforeUse.engineLoaded, false, 'the catalog engine was loaded before the catalog was used');
    // The host started with an empty home: the profile files read at start-up name no profile.
    assert.deepEqual(
      { text: statusBeforeUse.status.text, command: statusBeforeUse.status.command },
      { text: '$(cloud) CDP: no profile', command: 'dff.cdp.selectProfile' },
    );
    const loaded = catalog.profileStatus();
    assert.equal(loaded.visible, true);
    assert.equal(loaded.text, `$(cloud) CDP: ${PROFILE} (us-west-1)`);
    assert.match(loaded.tooltip, /Click to choose another profile/);
  });

  it('shows the CDP and AWS status items only while a flow definition is open or a DataFlow view is visible (not for any JSON file)', async () => {
    const aws = (await vscode.extensions.getExtension<DffExtensionApi>(extensionId)!.activate()).aws;
    const both = () => ({ cdp: catalog.profileStatus().visible, aws: aws.status().visible });
    const until = (expected: { cdp: boolean; aws: boolean }, what: string) =>
      waitForValue(() => (JSON.stringify(both()) === JSON.stringify(expected) ? true : undefined), what, 5_000, 50);
    try {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.commands.executeCommand('workbench.view.explorer');
      await until({ cdp: false, aws: false }, 'the items to hide with no editor and the Explorer showing');
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile('not-a-flow.json')));
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.deepEqual(both(), { cdp: false, aws: false }, 'a JSON file that is no flow showed the credential items');
      // One good beside one bad: a flow open in a second tab shows them.
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile('ready-s3-to-sqs.json')), { preview: false });
      await until({ cdp: true, aws: true }, 'the items to show with a flow definition open');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await until({ cdp: false, aws: false }, 'the items to hide once the flow closed (not-a-flow.json still open)');
      await vscode.commands.executeCommand('dff.catalog.focus');
      await until({ cdp: true, aws: true }, 'the items to show while the Catalog view is visible');
      await vscode.commands.executeCommand('workbench.view.explorer');
      await until({ cdp: false, aws: false }, 'the items to hide once the DataFlow views are hidden');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.commands.executeCommand('dff.catalog.focus');
    }
  });

  it('lists the catalog flows, each expanding to its versions newest first', async () => {
    const flows = await rootFlows(catalog);
    assert.deepEqual(
      flows.map((node) => node.flow.name),
      ['KafkaToS3', 'S3ToSqs'],
    );
    const s3ToSqs = flows[1];
    const item = catalog.treeItem(s3ToSqs);
    assert.equal(item.label, 'S3ToSqs');
    assert.match(String(item.description), /^2 versions · /);
    assert.match(tooltipText(item), new RegExp(escapeRegExp(s3ToSqs.flow.crn)));
    assert.equal(item.contextValue, 'dff.flow');

    const versions = await catalog.children(s3ToSqs);
    assert.deepEqual(
      versions.map((node) => catalog.treeItem(node).label),
      ['v2', 'v1'],
    );
    const newest = catalog.treeItem(versions[0]);
    assert.equal(newest.contextValue, 'dff.version');
    const pushedAt = fake.flows.get(s3ToSqs.flow.crn)?.versions[1].timestamp ?? 0;
    // The date first, relative (a narrow view cuts the end off); the tooltip has it in full.
    assert.match(String(newest.description), /^(now|just now|.* ago) · ben@example\.com$/);
    const tooltip = tooltipText(newest);
    for (const part of ['S3ToSqs v2', 'ben@example', new Date(pushedAt).getFullYear().toString(), 'Send to SQS', versions[0].kind === 'version' ? versions[0].version.crn : '?']) {
      assert.ok(tooltip.includes(part), `the version's tooltip lacks ${part}: ${tooltip}`);
    }
  });

  it('reveals a flow on a later page although the view is refreshed while it looks', async () => {
    const crn = fake.seedFlow('ZzRevealedAfterRefresh', [{ fileText: seededFlowText('ZzRevealedAfterRefresh') }]);
    await vscode.workspace.getConfiguration('dff.catalog').update('pageSize', 1, vscode.ConfigurationTarget.Workspace);
    try {
      await vscode.commands.executeCommand('dff.catalog.refresh');
      const listings = () => fake.requests.filter((name) => name === 'listFlowDefinitions').length;
      const before = listings();
      // The first page answers 503 and the core waits before it asks again: the view is refreshed meanwhile.
      fake.failNext(503, 1, 'listFlowDefinitions');
      const revealing = catalog.reveal(crn);
      await waitForValue(() => (listings() > before ? true : undefined), 'the first listing request', 5_000, 2);
      await vscode.commands.executeCommand('dff.catalog.clearFilter');
      const revealed = await revealing;
      assert.equal(revealed?.kind === 'flow' ? revealed.flow.crn : undefined, crn, 'the flow was not found after the refresh');
      assert.ok(catalog.selection().some((node) => node.kind === 'flow' && node.flow.crn === crn), 'the flow is not selected in the Catalog view');
    } finally {
      await vscode.workspace.getConfiguration('dff.catalog').update('pageSize', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('pushes a flow file as a new flow, then as version 2, and the tree shows both versions', async () => {
    const file = workspaceFile('ready-s3-to-sqs.json');
    const fileText = fs.readFileSync(file.fsPath, 'utf8');

    const first = await push(file, { name: 'ReadyS3ToSqs', comments: 'First push' });
    assert.equal(first.created, true);
    assert.equal(first.version, 1);
    const stored = fake.flows.get(first.flowCrn);
    assert.ok(stored, 'the fake catalog has no flow with the pushed CRN');
    assert.equal(stored.name, 'ReadyS3ToSqs');
    assert.equal(stored.versions[0].fileText, fileText);
    assert.equal(stored.versions[0].comments, 'First push');

    const second = await push(file, { name: 'ReadyS3ToSqs', comments: 'Second push' });
    assert.equal(second.created, false);
    assert.equal(second.version, 2);
    assert.equal(second.flowCrn, first.flowCrn);
    assert.equal(second.versionCrn, stored.versions[1].crn);

    const flow = (await rootFlows(catalog)).find((node) => node.flow.name === 'ReadyS3ToSqs');
    assert.ok(flow, 'the pushed flow is not in the Catalog view');
    assert.match(String(catalog.treeItem(flow).description), /^2 versions/);
    const versions = await catalog.children(flow);
    assert.deepEqual(
      versions.map((node) => catalog.treeItem(node).label),
      ['v2', 'v1'],
    );
    assert.match(tooltipText(catalog.treeItem(versions[0])), /Second push/);
  });

  it('asks for the flow name with a pick of the catalog\'s flows that tells a new flow from a new version', async () => {
    const file = workspaceFile('ready-s3-to-sqs.json');
    const first = capturePicker();
    const pushing = vscode.commands.executeCommand<PushResult | undefined>('dff.catalog.push', file, { comments: 'picked' });
    const picker = await first;
    await waitForValue(() => (picker.busy ? undefined : true), "the catalog's flows in the name picker");
    const names = new Set([...fake.flows.values()].map((flow) => flow.name));
    const suggested = picker.items[0];
    assert.equal(suggested.description, names.has(suggested.label) ? 'new version of existing flow' : 'new flow', `the suggested name ${suggested.label}`);
    for (const name of names) {
      assert.ok(
        picker.items.some((item) => item.label === name && item.description === 'new version of existing flow'),
        `the picker does not offer ${name} as a new version of an existing flow`,
      );
    }
    picker.value = 'PickedNewFlow';
    await waitForValue(() => (picker.activeItems[0]?.label === 'PickedNewFlow' ? true : undefined), 'the typed name as the active row');
    assert.equal(picker.items.find((item) => item.label === 'PickedNewFlow')?.description, 'new flow');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const created = await pushing;
    assert.equal(created?.created, true, 'the typed name did not create a flow');
    assert.equal(fake.flows.get(created.flowCrn)?.name, 'PickedNewFlow');

    // The name last pushed from this file comes first, now as a version of the flow it created.
    const second = capturePicker();
    const pushingAgain = vscode.commands.executeCommand<PushResult | undefined>('dff.catalog.push', file, { comments: 'picked again' });
    const again = await second;
    await waitForValue(() => (!again.busy && again.activeItems[0]?.label === again.items[0]?.label ? true : undefined), "the catalog's flows in the name picker");
    assert.deepEqual([again.items[0].label, again.items[0].description], ['PickedNewFlow', 'new version of existing flow']);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const added = await pushingAgain;
    assert.deepEqual([added?.created, added?.version, added?.flowCrn], [false, 2, created.flowCrn]);
  });

  it('asks for the flow name in a text box when the catalog\'s flows cannot be listed', async () => {
    await catalog.children(); // the view's own listing is done: the failure below is the push's
    fake.failNext(403, 1, 'listFlowDefinitions');
    const window = vscode.window as unknown as { showInputBox: typeof vscode.window.showInputBox };
    const original = window.showInputBox;
    let asked: vscode.InputBoxOptions | undefined;
    window.showInputBox = (options) => {
      window.showInputBox = original;
      asked = options;
      return Promise.resolve('TypedWithoutList');
    };
    try {
      const result = await vscode.commands.executeCommand<PushResult | undefined>('dff.catalog.push', workspaceFile('ready-s3-to-sqs.json'), { comments: '' });
      assert.match(asked?.prompt ?? '', /^Flow name in the catalog/);
      assert.equal(result?.created, true);
      assert.equal(fake.flows.get(result.flowCrn)?.name, 'TypedWithoutList');
    } finally {
      window.showInputBox = original;
    }
  });

  it('pushes a file once when a second push of it starts while the first runs, and says so', async () => {
    const file = workspaceFile('ready-s3-to-sqs.json');
    const uploadsBefore = fake.uploads.length;
    const asked = messages.shown.length;
    const options = { name: 'PushedTwiceAtOnce', comments: 'double click' };
    const results = await Promise.all([
      vscode.commands.executeCommand<PushResult | undefined>('dff.catalog.push', file, options),
      vscode.commands.executeCommand<PushResult | undefined>('dff.catalog.push', file, options),
    ]);
    const pushed = results.filter((result): result is PushResult => result !== undefined);
    assert.equal(pushed.length, 1, 'expected exactly one of the two pushes to push');
    const flows = [...fake.flows.values()].filter((flow) => flow.name === 'PushedTwiceAtOnce');
    assert.equal(flows.length, 1, 'the catalog holds more than one flow of that name');
    assert.equal(flows[0].versions.length, 1);
    assert.equal(fake.uploads.length - uploadsBefore, 1, 'the second push uploaded the file too');
    const shown = messages.since(asked);
    assert.ok(shown.some((message) => message.message.startsWith('A push of ready-s3-to-sqs.json is already running')), 'the second push did not say why it did nothing');
    assert.ok(!shown.some((message) => message.severity === 'error'), `an error was shown: ${shown.map((message) => message.message).join(' | ')}`);
  });

  it('warns when another flow of the same name is created while a push creates one', async () => {
    const name = 'CreatedTwiceAtOnce';
    const asked = messages.shown.length;
    const requests = fake.requests;
    const log = requests.push;
    let otherCrn: string | undefined;
    // Once this push's upload is done and the core looks for duplicates, another push has created one.
    requests.push = (...operations: string[]) => {
      if (operations[0] === 'listFlowDefinitions' && requests[requests.length - 1] === 'importFlowDefinition:upload') {
        requests.push = log;
        otherCrn = fake.seedFlow(`${name} (elsewhere)`, [{ fileText: seededFlowText(name) }]);
        const other = fake.flows.get(otherCrn);
        if (other) other.name = name;
      }
      return log.apply(requests, operations);
    };
    try {
      const result = await push(workspaceFile('ready-s3-to-sqs.json'), { name, comments: '' });
      assert.ok(otherCrn, 'the other flow was never created: the core did not look for duplicates after the upload');
      const warning = await waitForValue(() => messages.since(asked).find((message) => message.severity === 'warning'), 'a warning about the duplicate');
      assert.match(warning.message, new RegExp(`^The catalog now holds 2 flows named "${name}"`));
      assert.match(warning.message, new RegExp(escapeRegExp(result.flowCrn)));
    } finally {
      requests.push = log;
      for (const flow of [...fake.flows.values()]) if (flow.name === name) fake.flows.delete(flow.crn);
    }
  });

  it('offers Show in Catalog instead of Retry when a push may have arrived, and selects the flow that did', async () => {
    const uploadsBefore = fake.uploads.length;
    // The catalog stores the upload but the answer is lost.
    fake.failNext('dropAnswer', 1, 'importFlowDefinition:upload');
    const error = interceptErrorMessage(/^Could not push MaybeArrived/);
    const result = await vscode.commands.executeCommand('dff.catalog.push', workspaceFile('ready-s3-to-sqs.json'), { name: 'MaybeArrived', comments: '' });
    assert.equal(result, undefined);
    assert.deepEqual(await error.offered, ['Show in Catalog', 'Show Log'], 'a push that may have arrived must not offer to push again');
    assert.equal(fake.uploads.length - uploadsBefore, 1, 'the upload was sent more than once');

    error.answer('Show in Catalog');
    const arrived = [...fake.flows.values()].find((flow) => flow.name === 'MaybeArrived');
    assert.ok(arrived, 'the fake catalog did not store the upload');
    await waitForValue(() => catalog.selection().find((node) => node.kind === 'flow' && node.flow.crn === arrived.crn), 'the flow selected in the Catalog view');
    assert.equal(fake.flows.get(arrived.crn)?.versions.length, 1, 'showing the flow changed it');
  });

  it('offers Retry when a push fails before its upload, and pushes the flow once on Retry', async () => {
    const uploadsBefore = fake.uploads.length;
    fake.failNext(500, 1, 'importFlowDefinition');
    const error = interceptErrorMessage(/^Could not push FailedBeforeUpload/);
    await vscode.commands.executeCommand('dff.catalog.push', workspaceFile('ready-s3-to-sqs.json'), { name: 'FailedBeforeUpload', comments: '' });
    assert.deepEqual(await error.offered, ['Retry', 'Show Log'], 'nothing was uploaded, so pushing again is safe');
    assert.equal(fake.uploads.length, uploadsBefore);
    error.answer('Retry');
    const arrived = await waitForValue(() => [...fake.flows.values()].find((flow) => flow.name === 'FailedBeforeUpload'), 'the flow pushed by Retry');
    assert.equal(arrived.versions.length, 1);
    assert.equal(fake.uploads.length - uploadsBefore, 1);
  });

  it('still offers Retry when reading a version fails', async () => {
    const node = await seedListedFlow('ReadFails', 1);
    const [version] = await catalog.children(node);
    fake.failNext(500, 1, 'getFlowVersion');
    const error = interceptErrorMessage(/^Could not open ReadFails v1/);
    const opened = vscode.commands.executeCommand('dff.catalog.openVersion', version);
    assert.deepEqual(await error.offered, ['Retry', 'Show Log']);
    error.answer(undefined);
    assert.equal(await opened, undefined);
  });

  it('opens the log on Show Log, where the failure is written', async () => {
    const node = await seedListedFlow('ReadFailsLogged', 1);
    const [version] = await catalog.children(node);
    fake.failNext(500, 1, 'getFlowVersion');
    const error = interceptErrorMessage(/^Could not open ReadFailsLogged v1/);
    const opened = vscode.commands.executeCommand('dff.catalog.openVersion', version);
    assert.deepEqual(await error.offered, ['Retry', 'Show Log']);
    error.answer('Show Log');
    assert.equal(await opened, undefined);
    // The Output panel's document of a channel exists once the panel shows it.
    await waitForValue(() => vscode.workspace.textDocuments.find((document) => document.uri.scheme === 'output' &&
      document.getText().includes('Could not open ReadFailsLogged v1')), 'the DataFlow Functions log shown with the failure');
  });

  it('pushes the editor text of an unsaved flow file when asked to, leaving the file on disk alone', async () => {
    const file = workspaceFile('ready-s3-to-sqs.json');
    const onDisk = fs.readFileSync(file.fsPath, 'utf8');
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
    const nameAt = editor.document.getText().indexOf('"S3 to SQS"');
    assert.ok(nameAt > 0, 'the sample flow is not named "S3 to SQS" any more');
    await editor.edit((edit) =>
      edit.replace(new vscode.Range(editor.document.positionAt(nameAt), editor.document.positionAt(nameAt + 11)), '"S3 to SQS edited"'),
    );
    try {
      assert.ok(editor.document.isDirty);
      const result = await push(file, { name: 'EditedInEditor', comments: '', unsaved: 'editorText' });
      const pushedText = fake.flows.get(result.flowCrn)?.versions[0].fileText ?? '';
      assert.match(pushedText, /"S3 to SQS edited"/);
      assert.equal(fs.readFileSync(file.fsPath, 'utf8'), onDisk);
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('retries a 503 from the catalog and still lists the flows', async () => {
    const before = fake.requests.filter((name) => name === 'listFlowDefinitions').length;
    fake.failNext(503, 1, 'listFlowDefinitions');
    await vscode.commands.executeCommand('dff.catalog.refresh');
    const nodes = await catalog.children();
    assert.ok(nodes.every((node) => node.kind === 'flow'), `expected only flows, got ${summarize(nodes)}`);
    assert.ok(nodes.some((node) => node.kind === 'flow' && node.flow.name === 'S3ToSqs'));
    assert.equal(fake.requests.filter((name) => name === 'listFlowDefinitions').length - before, 2, 'the 503 was not retried once');
  });

  it('still pushes when the import first answers 503', async () => {
    const imports = () => fake.requests.filter((name) => name === 'importFlowDefinition').length;
    const before = imports();
    fake.failNext(503, 1, 'importFlowDefinition');
    const result = await push(workspaceFile('ready-s3-to-sqs.json'), { name: 'PushedThrough503', comments: 'retried' });
    assert.equal(result.version, 1);
    assert.equal(fake.flows.get(result.flowCrn)?.versions.length, 1);
    assert.equal(imports() - before, 2, 'the 503 was not retried once');
  });

  it('shows an error item with Retry when the catalog answers 403, and the flows again after Retry', async () => {
    fake.failNext(403, 1, 'listFlowDefinitions');
    await vscode.commands.executeCommand('dff.catalog.refresh');
    const nodes = await catalog.children();
    assert.equal(nodes.length, 1, `expected one error item, got ${summarize(nodes)}`);
    const item = catalog.treeItem(nodes[0]);
    assert.match(String(item.label), /^The catalog refused the request: /);
    assert.match(String(item.label), /DFCatalog/, 'the message should name the CDP role that is missing');
    assert.equal(item.command?.command, 'dff.catalog.refresh');

    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    assert.ok((await rootFlows(catalog)).some((node) => node.flow.name === 'S3ToSqs'));
  });

  it('says plainly that CDP did not accept the key, with the whole message in the tooltip and rows to choose a profile or add a key', async () => {
    fake.failNext(401, 1, 'listFlowDefinitions');
    await vscode.commands.executeCommand('dff.catalog.refresh');
    const nodes = await catalog.children();
    const items = nodes.map((node) => catalog.treeItem(node));
    assert.deepEqual(
      nodes.map((node) => node.kind),
      ['error', 'action', 'action'],
      `got ${summarize(nodes)}`,
    );
    const expected = `The catalog refused the request: CDP did not accept access key ${key.accessKeyId} of profile ${PROFILE}: check the key, or the computer's clock if it is off by more than a few minutes.`;
    assert.ok(String(items[0].label).startsWith(expected), `the error reads "${String(items[0].label)}"`);
    assert.doesNotMatch(String(items[0].label), /could not reach|x-altus/i);
    assert.ok(tooltipText(items[0]).includes(String(items[0].label)), 'the tooltip does not hold the whole message');
    assert.deepEqual(
      items.slice(1).map((item) => [item.label, item.command?.command]),
      [
        ['Choose CDP Profile…', 'dff.cdp.selectProfile'],
        ['Add CDP Access Key…', 'dff.cdp.addAccessKey'],
      ],
    );
  });

  it('filters the flows by name, says so above the flows, and clears the filter', async () => {
    await vscode.commands.executeCommand('dff.catalog.filter', 'kafka');
    assert.deepEqual(
      (await rootFlows(catalog)).map((node) => node.flow.name),
      ['KafkaToS3'],
    );
    assert.equal(catalog.viewMessage(), 'Showing flows matching "kafka" — clear the filter to see all.');
    await vscode.commands.executeCommand('dff.catalog.filter', 'no such flow');
    assert.deepEqual(await catalog.children(), []);
    assert.equal(catalog.viewMessage(), 'No flows match "no such flow". Clear the filter to see all flows.');
    await vscode.commands.executeCommand('dff.catalog.clearFilter');
    assert.ok((await rootFlows(catalog)).length > 1);
    assert.equal(catalog.viewMessage(), undefined);
  });

  it('loads flows a page at a time, as dff.catalog.pageSize says', async () => {
    await vscode.workspace.getConfiguration('dff.catalog').update('pageSize', 1, vscode.ConfigurationTarget.Workspace);
    try {
      const firstPage = await catalog.children();
      assert.deepEqual(
        firstPage.map((node) => node.kind),
        ['flow', 'loadMore'],
      );
      assert.equal(catalog.treeItem(firstPage[1]).label, 'Load more…');
      await vscode.commands.executeCommand(String(catalog.treeItem(firstPage[1]).command?.command));
      const twoPages = await catalog.children();
      assert.deepEqual(
        twoPages.map((node) => node.kind),
        ['flow', 'flow', 'loadMore'],
      );
    } finally {
      await vscode.workspace.getConfiguration('dff.catalog').update('pageSize', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('opens a minified version as a JSON document laid out as NiFi writes flow definitions', async () => {
    const editor = await openNewestVersion(catalog, 'KafkaToS3');
    try {
      assert.equal(editor.document.uri.scheme, 'dff-catalog');
      assert.equal(editor.document.languageId, 'json');
      assert.equal(
        editor.document.getText(),
        '{\n  "flowContents" : {\n    "identifier" : "g",\n    "name" : "KafkaToS3",\n    "processors" : [ ]\n  },\n  "parameterContexts" : { }\n}\n',
      );
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  });

  it('validates an opened version like any flow file', async () => {
    const editor = await openNewestVersion(catalog, 'KafkaToS3');
    try {
      // The seeded flow has no input port and no failure port: DFF rejects it.
      const deadline = Date.now() + 10_000;
      while (vscode.languages.getDiagnostics(editor.document.uri).length === 0 && Date.now() < deadline) await sleep(100);
      assert.ok(vscode.languages.getDiagnostics(editor.document.uri).length > 0, 'no problems reported for a catalog version without ports');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  });

  it('compares a version with a local flow file in a diff editor', async () => {
    const flow = (await rootFlows(catalog)).find((node) => node.flow.name === 'S3ToSqs');
    assert.ok(flow);
    const [newest] = await catalog.children(flow);
    const local = workspaceFile('ready-s3-to-sqs.json');
    await vscode.commands.executeCommand('dff.catalog.compareWithLocal', newest, local);
    try {
      const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      assert.ok(input instanceof vscode.TabInputTextDiff, 'the active tab is not a diff');
      assert.equal(input.original.scheme, 'dff-catalog');
      assert.equal(input.original.query, newest.kind === 'version' ? newest.version.crn : '');
      assert.equal(input.modified.toString(), local.toString());
      assert.match(vscode.window.tabGroups.activeTabGroup.activeTab?.label ?? '', /S3ToSqs v2/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  });

  it('offers the workspace\'s flow files, then Browse…, to compare a version with while a catalog version is the active editor', async () => {
    const opened = await openNewestVersion(catalog, 'S3ToSqs');
    assert.equal(vscode.window.activeTextEditor?.document.uri.scheme, 'dff-catalog');
    const flow = (await rootFlows(catalog)).find((node) => node.flow.name === 'S3ToSqs');
    assert.ok(flow);
    const [newest] = await catalog.children(flow);
    type ShowQuickPick = (items: vscode.QuickPickItem[] | Thenable<vscode.QuickPickItem[]>) => Thenable<vscode.QuickPickItem | undefined>;
    const window = vscode.window as unknown as { showQuickPick: ShowQuickPick };
    const original = window.showQuickPick;
    let offered: vscode.QuickPickItem[] = [];
    window.showQuickPick = async (items) => {
      window.showQuickPick = original;
      offered = await items;
      return offered.find((item) => item.label.endsWith(' ready-s3-to-sqs.json'));
    };
    try {
      await vscode.commands.executeCommand('dff.catalog.compareWithLocal', newest);
      const labels = offered.map((item) => item.label.replace(/^\$\([\w-]+\)\s*/, ''));
      for (const file of ['ready-s3-to-sqs.json', 'broken-two-input-ports.json']) assert.ok(labels.includes(file), `${file} is not offered: ${labels.join(', ')}`);
      assert.ok(!labels.includes('not-a-flow.json'), 'a JSON file that is no flow definition is offered');
      assert.equal(labels[labels.length - 1], 'Browse…');
      const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      assert.ok(input instanceof vscode.TabInputTextDiff, 'the picked file was not compared');
      assert.equal(input.modified.toString(), workspaceFile('ready-s3-to-sqs.json').toString());
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      window.showQuickPick = original;
      await vscode.window.showTextDocument(opened.document);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  });

  it('shows no change when a version is compared with the very file that was pushed', async () => {
    const local = workspaceFile('ready-s3-to-sqs.json');
    const pushed = await push(local, { name: 'ComparedWithItself', comments: '' });
    const flow = (await rootFlows(catalog)).find((node) => node.flow.crn === pushed.flowCrn);
    assert.ok(flow, 'the pushed flow is not in the Catalog view');
    const [version] = await catalog.children(flow);
    await vscode.commands.executeCommand('dff.catalog.compareWithLocal', version, local);
    try {
      const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      assert.ok(input instanceof vscode.TabInputTextDiff, 'the active tab is not a diff');
      const catalogSide = await vscode.workspace.openTextDocument(input.original);
      const localSide = await vscode.workspace.openTextDocument(input.modified);
      assert.equal(catalogSide.getText(), localSide.getText(), 'the diff shows changes between the pushed file and its catalog version');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  });

  it('copies the CRN of a flow to the clipboard', async () => {
    const [flow] = await rootFlows(catalog);
    await vscode.env.clipboard.writeText('');
    assert.equal(await vscode.commands.executeCommand('dff.catalog.copyCrn', flow), flow.flow.crn);
    assert.equal(await vscode.env.clipboard.readText(), flow.flow.crn);
  });

  /** A new flow in the fake catalog with `versions` versions, as the refreshed Catalog view lists it. */
  async function seedListedFlow(name: string, versions: number): Promise<FlowNode> {
    const crn = fake.seedFlow(name, Array.from({ length: versions }, (_, index) => ({ fileText: seededFlowText(`${name} v${index + 1}`) })));
    await vscode.commands.executeCommand('dff.catalog.refresh');
    const node = (await rootFlows(catalog)).find((flow) => flow.flow.crn === crn);
    assert.ok(node, `the seeded flow ${name} is not in the Catalog view`);
    return node;
  }

  async function assertDeleted(crn: string): Promise<void> {
    assert.equal(fake.flows.has(crn), false, 'the fake catalog still has the flow');
    assert.ok(!(await rootFlows(catalog)).some((flow) => flow.flow.crn === crn), 'the Catalog view still lists the deleted flow');
  }

  it('deletes a flow only once the confirmation is accepted, and the view no longer lists it', async () => {
    const node = await seedListedFlow('ToDelete', 2);
    const crn = node.flow.crn;
    const asked = messages.shown.length;
    messages.modalAnswers.push(undefined);
    assert.equal(await vscode.commands.executeCommand('dff.catalog.deleteFlow', node), false);
    const [question] = messages.since(asked);
    assert.ok(question?.modal, 'deleting did not ask for confirmation in a modal dialog');
    assert.match(question.message, /Delete the flow "ToDelete" and its 2 versions/);
    assert.ok(fake.flows.has(crn), 'the flow was deleted although the confirmation was dismissed');

    messages.modalAnswers.push('Delete');
    assert.equal(await vscode.commands.executeCommand('dff.catalog.deleteFlow', node), true);
    await assertDeleted(crn);
  });

  it('deletes a flow without the dialog when a script passes { confirm: true }', async () => {
    const node = await seedListedFlow('ScriptDeleted', 1);
    const asked = messages.shown.length;
    assert.equal(await vscode.commands.executeCommand('dff.catalog.deleteFlow', node, { confirm: true }), true);
    assert.deepEqual(messages.since(asked).filter((shown) => shown.modal), []);
    await assertDeleted(node.flow.crn);
  });

  it('asks before pushing a flow with errors, and pushes nothing when the question is dismissed', async () => {
    const uploadsBefore = fake.uploads.length;
    const asked = messages.shown.length;
    messages.modalAnswers.push(undefined);
    const result = await vscode.commands.executeCommand('dff.catalog.push', workspaceFile(BROKEN_FLOW), { name: 'BrokenAsked', comments: '' });
    assert.equal(result, undefined);
    const [question] = messages.since(asked);
    assert.ok(question?.modal, 'pushing a flow with errors did not ask first');
    assert.match(question.message, /^\d+ errors?\. Push anyway\?$/);
    assert.match(question.detail ?? '', new RegExp(escapeRegExp(BROKEN_FLOW)));
    assert.equal(fake.uploads.length, uploadsBefore, 'a flow was uploaded although the question was dismissed');
    assert.ok(![...fake.flows.values()].some((flow) => flow.name === 'BrokenAsked'));
  });

  it('offers Show Problems as the first (default) button before Push Anyway, so Enter pushes nothing', async () => {
    const uploadsBefore = fake.uploads.length;
    const question = interceptMessage('showWarningMessage', /^\d+ errors?\. Push anyway\?$/);
    const pushing = vscode.commands.executeCommand('dff.catalog.push', workspaceFile(BROKEN_FLOW), { name: 'BrokenDefaultButton', comments: '' });
    assert.deepEqual(await question.offered, ['Show Problems', 'Push Anyway']);
    question.answer('Show Problems');
    assert.equal(await pushing, undefined);
    assert.equal(fake.uploads.length, uploadsBefore, 'Show Problems pushed the flow');
    assert.ok(![...fake.flows.values()].some((flow) => flow.name === 'BrokenDefaultButton'));
  });

  it('refuses a flow with errors without asking when pushWithErrors is false', async () => {
    const uploadsBefore = fake.uploads.length;
    const asked = messages.shown.length;
    const result = await vscode.commands.executeCommand('dff.catalog.push', workspaceFile(BROKEN_FLOW), { name: 'BrokenRefused', comments: '', pushWithErrors: false });
    assert.equal(result, undefined);
    const shown = messages.since(asked);
    assert.deepEqual(shown.filter((message) => message.modal), [], 'asked although pushWithErrors was false');
    assert.ok(shown.some((message) => message.severity === 'error' && message.message.startsWith(`${BROKEN_FLOW} was not pushed`)), 'no message says why nothing was pushed');
    assert.equal(fake.uploads.length, uploadsBefore);
    assert.ok(![...fake.flows.values()].some((flow) => flow.name === 'BrokenRefused'));
  });

  it('pushes a flow with errors when pushWithErrors is true', async () => {
    const file = workspaceFile(BROKEN_FLOW);
    const asked = messages.shown.length;
    const result = await push(file, { name: 'BrokenPushed', comments: 'known problems', pushWithErrors: true });
    assert.deepEqual(messages.since(asked).filter((message) => message.modal), [], 'asked although pushWithErrors was true');
    assert.equal(result.version, 1);
    assert.equal(fake.flows.get(result.flowCrn)?.versions[0].fileText, fs.readFileSync(file.fsPath, 'utf8'));
  });

  for (const [sample, reason] of [['broken-malformed-json.json', /not valid JSON/], ['broken-malformed-shape.json', /shape of a NiFi flow definition/]] as const) {
    it(`never pushes ${sample}, not even with pushWithErrors, and asks nothing`, async () => {
      const uploadsBefore = fake.uploads.length;
      const asked = messages.shown.length;
      const result = await vscode.commands.executeCommand('dff.catalog.push', workspaceFile(sample), { name: 'Unreadable', comments: '', pushWithErrors: true });
      assert.equal(result, undefined);
      const shown = messages.since(asked);
      assert.deepEqual(shown.filter((message) => message.modal), [], 'offered Push Anyway for a file that does not parse');
      const refusal = shown.find((message) => message.severity === 'error' && message.message.startsWith(`${sample} was not pushed`));
      assert.ok(refusal, `no message says why nothing was pushed: ${JSON.stringify(shown)}`);
      assert.match(refusal.message, reason);
      assert.equal(fake.uploads.length, uploadsBefore, 'a file that does not parse was uploaded');
      assert.ok(![...fake.flows.values()].some((flow) => flow.name === 'Unreadable'));
    });
  }

  it('validates a push with the dff.validation.failurePorts of the file\'s folder', async () => {
    // ready-s3-to-sqs.json with its failure port named "errors": a failure port only when the setting names it.
    const flow = JSON.parse(fs.readFileSync(workspaceFile('ready-s3-to-sqs.json').fsPath, 'utf8')) as {
      flowContents: { outputPorts: { identifier: string; name: string }[]; connections: { destination: { id: string; name: string } }[] };
    };
    const port = flow.flowContents.outputPorts.find((item) => item.name === 'failure');
    assert.ok(port, 'the sample flow has no output port named "failure" any more');
    port.name = 'errors';
    for (const connection of flow.flowContents.connections) if (connection.destination.id === port.identifier) connection.destination.name = 'errors';
    const file = workspaceFile('failure-port-named-errors.json');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(JSON.stringify(flow, null, 2)));
    const folderSettings = vscode.workspace.getConfiguration('dff.validation', file);
    try {
      const options = { name: 'FailurePortSetting', comments: '', pushWithErrors: false };
      assert.equal(await vscode.commands.executeCommand('dff.catalog.push', file, options), undefined, 'pushed although "errors" is no failure port yet');
      await folderSettings.update('failurePorts', ['errors'], vscode.ConfigurationTarget.WorkspaceFolder);
      const result = await push(file, options);
      assert.equal(fake.flows.get(result.flowCrn)?.name, 'FailurePortSetting');
    } finally {
      await folderSettings.update('failurePorts', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
      await vscode.workspace.fs.delete(file);
    }
  });

  it('shows no flows (so the welcome view can ask for credentials) when there are no CDP credentials', async () => {
    const files = { credentials: process.env.CDP_SHARED_CREDENTIALS_FILE, config: process.env.CDP_CONFIG_FILE };
    process.env.CDP_SHARED_CREDENTIALS_FILE = path.join(tmp, 'missing-credentials');
    process.env.CDP_CONFIG_FILE = path.join(tmp, 'missing-config');
    try {
      await vscode.commands.executeCommand('dff.catalog.refresh');
      assert.deepEqual(await catalog.children(), []);
    } finally {
      process.env.CDP_SHARED_CREDENTIALS_FILE = files.credentials;
      process.env.CDP_CONFIG_FILE = files.config;
      await vscode.commands.executeCommand('dff.cdp.selectProfile', PROFILE);
    }
    assert.ok((await rootFlows(catalog)).length > 0);
  });

  it('checks an added access key before saving it: a working key becomes the profile in use, one that fails is not saved and the previous profile stays', async () => {
    const stranger = generateEd25519AccessKey(); // a key the catalog does not know
    try {
      let asked = messages.shown.length;
      assert.equal(await addAccessKeyAnswering({ profile: 'checked-good', accessKeyId: key.accessKeyId, privateKey: key.privateKey }), 'checked-good');
      const works = messages.since(asked).find((message) => message.message.startsWith('Access key works: '));
      assert.ok(works, `no message said the key works: ${messages.since(asked).map((message) => message.message).join(' | ')}`);
      // What is known: the whole catalog fits in one page, so the count is exact.
      assert.equal(works.message, `Access key works: ${fake.flows.size} flows visible (profile checked-good).`);
      assert.equal(catalog.profileStatus().text, '$(cloud) CDP: checked-good (us-west-1)');

      asked = messages.shown.length;
      const error = interceptErrorMessage(/^The access key of profile checked-bad was not saved: it did not work: /);
      assert.equal(await addAccessKeyAnswering({ profile: 'checked-bad', accessKeyId: stranger.accessKeyId, privateKey: stranger.privateKey }), undefined);
      assert.deepEqual(await error.offered, ['Edit Key', 'Save Without Using']);
      error.answer(undefined);
      assert.ok(!messages.since(asked).some((message) => message.message.startsWith('Access key works')));
      assert.equal(catalog.profileStatus().text, '$(cloud) CDP: checked-good (us-west-1)', 'the key that failed became the profile in use');
      assert.equal(await vscode.commands.executeCommand('dff.cdp.selectProfile', 'checked-bad'), undefined, 'the key that did not work was saved');
    } finally {
      await vscode.commands.executeCommand('dff.cdp.removeAccessKey', 'checked-good');
      await vscode.commands.executeCommand('dff.cdp.removeAccessKey', 'checked-bad');
      assert.equal(await vscode.commands.executeCommand('dff.cdp.selectProfile', PROFILE), PROFILE);
    }
  });

  it('refuses a malformed access key ID as it is typed, and a private key pasted there without repeating it', async () => {
    let validate: vscode.InputBoxOptions['validateInput'];
    const window = vscode.window as unknown as { showInputBox: (options?: vscode.InputBoxOptions) => Thenable<string | undefined> };
    const original = window.showInputBox;
    window.showInputBox = async (options) => {
      if (/^A name for this profile/.test(options?.prompt ?? '')) return 'shape-check';
      validate = options?.validateInput;
      return undefined; // cancel at the access key ID
    };
    try {
      assert.equal(await vscode.commands.executeCommand('dff.cdp.addAccessKey'), undefined);
    } finally {
      window.showInputBox = original;
    }
    assert.ok(validate, 'the access key ID box checks nothing as it is typed');
    assert.equal(await validate(key.accessKeyId), undefined);
    assert.match(String(await validate(key.accessKeyId.slice(0, -1))), /8-4-4-4-12 hex digits/);
    const pasted = String(await validate(key.privateKey));
    assert.match(pasted, /looks like the private key/);
    assert.ok(!secretPieces(key.privateKey).some((piece) => pasted.includes(piece)), 'the message repeats the private key');
  });

  /** Runs Add CDP Access Key, answering its five questions; the endpoint is the fake catalog's. */
  async function addAccessKeyAnswering(answers: { profile: string; accessKeyId: string; privateKey: string }): Promise<unknown> {
    type Ask = (options?: vscode.InputBoxOptions) => Thenable<string | undefined>;
    type Pick = (items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>) => Thenable<vscode.QuickPickItem | undefined>;
    const window = vscode.window as unknown as { showInputBox: Ask; showQuickPick: Pick };
    const originals = { showInputBox: window.showInputBox, showQuickPick: window.showQuickPick };
    const byPrompt: [RegExp, string][] = [
      [/^A name for this profile/, answers.profile],
      [/^Access key ID/, answers.accessKeyId],
      [/^Private key/, answers.privateKey],
      [/^API endpoint URL/, fake.url],
    ];
    window.showInputBox = async (options) => {
      const answer = byPrompt.find(([prompt]) => prompt.test(options?.prompt ?? ''));
      assert.ok(answer, `unexpected question: ${options?.prompt}`);
      return answer[1];
    };
    window.showQuickPick = async (items) => (await items).find((item) => item.label === 'us-west-1');
    try {
      return await vscode.commands.executeCommand('dff.cdp.addAccessKey');
    } finally {
      Object.assign(window, originals);
    }
  }

  it('never shows or logs the private key, in messages, in the view or in the DataFlow Functions log', async () => {
    // A failed push and a failed listing: the paths that put catalog and credential errors into words.
    fake.failNext(401, 1, 'importFlowDefinition');
    const failed = await vscode.commands.executeCommand('dff.catalog.push', workspaceFile('ready-s3-to-sqs.json'), { name: 'RejectedKey', comments: '' });
    assert.equal(failed, undefined);
    fake.failNext(401, 1, 'listFlowDefinitions');
    await vscode.commands.executeCommand('dff.catalog.refresh');
    const errorItems = (await catalog.children()).map((node) => catalog.treeItem(node));
    await vscode.commands.executeCommand('dff.catalog.refresh');

    const log = await waitForLog(logUri, /Could not push RejectedKey/);
    assert.match(log, /Pushed ready-s3-to-sqs\.json/, 'the log does not hold what the earlier tests did');
    assert.ok(messages.shown.some((message) => message.message.startsWith('Could not push RejectedKey')), 'the failed push showed no error');
    assert.ok(errorItems.some((item) => /^The catalog refused the request/.test(String(item.label))), 'the failed listing showed no error item');

    const shownTexts = [
      ...messages.shown.map((message) => `${message.message}\n${message.detail ?? ''}`),
      ...errorItems.map((item) => `${String(item.label)}\n${tooltipText(item)}`),
    ];
    for (const [where, text] of [['the log', log], ...shownTexts.map((text) => ['a message', text])]) {
      const leaked = secretPieces(key.privateKey).find((piece) => text.includes(piece));
      // The message names the place, never the piece: test output must not show key material either.
      assert.ok(leaked === undefined, `${where} contains part of the private key`);
    }
  });
});

const BROKEN_FLOW = 'broken-two-input-ports.json';

/**
 * Catches the next error message whose text matches `pattern` (other messages pass through):
 * `offered` resolves to its buttons, and the message waits for `answer`, as if the user clicked.
 */
function interceptErrorMessage(pattern: RegExp): { offered: Promise<string[]>; answer(choice: string | undefined): void } {
  return interceptMessage('showErrorMessage', pattern);
}

function interceptMessage(
  method: 'showErrorMessage' | 'showWarningMessage' | 'showInformationMessage',
  pattern: RegExp,
): { offered: Promise<string[]>; answer(choice: string | undefined): void } {
  type Show = (message: string, ...items: unknown[]) => Thenable<unknown>;
  const window = vscode.window as unknown as Record<typeof method, Show>;
  const previous = window[method];
  let offer!: (actions: string[]) => void;
  let answer!: (choice: string | undefined) => void;
  const offered = new Promise<string[]>((resolve) => (offer = resolve));
  const answered = new Promise<string | undefined>((resolve) => (answer = resolve));
  window[method] = (message, ...items) => {
    if (!pattern.test(message)) return previous.call(vscode.window, message, ...items);
    window[method] = previous;
    offer(items.filter((item): item is string => typeof item === 'string'));
    return answered;
  };
  const timedOut = () => {
    window[method] = previous;
    return `a message (${method}) matching ${pattern}`;
  };
  return { offered: withTimeout(offered, 10_000, timedOut), answer };
}

/** The next quick pick the extension creates. */
function capturePicker(): Promise<vscode.QuickPick<vscode.QuickPickItem>> {
  const window = vscode.window as unknown as { createQuickPick: typeof vscode.window.createQuickPick };
  const original = window.createQuickPick;
  let found!: (picker: vscode.QuickPick<vscode.QuickPickItem>) => void;
  const created = new Promise<vscode.QuickPick<vscode.QuickPickItem>>((resolve) => (found = resolve));
  window.createQuickPick = (() => {
    window.createQuickPick = original;
    const picker = original.call(vscode.window);
    found(picker);
    return picker;
  }) as typeof original;
  return withTimeout(created, 10_000, () => {
    window.createQuickPick = original;
    return 'a quick pick';
  });
}

async function waitForValue<T>(read: () => T | undefined, what: string, timeoutMs = 15_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) assert.fail(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    await sleep(everyMs);
  }
}

/** `what` names what was awaited; it is called only on a timeout. */
function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new assert.AssertionError({ message: `Timed out after ${timeoutMs} ms waiting for ${what()}.` })), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The key itself and every 12-character run of it: a key printed in part is leaked too. */
function secretPieces(privateKey: string): string[] {
  const body = privateKey.replace(/-----[A-Z ]+-----|\s/g, '');
  const pieces = [privateKey, body];
  for (let start = 0; start + 12 <= body.length; start++) pieces.push(body.slice(start, start + 12));
  return pieces;
}

/** The text of the extension's log files, once it matches `expected` (the log is written asynchronously). */
async function waitForLog(folder: vscode.Uri, expected: RegExp): Promise<string> {
  const deadline = Date.now() + 10_000;
  let text = '';
  while (Date.now() < deadline) {
    text = await readLogs(folder);
    if (expected.test(text)) return text;
    await sleep(200);
  }
  // Not printed here: the log could hold what the test looks for.
  assert.fail(`the DataFlow Functions log in ${folder.fsPath} never said ${expected} (${text.length} characters read)`);
}

async function readLogs(folder: vscode.Uri): Promise<string> {
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(folder);
  } catch {
    return '';
  }
  const texts: string[] = [];
  for (const [name, type] of entries) {
    if (type !== vscode.FileType.File || !name.endsWith('.log')) continue;
    texts.push(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, name))));
  }
  return texts.join('\n');
}

async function rootFlows(catalog: CatalogApi): Promise<FlowNode[]> {
  const nodes = await catalog.children();
  const flows = nodes.filter((node): node is FlowNode => node.kind === 'flow');
  assert.equal(flows.length, nodes.length, `expected only flows, got ${summarize(nodes)}`);
  return flows;
}

async function openNewestVersion(catalog: CatalogApi, flowName: string): Promise<vscode.TextEditor> {
  const flow = (await rootFlows(catalog)).find((node) => node.flow.name === flowName);
  assert.ok(flow, `${flowName} is not in the Catalog view`);
  const [newest] = await catalog.children(flow);
  const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('dff.catalog.openVersion', newest);
  assert.ok(editor, 'no editor opened');
  return editor;
}

async function push(file: vscode.Uri, options: { name: string; comments: string; unsaved?: 'editorText'; pushWithErrors?: boolean }): Promise<PushResult> {
  const result = await vscode.commands.executeCommand<PushResult | undefined>('dff.catalog.push', file, options);
  assert.ok(result, `pushing ${path.basename(file.fsPath)} returned nothing (see the DataFlow Functions log)`);
  return result;
}

function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder (runInCodeServer opens a copy of samples/)');
  return vscode.Uri.joinPath(folder.uri, name);
}

function tooltipText(item: vscode.TreeItem): string {
  return typeof item.tooltip === 'string' ? item.tooltip : (item.tooltip?.value ?? '');
}

function summarize(nodes: CatalogNode[]): string {
  return JSON.stringify(nodes.map((node) => (node.kind === 'error' ? node.message : node.kind)));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
