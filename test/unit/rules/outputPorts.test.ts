import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { ResolvedFinding } from '../../../src/core/flow/finding';
import type { ValidationOptions } from '../../../src/core/flow/options';
import { validateText } from '../../../src/core/flow/validate';

const FAMILY = new Set(['output-port-multiple', 'failure-port-function-unnamed']);

function check(file: string, options: ValidationOptions = {}): { text: string; findings: ResolvedFinding[] } {
  const text = fs.readFileSync(path.resolve(__dirname, '../../../../test/fixtures/flows', file), 'utf8');
  return { text, findings: validateText(text, options).findings.filter((finding) => FAMILY.has(finding.code)) };
}

function token(text: string, finding: { range: { startOffset: number; endOffset: number } }): string {
  return text.slice(finding.range.startOffset, finding.range.endOffset);
}

describe('output port rules', () => {
  it('accepts one success port and one failure port', () => {
    assert.deepStrictEqual(check('valid-minimal.json').findings, []);
  });

  it('reports a second success port at its name', () => {
    const { text, findings } = check('output-port-multiple.json');
    assert.strictEqual(findings.length, 1);
    const [finding] = findings;
    assert.strictEqual(finding.code, 'output-port-multiple');
    assert.strictEqual(finding.severity, 'error');
    assert.strictEqual(token(text, finding), '"audit"');
    assert.deepStrictEqual(finding.related.map((item) => token(text, item)), ['"success"']);
  });

  it('does not count a port listed in FAILURE_PORTS as a success port', () => {
    assert.deepStrictEqual(check('output-port-multiple.json', { failurePorts: ['audit'] }).findings, []);
  });

  it('warns about a FAILURE-function port whose name DFF would not treat as failure', () => {
    const { text, findings } = check('failure-port-function-unnamed.json');
    assert.strictEqual(findings.length, 1);
    const [finding] = findings;
    assert.strictEqual(finding.code, 'failure-port-function-unnamed');
    assert.strictEqual(finding.severity, 'warning');
    assert.strictEqual(token(text, finding), '"errors"');
    assert.match(finding.message, /FAILURE_PORTS/);
  });

  it('is satisfied once that port is listed in FAILURE_PORTS', () => {
    assert.deepStrictEqual(check('failure-port-function-unnamed.json', { failurePorts: ['errors'] }).findings, []);
  });
});
