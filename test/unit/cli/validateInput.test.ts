// `dff validate` on what users and hostile folders give it (issue 8, points 9 to 13): flows whose
// flowContents comes late, files that are not regular files, standard input, UTF-16 and invalid
// UTF-8, files too large for a string, and a file that trips the checker.
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { runValidate } from '../../../src/cli/validate';
import { openFromDisk, type OpenFileFn } from '../../../src/cli/validate/read';
import { MAX_TEXT_LENGTH } from '../../../src/cli/decodeText';
import { DETECTION_HEAD_BYTES } from '../../../src/core/flow/detect';
import { validateText } from '../../../src/core/flow/validate';
import { FIXTURES, fakeIo } from './fakeIo';

const CLEAN = path.join(FIXTURES, 'clean.flow.json');
const MALFORMED = path.join(FIXTURES, 'malformed.flow.json');

/** A small flow with one processor named `name`: its one finding of note is entry-port-missing. */
function smallFlow(name = 'Put'): string {
  return [
    '{',
    '  "flowEncodingVersion": "1.0",',
    '  "flowContents": {',
    '    "identifier": "top", "name": "Top", "inputPorts": [],',
    `    "processors": [{ "identifier": "p1", "name": ${JSON.stringify(name)}, "type": "org.example.Put" }]`,
    '  }',
    '}',
    '',
  ].join('\n');
}

function countingOpen(counter: { bytes: number }): OpenFileFn {
  return async (file) => {
    const handle = await openFromDisk(file);
    return {
      size: handle.size,
      read: async (buffer, offset, length, position) => {
        const count = await handle.read(buffer, offset, length, position);
        counter.bytes += count;
        return count;
      },
      close: () => handle.close(),
    };
  };
}

