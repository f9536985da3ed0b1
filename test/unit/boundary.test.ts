import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const coreDir = path.join(repoRoot, 'src', 'core');

// import ... from 'vscode', import 'vscode', export ... from 'vscode', require('vscode'), import('vscode')
const vscodeImport = /(?:\bfrom\s*|\bimport\s*|\brequire\s*\(\s*|\bimport\s*\(\s*)['"]vscode['"]/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|js|mts|cts)$/.test(entry.name) ? [full] : [];
  });
}

describe('Architecture boundary', () => {
  it('no file under src/core imports vscode (the core is shared with the CLI and runs in plain Node)', () => {
    const files = sourceFiles(coreDir);
    assert.ok(files.length > 0, `no source files found under ${coreDir}`);
    const offenders = files
      .filter((file) => vscodeImport.test(fs.readFileSync(file, 'utf8')))
      .map((file) => path.relative(repoRoot, file));
    assert.deepEqual(offenders, [], `these core files import vscode; move the VS Code part to src/vscode/: ${offenders.join(', ')}`);
  });

  it('recognises every way of importing vscode', () => {
    for (const line of [
      "import * as vscode from 'vscode';",
      'import type { Range } from "vscode";',
      "import 'vscode';",
      "export { Uri } from 'vscode';",
      "const vscode = require('vscode');",
      "const vscode = await import('vscode');",
    ]) {
      assert.ok(vscodeImport.test(line), line);
    }
    assert.equal(vscodeImport.test("import { x } from './vscode-free';"), false);
  });
});
