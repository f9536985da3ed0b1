// What a user sees while editing flow definitions, in a real VS Code with the samples/ workspace:
// diagnostics, CodeLens, quick fixes, hover, completion and go to definition.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DffExtensionApi } from '../../../src/extension';
import type { ValidationRecord } from '../../../src/vscode/validation/api';

const SOURCE = 'DataFlow Functions';
const SECRET = 'wJalrXUtnFEMI-K7MDENG-bPxRfiCYEXAMPLEKEY';

/** The distinct finding codes each sample must show, and only those. */
const EXPECTED_CODES: Record<string, string[]> = {
  'ready-s3-to-sqs.json': [],
  'broken-failure-auto-terminated.json': ['failure-auto-terminated'],
  'broken-no-parameter-context.json': ['context-missing'],
  'broken-bad-parameter-names.json': ['context-name-invalid', 'parameter-name-invalid', 'parameter-name-reserved'],
  'broken-undefined-reference.json': ['parameter-undefined', 'parameter-unused'],
  'broken-two-input-ports.json': ['entry-port-multiple', 'entry-port-unconnected'],
  // Only the export itself: no advice to add ports to the root canvas.
  'broken-root-canvas-exported.json': ['root-canvas-exported'],
  // The JSON language service reports the syntax error; ours would say it a second time.
  'broken-malformed-json.json': [],
  'broken-two-success-ports.json': ['output-port-multiple'],
  'broken-failure-port-function-nifi2.json': ['failure-port-function-unnamed', 'failure-port-missing'],
  'broken-copied-identifiers.json': ['connection-endpoint-missing', 'duplicate-identifier'],
  'broken-failure-logged-not-routed.json': ['failure-not-routed', 'unmatched-auto-terminated'],
  'broken-sensitivity-mismatch.json': ['plain-property-sensitive-parameter', 'sensitive-property-plain-parameter'],
  'broken-environment-too-large.json': ['environment-too-large'],
  'broken-context-not-found.json': ['context-not-found'],
  'broken-inherited-context-not-found.json': ['inherited-context-not-found', 'parameter-undefined'],
  'broken-remote-entry-port.json': ['entry-port-remote'],
  'broken-short-parameter-name.json': ['parameter-name-too-short'],
  'broken-malformed-shape.json': ['flow-shape'],
};

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { publisher: string; name: string };

async function extensionApi(): Promise<DffExtensionApi> {
  const extension = vscode.extensions.getExtension<DffExtensionApi>(`${manifest.publisher}.${manifest.name}`);
  assert.ok(extension, 'the extension is not loaded in this VS Code');
  return extension.activate();
}

/** Waits until validation has published a result for the document's current version. */
async function validationOfCurrentVersion(document: vscode.TextDocument): Promise<ValidationRecord> {
  const { validation } = await extensionApi();
  return waitFor(() => {
    const record = validation.lastValidation(document.uri);
    return record?.version === document.version ? record : undefined;
  }, `the validation of version ${document.version} of ${document.uri.path}`);
}

function sampleUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need the samples/ workspace folder (runInCodeServer opens a copy of it)');
  return vscode.Uri.joinPath(folder.uri, name);
}

async function open(name: string): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(sampleUri(name)));
}

async function openUntitled(content: string): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'json', content }));
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === SOURCE);
}

function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : String(code);
}

function codes(uri: vscode.Uri): string[] {
  return [...new Set(ours(uri).map(codeOf))].sort();
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) assert.fail(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function waitForCodes(uri: vscode.Uri, expected: string[]): Promise<void> {
  await waitFor(() => (JSON.stringify(codes(uri)) === JSON.stringify([...expected].sort()) ? true : undefined),
    `diagnostics ${JSON.stringify(expected)} on ${uri.path} (now ${JSON.stringify(codes(uri))})`);
}

async function lensTitles(uri: vscode.Uri): Promise<string[]> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100);
  return lenses.map((lens) => lens.command?.title ?? '');
}

function positionOf(document: vscode.TextDocument, needle: string, delta = 0): vscode.Position {
  const at = document.getText().indexOf(needle);
  assert.notEqual(at, -1, `"${needle}" is not in ${document.uri.path}`);
  return document.positionAt(at + delta);
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((hover) => hover.contents).map((content) => (typeof content === 'string' ? content : content.value)).join('\n');
}

