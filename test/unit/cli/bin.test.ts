// The CLI as users run it: the bundled cli.js in its own process, built fresh into a temporary
// folder laid out as an installed package (package.json beside dist/), so the shared dist/ is left alone.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from './fakeIo';

describe('the bundled CLI (cli.js)', function () {
  this.timeout(60000);
  let packageDir: string;
  let cli: string;

  function dff(...args: string[]) {
    return spawnSync(process.execPath, [cli, ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
  }

  before(() => {
    packageDir = mkdtempSync(path.join(tmpdir(), 'dff-cli-bundle-'));
    cli = path.join(packageDir, 'dist', 'cli.js');
    const build = spawnSync(process.execPath, ['scripts/build.mjs', '--outdir', path.dirname(cli)], { cwd: REPO_ROOT, encoding: 'utf8' });
    assert.equal(build.status, 0, `"node scripts/build.mjs" failed, so the CLI cannot be bundled:\n${build.stderr}${build.stdout}`);
    assert.ok(existsSync(cli), `the build made no ${cli}`);
    copyFileSync(path.join(REPO_ROOT, 'package.json'), path.join(packageDir, 'package.json'));
  });

  after(() => {
    if (packageDir) rmSync(packageDir, { recursive: true, force: true });
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

  it('prints the version of its package', () => {
    const { version } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    const run = dff('--version');
    assert.equal(run.status, 0);
    assert.equal(run.stdout, `${version}\n`);
  });

  it('starts validate without the service commands, and loads them from their own bundle when one runs', () => {
    const bundle = readFileSync(cli, 'utf8');
    assert.doesNotMatch(bundle, /@aws-sdk|axios/, 'cli.js carries the AWS SDK or axios: dff validate would compile them at every start');
    const run = dff('catalog', '--help');
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^Usage: dff catalog <command>/);
  });
});
