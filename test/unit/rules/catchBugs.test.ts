// Boundaries and mixed cases for bugs that once left every rule test green: each test fails when
// that bug is made by hand in the core (see issue 8, "Tests that catch bugs").
import * as assert from 'assert';
import { computeFix } from '../../../src/core/flow/fixes';
import { applyTextEdits } from '../../../src/core/flow/fixes/composeEdits';
import { validateText } from '../../../src/core/flow/validate';
import { DFF_VARIABLES_ESTIMATE_BYTES, LAMBDA_ENV_LIMIT_BYTES } from '../../../src/core/flow/rules/parameters';
import { MIN_ENV_KEY_LENGTH } from '../../../src/core/flow/rules/naming';
import { editedFlow, findingsIn, readFlow, token } from './ruleFixtures';

const TOP = '5f1c2a3b-0000-3000-8000-000000000001';
const PUT = '5f1c2a3b-0000-3000-8000-000000000010';

function end(id: string, type: string, name: string, groupId = TOP) {
  return { id, type, groupId, name, comments: '' };
}

function connection(identifier: string, source: object, destination: object, relationships: string[], groupIdentifier = TOP) {
  return { identifier, name: '', source, destination, selectedRelationships: relationships, componentType: 'CONNECTION', groupIdentifier };
}

