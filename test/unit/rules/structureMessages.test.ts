// How duplicate-identifier and connection-endpoint-missing name the components they are about (every
// kind, unnamed ones, connections by their ends), which use of an identifier they report, and the
// connection ends they accept.
import * as assert from 'assert';
import { editedFlow, findingsIn, token } from './ruleFixtures';

const PUT = '5f1c2a3b-0000-3000-8000-000000000010';
const INPUT = '5f1c2a3b-0000-3000-8000-000000000020';
const TO_SUCCESS = '5f1c2a3b-0000-3000-8000-000000000041';

function minimal(edit: (top: any, flow: any) => void): string {
  return editedFlow('valid-minimal.json', (flow) => edit(flow.flowContents, flow));
}

function messages(text: string, code: string): string[] {
  return findingsIn(text, [code]).map((finding) => finding.message);
}

describe('structure finding messages', () => {
  it('names each kind of component, with its name and group, and says what to do', () => {
    const text = minimal((top) => {
      top.funnels = [{ identifier: PUT, position: { x: 0, y: 0 }, componentType: 'FUNNEL' }];
    });
    const [finding] = findingsIn(text, ['duplicate-identifier']);
    assert.strictEqual(finding.message, `The funnel in group "S3ToSqs" has the identifier "${PUT}", which the processor "PutS3Object" in ` +
      'group "S3ToSqs" already uses. Identifiers must be unique within a process group (connections name their ends by group and ' +
      'identifier, so NiFi cannot tell the two apart): give one of them a new identifier (a new UUID), or download the flow ' +
      'definition again from NiFi.');
    assert.deepStrictEqual(finding.related.map((item) => [token(text, item.range), item.message]),
      [[`"${PUT}"`, `First use of "${PUT}" in this group: the processor "PutS3Object" in group "S3ToSqs"`]]);
    assert.strictEqual(finding.componentId, PUT);
  });

  it('says "input port", "label", "controller service", "remote process group" and "process group"', () => {
    const text = minimal((top) => {
      top.labels = [{ identifier: INPUT, label: 'note', componentType: 'LABEL' }];
      top.controllerServices = [{ identifier: INPUT, name: 'SSL', type: 'org.apache.nifi.ssl.StandardSSLContextService', properties: {}, componentType: 'CONTROLLER_SERVICE' }];
      top.remoteProcessGroups = [{ identifier: PUT, name: 'Remote', targetUris: 'https://nifi.example.com', componentType: 'REMOTE_PROCESS_GROUP' }];
    });
    assert.deepStrictEqual(messages(text, 'duplicate-identifier').map((message) => message.split(' has the identifier')[0] + ' / ' +
      /which (.*) already uses/.exec(message)![1]).sort(), [
      'The controller service "SSL" in group "S3ToSqs" / the input port "input" in group "S3ToSqs"',
      'The label in group "S3ToSqs" / the input port "input" in group "S3ToSqs"',
      'The processor "PutS3Object" in group "S3ToSqs" / the remote process group "Remote" in group "S3ToSqs"',
    ]);
    // NiFi writes child groups before the processors of their parent: the processor, later in the file, is the second use.
    const group = minimal((top) => {
      top.processGroups = [{ identifier: PUT, name: 'Child', processors: [], inputPorts: [], outputPorts: [], connections: [], componentType: 'PROCESS_GROUP' }];
    });
    assert.deepStrictEqual(messages(group, 'duplicate-identifier').map((message) => /^(.*) has the identifier.*which (.*) already uses/.exec(message)!.slice(1)),
      [['The processor "PutS3Object" in group "S3ToSqs"', 'the process group "Child" in group "S3ToSqs"']]);
    const [finding] = findingsIn(group, ['duplicate-identifier']);
    assert.ok(finding.related[0].range.startOffset < finding.range.startOffset);
  });

  it('names a connection by its ends, by their ids when they have no names, and by its own name when it has one', () => {
    const text = minimal((top) => {
      const [, toSuccess] = top.connections;
      top.connections.push({ ...toSuccess, source: { ...toSuccess.source, name: '' }, destination: { ...toSuccess.destination } });
      top.connections.push({ ...toSuccess, name: 'again' });
    });
    assert.deepStrictEqual(messages(text, 'duplicate-identifier').map((message) => /^(.*) has the identifier.*which (.*) already uses/.exec(message)!.slice(1)), [
      [`The connection "${PUT} → success" in group "S3ToSqs"`, 'the connection "PutS3Object → success" in group "S3ToSqs"'],
      ['The connection "again" in group "S3ToSqs"', 'the connection "PutS3Object → success" in group "S3ToSqs"'],
    ]);
    const noNames = minimal((top) => {
      const [, toSuccess] = top.connections;
      top.connections.push({ ...toSuccess, source: { ...toSuccess.source, name: 'PutS3Object' }, destination: { ...toSuccess.destination, name: '' } });
    });
    assert.match(messages(noNames, 'duplicate-identifier')[0], /^The connection "PutS3Object → 5f1c2a3b-0000-3000-8000-000000000030" in group/);
  });

  it('reports an identifier used twice once, and one used three times twice', () => {
    const twice = minimal((top) => {
      top.funnels = [{ identifier: PUT, componentType: 'FUNNEL' }];
    });
    assert.strictEqual(findingsIn(twice, ['duplicate-identifier']).length, 1);
    const thrice = minimal((top) => {
      top.funnels = [{ identifier: PUT, componentType: 'FUNNEL' }, { identifier: PUT, componentType: 'FUNNEL' }];
    });
    const findings = findingsIn(thrice, ['duplicate-identifier']);
    assert.strictEqual(findings.length, 2);
    for (const finding of findings) assert.match(finding.message, /which the processor "PutS3Object" in group "S3ToSqs" already uses/);
  });

  describe('connection-endpoint-missing', () => {
    it('names the connection, the end and the id, or says the id is missing', () => {
      const text = minimal((top) => {
        top.connections[1].destination.id = 'gone';
        top.connections[2].source.id = '';
      });
      assert.deepStrictEqual(messages(text, 'connection-endpoint-missing'), [
        'The connection "PutS3Object → success" in group "S3ToSqs" has a destination "gone" that matches no component in the flow. ' +
          'Reconnect its destination in NiFi and download the flow definition again, or remove the connection.',
        'The connection "PutS3Object → failure" in group "S3ToSqs" has no source id. Reconnect its source in NiFi and download the ' +
          'flow definition again, or remove the connection.',
      ]);
      const [first] = findingsIn(text, ['connection-endpoint-missing']);
      assert.strictEqual(first.componentId, TO_SUCCESS);
      assert.strictEqual(first.componentName, 'PutS3Object → success');
    });

    it('matches an end without a group id by its id alone, and an end with one only in that group', () => {
      const withoutGroup = minimal((top) => {
        delete top.connections[1].destination.groupId;
      });
      assert.deepStrictEqual(messages(withoutGroup, 'connection-endpoint-missing'), []);
      const otherGroup = minimal((top) => {
        top.connections[1].destination.groupId = 'another-group';
      });
      assert.strictEqual(messages(otherGroup, 'connection-endpoint-missing').length, 1);
    });

    it('accepts a connection to a port of a remote process group, which lists only input or only output ports', () => {
      const text = minimal((top) => {
        top.remoteProcessGroups = [
          { identifier: 'rpg-1', name: 'Remote', componentType: 'REMOTE_PROCESS_GROUP', inputPorts: [{ identifier: 'remote-in', name: 'in' }] },
          { identifier: 'rpg-2', name: 'Remote 2', componentType: 'REMOTE_PROCESS_GROUP', outputPorts: [{ identifier: 'remote-out', name: 'out' }], inputPorts: null },
        ];
        top.connections[1].destination = { id: 'remote-in', type: 'REMOTE_INPUT_PORT', groupId: 'rpg-1', name: 'in' };
        top.connections[0].source = { id: 'remote-out', type: 'REMOTE_OUTPUT_PORT', groupId: 'rpg-2', name: 'out' };
      });
      assert.deepStrictEqual(messages(text, 'connection-endpoint-missing'), []);
    });

    it('still reports an end that no remote port matches (a remote port without identifier matches nothing)', () => {
      const text = minimal((top) => {
        top.remoteProcessGroups = [{ identifier: 'rpg-1', name: 'Remote', componentType: 'REMOTE_PROCESS_GROUP', inputPorts: [{ name: 'no identifier' }] }];
        top.connections[1].destination = { id: 'unknown-port', type: 'REMOTE_INPUT_PORT', groupId: 'rpg-1', name: 'in' };
      });
      assert.strictEqual(messages(text, 'connection-endpoint-missing').length, 1);
    });
  });
});
