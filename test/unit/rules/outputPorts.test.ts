import * as assert from 'assert';
import type { ValidationOptions } from '../../../src/core/flow/options';
import { check as checkFlow, token } from './ruleFixtures';

const FAMILY = ['output-port-multiple', 'failure-port-function-unnamed'];
const check = (file: string, options?: ValidationOptions) => checkFlow(file, FAMILY, options);

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
    assert.strictEqual(token(text, finding.range), '"audit"');
    assert.deepStrictEqual(finding.related.map((item) => token(text, item.range)), ['"success"']);
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
    assert.strictEqual(token(text, finding.range), '"errors"');
    assert.match(finding.message, /FAILURE_PORTS/);
  });

  it('is satisfied once that port is listed in FAILURE_PORTS', () => {
    assert.deepStrictEqual(check('failure-port-function-unnamed.json', { failurePorts: ['errors'] }).findings, []);
  });
});
