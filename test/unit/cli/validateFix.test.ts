// dff validate --fix / --fix-dry-run (issue 10, point 19): the fixes of the editor's Fix All, written in
// place keeping the file's layout and encoding (or printed as a diff), then what is left reported.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { runValidate } from '../../../src/cli/validate';
import { fixAll } from '../../../src/core/flow/fixAll';
import { fakeIo, REPO_ROOT } from './fakeIo';

/** Auto-terminates "failure" with no failure port: one fix (route it) leaves it clean. */
const FIXABLE = 'test/fixtures/fixes/route-top-jackson.json';
/** Its failure goes to a logger: the fix adds the port, and the logged path is what is left (an error). */
const PARTLY_FIXABLE = 'test/fixtures/flows/failure-port-missing.json';
const CLEAN = 'test/fixtures/cli/clean.flow.json';

describe('dff validate --fix and --fix-dry-run', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dff-cli-fix-'));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  async function copy(from: string, name = path.basename(from), transform: (text: string) => string | Buffer = (text) => text): Promise<string> {
    const to = path.join(dir, name);
    await fs.writeFile(to, transform(await fs.readFile(path.join(REPO_ROOT, from), 'utf8')));
    return to;
  }

  it('--fix writes the fixes in place, changes nothing else in the file, and exits 0 when nothing is left', async () => {
    const file = await copy(FIXABLE);
    const before = await fs.readFile(file, 'utf8');
    const io = fakeIo(dir);
    assert.equal(await runValidate(['--fix', 'route-top-jackson.json'], io), 0);
    const after = await fs.readFile(file, 'utf8');
    assert.notEqual(after, before);
    // The layout is the file's: outside the one changed span the text is the same, and the editor's Fix All gives the same text
    // but for the new components' random identifiers.
    const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/g;
    assert.equal(after.replace(uuid, 'ID'), fixAll(before).text.replace(uuid, 'ID'));
    assert.ok(after.startsWith(before.slice(0, before.indexOf('"autoTerminatedRelationships"'))));
    assert.match(after, /"autoTerminatedRelationships" : \[ "success" \]/);
    assert.equal(io.out, 'route-top-jackson.json: fixed 1 problem\n' +
      '  - Route "failure" to a failure output port instead of auto-terminating it\n' +
      'No problems in 1 flow definition.\n');
    assert.equal(io.err, '');
  });

  it('--fix reports what is left and exits 1 from it; a clean file beside it is neither written nor listed (one good, one bad)', async () => {
    const partly = await copy(PARTLY_FIXABLE);
    const clean = await copy(CLEAN);
    const cleanBefore = await fs.stat(clean);
    const io = fakeIo(dir);
    assert.equal(await runValidate(['--fix', '.'], io), 1);
    assert.match(io.out, /^failure-port-missing\.json: fixed 1 problem\n {2}- Add a failure output port/);
    assert.doesNotMatch(io.out, /clean\.flow\.json: fixed/);
    assert.match(io.out, /^failure-port-missing\.json:\d+:\d+: error failure-not-routed: /m);
    assert.doesNotMatch(io.out, /failure-port-missing\.json:\d+:\d+: error failure-port-missing/);
    assert.match(io.out, /1 error, 0 warnings in 2 flow definitions\.\n$/);
    const cleanAfter = await fs.stat(clean);
    assert.equal(cleanAfter.mtimeMs, cleanBefore.mtimeMs);
    assert.equal(JSON.parse(await fs.readFile(partly, 'utf8')).flowContents.outputPorts[1].name, 'failure');
  });

  it('--fix-dry-run writes nothing, prints a diff that patch applies, and exits from what would be left', async () => {
    const file = await copy(FIXABLE);
    const before = await fs.readFile(file, 'utf8');
    const io = fakeIo(dir);
    assert.equal(await runValidate(['--fix-dry-run', 'route-top-jackson.json'], io), 0);
    assert.equal(await fs.readFile(file, 'utf8'), before);
    assert.match(io.out, /^route-top-jackson\.json: would fix 1 problem\n {2}- Route "failure"/);
    assert.match(io.out, /^--- a\/route-top-jackson\.json\n\+\+\+ b\/route-top-jackson\.json\n@@ -\d+,\d+ \+\d+,\d+ @@$/m);
    assert.match(io.out, /^-\s+"autoTerminatedRelationships" : \[ "success", "failure" \],$/m);
    assert.match(io.out, /^\+\s+"autoTerminatedRelationships" : \[ "success" \],$/m);
    assert.match(io.out, /No problems in 1 flow definition\.\n$/);
    // The diff is a real one: patch turns the file into what --fix writes.
    const diff = io.out.slice(io.out.indexOf('--- a/'), io.out.lastIndexOf('No problems'));
    execFileSync('patch', ['-p1', '--quiet'], { cwd: dir, input: diff });
    const patched = JSON.parse(await fs.readFile(file, 'utf8'));
    assert.deepEqual(patched.flowContents.processors[0].autoTerminatedRelationships, ['success']);
    assert.equal(patched.flowContents.outputPorts[0].name, 'failure');
  });

  it('--fix-dry-run reads standard input; --fix refuses "-" and --fix with --fix-dry-run, exit 2', async () => {
    const text = await fs.readFile(path.join(REPO_ROOT, FIXABLE), 'utf8');
    const io = fakeIo(dir);
    assert.equal(await runValidate(['--fix-dry-run', '-'], io, { stdin: Readable.from([Buffer.from(text)]) }), 0);
    assert.match(io.out, /^<stdin>: would fix 1 problem$/m);
    const refused = fakeIo(dir);
    assert.equal(await runValidate(['--fix', '-'], refused), 2);
    assert.match(refused.err, /--fix cannot write to standard input/);
    const both = fakeIo(dir);
    assert.equal(await runValidate(['--fix', '--fix-dry-run', 'x.json'], both), 2);
    assert.match(both.err, /use one of the two/);
  });

  it('keeps CRLF line ends, a UTF-8 byte-order mark, and UTF-16 (LE and BE) with its mark', async () => {
    const crlf = await copy(FIXABLE, 'crlf.json', (text) => text.replace(/\n/g, '\r\n'));
    const bom = await copy(FIXABLE, 'bom.json', (text) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    const le = await copy(FIXABLE, 'le.json', (text) => Buffer.from(`\ufeff${text}`, 'utf16le'));
    const be = await copy(FIXABLE, 'be.json', (text) => Buffer.from(`\ufeff${text}`, 'utf16le').swap16());
    const io = fakeIo(dir);
    assert.equal(await runValidate(['--fix', '.'], io), 0, io.out + io.err);
    assert.equal((io.out.match(/: fixed 1 problem$/gm) ?? []).length, 4);
    const crlfText = await fs.readFile(crlf, 'utf8');
    assert.equal(crlfText.split('\r\n').length - 1, crlfText.split('\n').length - 1, 'every line ends in CRLF');
    const bomBytes = await fs.readFile(bom);
    assert.deepEqual([...bomBytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(JSON.parse(bomBytes.subarray(3).toString('utf8')).flowContents.outputPorts[0].name, 'failure');
    const leBytes = await fs.readFile(le);
    assert.deepEqual([...leBytes.subarray(0, 2)], [0xff, 0xfe]);
    assert.equal(JSON.parse(new TextDecoder('utf-16le').decode(leBytes)).flowContents.outputPorts[0].name, 'failure');
    const beBytes = await fs.readFile(be);
    assert.deepEqual([...beBytes.subarray(0, 2)], [0xfe, 0xff]);
    assert.equal(JSON.parse(new TextDecoder('utf-16be').decode(beBytes)).flowContents.outputPorts[0].name, 'failure');
  });

  it('leaves a file with bytes that are not UTF-8 unwritten, and says so', async () => {
    const file = await copy(FIXABLE, 'latin1.json', (text) => Buffer.from(text.replace('"Put to S3"', '"Put to S3 \u00e9"'), 'latin1'));
    const before = await fs.readFile(file);
    const io = fakeIo(dir);
    assert.equal(await runValidate(['--fix', 'latin1.json'], io), 1);
    assert.deepEqual(await fs.readFile(file), before);
    assert.match(io.out, /^latin1\.json: not fixed, it is not valid UTF-8 \(see flow-encoding\)$/m);
    assert.match(io.out, /error flow-encoding/);
  });

  it('with --format json the fixes go to standard error and standard output stays one JSON document', async () => {
    await copy(PARTLY_FIXABLE);
    const io = fakeIo(dir);
    assert.equal(await runValidate(['--fix', '--format', 'json', '.'], io), 1);
    const report = JSON.parse(io.out);
    assert.deepEqual(report.files[0].findings.map((finding: { code: string }) => finding.code), ['failure-not-routed']);
    assert.match(io.err, /^failure-port-missing\.json: fixed 1 problem$/m);
  });

  it('a file that cannot be written is one stderr line and exit 2; its findings stay those read', async () => {
    await copy(FIXABLE);
    const io = fakeIo(dir);
    const writeFile = async () => { throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }); };
    assert.equal(await runValidate(['--fix', 'route-top-jackson.json'], io, { writeFile }), 2);
    assert.match(io.err, /^dff validate: cannot write the fixes to "route-top-jackson\.json": /m);
    assert.doesNotMatch(io.out, /fixed 1 problem/);
    assert.match(io.out, /error failure-auto-terminated/);
  });
});
