import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DffExtensionApi } from '../../../src/extension';
import { report } from '../report';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  publisher: string;
  name: string;
};
const extensionId = `${manifest.publisher}.${manifest.name}`;
// A flow with one problem, so that the time until its diagnostics show can be measured.
const flowFixture = path.join(repoRoot, 'samples', 'broken-failure-auto-terminated.json');

// Code that opening a flow file must not load: the catalog engine (axios, signing) and the AWS SDK.
// (The flow engine does load then: it validates the file.)
const heavyModule = /[\\/](catalog|aws)-engine\.js$|[\\/]node_modules[\\/](axios|@aws-sdk|@smithy)[\\/]/;

describe('Activation', () => {
  it('activates when a flow file opens, quickly and without loading the catalog or AWS engine, axios or the AWS SDK', async () => {
    const extension = vscode.extensions.getExtension<DffExtensionApi>(extensionId);
    assert.ok(extension, `${extensionId} is not loaded in this VS Code`);
    // VS Code sometimes fires onLanguage:json at startup, before any test runs; then only the later steps can be timed.
    const activeBefore = extension.isActive;
    const flowFile = await copyIntoWorkspace(flowFixture, 'activation-flow.json');

    const opened = performance.now();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(flowFile));
    await waitFor(() => extension.isActive, 10_000, 'the extension to activate after a flow file opened');
    const untilActiveMs = performance.now() - opened;
    await waitFor(() => vscode.languages.getDiagnostics(flowFile).length > 0, 10_000, 'the flow file\'s diagnostics');
    const untilDiagnosticsMs = performance.now() - opened;
    const { activationMs } = extension.exports;

    const untilActive = activeBefore ? 'already active (VS Code fired onLanguage:json at startup)' : `active after ${untilActiveMs.toFixed(0)} ms`;
    report(
      `      activation: activate() took ${activationMs.toFixed(1)} ms; after opening a flow file: ${untilActive}, ` +
        `first diagnostics after ${untilDiagnosticsMs.toFixed(0)} ms`,
    );
    assert.ok(activationMs < 500, `activate() took ${activationMs.toFixed(0)} ms; it should only register features`);
    const loaded = Object.keys(require.cache).filter((file) => heavyModule.test(file));
    assert.deepEqual(loaded, [], 'opening a flow file loaded catalog or AWS code');
  });

  it('bundles no engine, axios or AWS SDK code into dist/extension.js', () => {
    // esbuild's source map lists every source file the bundle contains.
    const map = JSON.parse(fs.readFileSync(path.join(repoRoot, 'dist', 'extension.js.map'), 'utf8')) as { sources: string[] };
    const heavySources = map.sources.filter((source) =>
      /node_modules\/(axios|@aws-sdk|@smithy)\/|src\/core\/flow\/(rules|validate|engine)|src\/core\/catalog\/(client|engine)|src\/core\/(aws|deploy)\//.test(
        source,
      ),
    );
    assert.deepEqual(heavySources, [], 'dist/extension.js bundles code that should load lazily');
    assert.ok(map.sources.some((source) => source.endsWith('src/extension.ts')), 'the source map does not describe the extension bundle');
  });
});

async function copyIntoWorkspace(file: string, name: string): Promise<vscode.Uri> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder (runInCodeServer opens a copy of samples/)');
  const target = vscode.Uri.joinPath(folder.uri, name);
  await vscode.workspace.fs.writeFile(target, fs.readFileSync(file));
  return target;
}

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) assert.fail(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
