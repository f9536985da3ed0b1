import * as assert from 'assert';
import { check, editedFlow, findingsIn, token } from './ruleFixtures';

const CODES = ['context-missing', 'context-name-invalid', 'context-not-found', 'inherited-context-not-found'];

describe('parameter context rules', () => {
  it('finds nothing wrong with the minimal valid flow', () => {
    assert.deepStrictEqual(check('valid-minimal.json', CODES).findings, []);
  });

  it('asks nothing of a top group without context that references no parameter: nothing breaks', () => {
    assert.deepStrictEqual(check('context-missing.json', CODES).findings, []);
  });

  it('reports a top group without context once it references a parameter, saying why, at the group name', () => {
    const text = editedFlow('reference-without-context.json', (flow) => {
      delete flow.flowContents.parameterContextName;
    });
    const findings = findingsIn(text, CODES);
    assert.strictEqual(findings.length, 1);
    const [finding] = findings;
    assert.strictEqual(finding.code, 'context-missing');
    assert.strictEqual(finding.severity, 'error');
    assert.strictEqual(token(text, finding.range), `"${JSON.parse(text).flowContents.name}"`);
    assert.match(finding.message, /has no parameter context, yet it holds a parameter reference \(the first: #\{WEBHOOK_URL\} in processor "Tag order"\)/);
    assert.match(finding.message, /cannot resolve without one/);
    assert.match(finding.message, /set a parameter context/i);
    assert.deepStrictEqual(finding.related.map((item) => token(text, item.range)), ['#{WEBHOOK_URL}']);
  });

  it('counts run schedules and controller services too, and lists at most five places', () => {
    const text = editedFlow('reference-without-context.json', (flow) => {
      delete flow.flowContents.parameterContextName;
      const [processor] = flow.flowContents.processors;
      processor.schedulingPeriod = '#{POLL}';
      processor.properties['webhook.base'] = '#{A}#{B}#{C}#{D}#{E}';
      flow.flowContents.controllerServices = [{
        identifier: 'cs-1', name: 'Webhook SSL', type: 'org.apache.nifi.ssl.StandardSSLContextService',
        properties: { 'Truststore Password': '#{TRUST}' },
        propertyDescriptors: { 'Truststore Password': { name: 'Truststore Password', sensitive: true } },
        componentType: 'CONTROLLER_SERVICE',
      }];
    });
    const [finding] = findingsIn(text, ['context-missing']);
    assert.match(finding.message, /holds 7 parameter references/);
    assert.strictEqual(finding.related.length, 5);
  });

  it('asks nothing of the top group when only a child group references parameters', () => {
    // The child reports its own reference-without-context; the top group's context would not serve it.
    const text = editedFlow('reference-without-context.json', (flow) => {
      delete flow.flowContents.parameterContextName;
      for (const processor of flow.flowContents.processors) {
        for (const key of Object.keys(processor.properties)) if (/#\{/.test(processor.properties[key] ?? '')) processor.properties[key] = 'plain';
        processor.schedulingPeriod = '1 sec';
      }
    });
    assert.deepStrictEqual(findingsIn(text, ['context-missing']), []);
    assert.ok(findingsIn(text, ['reference-without-context']).length > 0);
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
