import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runValidate } from '../../../src/cli/validate';
import { openFromDisk, type OpenFileFn } from '../../../src/cli/validate/read';
import { DETECTION_HEAD_BYTES } from '../../../src/core/flow/detect';
import { FIXTURES, fakeIo } from './fakeIo';

const MALFORMED = 'test/fixtures/cli/malformed.flow.json';
const NOT_A_FLOW = 'test/fixtures/cli/not-a-flow.json';
const CLEAN = 'test/fixtures/cli/clean.flow.json';

describe('dff validate', () => {
  describe('text format', () => {
    it('prints path:line:col: severity code: message with 1-based positions and a summary', async () => {
      const io = fakeIo();
      const code = await runValidate([MALFORMED], io);
      assert.equal(code, 1);
      const lines = io.out.trimEnd().split('\n');
      // The missing comma is reported where the next member starts: line 6, column 5.
      assert.match(lines[0], /^test\/fixtures\/cli\/malformed\.flow\.json:6:5: error flow-syntax: .*not valid JSON/);
      assert.equal(lines[lines.length - 1], '1 error, 0 warnings in 1 flow definition.');
      assert.equal(io.err, '');
    });

    it('fails (exit 2) when the one file named is not a flow definition, so a CI job pointed at the wrong file does not pass', async () => {
      const io = fakeIo();
      const code = await runValidate([NOT_A_FLOW], io);
      assert.equal(code, 2);
      assert.equal(io.out, `${NOT_A_FLOW}: not a flow definition, skipped\nNo flow definitions found (1 other JSON file skipped).\n`);
      assert.equal(io.err, `dff validate: "${NOT_A_FLOW}" is not a flow definition (a JSON object with "flowContents"): nothing was checked.\n`);
    });

    it('fails when none of several files named is a flow, and calls a Markdown file "other file", not "JSON file"', async () => {
      const io = fakeIo();
      assert.equal(await runValidate([NOT_A_FLOW, 'README.md'], io), 2);
      assert.match(io.out, /^README\.md: not a flow definition, skipped$/m);
      assert.match(io.out, /No flow definitions found \(2 other files skipped\)\.\n$/);
      assert.match(io.err, /none of the 2 files named is a flow definition/);
      const json = fakeIo();
      assert.equal(await runValidate([NOT_A_FLOW, '--format', 'json'], json), 2);
      assert.deepEqual(JSON.parse(json.out), { files: [] });
    });

    it('exits from the findings when one file named is a flow and another is not (one good, one bad)', async () => {
      const io = fakeIo();
      assert.equal(await runValidate([CLEAN, 'README.md'], io), 0);
      assert.match(io.out, /^README\.md: not a flow definition, skipped$/m);
      assert.match(io.out, /No problems in 1 flow definition \(1 other file skipped\)\.\n$/);
      assert.equal(io.err, '');
      const withError = fakeIo();
      assert.equal(await runValidate([MALFORMED, NOT_A_FLOW], withError), 1);
      assert.match(withError.out, /1 error, 0 warnings in 1 flow definition \(1 other JSON file skipped\)\.\n$/);
    });

    it('counts hints in the summary with the word each line uses', async () => {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dff-cli-hint-'));
      try {
        const flow = JSON.parse(await fs.readFile(CLEAN, 'utf8'));
        flow.parameterContexts.S3Writer.parameters.push(
          { name: 'Unused1', sensitive: false, value: 'a' },
          { name: 'Unused2', sensitive: false, value: 'b' },
        );
        await fs.writeFile(path.join(dir, 'hints.json'), JSON.stringify(flow, null, 2));
        const io = fakeIo(dir);
        assert.equal(await runValidate(['hints.json'], io), 0);
        const lines = io.out.trimEnd().split('\n');
        assert.equal(lines.filter((line) => / hint parameter-unused: /.test(line)).length, 2, io.out);
        assert.equal(lines[lines.length - 1], '0 errors, 0 warnings, 2 hints in 1 flow definition.');
        assert.doesNotMatch(io.out, /note/);
      } finally {
        await fs.rm(dir, { recursive: true, force: true });
      }
    });

    it('says in --help that json positions are 0-based and text and sarif 1-based', async () => {
      const io = fakeIo();
      assert.equal(await runValidate(['--help'], io), 0);
      assert.match(io.out, /text and sarif give 1-based lines and columns/);
      assert.match(io.out, /json gives 0-based "line" and "character"/);
      assert.match(io.out, /none of the\s+files named on the command line is a flow definition/);
    });

    it('exits 0 on a flow without errors', async () => {
      const io = fakeIo();
      const code = await runValidate([CLEAN], io);
      assert.equal(code, 0, io.out);
      assert.doesNotMatch(io.out, / error /);
    });
  });

  describe('json format', () => {
    it('lists flow files only, with 0-based ranges and every field', async () => {
      const io = fakeIo();
      const code = await runValidate([MALFORMED, NOT_A_FLOW, '--format', 'json'], io);
      assert.equal(code, 1);
      const report = JSON.parse(io.out);
      assert.deepEqual(Object.keys(report), ['files']);
      assert.equal(report.files.length, 1);
      const [file] = report.files;
      assert.equal(file.path, MALFORMED);
      assert.equal(file.findings.length, 1);
      const [finding] = file.findings;
      assert.deepEqual(Object.keys(finding), ['code', 'severity', 'message', 'range', 'componentId', 'componentName', 'related']);
      assert.equal(finding.code, 'flow-syntax');
      assert.equal(finding.severity, 'error');
      assert.deepEqual(finding.range, { start: { line: 5, character: 4 }, end: { line: 5, character: 19 } });
    });
  });

  describe('sarif format', () => {
    it('writes one SARIF 2.1.0 run with rules and 1-based regions', async () => {
      const io = fakeIo();
      const code = await runValidate(['--format=sarif', MALFORMED, CLEAN], io, { version: '9.9.9' });
      assert.equal(code, 1);
      const log = JSON.parse(io.out);
      assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
      assert.equal(log.version, '2.1.0');
      assert.equal(log.runs.length, 1);
      const [run] = log.runs;
      assert.equal(run.tool.driver.name, 'dff');
      assert.equal(run.tool.driver.version, '9.9.9');
      const ruleIds = run.tool.driver.rules.map((rule: { id: string }) => rule.id);
      assert.ok(ruleIds.includes('flow-syntax'));
      for (const rule of run.tool.driver.rules) assert.ok(rule.shortDescription.text.length > 0);
      const syntax = run.results.find((result: { ruleId: string }) => result.ruleId === 'flow-syntax');
      assert.equal(syntax.level, 'error');
      assert.match(syntax.message.text, /not valid JSON/);
      const { physicalLocation } = syntax.locations[0];
      assert.equal(physicalLocation.artifactLocation.uri, MALFORMED);
      assert.deepEqual(physicalLocation.region, { startLine: 6, startColumn: 5, endLine: 6, endColumn: 20 });
      for (const result of run.results) assert.ok(['error', 'warning', 'note'].includes(result.level));
    });
  });

  describe('cannot run', () => {
    for (const [label, argv, hint] of [
      ['no path', [], /at least one flow file or folder/],
      ['a missing path', ['does/not/exist.json'], /cannot read "does\/not\/exist\.json": no such file or folder\. Check the path/],
      ['an unknown format', [CLEAN, '--format', 'xml'], /use --format text, json or sarif/],
      ['an unknown option', [CLEAN, '--fast'], /--fast/],
    ] as const) {
      it(`exits 2 on ${label}, saying what to do on stderr`, async () => {
        const io = fakeIo();
        const code = await runValidate([...argv], io);
        assert.equal(code, 2);
        assert.match(io.err, hint);
        assert.equal(io.out, '');
        assert.doesNotMatch(io.err, /\n\s+at /, 'no stack trace');
      });
    }

    it('still reports the other files when one named path is missing, then exits 2', async () => {
      const io = fakeIo();
      const code = await runValidate([MALFORMED, 'missing.json'], io);
      assert.equal(code, 2);
      assert.match(io.out, /malformed\.flow\.json:6:5/);
      assert.match(io.err, /missing\.json/);
    });
  });

  describe('folders', () => {
    let dir: string;
    before(async () => {
      dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dff-cli-'));
      const malformed = await fs.readFile(path.join(FIXTURES, 'malformed.flow.json'));
      const files: Record<string, Buffer | string> = {
        'flows/nested/deep.json': malformed,
        'flows/clean.json': await fs.readFile(path.join(FIXTURES, 'clean.flow.json')),
        'flows/settings.json': await fs.readFile(path.join(FIXTURES, 'not-a-flow.json')),
        'flows/flow-as-text.txt': malformed,
        'node_modules/pkg/flow.json': malformed,
        '.git/flow.json': malformed,
        '.hidden/flow.json': malformed,
      };
      for (const [name, content] of Object.entries(files)) {
        await fs.mkdir(path.dirname(path.join(dir, name)), { recursive: true });
        await fs.writeFile(path.join(dir, name), content);
      }
    });
    after(() => fs.rm(dir, { recursive: true, force: true }));

    it('walks folders for *.json flow definitions, skipping node_modules and dot-folders', async () => {
      const io = fakeIo(dir);
      const code = await runValidate(['.', '--format', 'json'], io);
      assert.equal(code, 1);
      const paths = JSON.parse(io.out).files.map((file: { path: string }) => file.path);
      assert.deepEqual(paths, ['flows/clean.json', 'flows/nested/deep.json']);
    });

    it('counts other JSON files found in folders in the summary without a note each', async () => {
      const io = fakeIo(dir);
      await runValidate(['flows'], io);
      assert.doesNotMatch(io.out, /settings\.json/);
      assert.match(io.out, /in 2 flow definitions \(1 other JSON file skipped\)\.\n$/);
    });
  });

  describe('large files', function () {
    this.timeout(30000);
    let dir: string;
    before(async () => {
      dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dff-cli-large-'));
    });
    after(() => fs.rm(dir, { recursive: true, force: true }));

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

    it('skips a 30 MB JSON file that is not a flow after reading only its beginning', async () => {
      const file = path.join(dir, 'big-data.json');
      const row = `    {"id": 1, "value": "${'x'.repeat(200)}"},\n`;
      const rows = Math.ceil((30 * 1024 * 1024) / row.length);
      await fs.writeFile(file, `{\n  "rows": [\n${row.repeat(rows)}    {}\n  ]\n}\n`);
      const size = (await fs.stat(file)).size;
      assert.ok(size > 30 * 1024 * 1024);
      const counter = { bytes: 0 };
      const io = fakeIo(dir);
      const code = await runValidate(['.'], io, { open: countingOpen(counter) });
      assert.equal(code, 0);
      assert.ok(counter.bytes <= DETECTION_HEAD_BYTES, `read ${counter.bytes} bytes of ${size}`);
      assert.match(io.out, /No flow definitions found \(1 other JSON file skipped\)/);
    });

    it('reads a flow definition larger than the detection head whole, and finds an error past it', async () => {
      const file = path.join(dir, 'big.flow.json');
      const padding = `"${'p'.repeat(DETECTION_HEAD_BYTES)}"`;
      // A flow whose only syntax error (a missing comma) comes after a long comment.
      const text = `{\n  "flowEncodingVersion": "1.0",\n  "flowContents": {\n    "comments": ${padding},\n    "name": "Late"\n    "processors": []\n  }\n}\n`;
      await fs.writeFile(file, text);
      const counter = { bytes: 0 };
      const io = fakeIo(dir);
      const code = await runValidate(['big.flow.json'], io, { open: countingOpen(counter) });
      assert.equal(code, 1);
      assert.equal(counter.bytes, Buffer.byteLength(text));
      assert.match(io.out, /^big\.flow\.json:6:5: error flow-syntax:/);
    });
  });
});
