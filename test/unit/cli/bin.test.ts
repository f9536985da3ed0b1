// The CLI as users run it: the bundled dist/cli.js in its own process.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './fakeIo';

const CLI = path.join(REPO_ROOT, 'dist/cli.js');

function dff(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
}

describe('dist/cli.js', function () {
  this.timeout(60000);

  before(function () {
    const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO_ROOT, encoding: 'utf8' });
    if (build.status !== 0 || !existsSync(CLI)) {
      console.warn(`    skipped: "node scripts/build.mjs" failed, so dist/cli.js cannot be tested:\n${build.stderr}`);
      this.skip();
    }
  });

  it('validates a broken flow, printing its finding and exiting 1', () => {
    const run = dff('validate', 'test/fixtures/cli/malformed.flow.json');
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /^test\/fixtures\/cli\/malformed\.flow\.json:6:5: error flow-syntax: /);
  });

  it('exits 0 on a flow without errors', () => {
    const run = dff('validate', 'test/fixtures/cli/clean.flow.json', '--format', 'json');
    assert.equal(run.status, 0, run.stdout);
    assert.equal(JSON.parse(run.stdout).files.length, 1);
  });

  it('exits 2 without a stack trace when a path does not exist', () => {
    const run = dff('validate', 'no/such/flow.json');
    assert.equal(run.status, 2);
    assert.match(run.stderr, /cannot read "no\/such\/flow\.json"/);
    assert.doesNotMatch(run.stderr, /\n\s+at /);
  });

  it('prints its version', () => {
    const run = dff('--version');
    assert.equal(run.status, 0);
    assert.match(run.stdout, /^\d+\.\d+\.\d+\n$/);
  });
});