describe('dff validate input', function () {
  this.timeout(20000);
  let dir: string;
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dff-validate-input-'));
  });
  after(() => fs.rm(dir, { recursive: true, force: true }));

  describe('flows whose flowContents comes late (point 9)', () => {
    it('validates a flow whose 300 KB parameter context comes before flowContents, reading it whole', async () => {
      const text = `{\n  "parameterContexts": {"c": {"name": "c", "description": "${'d'.repeat(300 * 1024)}", "parameters": []}},\n` +
        '  "flowContents": {"identifier": "top", "name": "Late", "parameterContextName": "c", "inputPorts": [], "processors": []},\n' +
        '  "flowEncodingVersion": "1.0"\n}\n';
      assert.ok(text.indexOf('"flowContents"') > DETECTION_HEAD_BYTES);
      await fs.writeFile(path.join(dir, 'late.json'), text);
      const counter = { bytes: 0 };
      const io = fakeIo(dir);
      const code = await runValidate(['late.json'], io, { open: countingOpen(counter) });
      assert.equal(code, 1, io.out + io.err);
      assert.match(io.out, /^late\.json:3:\d+: error entry-port-missing: /m);
      assert.equal(counter.bytes, Buffer.byteLength(text));
    });

    it('reads no more than the first DETECTION_HEAD_BYTES of a big JSON file whose first member no flow has', async () => {
      const text = `{"rows": ["${'r'.repeat(2 * DETECTION_HEAD_BYTES)}"], "flowContents": {"processors": []}}`;
      await fs.writeFile(path.join(dir, 'rows.json'), text);
      const counter = { bytes: 0 };
      const io = fakeIo(dir);
      assert.equal(await runValidate(['rows.json'], io, { open: countingOpen(counter) }), 2, 'a file named that is not a flow fails the run');
      assert.equal(counter.bytes, DETECTION_HEAD_BYTES);
      assert.match(io.out, /^rows\.json: not a flow definition, skipped$/m);
    });
  });

  describe('one bad file (point 10)', () => {
    it('reports the other files when checking one of them fails, and exits 2 with one line about it', async () => {
      const io = fakeIo();
      const failing: typeof validateText = (text, options) => {
        if (text.includes('S3 writer')) throw new RangeError('Maximum call stack size exceeded');
        return validateText(text, options);
      };
      const code = await runValidate([CLEAN, MALFORMED], io, { validate: failing });
      assert.equal(code, 2);
      assert.match(io.out, /malformed\.flow\.json:6:5: error flow-syntax/);
      assert.equal(io.err, 'dff validate: could not check "test/fixtures/cli/clean.flow.json" (RangeError: Maximum call stack ' +
        'size exceeded); the other files were checked. Please report this with the flow\'s shape (not its values).\n');
    });

    it('reports groups nested 3,000 levels deep as a finding beside the other files of a folder', async () => {
      const folder = path.join(dir, 'deep');
      await fs.mkdir(folder);
      const deep = `{"flowEncodingVersion":"1.0","flowContents":${'{"identifier":"g","processGroups":['.repeat(3000)}{}${']}'.repeat(3000)}}`;
      await fs.writeFile(path.join(folder, 'a-deep.json'), deep);
      await fs.writeFile(path.join(folder, 'b-small.json'), smallFlow());
      const io = fakeIo(folder);
      assert.equal(await runValidate(['.'], io), 1);
      assert.match(io.out, /^a-deep\.json:1:\d+: error flow-too-deep: /m);
      assert.match(io.out, /^b-small\.json:4:\d+: error entry-port-missing: /m);
      assert.equal(io.err, '');
    });
  });

  describe('what is not a regular file, and standard input (point 11)', () => {
    it('refuses a named pipe with one line instead of waiting for a writer, and checks the other files', async function () {
      const fifo = path.join(dir, 'pipe.json');
      if (spawnSync('mkfifo', [fifo]).status !== 0) this.skip();
      const io = fakeIo(dir);
      const code = await runValidate(['pipe.json', CLEAN], io);
      assert.equal(code, 2);
      assert.equal(io.err, 'dff validate: "pipe.json" is a named pipe (FIFO), not a regular file: give flow files or folders, ' +
        'or - to read standard input.\n');
      assert.match(io.out, /No problems in 1 flow definition\./);
    });

    it('refuses /dev/zero as a character device instead of skipping it silently', async () => {
      const io = fakeIo();
      assert.equal(await runValidate(['/dev/zero'], io), 2);
      assert.equal(io.err, 'dff validate: "/dev/zero" is a character device, not a regular file: give flow files or folders, ' +
        'or - to read standard input.\n');
      assert.equal(io.out, '');
    });

    it('leaves a named pipe found in a folder alone', async function () {
      const folder = path.join(dir, 'with-fifo');
      await fs.mkdir(folder);
      if (spawnSync('mkfifo', [path.join(folder, 'pipe.json')]).status !== 0) this.skip();
      await fs.writeFile(path.join(folder, 'flow.json'), smallFlow());
      const io = fakeIo(folder);
      assert.equal(await runValidate(['.'], io), 1);
      assert.match(io.out, /^flow\.json:4:/m);
      assert.equal(io.err, '');
    });

    it('reads standard input for "-", in pieces, and names it <stdin>', async () => {
      const bytes = Buffer.from(smallFlow());
      const stdin = Readable.from([bytes.subarray(0, 10), bytes.subarray(10, 11), bytes.subarray(11)]);
      const io = fakeIo();
      assert.equal(await runValidate(['-', CLEAN], io, { stdin }), 1);
      assert.match(io.out, /^<stdin>:4:\d+: error entry-port-missing: /m);
      assert.match(io.out, /in 2 flow definitions\.\n$/);
    });

    it('says standard input is not a flow definition when it is other JSON', async () => {
      const io = fakeIo();
      assert.equal(await runValidate(['-'], io, { stdin: Readable.from([Buffer.from('{"name":"x"}')]) }), 2);
      assert.equal(io.out, '<stdin>: not a flow definition, skipped\nNo flow definitions found (1 other file skipped).\n');
      assert.equal(io.err, 'dff validate: "<stdin>" is not a flow definition (a JSON object with "flowContents"): nothing was checked.\n');
    });

    it('works in a pipeline: cat flow.json | dff validate -', async () => {
      const main = path.resolve(__dirname, '../../../src/cli/main.js');
      const child = spawn(process.execPath, [main, 'validate', '-', '--format', 'json'], { stdio: ['pipe', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (data: Buffer) => { out += data.toString(); });
      child.stdin.end(await fs.readFile(MALFORMED));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      assert.equal(code, 1);
      const report = JSON.parse(out) as { files: { path: string; findings: { code: string }[] }[] };
      assert.deepEqual(report.files.map((file) => [file.path, file.findings.map((finding) => finding.code)]), [['<stdin>', ['flow-syntax']]]);
    });
  });

  describe('encodings (point 12)', () => {
    const utf8Text = smallFlow('Put é');
    const expected = validateText(utf8Text).findings.map((finding) => `${finding.code}@${finding.range.start.line}:${finding.range.start.character}`);

    for (const [encoding, bytes] of [
      ['UTF-16LE', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf8Text, 'utf16le')])],
      ['UTF-16BE', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(utf8Text, 'utf16le').swap16()])],
      ['UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(utf8Text)])],
    ] as const) {
      it(`checks a ${encoding} file as the same flow, at the same places`, async () => {
        await fs.writeFile(path.join(dir, 'encoded.json'), bytes);
        const io = fakeIo(dir);
        assert.equal(await runValidate(['encoded.json', '--format', 'json'], io), 1);
        const [file] = JSON.parse(io.out).files as { findings: { code: string; range: { start: { line: number; character: number } } }[] }[];
        assert.deepEqual(file.findings.map((finding) => `${finding.code}@${finding.range.start.line}:${finding.range.start.character}`), expected);
      });
    }

    it('reads UTF-16 from standard input too', async () => {
      const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf8Text, 'utf16le')]);
      // Split inside a character: the decoder joins the halves.
      const stdin = Readable.from([bytes.subarray(0, 7), bytes.subarray(7)]);
      const io = fakeIo();
      assert.equal(await runValidate(['-'], io, { stdin }), 1);
      assert.match(io.out, /^<stdin>:4:\d+: error entry-port-missing/m);
    });

    it('reports invalid UTF-8 as an error at its place, after a valid two-byte character on the same line', async () => {
      // "Put é\xFF": é is two bytes and one character; 0xFF starts no UTF-8 character.
      const text = smallFlow('Put é#');
      const bytes = Buffer.from(text);
      const at = bytes.indexOf('#');
      bytes[at] = 0xff;
      await fs.writeFile(path.join(dir, 'latin1.json'), bytes);
      const io = fakeIo(dir);
      assert.equal(await runValidate(['latin1.json'], io), 1);
      const line = text.split('\n').findIndex((item) => item.includes('#'));
      const column = text.split('\n')[line].indexOf('#');
      assert.match(io.out, new RegExp(`^latin1\\.json:${line + 1}:${column + 1}: error flow-encoding: The file is not valid UTF-8 here ` +
        `\\(byte ${at} of the file\\): `, 'm'));
      // The rest of the flow is still checked.
      assert.match(io.out, /error entry-port-missing/);
    });

    it('counts each further invalid place once, a sequence cut short at the end of the file included', async () => {
      const bytes = Buffer.concat([Buffer.from(smallFlow('A#B#').replace(/\n$/, '')), Buffer.from([0xe2, 0x82])]);
      bytes[bytes.indexOf('#')] = 0xc0; // an overlong lead byte: never valid
      bytes[bytes.indexOf('#')] = 0x80; // a lone continuation byte
      await fs.writeFile(path.join(dir, 'broken.json'), bytes);
      const io = fakeIo(dir);
      await runValidate(['broken.json', '--format', 'json'], io);
      const [file] = JSON.parse(io.out).files as { findings: { code: string; message: string }[] }[];
      const encoding = file.findings.filter((finding) => finding.code === 'flow-encoding');
      assert.equal(encoding.length, 1);
      assert.match(encoding[0].message, /, and 2 more places\)/);
    });

    it('says nothing about encoding for valid UTF-8 with characters of every length', async () => {
      await fs.writeFile(path.join(dir, 'unicode.json'), smallFlow('a é € 𝄞'));
      const io = fakeIo(dir);
      await runValidate(['unicode.json'], io);
      assert.doesNotMatch(io.out, /flow-encoding/);
    });
  });

  describe('files larger than a string can hold (point 13)', () => {
    /** A flow of `size` bytes (spaces after the flow), opened without writing it to disk. */
    function virtualFlow(size: number): OpenFileFn {
      const head = Buffer.from(smallFlow());
      return async () => ({
        size,
        read: async (buffer, offset, length, position) => {
          const count = Math.max(0, Math.min(length, size - position));
          buffer.fill(0x20, offset, offset + count);
          if (position < head.length) head.copy(buffer, offset, position, Math.min(head.length, position + count));
          return count;
        },
        close: async () => undefined,
      });
    }

    it(`refuses a flow of ${MAX_TEXT_LENGTH + 1} bytes with one line giving its size and the limit, reading only its head`, async () => {
      const io = fakeIo();
      const code = await runValidate([CLEAN], io, { open: virtualFlow(MAX_TEXT_LENGTH + 1) });
      assert.equal(code, 2);
      assert.equal(io.err, `dff validate: cannot check "test/fixtures/cli/clean.flow.json": it is ${(MAX_TEXT_LENGTH + 1).toLocaleString('en-US')} bytes, ` +
        `more than the ${MAX_TEXT_LENGTH.toLocaleString('en-US')} bytes whose text a JavaScript string can hold.\n`);
      assert.equal(MAX_TEXT_LENGTH, 536_870_888, "V8's longest string on 64-bit Node");
    });

    it('checks a file exactly at the limit and refuses one byte more (limit lowered for the test)', async () => {
      const limit = 4096;
      const atLimit = await runValidate([CLEAN], fakeIo(), { open: virtualFlow(limit), maxTextLength: limit });
      assert.equal(atLimit, 1);
      const io = fakeIo();
      assert.equal(await runValidate([CLEAN], io, { open: virtualFlow(limit + 1), maxTextLength: limit }), 2);
      assert.match(io.err, /it is 4,097 bytes, more than the 4,096 bytes/);
    });

    it('counts a UTF-16 file by its characters: two bytes each, after the BOM', async () => {
      const limit = 512;
      const text = smallFlow().padEnd(limit, ' ');
      const bytes = (chars: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(chars, 'utf16le')]);
      await fs.writeFile(path.join(dir, 'at-limit.json'), bytes(text));
      await fs.writeFile(path.join(dir, 'over-limit.json'), bytes(`${text} `));
      const io = fakeIo(dir);
      assert.equal(await runValidate(['at-limit.json', 'over-limit.json'], io, { maxTextLength: limit }), 2);
      assert.match(io.out, /^at-limit\.json:4:/m);
      assert.equal(io.err, 'dff validate: cannot check "over-limit.json": it is 1,028 bytes, more than the 1,026 bytes whose text ' +
        'a JavaScript string can hold.\n');
    });

    it('stops reading standard input past the limit', async () => {
      const limit = 1024;
      const flow = Buffer.from(smallFlow().padEnd(limit + 100, ' '));
      const io = fakeIo();
      const code = await runValidate(['-'], io, { stdin: Readable.from([flow.subarray(0, 200), flow.subarray(200)]), maxTextLength: limit });
      assert.equal(code, 2);
      assert.equal(io.err, 'dff validate: cannot check "<stdin>": it is 1,124 bytes or more, more than the 1,024 bytes whose text ' +
        'a JavaScript string can hold.\n');
    });
  });
});