async function closeWithoutSaving(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

describe('Flow validation in the editor', () => {
  afterEach(closeWithoutSaving);

  for (const [name, expected] of Object.entries(EXPECTED_CODES)) {
    it(`reports ${expected.length ? expected.join(', ') : 'no problems'} for ${name}`, async () => {
      const { document } = await open(name);
      // The CodeLens provider answers once the document's validation has been published.
      await lensTitles(document.uri);
      await waitForCodes(document.uri, expected);
    });
  }

  it('says a correct flow is ready and names its ports in CodeLens', async () => {
    const { document } = await open('ready-s3-to-sqs.json');
    const titles = await lensTitles(document.uri);
    assert.deepEqual(titles, [
      '$(check) Ready for DataFlow Functions', '$(cloud-upload) Push to Catalog', '$(rocket) Deploy to Lambda', 'Entry point (input port)', 'Success output', 'Failure port',
    ]);
  });

  it('offers Push to Catalog for the file in CodeLens', async () => {
    const { document } = await open('ready-s3-to-sqs.json');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 100);
    const push = lenses.find((lens) => lens.command?.command === 'dff.catalog.push');
    assert.ok(push, 'no Push to Catalog lens');
    assert.equal(push.range.start.line, positionOf(document, '"flowContents"').line);
    assert.equal(String(push.command?.arguments?.[0]), document.uri.toString());
  });

  it('offers Push to Catalog for an untitled flow, and reports nothing on a read-only view of another scheme', async () => {
    const text = (await vscode.workspace.openTextDocument(sampleUri('broken-two-input-ports.json'))).getText();
    const untitled = await openUntitled(text);
    await waitFor(async () => ((await lensTitles(untitled.document.uri)).includes('$(cloud-upload) Push to Catalog') ? true : undefined),
      'Push to Catalog on the untitled flow');
    await waitForCodes(untitled.document.uri, ['entry-port-multiple', 'entry-port-unconnected']);
    await closeWithoutSaving();

    // A read-only document of a scheme that is neither the user's files nor the catalog's versions (as a git diff side is).
    const scheme = 'dff-test-readonly';
    const registration = vscode.workspace.registerTextDocumentContentProvider(scheme, { provideTextDocumentContent: () => text });
    try {
      const { document } = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.parse(`${scheme}:/S3 to SQS v1.json`)));
      assert.equal(document.languageId, 'json');
      await sleep(800);
      assert.deepEqual(await lensTitles(document.uri), []);
      assert.deepEqual(ours(document.uri), []);
      const { validation } = await extensionApi();
      assert.equal(validation.lastValidation(document.uri), undefined);
    } finally {
      registration.dispose();
    }
  });

  it('reports a problem once when the file is compared with its saved version, not again on the saved side', async () => {
    const { document } = await open('broken-two-input-ports.json');
    await waitForCodes(document.uri, ['entry-port-multiple', 'entry-port-unconnected']);
    // An unsaved change, so that the comparison has two sides.
    const edited = await vscode.window.activeTextEditor!.edit((builder) => builder.insert(document.positionAt(document.getText().length), '\n'));
    assert.ok(edited);
    await vscode.commands.executeCommand('workbench.files.action.compareWithSaved');
    const saved = await waitFor(() => vscode.workspace.textDocuments.find((other) => other.uri.path === document.uri.path && other.uri.scheme !== 'file'),
      'the saved side of the comparison');
    assert.equal(saved.languageId, 'json');
    await sleep(800);
    assert.deepEqual(ours(saved.uri), [], `problems reported on ${saved.uri.scheme}: the saved side`);
    const withProblems = vscode.languages.getDiagnostics().filter(([uri, diagnostics]) =>
      uri.path === document.uri.path && diagnostics.some((diagnostic) => diagnostic.source === SOURCE));
    assert.deepEqual(withProblems.map(([uri]) => uri.scheme), ['file']);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('reports a syntax error once: the JSON language service\'s, or ours when json.validate.enable is off', async () => {
    const { document } = await open('broken-malformed-json.json');
    const theirs = await waitFor(() => {
      const found = vscode.languages.getDiagnostics(document.uri).filter((diagnostic) => diagnostic.source !== SOURCE);
      return found.length > 0 ? found : undefined;
    }, 'the JSON language service\'s syntax error');
    assert.deepEqual(ours(document.uri), []);
    assert.equal((await lensTitles(document.uri))[0], '$(error) Not valid JSON: show problems');
    const json = vscode.workspace.getConfiguration('json');
    await json.update('validate.enable', false, vscode.ConfigurationTarget.Workspace);
    try {
      await waitForCodes(document.uri, ['flow-syntax']);
      await waitFor(() => (vscode.languages.getDiagnostics(document.uri).length === 1 ? true : undefined),
        `one syntax error in all (now ${JSON.stringify(vscode.languages.getDiagnostics(document.uri).map((d) => d.message))})`);
    } finally {
      await json.update('validate.enable', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForCodes(document.uri, []);
    assert.ok(theirs.length >= 1);
  });

  it('links each code to its rule page, shows one sentence, and offers the page and turning the rule off', async () => {
    const { document } = await open('broken-failure-auto-terminated.json');
    await waitForCodes(document.uri, ['failure-auto-terminated']);
    const [diagnostic] = ours(document.uri);
    assert.equal(diagnostic.message, 'Processor "Send to queue" auto-terminates its "failure" relationship.');
    const code = diagnostic.code as { value: string; target: vscode.Uri };
    assert.equal(code.value, 'failure-auto-terminated');
    assert.equal(code.target.scheme, 'command');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, diagnostic.range.start.translate(0, 1));
    assert.match(hoverText(hovers), /Lambda never retries it/);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range);
    const titles = actions.map((action) => action.title);
    assert.ok(titles.includes('Show documentation for failure-auto-terminated'), JSON.stringify(titles));
    assert.ok(titles.includes('Turn off failure-auto-terminated for this workspace'), JSON.stringify(titles));
    const page = await vscode.commands.executeCommand<vscode.Uri>('dff.showRuleDocs', 'failure-auto-terminated');
    assert.ok(page?.path.endsWith('/docs/rules/failure-auto-terminated.md'));
    assert.ok((await vscode.workspace.fs.readFile(page)).byteLength > 0, 'the rule page is not in the extension');
    assert.equal(await vscode.commands.executeCommand('dff.showRuleDocs', '../../package'), undefined);
    const rules = vscode.workspace.getConfiguration('dff.validation');
    try {
      await vscode.commands.executeCommand('dff.turnOffRule', 'failure-auto-terminated', document.uri);
      assert.deepEqual(rules.inspect('rules')?.workspaceValue, { 'failure-auto-terminated': 'off' });
      await waitForCodes(document.uri, []);
    } finally {
      await rules.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForCodes(document.uri, ['failure-auto-terminated']);
  });

  it('fixes every auto-fixable problem in one edit: source.fixAll.dff and the Fix All command', async () => {
    const { document } = await open('broken-bad-parameter-names.json');
    await waitForCodes(document.uri, ['context-name-invalid', 'parameter-name-invalid', 'parameter-name-reserved']);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri,
      new vscode.Range(0, 0, 0, 0), 'source.fixAll.dff', 1);
    assert.deepEqual(actions.map((action) => action.kind?.value), ['source.fixAll.dff']);
    assert.equal(await vscode.commands.executeCommand('dff.fixAll'), true);
    await waitForCodes(document.uri, []);
    await vscode.commands.executeCommand('undo');
    await waitForCodes(document.uri, ['context-name-invalid', 'parameter-name-invalid', 'parameter-name-reserved']);
  });

  it('renames a parameter everywhere with F2, from a reference', async () => {
    const { document } = await open('ready-s3-to-sqs.json');
    const before = document.getText().split('#{QueueUrl}').length - 1;
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', document.uri,
      positionOf(document, '#{QueueUrl}', 4), 'TargetQueue');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(document.getText().split('#{TargetQueue}').length - 1, before);
    assert.ok(document.getText().includes('"name" : "TargetQueue"'));
    await waitForCodes(document.uri, []);
  });

  it('gives the verdict of a broken flow in CodeLens, opening the Problems panel on click', async () => {
    const { document } = await open('broken-two-input-ports.json');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 100);
    const [verdict] = lenses;
    assert.equal(verdict.command?.title, '$(error) 2 errors, 0 warnings: show problems');
    assert.equal(verdict.command?.command, 'dff.showProblems');
    assert.equal(verdict.range.start.line, positionOf(document, '"flowContents"').line);
    assert.ok(lenses.some((lens) => lens.command?.title === '$(error) Entry point goes nowhere: connect it to the first processor'));
    await vscode.commands.executeCommand('dff.showProblems');
  });

  it('fixes an auto-terminated failure with the preferred quick fix', async () => {
    const { document } = await open('broken-failure-auto-terminated.json');
    await waitForCodes(document.uri, ['failure-auto-terminated']);
    const [diagnostic] = ours(document.uri);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value, 10,
    );
    const fix = actions.find((action) => /^Route "failure" to a failure output port/.test(action.title));
    assert.ok(fix?.edit, `no route-to-failure quick fix among ${JSON.stringify(actions.map((action) => action.title))}`);
    assert.equal(fix.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await waitForCodes(document.uri, []);
    assert.deepEqual((await lensTitles(document.uri))[0], '$(check) Ready for DataFlow Functions');
  });

  it('applies a quick fix picked after the file changed to the file as it is then', async () => {
    const editor = await open('broken-failure-auto-terminated.json');
    const { document } = editor;
    await waitForCodes(document.uri, ['failure-auto-terminated']);
    const [diagnostic] = ours(document.uri);
    const { quickFixes } = (await extensionApi()).validation;
    const token = new vscode.CancellationTokenSource().token;
    const context: vscode.CodeActionContext = { diagnostics: [diagnostic], only: vscode.CodeActionKind.QuickFix, triggerKind: vscode.CodeActionTriggerKind.Invoke };
    const actions = (await quickFixes.provideCodeActions(document, diagnostic.range, context, token)) as vscode.CodeAction[];
    const fix = actions.find((action) => /^Route "failure" to a failure output port/.test(action.title));
    assert.ok(fix, `no route-to-failure quick fix among ${JSON.stringify(actions.map((action) => action.title))}`);

    // Typed above the problem while the lightbulb shows: every offset after it moves.
    await editor.edit((edit) => edit.insert(positionOf(document, 'Sends every new S3 object', 'Sends every'.length), ' newly written'));
    const picked = (await quickFixes.resolveCodeAction?.(fix, token)) ?? fix;
    assert.ok(picked.edit, 'the fix offered no edit although the problem is still there');
    assert.ok(await vscode.workspace.applyEdit(picked.edit));

    const text = document.getText();
    assert.doesNotThrow(() => JSON.parse(text), 'the quick fix left the file invalid JSON');
    assert.ok(text.includes('Sends every newly written new S3 object'), 'the text typed before the fix was lost');
    await waitForCodes(document.uri, []);
    // Picked again, the fix has nothing left to do: no edit, rather than a second route.
    const again = (await quickFixes.resolveCodeAction?.(fix, token)) ?? fix;
    assert.equal(again.edit, undefined);
  });

  it('offers to change a misspelt reference to the close parameter first, and applies it as the preferred fix', async () => {
    const { document } = await open('broken-undefined-reference.json');
    await waitForCodes(document.uri, ['parameter-undefined', 'parameter-unused']);
    const diagnostic = ours(document.uri).find((item) => codeOf(item) === 'parameter-undefined');
    assert.ok(diagnostic);
    assert.equal(document.getText(diagnostic.range), '#{QueueURL}');
    // The one-sentence diagnostic says what is wrong; the suggestion is in the hover (and the quick fix).
    assert.doesNotMatch(diagnostic.message, /Did you mean/);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, diagnostic.range.start.translate(0, 3));
    assert.match(hoverText(hovers), /Did you mean QueueUrl\?/);
    assert.doesNotMatch(hoverText(hovers), /is not defined in context/, 'the hover says a second time that the reference does not resolve');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value, 10,
    );
    const titles = actions.map((action) => action.title);
    const change = titles.indexOf('Change to #{QueueUrl}');
    const add = titles.findIndex((title) => title.startsWith('Add parameter "QueueURL"'));
    assert.ok(change !== -1 && add !== -1 && change < add, `Change to #{QueueUrl} before Add parameter in ${JSON.stringify(titles)}`);
    assert.equal(actions[change].isPreferred, true);
    assert.notEqual(actions[add].isPreferred, true);
    assert.ok(actions[change].edit);
    assert.ok(await vscode.workspace.applyEdit(actions[change].edit));
    assert.ok(document.getText().includes('"Queue URL" : "#{QueueUrl}"'));
    await waitForCodes(document.uri, []);
  });

  it('updates diagnostics as the user types, and clears them when the problem is undone', async () => {
    const editor = await open('ready-s3-to-sqs.json');
    const { document } = editor;
    assert.equal((await lensTitles(document.uri))[0], '$(check) Ready for DataFlow Functions');
    const typo = positionOf(document, '#{QueueUrl}', '#{QueueU'.length);
    await editor.edit((edit) => edit.replace(new vscode.Range(typo, typo.translate(0, 1)), 'R'));
    await editor.edit((edit) => edit.replace(new vscode.Range(typo.translate(0, 1), typo.translate(0, 2)), 'L'));
    await waitForCodes(document.uri, ['parameter-undefined', 'parameter-unused']);
    const unused = ours(document.uri).find((diagnostic) => codeOf(diagnostic) === 'parameter-unused');
    assert.deepEqual(unused?.tags, [vscode.DiagnosticTag.Unnecessary]);
    await vscode.commands.executeCommand('undo');
    await vscode.commands.executeCommand('undo');
    await waitForCodes(document.uri, []);
  });

  it('leaves JSON that is not a flow definition alone', async () => {
    const { document } = await open('not-a-flow.json');
    assert.equal((await validationOfCurrentVersion(document)).verdict, 'not-a-flow');
    assert.deepEqual(ours(document.uri), []);
    const titles = await lensTitles(document.uri);
    assert.ok(!titles.some((title) => /DataFlow Functions|show problems|port/.test(title)), JSON.stringify(titles));
  });

  it('hovers a parameter reference with its context, description and value', async () => {
    const { document } = await open('ready-s3-to-sqs.json');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider', document.uri, positionOf(document, '#{AwsRegion}', 3),
    );
    const text = hoverText(hovers);
    assert.match(text, /context `aws_shared`, inherited by `s3_to_sqs`/);
    assert.match(text, /AWS region of the bucket and the queue/);
    assert.match(text, /`us-east-1`/);
  });

  it('never shows a sensitive value in a hover or a completion', async () => {
    const ready = (await vscode.workspace.openTextDocument(sampleUri('ready-s3-to-sqs.json'))).getText();
    const needle = '"Secret access key of the flow\'s IAM user",\n        "sensitive" : true,\n        "provided" : false';
    assert.ok(ready.includes(needle));
    const { document } = await openUntitled(ready.replace(needle, `${needle},\n        "value" : "${SECRET}"`)
      .replace('"Access Key" : "#{AwsAccessKeyId}"', '"Access Key" : "#{"'));
    const hovers = await waitFor(async () => {
      const found = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider', document.uri, positionOf(document, '#{AwsSecretAccessKey}', 3),
      );
      return found.length > 0 ? found : undefined;
    }, 'a hover on #{AwsSecretAccessKey}');
    const text = hoverText(hovers);
    assert.match(text, /sensitive: value supplied at deploy time/);
    assert.ok(!text.includes(SECRET), 'the hover shows the sensitive value');

    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider', document.uri, positionOf(document, '"Access Key" : "#{', '"Access Key" : "#{'.length), '{', 100,
    );
    const secretItem = list.items.find((item) => item.label === 'AwsSecretAccessKey');
    assert.ok(secretItem, 'completion in the sensitive "Access Key" offers the sensitive parameter by name');
    const documentation = secretItem.documentation;
    const docText = typeof documentation === 'string' ? documentation : documentation?.value ?? '';
    assert.ok(!docText.includes(SECRET) && !JSON.stringify(list.items).includes(SECRET), 'a completion shows the sensitive value');
  });

  it('completes parameter names after #{ and inserts the reference', async () => {
    const editor = await open('ready-s3-to-sqs.json');
    const { document } = editor;
    const start = positionOf(document, '"Delay" : "0 secs"', '"Delay" : "'.length);
    await editor.edit((edit) => edit.replace(new vscode.Range(start, start.translate(0, '0 secs'.length)), '#{Que'));
    const cursor = start.translate(0, '#{Que'.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider', document.uri, cursor, undefined, 100,
    );
    const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    for (const name of ['QueueUrl', 'AwsRegion']) assert.ok(labels.includes(name), `no ${name} in ${labels}`);
    const queue = list.items.find((item) => item.label === 'QueueUrl')!;
    assert.equal(queue.insertText, '#{QueueUrl}');
    const range = queue.range as vscode.Range;
    assert.equal(document.getText(range), '#{Que');
  });

  it('completing inside an existing reference replaces that reference, in either insert mode', async () => {
    const editor = await open('ready-s3-to-sqs.json');
    const { document } = editor;
    const start = positionOf(document, '"Delay" : "0 secs"', '"Delay" : "'.length);
    await editor.edit((edit) => edit.replace(new vscode.Range(start, start.translate(0, '0 secs'.length)), '#{QueueUrl} tail'));
    const cursor = start.translate(0, '#{Que'.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider', document.uri, cursor, undefined, 100,
    );
    const queue = list.items.find((item) => item.label === 'QueueUrl');
    assert.ok(queue, 'no QueueUrl completion inside #{QueueUrl}');
    const range = queue.range as vscode.Range;
    assert.ok(range instanceof vscode.Range, 'one range, so VS Code replaces in its default insert mode too');
    assert.equal(document.getText(range), '#{QueueUrl}', 'a shorter range would leave a broken reference');
  });

  it('completes only parameters as sensitive as the property, the group\'s own first', async () => {
    const editor = await open('ready-s3-to-sqs.json');
    const { document } = editor;
    const delay = positionOf(document, '"Delay" : "0 secs"', '"Delay" : "'.length);
    await editor.edit((edit) => edit.replace(new vscode.Range(delay, delay.translate(0, '0 secs'.length)), '#{'));
    const plain = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider', document.uri, delay.translate(0, 2), '{', 100,
    );
    // JSON's own completions (such as {}) are not ours.
    const byRank = (list: vscode.CompletionList) => list.items.filter((item) => item.kind === vscode.CompletionItemKind.Variable)
      .sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '')).map((item) => item.label);
    assert.deepEqual(byRank(plain), ['QueueUrl', 'AwsRegion'], 'Delay is not sensitive: no AwsAccessKeyId or AwsSecretAccessKey');

    const secret = positionOf(document, '"Secret Key" : "#{AwsSecretAccessKey}"', '"Secret Key" : "'.length);
    await editor.edit((edit) => edit.replace(new vscode.Range(secret, secret.translate(0, '#{AwsSecretAccessKey}'.length)), '#{'));
    const sensitive = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider', document.uri, secret.translate(0, 2), '{', 100,
    );
    assert.deepEqual(byRank(sensitive).sort(), ['AwsAccessKeyId', 'AwsSecretAccessKey']);
  });

  it('accepting a completion typed before other text keeps that text', async () => {
    const editor = await open('ready-s3-to-sqs.json');
    const { document } = editor;
    const start = positionOf(document, '"Delay" : "0 secs"', '"Delay" : "'.length);
    await editor.edit((edit) => edit.insert(start, '#{'));
    const cursor = start.translate(0, 2);
    editor.selection = new vscode.Selection(cursor, cursor);
    await validationOfCurrentVersion(document);
    // Accepted from the suggest widget, as a user does.
    await vscode.commands.executeCommand('editor.action.triggerSuggest');
    await waitFor(async () => {
      await vscode.commands.executeCommand('acceptSelectedSuggestion');
      return document.getText().includes('"Delay" : "#{0 secs"') ? undefined : true;
    }, 'the suggest widget to accept a parameter');
    const line = document.lineAt(start.line).text.trim();
    assert.match(line, /^"Delay" : "#\{(QueueUrl|AwsRegion)\}0 secs",?$/, 'the text after the cursor was replaced');
  });

  it('goes from a reference to the parameter it resolves to', async () => {
    const { document } = await open('ready-s3-to-sqs.json');
    const links = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider', document.uri, positionOf(document, '#{QueueUrl}', 4),
    );
    const ourLink = links.map((link) => ('targetRange' in link ? link.targetRange : link.range))
      .find((range) => document.getText(range) === '"QueueUrl"');
    assert.ok(ourLink, 'no definition at the parameter\'s name');
    assert.ok(ourLink.start.line > positionOf(document, '"parameterContexts"').line);
  });

  describe('settings', () => {
    const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('dff');
    afterEach(async () => {
      await config().update('validation.enabled', undefined, vscode.ConfigurationTarget.Workspace);
      await config().update('validation.failurePorts', undefined, vscode.ConfigurationTarget.Workspace);
      await config().update('validation.debounceMs', undefined, vscode.ConfigurationTarget.Workspace);
    });

    it('completes right after #{ is typed without waiting out the debounce, and publishes that run\'s diagnostics', async () => {
      // Far longer than the answer may take: before the pending run was started early, completion waited it out.
      const debounceMs = 30_000;
      await config().update('validation.debounceMs', debounceMs, vscode.ConfigurationTarget.Workspace);
      const editor = await open('ready-s3-to-sqs.json');
      const { document } = editor;
      await validationOfCurrentVersion(document);
      const start = positionOf(document, '"Delay" : "0 secs"', '"Delay" : "'.length);
      await editor.edit((edit) => edit.replace(new vscode.Range(start, start.translate(0, '0 secs'.length)), '#{'));
      const answer = Promise.resolve(vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider', document.uri, start.translate(0, 2), '{', 100,
      ));
      const tooLate = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 10_000));
      const list = await Promise.race([answer, tooLate]);
      assert.ok(list, `no completion within 10 s of asking (the debounce is ${debounceMs} ms)`);
      assert.ok(list.items.some((item) => item.label === 'QueueUrl'), 'no QueueUrl completion after #{');
      // The pending run was the one that answered, and it published diagnostics for this version.
      const { validation } = await extensionApi();
      assert.equal(validation.lastValidation(document.uri)?.version, document.version);
    });

    it('counts ports named in dff.validation.failurePorts as failure ports', async () => {
      const { document } = await open('ready-s3-to-sqs.json');
      assert.equal((await lensTitles(document.uri)).filter((title) => title === 'Failure port').length, 1);
      await config().update('validation.failurePorts', ['success'], vscode.ConfigurationTarget.Workspace);
      await waitFor(async () => ((await lensTitles(document.uri)).filter((title) => title === 'Failure port').length === 2 ? true : undefined),
        'the "success" port to show as a failure port');
    });

    it('reads only the port names in a hand-edited dff.validation.failurePorts, and keeps validating when it is not a list', async () => {
      await config().update('validation.failurePorts', 'success', vscode.ConfigurationTarget.Workspace);
      const { document } = await open('ready-s3-to-sqs.json');
      assert.equal((await validationOfCurrentVersion(document)).verdict, 'flow');
      assert.equal((await lensTitles(document.uri)).filter((title) => title === 'Failure port').length, 1);
      await config().update('validation.failurePorts', [42, 'success', null], vscode.ConfigurationTarget.Workspace);
      await waitFor(async () => ((await lensTitles(document.uri)).filter((title) => title === 'Failure port').length === 2 ? true : undefined),
        'the "success" port to show as a failure port');
    });

    it('clears diagnostics and CodeLens when dff.validation.enabled is off, and brings them back', async () => {
      const { document } = await open('broken-two-input-ports.json');
      await waitForCodes(document.uri, ['entry-port-multiple', 'entry-port-unconnected']);
      await config().update('validation.enabled', false, vscode.ConfigurationTarget.Workspace);
      await waitForCodes(document.uri, []);
      assert.equal((await validationOfCurrentVersion(document)).verdict, 'not-examined');
      assert.deepEqual(await lensTitles(document.uri), []);
      await config().update('validation.enabled', undefined, vscode.ConfigurationTarget.Workspace);
      await waitForCodes(document.uri, ['entry-port-multiple', 'entry-port-unconnected']);
    });
  });
});
