import * as assert from 'assert';
import { check, editedFlow, findingsIn, readFlow, token } from './ruleFixtures';
import { validateText } from '../../../src/core/flow/validate';

const CODES = ['root-canvas-exported'];
/** Findings that would tell the user to add or change ports of the top group. */
const PORT_ADVICE = ['entry-port-missing', 'entry-port-multiple', 'failure-port-missing', 'failure-not-routed', 'output-port-multiple', 'failure-port-function-unnamed'];

describe('exported group rule', () => {
  it('finds nothing wrong with the minimal valid flow', () => {
    assert.deepStrictEqual(check('valid-minimal.json', CODES).findings, []);
  });

  it('reports a root canvas export and names the group to export instead', () => {
    const { text, findings } = check('root-canvas-exported.json', CODES);
    assert.strictEqual(findings.length, 1);
    const [finding] = findings;
    assert.strictEqual(finding.code, 'root-canvas-exported');
    assert.strictEqual(finding.severity, 'error');
    assert.strictEqual(token(text, finding.range), '"NiFi Flow"');
    assert.match(finding.message, /Download the flow definition of process group "InvoiceParser" instead/);
    assert.strictEqual(finding.related.length, 1);
    assert.strictEqual(token(text, finding.related[0].range), '"InvoiceParser"');
  });

  it('is not contradicted by advice to add ports to the root canvas', () => {
    const text = readFlow('root-canvas-exported.json');
    const onCanvas = validateText(text).findings.filter((finding) => token(text, finding.range) === '"NiFi Flow"');
    assert.ok(onCanvas.some((finding) => finding.code === 'root-canvas-exported'));
    assert.deepStrictEqual(findingsIn(text, PORT_ADVICE), []);
    assert.deepStrictEqual(findingsIn(text, ['context-missing']), [], 'no advice to give the root canvas a parameter context');
  });

  it('keeps reporting the processors\' auto-terminated failures inside the wrapped group', () => {
    const text = editedFlow('root-canvas-exported.json', (flow) => {
      const parser = flow.flowContents.processGroups.find((group: any) => group.name === 'InvoiceParser');
      parser.processors[0].autoTerminatedRelationships = ['failure'];
    });
    assert.deepStrictEqual(findingsIn(text, [...PORT_ADVICE, 'failure-auto-terminated']).map((finding) => finding.code), ['failure-auto-terminated']);
  });

  it('leaves the port advice to a flow group whose ports are missing', () => {
    const text = editedFlow('root-canvas-exported.json', (flow) => {
      flow.flowContents.processGroups = [];
      flow.flowContents.processors = [{
        identifier: 'e3000000-0000-4000-8000-000000000099', name: 'Call API', type: 'org.apache.nifi.processors.standard.InvokeHTTP',
        properties: {}, propertyDescriptors: {}, autoTerminatedRelationships: [], componentType: 'PROCESSOR',
      }];
    });
    assert.deepStrictEqual(findingsIn(text, ['root-canvas-exported', ...PORT_ADVICE]).map((finding) => finding.code).sort(),
      ['entry-port-missing', 'failure-port-missing']);
  });

  it('reports a top group that only wraps a single child group without ports', () => {
    const text = editedFlow('root-canvas-exported.json', (flow) => {
      flow.flowContents.processGroups = flow.flowContents.processGroups.filter((group: any) => group.name === 'Scratch');
    });
    const [finding] = findingsIn(text, CODES);
    assert.ok(finding);
    assert.match(finding.message, /process group "Scratch" instead/);
  });

  it('does not report a flow group whose child groups hold the ports when it has ports itself', () => {
    assert.deepStrictEqual(check('context-not-found.json', CODES).findings, []);
  });

  it('does not guess when several child groups have ports', () => {
    const text = editedFlow('root-canvas-exported.json', (flow) => {
      const [scratch] = flow.flowContents.processGroups;
      scratch.outputPorts = [{ identifier: 'e3000000-0000-4000-8000-000000000039', name: 'out', type: 'OUTPUT_PORT', componentType: 'OUTPUT_PORT' }];
    });
    assert.deepStrictEqual(findingsIn(text, CODES), []);
  });

  it('does not take a group for the root canvas when its only child is a version-controlled group left out of the file', () => {
    const { text, findings } = check('versioned-child-not-inlined.json', ['root-canvas-exported', 'versioned-group-not-inlined', 'parameter-unused']);
    assert.deepStrictEqual(findings.map((finding) => [finding.code, token(text, finding.range)]), [
      ['versioned-group-not-inlined', '"Orders to S3"'],
    ]);
    const [finding] = findings;
    assert.strictEqual(finding.severity, 'error');
    assert.match(finding.message, /holds only where its flow is kept \("versionedFlowCoordinates"\), not its contents/);
    assert.match(finding.message, /cannot be checked here, and DataFlow Functions cannot run them/);
    assert.ok(!/instead/.test(finding.message), 'no advice to download the child, which would lose the services around it');
  });

  it('reports each version-controlled group left out, at any depth, and not one whose contents are in the file', () => {
    const text = editedFlow('group-imported-twice.json', (flow) => {
      const [eu, us] = flow.flowContents.processGroups;
      const coordinates = { registryUrl: 'http://registry.example.com:18080', bucketId: 'b', flowId: 'f', version: 3 };
      // Both copies are version-controlled: EU's contents are in the file, US's were left out.
      eu.versionedFlowCoordinates = coordinates;
      us.versionedFlowCoordinates = coordinates;
      for (const key of ['processors', 'inputPorts', 'outputPorts', 'connections']) us[key] = [];
    });
    assert.deepStrictEqual(findingsIn(text, ['versioned-group-not-inlined']).map((finding) => finding.componentName), ['Lookup US']);
  });

  it('still reports a wrapper whose child uses its controller services, naming each service to move first, and only those', () => {
    const withServices = (used: readonly string[]) => editedFlow('root-canvas-exported.json', (flow) => {
      flow.flowContents.controllerServices = ['SSL context', 'Proxy'].map((name, i) => ({
        identifier: `e3000000-0000-4000-8000-00000000009${i}`, name, type: 'org.apache.nifi.ssl.StandardSSLContextService',
        properties: {}, propertyDescriptors: {}, componentType: 'CONTROLLER_SERVICE',
      }));
      const parser = flow.flowContents.processGroups.find((group: any) => group.name === 'InvoiceParser');
      parser.processors[0].properties['SSL Context Service'] = used.includes('SSL context') ? 'e3000000-0000-4000-8000-000000000090' : null;
      parser.processors[0].properties['Proxy Configuration Service'] = used.includes('Proxy') ? 'e3000000-0000-4000-8000-000000000091' : null;
    });
    const one = validateText(withServices(['SSL context'])).findings.filter((finding) => CODES.includes(finding.code));
    assert.strictEqual(one.length, 1);
    assert.match(one[0].message, /It only keeps controller service "SSL context" that "InvoiceParser" uses: in NiFi, move it into "InvoiceParser"/);
    assert.deepStrictEqual(one[0].related.map((item) => item.message), [
      'Export this process group instead: "InvoiceParser"',
      'Move this controller service into "InvoiceParser" first: "SSL context"',
    ]);
    const both = validateText(withServices(['SSL context', 'Proxy'])).findings.filter((finding) => CODES.includes(finding.code));
    assert.match(both[0].message, /controller services "SSL context" and "Proxy" that "InvoiceParser" uses: in NiFi, move them/);
    const none = validateText(withServices([])).findings.filter((finding) => CODES.includes(finding.code));
    assert.match(none[0].message, /holds the flow\. DataFlow Functions runs the exported group itself, so it would find no input port\. Download the flow definition of process group "InvoiceParser" instead/);
    assert.strictEqual(none[0].related.length, 1, 'a service nothing uses is no reason to move it');
    assert.deepStrictEqual(findingsIn(withServices(['SSL context']), PORT_ADVICE), [], 'no advice to add ports to the canvas');
  });
});
