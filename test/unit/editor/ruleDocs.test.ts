import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULE_CODES } from '../../../src/core/flow/editor/ruleCodes';
import { REPO_ROOT } from './samples';

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('editor: a documentation page per rule code', () => {
  const docs = path.join(REPO_ROOT, 'docs', 'rules');

  it('has docs/rules/<code>.md for every code, and no page for a code that does not exist', () => {
    const pages = fs.readdirSync(docs).filter((name) => name.endsWith('.md')).map((name) => name.slice(0, -3)).sort();
    assert.deepEqual(pages, [...RULE_CODES].sort());
  });

  it('lists every code the rules, the parser and the CLI report', () => {
    const used = new Set<string>();
    for (const file of [...sourceFiles(path.join(REPO_ROOT, 'src', 'core', 'flow')), ...sourceFiles(path.join(REPO_ROOT, 'src', 'cli', 'validate'))]) {
      const text = fs.readFileSync(file, 'utf8');
      for (const match of text.matchAll(/code: '([a-z]+(?:-[a-z]+)+)'/g)) used.add(match[1]);
      for (const match of text.matchAll(/siteFinding\([^,]+, '([a-z]+(?:-[a-z]+)+)'/g)) used.add(match[1]);
    }
    for (const code of ['parameter-undefined', 'plain-property-sensitive-parameter', 'sensitive-property-plain-parameter']) used.add(code);
    const missing = [...used].filter((code) => !(RULE_CODES as readonly string[]).includes(code));
    assert.deepEqual(missing, []);
  });

  it('says on each page what it checks, why it breaks a function, how to fix it, with an example', () => {
    for (const code of RULE_CODES) {
      const page = fs.readFileSync(path.join(docs, `${code}.md`), 'utf8');
      assert.ok(page.startsWith(`# ${code}: `), code);
      for (const heading of ['## What it checks', '## Why it breaks a DataFlow Function', '## How to fix it', '## Example']) {
        assert.ok(page.includes(heading), `${code} has no "${heading}"`);
      }
    }
  });

  it('ships the pages in the .vsix', () => {
    const ignore = fs.readFileSync(path.join(REPO_ROOT, '.vscodeignore'), 'utf8').split('\n');
    assert.ok(ignore.includes('!docs/**'));
  });
});
