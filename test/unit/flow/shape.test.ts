// Rule 1: a file that is not JSON, or JSON shaped unlike a flow definition, gets one clear finding;
// JSON that is not a flow definition gets none.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { validateText } from '../../../src/core/flow/validate';

const fixtures = path.resolve(__dirname, '../../../../test/fixtures/flows');
const read = (name: string): string => fs.readFileSync(path.join(fixtures, name), 'utf8');

describe('flow shape and syntax', () => {
  it('reports malformed JSON once, at the place the syntax breaks, without quoting the file', () => {
    const text = read('flow-syntax.json');
    const { isFlow, findings } = validateText(text);
    assert.equal(isFlow, true);
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(finding.code, 'flow-syntax');
    assert.equal(finding.severity, 'error');
    assert.equal(text.slice(finding.range.startOffset, finding.range.endOffset), '"processors"');
    assert.deepEqual(finding.range.start, { line: 5, character: 4 });
    assert.match(finding.message, /a ',' is expected here/);
    assert.doesNotMatch(finding.message, /OrdersToS3/);
  });

  it('reports a file cut off half way as one syntax finding at its end', () => {
    const text = read('valid-minimal.json');
    const cut = text.slice(0, Math.floor(text.length / 2));
    const { findings } = validateText(cut);
    assert.deepEqual(findings.map((finding) => finding.code), ['flow-syntax']);
    assert.ok(findings[0].range.startOffset >= cut.length - 80, 'points near the end of the text');
  });

  it('reports wrongly typed members as one finding that counts the rest, not a flood', () => {
    const text = read('flow-shape.json');
    const { isFlow, findings } = validateText(text);
    assert.equal(isFlow, true);
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(finding.code, 'flow-shape');
    assert.match(finding.message, /"processors" must be an array \(and 3 more shape problems\)/);
    assert.ok(text.slice(finding.range.startOffset, finding.range.endOffset).startsWith('{\n      "identifier" : "not-an-array"'));
  });

  it('reports flowContents that is not an object when the file otherwise looks like a flow', () => {
    const { findings } = validateText('{ "flowContents": "oops", "flowEncodingVersion": "1.0" }');
    assert.deepEqual(findings.map((finding) => [finding.code, finding.message.split('.')[0]]), [
      ['flow-shape', '"flowContents" must be an object holding the exported process group'],
    ]);
  });

  for (const [what, text] of [
    ['a package manifest', '{ "name": "x", "version": "1.0.0", "dependencies": {} }'],
    ['a JSON array', '[ { "flowContents": {} } ]'],
    ['an object that only mentions flowContents in a string', '{ "note": "see \\"flowContents\\": later" }'],
    ['empty text', ''],
    ['broken JSON that is not a flow', '{ "name": '],
  ] as const) {
    it(`leaves ${what} alone`, () => {
      const { isFlow, findings } = validateText(text);
      assert.equal(isFlow, false);
      assert.deepEqual(findings, []);
    });
  }
});
