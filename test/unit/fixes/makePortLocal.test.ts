import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { FixSpec } from '../../../src/core/flow/finding';
import { validateText } from '../../../src/core/flow/validate';
import { runFix } from './fixHelpers';

const sample = fs.readFileSync(path.resolve(__dirname, '../../../../samples/broken-remote-entry-port.json'), 'utf8');

describe('makePortLocal fix', () => {
  it('turns remote access off on the entry port, changing nothing else', () => {
    const [finding] = validateText(sample).findings.filter((item) => item.code === 'entry-port-remote');
    const fix = finding.fixes?.[0] as Extract<FixSpec, { kind: 'makePortLocal' }>;
    assert.strictEqual(fix.kind, 'makePortLocal');
    const { edits, text } = runFix(sample, fix);
    assert.deepStrictEqual(edits.map((edit) => [sample.slice(edit.offset, edit.offset + edit.length), edit.newText]), [['true', 'false']]);
    assert.deepStrictEqual(validateText(text).findings.filter((item) => item.code === 'entry-port-remote'), []);
  });

  it('does nothing once the port is local', () => {
    const [finding] = validateText(sample).findings.filter((item) => item.code === 'entry-port-remote');
    const fixed = runFix(sample, finding.fixes![0]).text;
    assert.deepStrictEqual(runFix(fixed, finding.fixes![0]).edits, []);
  });
});
