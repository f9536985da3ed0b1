// What `dff validate` prints (issue 8, points 14 to 16): no raw control characters or endless names
// on the terminal, messages a user understands, and related places in json and sarif.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runValidate } from '../../../src/cli/validate';
import { formatJson } from '../../../src/cli/validate/format/json';
import { formatSarif } from '../../../src/cli/validate/format/sarif';
import { formatText } from '../../../src/cli/validate/format/text';
import type { ValidateResult } from '../../../src/cli/validate/result';
import { validateText } from '../../../src/core/flow/validate';
import { fakeIo, REPO_ROOT } from './fakeIo';

const MULTIPLE = 'test/fixtures/flows/entry-port-multiple.json';

describe('dff validate output', () => {
  let dir: string;
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dff-validate-output-'));
  });
  after(() => fs.rm(dir, { recursive: true, force: true }));

  describe('names and control characters (point 14)', () => {
    it('escapes control characters of names and file names in text output, and cuts a long name', async () => {
      const name = `Put\u0000\u001b[2J${'y'.repeat(1_000_000)}`;
      const text = '{"flowEncodingVersion":"1.0","flowContents":{"identifier":"top","name":"Top","processors":[' +
        `{"identifier":"p","name":${JSON.stringify(name)},"type":"org.apache.nifi.processors.aws.s3.PutS3Object",` +
        '"autoTerminatedRelationships":["failure"]}]}}';
      await fs.writeFile(path.join(dir, 'bad\nname.json'), text);
      const io = fakeIo(dir);
      assert.equal(await runValidate(['.'], io), 1);
      // eslint-disable-next-line no-control-regex
      assert.doesNotMatch(io.out, /[\u0000-\u0009\u000b-\u001f\u007f]/);
      assert.ok(io.out.length < 5000, `${io.out.length} characters of output`);
      assert.match(io.out, /^bad\\nname\.json:1:\d+: error failure-auto-terminated: Processor "Put\\u0000\\u001b\[2Jy+…" auto-terminates/m);
    });

    it('keeps componentName in json output as short as messages show it', async () => {
      const long = 'z'.repeat(10_000);
      const text = '{"flowEncodingVersion":"1.0","flowContents":{"identifier":"top","name":"Top","processors":[' +
        `{"identifier":"p","name":"${long}","type":"org.apache.nifi.processors.aws.s3.PutS3Object","autoTerminatedRelationships":["failure"]}]}}`;
      await fs.writeFile(path.join(dir, 'long.json'), text);
      const io = fakeIo(dir);
      await runValidate(['long.json', '--format', 'json'], io);
      const finding = JSON.parse(io.out).files[0].findings.find((item: { code: string }) => item.code === 'failure-auto-terminated');
      assert.equal(finding.componentName, `${'z'.repeat(100)}…`);
      assert.equal(finding.componentId, 'p');
    });
  });

  describe('messages a user understands (point 15)', () => {
    for (const [what, broken, reason] of [
      ['single quotes', `{"flowContents": {'processors': []}}`, /strings and names must be in double quotes \(\"\) in JSON, not single quotes/],
      ['True in capitals', '{"flowContents": {"latest": True}}', /JSON writes only true, false and null in lower case/],
      ['a stray word', '{"flowContents": {"processors": [] oops}}', /unexpected text here: JSON allows only strings in double quotes/],
      ['a number with no digits after the point', '{"flowContents": {"x": 1.}}', /a number ends too early/],
      ['a short \\u escape', '{"flowContents": {"x": "\\u12"}}', /a \\u escape needs four hexadecimal digits/],
      ['a trailing comma', '{"flowContents": {"processors": [],}}', /no comma after the last member/],
    ] as const) {
      it(`says what is wrong with ${what}, without jsonc-parser's names for it`, () => {
        const { findings } = validateText(broken);
        assert.equal(findings.length, 1);
        assert.equal(findings[0].code, 'flow-syntax');
        assert.match(findings[0].message, reason);
        assert.doesNotMatch(findings[0].message, /InvalidSymbol|InvalidNumberFormat|UnexpectedEnd|InvalidUnicode|[a-z][A-Z][a-z]+Expected/);
      });
    }

    for (const [argv, expected] of [
      [['x.json', '--fast'], 'dff validate: unknown option "--fast". The options are --format (-f), --failure-ports, --fix, --fix-dry-run and --help (-h); ' +
        'to name a file whose name starts with "-", write it after --, as in dff validate -- -file.json\n'],
      [['x.json', '--fromat', 'json'], /^dff validate: unknown option "--fromat" \(did you mean --format\?\)\. /],
      [['x.json', '-q'], /^dff validate: unknown option "-q"\. The options are/],
      [['x.json', '--fixx'], /^dff validate: unknown option "--fixx" \(did you mean --fix\?\)\. /],
      [['x.json', '--format'], 'dff validate: --format needs a value, e.g. --format json\n'],
      [['x.json', '-f'], 'dff validate: -f needs a value, e.g. --format json\n'],
      [['x.json', '--failure-ports'], 'dff validate: --failure-ports needs a value, e.g. --failure-ports failure,errors\n'],
      [['--help=yes'], 'dff validate: --help takes no value\n'],
    ] as const) {
      it(`explains ${argv.join(' ')} in the command's own terms`, async () => {
        const io = fakeIo();
        assert.equal(await runValidate([...argv], io), 2);
        const [first, second] = io.err.split('\n');
        if (typeof expected === 'string') assert.equal(`${first}\n`, expected);
        else assert.match(first, expected);
        assert.equal(second, 'Run "dff validate --help" for usage.');
        assert.doesNotMatch(io.err, /positional|ERR_PARSE_ARGS|To specify/);
      });
    }

    it('reads a file whose name starts with "-" after --', async () => {
      await fs.copyFile(path.join(REPO_ROOT, MULTIPLE), path.join(dir, '-dash.json'));
      const io = fakeIo(dir);
      assert.equal(await runValidate(['--format=json', '--', '-dash.json'], io), 1);
      assert.equal(JSON.parse(io.out).files[0].path, '-dash.json');
    });
  });

  describe('related places in json and sarif (point 16)', () => {
    it('lists every related place of a finding in json, with its message and 0-based range', async () => {
      const io = fakeIo();
      await runValidate([MULTIPLE, '--format', 'json'], io);
      const text = await fs.readFile(path.join(REPO_ROOT, MULTIPLE), 'utf8');
      const finding = JSON.parse(io.out).files[0].findings.find((item: { code: string }) => item.code === 'entry-port-multiple');
      assert.deepEqual(finding.related.map((item: { message: string }) => item.message), ['Input port "from-sqs"', 'Input port "from-s3"']);
      const lines = text.split('\n');
      for (const [index, name] of [[0, 'from-sqs'], [1, 'from-s3']] as const) {
        const { start, end } = finding.related[index].range;
        assert.equal(lines[start.line].slice(start.character, end.character), `"${name}"`);
      }
      // A finding without related places has an empty list, not a missing member.
      for (const item of JSON.parse(io.out).files[0].findings) assert.ok(Array.isArray(item.related));
    });

    it('lists them in sarif as relatedLocations with 1-based regions and ids', async () => {
      const io = fakeIo();
      await runValidate([MULTIPLE, '--format', 'sarif'], io);
      const result = JSON.parse(io.out).runs[0].results.find((item: { ruleId: string }) => item.ruleId === 'entry-port-multiple');
      const json = fakeIo();
      await runValidate([MULTIPLE, '--format', 'json'], json);
      const related = JSON.parse(json.out).files[0].findings.find((item: { code: string }) => item.code === 'entry-port-multiple').related;
      assert.deepEqual(result.relatedLocations.map((item: { id: number; message: { text: string }; physicalLocation: { region: object } }) =>
        [item.id, item.message.text, item.physicalLocation.region]), related.map((item: { message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }, id: number) =>
        [id, item.message, { startLine: item.range.start.line + 1, startColumn: item.range.start.character + 1, endLine: item.range.end.line + 1, endColumn: item.range.end.character + 1 }]));
    });
  });

  describe('output in pieces', () => {
    const flowText = () => fs.readFile(path.join(REPO_ROOT, MULTIPLE), 'utf8');

    it('writes json and sarif exactly as JSON.stringify with two spaces would, for no, one and several files', async () => {
      const [withRelated] = validateText(await flowText()).findings;
      assert.ok(withRelated.related.length > 0);
      const plain = validateText('{"flowContents": {"processors": [}}').findings[0];
      const findings = [withRelated, plain];
      for (const result of [
        { flows: [], skippedExplicit: [], skippedCount: 0 },
        { flows: [{ path: 'a.json', findings: [] }], skippedExplicit: [], skippedCount: 0 },
        { flows: [{ path: 'a.json', findings }, { path: 'b.json', findings: [] }, { path: 'c d.json', findings }], skippedExplicit: [], skippedCount: 1 },
      ] as ValidateResult[]) {
        const json = formatJson(result).join('');
        assert.equal(json, `${JSON.stringify(JSON.parse(json), null, 2)}\n`);
        const sarif = formatSarif(result, '/work', '1.0.0').join('');
        assert.equal(sarif, `${JSON.stringify(JSON.parse(sarif), null, 2)}\n`);
        assert.deepEqual(Object.keys(JSON.parse(sarif).runs[0]), ['tool', 'originalUriBaseIds', 'results']);
      }
    });

    it('writes 100,000 findings in pieces of about a megabyte, none of them the whole output', async () => {
      const [one] = validateText(await flowText()).findings;
      const result: ValidateResult = { flows: [{ path: 'big.json', findings: new Array(100_000).fill(one) }], skippedExplicit: [], skippedCount: 0 };
      for (const pieces of [formatText(result), formatJson(result), formatSarif(result, '/work', '1.0.0')]) {
        assert.ok(pieces.length > 5, `${pieces.length} pieces`);
        assert.ok(pieces.every((piece) => piece.length < 2 * 1024 * 1024));
      }
    });
  });
});
