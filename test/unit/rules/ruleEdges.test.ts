// Rarer shapes a rule must read right: a version-controlled top group, a service without identifier,
// an external entry keyed by its identifier, error relationships spread over connections, a
// parameter without value, a group whose context is missing, which context wins for an unused
// parameter; and what reference-without-context says.
import * as assert from 'assert';
import { rules } from '../../../src/core/flow/rules';
import { check, editedFlow, findingsIn, token } from './ruleFixtures';
import { DFF_VARIABLES_ESTIMATE_BYTES, LAMBDA_ENV_LIMIT_BYTES } from '../../../src/core/flow/rules/parameters';

const WRITER = '7c1f0e2a-2222-3c4d-9e8f-0a1b2c3d4e5f';

function minimal(edit: (top: any, flow: any) => void): string {
  return editedFlow('valid-minimal.json', (flow) => edit(flow.flowContents, flow));
}

describe('rules on rarer shapes', () => {
  it('never reports the exported group itself as a version-controlled group left out', () => {
    const text = minimal((top) => {
      top.versionedFlowCoordinates = { registryUrl: 'http://registry.example.com:18080', bucketId: 'b', flowId: 'f', version: 1 };
      for (const key of ['processors', 'inputPorts', 'outputPorts', 'connections', 'processGroups', 'funnels', 'controllerServices', 'remoteProcessGroups']) top[key] = [];
    });
    assert.deepStrictEqual(findingsIn(text, ['versioned-group-not-inlined']), []);
  });

  it('does not take an empty property for a use of a canvas service without identifier', () => {
    const text = editedFlow('root-canvas-exported.json', (flow) => {
      flow.flowContents.controllerServices = [{ identifier: '', name: 'Nameless', type: 'org.apache.nifi.ssl.StandardSSLContextService', properties: {}, componentType: 'CONTROLLER_SERVICE' }];
      flow.flowContents.processGroups[1].processors[0].properties.Unset = '';
    });
    const [finding] = findingsIn(text, ['root-canvas-exported']);
    assert.doesNotMatch(finding.message, /controller service/);
  });

  describe('controller-service-external', () => {
    it('knows an external service written without "identifier" by its key, and relates that entry alone', () => {
      const text = editedFlow('controller-service-external.json', (flow) => {
        flow.externalControllerServices = { [WRITER]: { name: 'Avro writer' } };
      });
      const findings = findingsIn(text, ['controller-service-external']);
      assert.deepStrictEqual(findings.map((finding) => finding.componentName), ['Convert to Avro']);
      assert.strictEqual(token(text, findings[0].related[0].range), '{\n      "name": "Avro writer"\n    }');
    });
  });

  it('failure-port-missing gathers a processor\'s error relationships from all its connections', () => {
    const text = minimal((top) => {
      top.outputPorts = top.outputPorts.slice(0, 1);
      top.connections = top.connections.slice(0, 2);
      const [put] = top.processors;
      put.type = 'com.example.nifi.CallPartner';
      put.autoTerminatedRelationships = [];
      top.processors.push({ ...put, identifier: 'log', name: 'Log', type: 'org.apache.nifi.processors.standard.LogAttribute', autoTerminatedRelationships: ['success'] });
      const [, toSuccess] = top.connections;
      top.connections.unshift({ ...toSuccess, identifier: 'to-log', selectedRelationships: ['failure', 'timeout'], destination: { ...toSuccess.destination, id: 'log', type: 'PROCESSOR', name: 'Log' } });
    });
    const [finding] = findingsIn(text, ['failure-port-missing']);
    assert.ok(finding, 'the failure connected to the logger is still an error relationship without a failure port');
    assert.deepStrictEqual(finding.related.map((item) => item.message), ['"PutS3Object" has error relationships "failure", "timeout".']);
  });

  it('counts a parameter without value by its name alone, exactly at the environment limit', () => {
    const budget = LAMBDA_ENV_LIMIT_BYTES - DFF_VARIABLES_ESTIMATE_BYTES;
    const text = (extra: number) => minimal((top, flow) => {
      top.processors[0].properties = {};
      flow.parameterContexts.S3ToSqsParams.parameters = [
        { name: 'AB', sensitive: false },
        { name: 'BIG', sensitive: false, value: 'v'.repeat(budget - 2 - 3 + extra) },
      ];
    });
    assert.deepStrictEqual(findingsIn(text(0), ['environment-too-large']), []);
    assert.strictEqual(findingsIn(text(1), ['environment-too-large']).length, 1);
  });

  it('leaves the references of a group whose context is missing to context-not-found', () => {
    const { findings } = check('context-not-found.json', ['context-not-found', 'reference-without-context', 'parameter-undefined']);
    assert.deepStrictEqual(findings.map((finding) => finding.code), ['context-not-found']);
  });

  it('says which context\'s parameter the references resolve to: the one first referenced', () => {
    const text = minimal((top, flow) => {
      flow.parameterContexts = {
        C1: { name: 'C1', parameters: [{ name: 'X', sensitive: false, value: '1' }], inheritedParameterContexts: ['C3'] },
        C2: { name: 'C2', parameters: [{ name: 'X', sensitive: false, value: '2' }], inheritedParameterContexts: [] },
        C3: { name: 'C3', parameters: [{ name: 'X', sensitive: false, value: '3' }], inheritedParameterContexts: [] },
      };
      top.parameterContextName = 'C1';
      top.processors[0].properties = { Bucket: '#{X}' };
      top.processGroups = [{
        identifier: 'child', name: 'Child', componentType: 'PROCESS_GROUP', parameterContextName: 'C2',
        processors: [{ ...top.processors[0], identifier: 'child-put', groupIdentifier: 'child' }],
      }];
    });
    assert.deepStrictEqual(findingsIn(text, ['parameter-unused']).map((finding) => finding.message), [
      'Parameter "X" of context "C3" is never used: references to "X" resolve to the one in context "C1", which takes precedence. ' +
        'Remove it from the context if nothing else needs it.',
    ]);
  });

  it('reference-without-context names the group, the count, the parameters and where the first is', () => {
    const text = minimal((top) => {
      top.processGroups = [{
        identifier: 'child', name: 'Child', componentType: 'PROCESS_GROUP',
        processors: [{ ...top.processors[0], identifier: 'child-put', groupIdentifier: 'child', properties: { Bucket: '#{S3_BUCKET}' } }],
      }];
    });
    const [finding] = findingsIn(text, ['reference-without-context']);
    assert.strictEqual(finding.message, 'Process group "Child" has no parameter context, yet it holds a reference to parameter "S3_BUCKET", ' +
      'first in property "Bucket" of processor "PutS3Object": none of them can be resolved (a group does not inherit the context of its ' +
      'parent), so NiFi marks those components invalid. Set a parameter context on "Child" in NiFi and download the flow definition again.');
    assert.deepStrictEqual(finding.related, []);
    assert.strictEqual(finding.componentName, 'Child');
  });

  it('names each rule after its check, as timings and profiles show them', () => {
    const names = rules.map((rule) => rule.name);
    for (const name of names) assert.match(name, /^check[A-Z]\w+$/);
    // The rules about the top group's ports are wrapped (not run on a root canvas) and keep their names.
    for (const wrapped of ['checkEntryPort', 'checkFailureRouting', 'checkOutputPorts']) assert.ok(names.includes(wrapped), wrapped);
  });
});
