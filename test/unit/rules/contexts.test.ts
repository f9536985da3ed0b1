import * as assert from 'assert';
import { check, editedFlow, findingsIn, token } from './ruleFixtures';

const CODES = ['context-missing', 'context-name-invalid', 'context-not-found', 'inherited-context-not-found'];

describe('parameter context rules', () => {
  it('finds nothing wrong with the minimal valid flow', () => {
    assert.deepStrictEqual(check('valid-minimal.json', CODES).findings, []);
  });

  it('reports a top group without context at the group name', () => {
    const { text, findings } = check('context-missing.json', CODES);
    assert.strictEqual(findings.length, 1);
    const [finding] = findings;
    assert.strictEqual(finding.code, 'context-missing');
    assert.strictEqual(finding.severity, 'error');
    assert.strictEqual(token(text, finding.range), '"PassThrough"');
    assert.match(finding.message, /set a parameter context/i);
  });

  it('does not require a context on child groups', () => {
    // The Trace child group of this flow has none.
    assert.deepStrictEqual(check('reference-without-context.json', CODES).findings, []);
  });

  it('reports an invalid context name at the context name with a rename to a valid name', () => {
    const { text, findings } = check('context-name-invalid.json', CODES);
    assert.strictEqual(findings.length, 1, 'the unused "legacy settings" context is not reported');
    const [finding] = findings;
    assert.strictEqual(finding.code, 'context-name-invalid');
    assert.strictEqual(finding.severity, 'error');
    assert.strictEqual(token(text, finding.range), '"Order Intake-prod"');
    assert.ok(text.slice(finding.range.startOffset - 10, finding.range.startOffset).includes('"name"'), 'points at the name member, not the key');
    assert.deepStrictEqual(finding.fixes, [{ kind: 'renameContext', contextName: 'Order Intake-prod', newName: 'Order_Intake_prod' }]);
    assert.match(finding.message, /Secrets Manager/);
  });

  it('suggests a context name that no other context has', () => {
    const text = editedFlow('context-name-invalid.json', (flow) => {
      flow.parameterContexts.Order_Intake_prod = { name: 'Order_Intake_prod', parameters: [], inheritedParameterContexts: [] };
    });
    const [finding] = findingsIn(text, CODES);
    assert.deepStrictEqual(finding.fixes, [{ kind: 'renameContext', contextName: 'Order Intake-prod', newName: 'Order_Intake_prod_2' }]);
  });

  it('reports an invalid name of an inherited context', () => {
    const text = editedFlow('context-name-invalid.json', (flow) => {
      flow.parameterContexts['Order Intake-prod'].inheritedParameterContexts = ['legacy settings'];
    });
    const findings = findingsIn(text, CODES);
    assert.deepStrictEqual(findings.map((finding) => token(text, finding.range)), ['"Order Intake-prod"', '"legacy settings"']);
    assert.deepStrictEqual(findings[1].fixes, [{ kind: 'renameContext', contextName: 'legacy settings', newName: 'legacy_settings' }]);
  });

  it('reports a child group whose context is not in the file', () => {
    const { text, findings } = check('context-not-found.json', CODES);
    assert.strictEqual(findings.length, 1);
    const [finding] = findings;
    assert.strictEqual(finding.code, 'context-not-found');
    assert.strictEqual(finding.severity, 'error');
    assert.strictEqual(token(text, finding.range), '"EnrichmentParams"');
    assert.strictEqual(finding.componentName, 'Enrich');
  });

  it('reports an inherited context that is not in the file', () => {
    const { text, findings } = check('inherited-context-not-found.json', CODES);
    assert.strictEqual(findings.length, 1);
    const [finding] = findings;
    assert.strictEqual(finding.code, 'inherited-context-not-found');
    assert.strictEqual(finding.severity, 'error');
    assert.strictEqual(token(text, finding.range), '"SharedDefaults"');
    assert.match(finding.message, /"ShipmentParams" inherits from "SharedDefaults"/);
  });
});
