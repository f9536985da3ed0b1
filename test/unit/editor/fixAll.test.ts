import * as assert from 'node:assert/strict';
import { applyTextEdits } from '../../../src/core/flow/fixes/composeEdits';
import { fixAll } from '../../../src/core/flow/fixAll';
import { validateText } from '../../../src/core/flow/validate';
import { edit, sampleText } from './samples';

const codes = (text: string, failurePorts: string[] = []) => validateText(text, { failurePorts }).findings.map((finding) => finding.code).sort();

describe('fix all: every unambiguous fix in one edit', () => {
  it('applies the one preferred fix of each finding and leaves a fix with a choice alone', () => {
    // A typo with one close name (replaceReference preferred) and a bad parameter name (rename, the only fix).
    const text = edit(sampleText('broken-undefined-reference.json'), '"name" : "QueueUrl"', '"name" : "QueueUrl"');
    const result = fixAll(text);
    assert.equal(result.edits.length, 1);
    assert.equal(applyTextEdits(text, result.edits), result.text);
    assert.deepEqual(result.applied.map((fix) => fix.kind), ['replaceReference']);
    assert.deepEqual(codes(result.text), []);
  });

  it('fixes findings of several kinds in one pass, each against the text the previous ones left', () => {
    const text = sampleText('broken-bad-parameter-names.json');
    const before = codes(text);
    assert.deepEqual(before, ['context-name-invalid', 'parameter-name-invalid', 'parameter-name-reserved']);
    const result = fixAll(text);
    assert.deepEqual(result.applied.map((fix) => fix.kind).sort(), ['renameContext', 'renameParameter', 'renameParameter']);
    assert.deepEqual(codes(result.text), []);
    assert.equal(applyTextEdits(text, result.edits), result.text);
  });

  it('routes an auto-terminated failure to a failure port, and keeps the text outside the edit', () => {
    const text = sampleText('broken-failure-auto-terminated.json');
    const result = fixAll(text);
    assert.deepEqual(codes(result.text), []);
    const [only] = result.edits;
    assert.equal(text.slice(0, only.offset), result.text.slice(0, only.offset));
    assert.equal(text.slice(only.offset + only.length), result.text.slice(result.text.length - (text.length - only.offset - only.length)));
  });

  it('leaves alone a finding whose fix is a choice (two fixes, none preferred), and rules it is told to skip', () => {
    const inherited = sampleText('broken-inherited-context-not-found.json');
    const result = fixAll(inherited, { include: (finding) => finding.code !== 'parameter-undefined' });
    assert.deepEqual(result.edits, []);
    assert.deepEqual(result.applied, []);
    // The unmatched warning is fixable (its only fix); the failure-not-routed error has none.
    const logged = sampleText('broken-failure-logged-not-routed.json');
    const partial = fixAll(logged);
    assert.deepEqual(partial.applied.map((fix) => fix.kind), ['routeToFailurePort']);
    assert.ok(codes(partial.text).includes('failure-not-routed'));
    assert.ok(!codes(partial.text).includes('unmatched-auto-terminated'));
  });

  it('does nothing to a ready flow, a broken JSON file or a file that is not a flow', () => {
    for (const name of ['ready-s3-to-sqs.json', 'broken-malformed-json.json', 'not-a-flow.json']) {
      const result = fixAll(sampleText(name));
      assert.deepEqual(result.edits, [], name);
      assert.equal(result.text, sampleText(name));
    }
  });
});
