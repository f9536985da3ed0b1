// What output-port-multiple and failure-port-function-unnamed say, and which ports they count.
import * as assert from 'assert';
import type { ValidationOptions } from '../../../src/core/flow/options';
import { editedFlow, findingsIn, token } from './ruleFixtures';

const CODES = ['output-port-multiple', 'failure-port-function-unnamed'];

/** The minimal valid flow with more output ports in its top group (a copy of "success" with another name and id). */
function withPorts(ports: { name: string; portFunction?: string }[]): string {
  return editedFlow('valid-minimal.json', (flow) => {
    const [success] = flow.flowContents.outputPorts;
    ports.forEach((port, index) => {
      flow.flowContents.outputPorts.push({ ...success, identifier: `5f1c2a3b-0000-3000-8000-00000000009${index}`, ...port });
    });
  });
}

function found(text: string, options: ValidationOptions = {}): [string, string][] {
  return findingsIn(text, CODES, options).map((finding) => [finding.code, token(text, finding.range)]);
}

describe('output port findings', () => {
  it('reports every success port after the first, each relating all the other success ports', () => {
    const text = withPorts([{ name: 'audit' }, { name: 'copy' }]);
    const findings = findingsIn(text, CODES);
    assert.deepStrictEqual(findings.map((finding) => [finding.componentName, token(text, finding.range)]),
      [['audit', '"audit"'], ['copy', '"copy"']]);
    const [audit, copy] = findings;
    assert.strictEqual(audit.message, 'Process group "S3ToSqs" has 3 output ports that are not failure ports, but DFF returns exactly ' +
      'one success output. Keep one success port ("success"): remove "audit", route its data to that port, or, if it receives ' +
      'failures, name it "failure" or list it in FAILURE_PORTS.');
    assert.match(copy.message, /Keep one success port \("success"\): remove "copy",/);
    assert.deepStrictEqual(audit.related.map((item) => [token(text, item.range), item.message]),
      [['"success"', 'Output port "success" is also a success port.'], ['"copy"', 'Output port "copy" is also a success port.']]);
    assert.deepStrictEqual(copy.related.map((item) => token(text, item.range)), ['"success"', '"audit"']);
  });

  it('counts a port named "Failure" in any case, or listed in the failure ports, as no success port', () => {
    assert.deepStrictEqual(found(withPorts([{ name: 'FAILURE' }])), []);
    assert.deepStrictEqual(found(withPorts([{ name: 'errors' }]), { failurePorts: ['errors'] }), []);
    // The setting lists names exactly as written.
    assert.deepStrictEqual(found(withPorts([{ name: 'errors' }]), { failurePorts: ['Errors'] }), [['output-port-multiple', '"errors"']]);
  });

  it('warns about a port whose portFunction is FAILURE in any case, and counts it as no success port', () => {
    const text = withPorts([{ name: 'dead letters', portFunction: 'failure' }]);
    assert.deepStrictEqual(found(text), [['failure-port-function-unnamed', '"dead letters"']]);
    const [finding] = findingsIn(text, CODES);
    assert.strictEqual(finding.severity, 'warning');
    assert.strictEqual(finding.componentName, 'dead letters');
    assert.strictEqual(finding.message, 'Output port "dead letters" is marked as a failure port (portFunction FAILURE), but DFF may only ' +
      'recognise failure ports by name. Name it "failure" or list it in FAILURE_PORTS so a FlowFile reaching it fails the invocation.');
    // The top group already has a "failure" port: NiFi refuses a second, so only the setting is offered.
    assert.deepStrictEqual(finding.fixes, [{ kind: 'addFailurePortSetting', portName: 'dead letters' }]);
  });

  it('offers the rename to "failure" when no output port has that name', () => {
    const text = editedFlow('valid-minimal.json', (flow) => {
      const ports = flow.flowContents.outputPorts;
      ports[1] = { ...ports[1], name: 'errors', portFunction: 'FAILURE' };
      flow.flowContents.connections[2].destination.name = 'errors';
    });
    const [finding] = findingsIn(text, ['failure-port-function-unnamed']);
    assert.deepStrictEqual(finding.fixes, [
      { kind: 'renamePort', portId: '5f1c2a3b-0000-3000-8000-000000000031', componentPath: ['flowContents', 'outputPorts', 1], newName: 'failure' },
      { kind: 'addFailurePortSetting', portName: 'errors' },
    ]);
  });

  it('says nothing of a STANDARD port function', () => {
    assert.deepStrictEqual(found(withPorts([{ name: 'audit', portFunction: 'STANDARD' }])), [['output-port-multiple', '"audit"']]);
  });
});