describe('rule tests that catch plausible bugs', () => {
  it('judges a failure connection by where it goes, not by its source: one routed and one unrouted from one processor', () => {
    const text = editedFlow('valid-minimal.json', (flow) => {
      const top = flow.flowContents;
      top.processors.push({ ...top.processors[0], identifier: 'log', name: 'Log it', type: 'org.apache.nifi.processors.standard.LogAttribute', properties: {}, propertyDescriptors: {} });
      top.connections.push(connection('to-log', end(PUT, 'PROCESSOR', 'PutS3Object'), end('log', 'PROCESSOR', 'Log it'), ['failure']));
    });
    const findings = findingsIn(text, ['failure-not-routed']);
    assert.deepStrictEqual(findings.map((finding) => [token(text, finding.range), finding.related.map((item) => token(text, item.range))]),
      [['"failure"', ['"Log it"']]]);
    assert.ok(text.indexOf('"to-log"') < findings[0].range.startOffset, 'on the connection to the log, not the one to the port');
  });

  it('reports a remote and a local entry port alike as several ports, and only the remote one as remote', () => {
    const text = editedFlow('valid-minimal.json', (flow) => {
      const top = flow.flowContents;
      top.inputPorts.unshift({ ...top.inputPorts[0], identifier: 'remote-in', name: 'site to site', allowRemoteAccess: true });
    });
    const findings = findingsIn(text, ['entry-port-multiple', 'entry-port-remote']);
    assert.deepStrictEqual(findings.map((finding) => [finding.code, finding.componentName]),
      [['entry-port-multiple', 'S3ToSqs'], ['entry-port-remote', 'site to site']]);
    const [multiple] = findings;
    assert.deepStrictEqual(multiple.related.map((item) => item.message), ['Input port "site to site"', 'Input port "input"']);
    assert.ok(!/delete|remove "/i.test(multiple.message.replace('remove the others', '')), 'no port is picked to delete');
  });

  describe('the environment limit, exactly at it', () => {
    /** One non-sensitive parameter whose name and value take `bytes` bytes, the only one counted. */
    function environmentOf(bytes: number): string {
      return editedFlow('valid-minimal.json', (flow) => {
        const [bucket, region, secret] = flow.parameterContexts.S3ToSqsParams.parameters;
        region.sensitive = true;
        // A sensitive parameter with a value (as a hand-written file may have) still does not count.
        region.value = 'x'.repeat(5000);
        secret.value = 'y'.repeat(5000);
        bucket.value = 'v'.repeat(bytes - bucket.name.length);
      });
    }
    const budget = LAMBDA_ENV_LIMIT_BYTES - DFF_VARIABLES_ESTIMATE_BYTES;

    it('accepts exactly 4 KB and reports one byte more', () => {
      assert.deepStrictEqual(findingsIn(environmentOf(budget), ['environment-too-large']), []);
      const [finding] = findingsIn(environmentOf(budget + 1), ['environment-too-large']);
      assert.ok(finding, 'one byte over the limit');
      assert.ok(finding.message.includes(`take ${budget + 1} bytes`), finding.message);
      assert.ok(finding.message.includes(`about ${LAMBDA_ENV_LIMIT_BYTES + 1} bytes`), finding.message);
    });
  });

  it('accepts a parameter name of exactly two characters and reports one of one', () => {
    assert.strictEqual(MIN_ENV_KEY_LENGTH, 2);
    const named = (name: string) => editedFlow('valid-minimal.json', (flow) => {
      flow.parameterContexts.S3ToSqsParams.parameters[0].name = name;
      flow.flowContents.processors[0].properties.Bucket = `#{${name}}`;
    });
    assert.deepStrictEqual(findingsIn(named('ab'), ['parameter-name-too-short']), []);
    assert.deepStrictEqual(findingsIn(named('a'), ['parameter-name-too-short']).map((finding) => finding.code), ['parameter-name-too-short']);
  });

  it('finds a context by its name, not by its key in "parameterContexts"', () => {
    const keyed = editedFlow('valid-minimal.json', (flow) => {
      flow.parameterContexts = { 'b9d0c3f0-0000-4000-8000-00000000abcd': flow.parameterContexts.S3ToSqsParams };
    });
    assert.deepStrictEqual(findingsIn(keyed, ['context-not-found', 'parameter-undefined', 'context-missing', 'reference-without-context']), []);
    const byKey = editedFlow('valid-minimal.json', (flow) => {
      flow.parameterContexts = { 'b9d0c3f0-0000-4000-8000-00000000abcd': flow.parameterContexts.S3ToSqsParams };
      flow.flowContents.parameterContextName = 'b9d0c3f0-0000-4000-8000-00000000abcd';
    });
    assert.deepStrictEqual(findingsIn(byKey, ['context-not-found']).map((finding) => token(byKey, finding.range)), ['"b9d0c3f0-0000-4000-8000-00000000abcd"']);
  });

  it('accepts connections to the input and output ports of a remote process group, and still reports a missing end beside them', () => {
    const text = editedFlow('valid-minimal.json', (flow) => {
      const top = flow.flowContents;
      top.remoteProcessGroups.push({
        identifier: 'rpg', name: 'Remote NiFi', componentType: 'REMOTE_PROCESS_GROUP', groupIdentifier: TOP, targetUris: 'https://nifi.example.com',
        inputPorts: [{ identifier: 'rpg-in', name: 'in', remoteGroupId: 'rpg', componentType: 'REMOTE_INPUT_PORT', groupIdentifier: 'rpg' }],
        outputPorts: [{ identifier: 'rpg-out', name: 'out', remoteGroupId: 'rpg', componentType: 'REMOTE_OUTPUT_PORT', groupIdentifier: 'rpg' }],
      });
      top.connections.push(
        connection('to-rpg', end(PUT, 'PROCESSOR', 'PutS3Object'), end('rpg-in', 'REMOTE_INPUT_PORT', 'in', 'rpg'), ['success']),
        connection('from-rpg', end('rpg-out', 'REMOTE_OUTPUT_PORT', 'out', 'rpg'), end(PUT, 'PROCESSOR', 'PutS3Object'), ['']),
        connection('from-gone', end('gone', 'REMOTE_OUTPUT_PORT', 'gone', 'rpg'), end(PUT, 'PROCESSOR', 'PutS3Object'), ['']),
      );
    });
    const findings = findingsIn(text, ['connection-endpoint-missing']);
    assert.deepStrictEqual(findings.map((finding) => token(text, finding.range)), ['"gone"']);
  });

  it('resolves parameters through inherited contexts written as {"name": ...} objects, and reports a missing one', () => {
    const text = editedFlow('valid-minimal.json', (flow) => {
      const own = flow.parameterContexts.S3ToSqsParams;
      flow.parameterContexts.Shared = { ...own, name: 'Shared', parameters: own.parameters.slice(0, 1), inheritedParameterContexts: [] };
      own.parameters = own.parameters.slice(1);
      own.inheritedParameterContexts = [{ name: 'Shared' }, { name: 'Missing' }];
    });
    const findings = findingsIn(text, ['parameter-undefined', 'inherited-context-not-found']);
    assert.deepStrictEqual(findings.map((finding) => finding.code), ['inherited-context-not-found']);
    assert.match(findings[0].message, /inherits from "Missing"/);
  });

  it('locates a reference after \\u escapes in the JSON text', () => {
    const raw = readFlow('valid-minimal.json').replace('"Bucket": "#{S3_BUCKET}"', '"Bucket": "caf\\u00e9\\u00e9\\\\\\u0041/#{S3_BUCKT}"');
    assert.ok(raw.includes('\\u00e9'), 'the fixture holds the reference');
    const [finding] = findingsIn(raw, ['parameter-undefined']);
    assert.strictEqual(token(raw, finding.range), '#{S3_BUCKT}');
  });

  it('renames a context in the child groups that use it too', () => {
    const text = editedFlow('valid-minimal.json', (flow) => {
      flow.parameterContexts.S3ToSqsParams.name = 'S3 to SQS';
      flow.parameterContexts = { 'S3 to SQS': flow.parameterContexts.S3ToSqsParams };
      flow.flowContents.parameterContextName = 'S3 to SQS';
      flow.flowContents.processGroups.push({
        identifier: 'child', name: 'Child', componentType: 'PROCESS_GROUP', groupIdentifier: TOP, parameterContextName: 'S3 to SQS',
        processGroups: [{ identifier: 'grandchild', name: 'Grandchild', componentType: 'PROCESS_GROUP', groupIdentifier: 'child', parameterContextName: 'S3 to SQS' }],
      });
    });
    const before = validateText(text);
    const finding = before.findings.find((item) => item.code === 'context-name-invalid')!;
    const fixed = JSON.parse(applyTextEdits(text, computeFix(text, before.model!, finding.fixes![0])));
    const child = fixed.flowContents.processGroups[0];
    assert.deepStrictEqual([fixed.flowContents.parameterContextName, child.parameterContextName, child.processGroups[0].parameterContextName],
      ['S3_to_SQS', 'S3_to_SQS', 'S3_to_SQS']);
  });
});
