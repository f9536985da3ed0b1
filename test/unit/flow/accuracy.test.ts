// The linter's accuracy on flows shaped like real NiFi downloads (test/fixtures/realistic): every
// finding it gives must be one judged right in expected.json, and every judged finding must be
// given, unless expected.json marks the disagreement as known (knownMiss, knownFalsePositive).
// `node scripts/accuracy.mjs` prints the same comparison as a table.
import * as assert from 'assert';
import * as path from 'path';
import type * as Compare from '../../fixtures/realistic/compare.cjs';
import { validateText } from '../../../src/core/flow/validate';

const repoRoot = path.resolve(__dirname, '../../../..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const compare = require(path.join(repoRoot, 'test', 'fixtures', 'realistic', 'compare.cjs')) as typeof Compare;

describe('accuracy on the realistic corpus', () => {
  const { outcomes, problems } = compare.runCorpus(validateText);

  it('has at least 16 flows, each with judged findings, NiFi 1.x and 2.x alike', () => {
    const expectations = compare.readExpectations();
    const files = compare.corpusFiles();
    assert.ok(files.length >= 16, `only ${files.length} flows`);
    assert.deepStrictEqual(Object.keys(expectations.flows).sort(), files);
    const majors = new Set(files.map((file) => expectations.flows[file].nifi.split('.')[0]));
    assert.deepStrictEqual([...majors].sort(), ['1', '2']);
  });

  it('gives exactly the judged findings (a difference not marked known in expected.json fails)', () => {
    assert.strictEqual(problems.length, 0,
      `${problems.length} disagreement(s) with test/fixtures/realistic/expected.json:\n  ${problems.join('\n  ')}\n` +
      'Fix the rule, or if the judgement in expected.json is wrong, correct it there (with the source that shows it); ' +
      'node scripts/accuracy.mjs prints the whole table.');
  });

  it('counts each known disagreement as wrong, not right', () => {
    const { total } = compare.tally(outcomes);
    const known = outcomes.reduce((sum, outcome) => sum + outcome.falsePositives.length + outcome.missed.length, 0);
    assert.strictEqual(total.falsePositives + total.missed, known);
    assert.strictEqual(total.given, total.right + total.falsePositives, 'every finding given is either right or a false positive');
  });
});

describe('comparing findings with judged ones', () => {
  const text = '{ "name" : "Kafka Topic" }';
  const at = (start: number, end: number) => ({
    start: { line: 0, character: start }, end: { line: 0, character: end }, startOffset: start, endOffset: end,
  });
  const finding = (code: string, severity: 'error' | 'hint', componentName?: string) =>
    ({ code, severity, message: '', componentName, range: at(11, 24), related: [] });

  it('names a finding by its component, else by the name its range covers', () => {
    assert.strictEqual(compare.subjectOf(finding('failure-auto-terminated', 'error', 'Put order'), text), 'Put order');
    assert.strictEqual(compare.subjectOf(finding('parameter-name-invalid', 'error'), text), 'Kafka Topic');
  });

  it('tells right, false positive, missed and a wrong severity apart', () => {
    const given = [finding('parameter-name-invalid', 'error'), finding('parameter-unused', 'error'), finding('entry-port-missing', 'error', 'G')];
    const outcome = compare.compareFlow('f.json', text, given, [
      { code: 'parameter-name-invalid', component: 'Kafka Topic', severity: 'error', why: 'space' },
      { code: 'parameter-unused', component: 'Kafka Topic', severity: 'hint', why: 'unreferenced' },
      { code: 'context-missing', component: 'G', severity: 'error', why: 'references' },
    ]);
    assert.deepStrictEqual(outcome.right.map((item) => item.code), ['parameter-name-invalid']);
    assert.deepStrictEqual(outcome.falsePositives.map((item) => item.code), ['parameter-unused', 'entry-port-missing']);
    assert.deepStrictEqual(outcome.missed.map((item) => item.code), ['parameter-unused', 'context-missing']);
    assert.deepStrictEqual(outcome.problems, [
      'f.json: parameter-unused on "Kafka Topic" given as error, judged hint',
      'f.json: missed context-missing on "G" (references)',
      'f.json: unexpected error entry-port-missing on "G"',
    ]);
  });

  it('tolerates marked disagreements, and fails on a mark that no longer holds', () => {
    const given = [finding('parameter-unused', 'hint')];
    const marked = compare.compareFlow('f.json', text, given, [
      { code: 'parameter-unused', component: 'Kafka Topic', severity: 'hint', knownFalsePositive: 'used elsewhere' },
      { code: 'failure-not-routed', component: 'Put', severity: 'error', knownMiss: 'reach is too generous' },
    ]);
    assert.deepStrictEqual(marked.problems, []);
    assert.strictEqual(marked.falsePositives.length, 1);
    assert.strictEqual(marked.missed.length, 1);
    const stale = compare.compareFlow('f.json', text, [finding('failure-not-routed', 'error', 'Put')], [
      { code: 'parameter-unused', component: 'Kafka Topic', severity: 'hint', knownFalsePositive: 'used elsewhere' },
      { code: 'failure-not-routed', component: 'Put', severity: 'error', knownMiss: 'reach is too generous' },
    ]);
    assert.deepStrictEqual(stale.problems, [
      'f.json: failure-not-routed on "Put" is marked knownMiss but is now given: remove the mark',
      'f.json: parameter-unused on "Kafka Topic" is marked knownFalsePositive but is no longer given: remove the entry',
    ]);
  });
});
