import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { runDff } from '../../../src/cli/main';
import { REPO_ROOT, fakeIo } from './fakeIo';

describe('dff', () => {
  it('prints the package version', async () => {
    const io = fakeIo();
    assert.equal(await runDff(['--version'], io), 0);
    const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    assert.equal(io.out, `${manifest.version}\n`);
  });

  it('lists its commands on --help', async () => {
    const io = fakeIo();
    assert.equal(await runDff(['--help'], io), 0);
    assert.match(io.out, /validate <file or folder>/);
    assert.match(io.out, /catalog/);
  });

  it('shows validate options on "dff validate --help"', async () => {
    const io = fakeIo();
    assert.equal(await runDff(['validate', '--help'], io), 0);
    assert.match(io.out, /--format <text\|json\|sarif>/);
    assert.match(io.out, /--failure-ports/);
  });

  it('exits 2 with usage on stderr when no command is given', async () => {
    const io = fakeIo();
    assert.equal(await runDff([], io), 2);
    assert.match(io.err, /Usage: dff <command>/);
  });

  it('exits 2 on an unknown command and points at --help', async () => {
    const io = fakeIo();
    assert.equal(await runDff(['valdiate', 'x.json'], io), 2);
    assert.match(io.err, /unknown command "valdiate".*dff --help/);
  });
});
