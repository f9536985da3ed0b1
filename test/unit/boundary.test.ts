import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const coreDir = path.join(repoRoot, 'src', 'core');

// import ... from 'x', import 'x', export ... from 'x', require('x'), import('x')
const moduleSpecifier = /(?:\bfrom\s*|\bimport\s*|\brequire\s*\(\s*|\bimport\s*\(\s*)['"]([^'"]+)['"]/g;

/** Every module a source text imports, requires or re-exports, as written. */
function importedModules(text: string): string[] {
  return [...text.matchAll(moduleSpecifier)].map((match) => match[1]);
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|js|mts|cts)$/.test(entry.name) ? [full] : [];
  });
}

/** Relative imports of a core file that lead out of src/core (to src/vscode, src/cli, ...). */
function importsOutsideCore(file: string, text: string): string[] {
  return importedModules(text)
    .filter((specifier) => specifier.startsWith('.'))
    .filter((specifier) => {
      const target = path.resolve(path.dirname(file), specifier);
      return path.relative(coreDir, target).startsWith('..');
    });
}

describe('Architecture boundary', () => {
  const files = sourceFiles(coreDir);

  it('no file under src/core imports vscode (the core is shared with the CLI and runs in plain Node)', () => {
    assert.ok(files.length > 0, `no source files found under ${coreDir}`);
    const offenders = files
      .filter((file) => importedModules(fs.readFileSync(file, 'utf8')).includes('vscode'))
      .map((file) => path.relative(repoRoot, file));
    assert.deepEqual(offenders, [], `these core files import vscode; move the VS Code part to src/vscode/: ${offenders.join(', ')}`);
  });

  it('no file under src/core imports a file outside src/core (the shells depend on the core, never the reverse)', () => {
    const offenders = files.flatMap((file) =>
      importsOutsideCore(file, fs.readFileSync(file, 'utf8')).map((specifier) => `${path.relative(repoRoot, file)} imports '${specifier}'`));
    assert.deepEqual(offenders, [], `move what these core files need into src/core/:\n${offenders.join('\n')}`);
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
      assert.deepEqual(importedModules(line), ['vscode'], line);
    }
    assert.deepEqual(importedModules("import { x } from './vscode-free';"), ['./vscode-free']);
  });

  it('tells relative imports that leave src/core from those that stay inside', () => {
    const file = path.join(coreDir, 'flow', 'rules', 'example.ts');
    const text = [
      "import { model } from '../model';",
      "import { lazy } from '../../../vscode/lazy';",
      "export { main } from '../../../cli/main';",
      "const types = require('../../catalog/types');",
      "import { join } from 'node:path';",
    ].join('\n');
    assert.deepEqual(importsOutsideCore(file, text), ['../../../vscode/lazy', '../../../cli/main']);
  });
});
