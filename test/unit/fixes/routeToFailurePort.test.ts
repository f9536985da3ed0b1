import * as assert from 'assert';
import { computeFix } from '../../../src/core/flow/fixes';
import * as fs from 'fs';
import * as path from 'path';
import { validateText } from '../../../src/core/flow/validate';
import { continuationIndents, indentOfLineWith, modelOf, readFixture, replaced, runFix } from './fixHelpers';

const TOP = 'aaaaaaaa-0000-0000-0000-000000000001';
const INGEST = 'bbbbbbbb-0000-0000-0000-000000000002';
const TRANSFORM = 'cccccccc-0000-0000-0000-000000000003';

// Shapes of the parsed result, enough for these assertions.
interface Port { identifier: string; name: string; groupIdentifier: string; portFunction?: string; position: { x: number; y: number } }
interface End { id: string; groupId: string; name: string; type: string }
interface Connection { identifier: string; groupIdentifier: string; source: End; destination: End; selectedRelationships: string[] }

function failurePorts(group: { outputPorts?: Port[] }): Port[] {
  return (group.outputPorts ?? []).filter((port) => port.name.toLowerCase() === 'failure');
}

describe('routeToFailurePort fix', () => {
  describe('a processor in the top group of a NiFi 2.x file (Jackson layout, 2 spaces)', () => {
    const original = readFixture('route-top-jackson.json');
    const fix = { kind: 'routeToFailurePort' as const, processorId: 'p-put', relationship: 'failure' };

    it('stops auto-terminating the relationship and connects it to a new failure port of the top group', () => {
      const { json } = runFix(original, fix);
      const top = json.flowContents;
      assert.deepStrictEqual(top.processors[0].autoTerminatedRelationships, ['success']);
      const [port] = failurePorts(top);
      assert.ok(port, 'a failure port was created');
      assert.strictEqual(port.groupIdentifier, TOP);
      assert.strictEqual(port.portFunction, 'FAILURE');
      assert.match(port.identifier, /^[0-9a-f-]{36}$/);
      assert.deepStrictEqual(port.position, { x: 400, y: 450 });
      const connections = (top.connections as Connection[]).filter((connection) => connection.destination.id === port.identifier);
      assert.strictEqual(connections.length, 1);
      assert.strictEqual(connections[0].groupIdentifier, TOP);
      assert.deepStrictEqual(connections[0].source, { id: 'p-put', groupId: TOP, name: 'Put to S3', type: 'PROCESSOR', comments: '' });
      assert.deepStrictEqual(connections[0].destination, { id: port.identifier, groupId: TOP, name: 'failure', type: 'OUTPUT_PORT', comments: '' });
      assert.deepStrictEqual(connections[0].selectedRelationships, ['failure']);
      assert.strictEqual(modelOf(runFix(original, fix).text).top.outputPorts.length, 1);
    });

    it('changes only the relationship list and the two arrays it adds to', () => {
      const { edits } = runFix(original, fix);
      assert.deepStrictEqual(replaced(original, edits), [', "failure"', '[ ]', '']);
      assert.strictEqual(edits[0].newText, '');
    });

    it('writes the new port and connection in the file\'s own layout', () => {
      const { edits } = runFix(original, fix);
      const [, port, connection] = edits.map((edit) => edit.newText);
      assert.ok(port.startsWith('[ {\n'), port);
      assert.ok(port.endsWith('\n    } ]'), port);
      assert.ok(connection.startsWith(', {\n'), connection);
      for (const inserted of [port, connection]) {
        assert.ok(!inserted.includes('": '), 'keys are followed by " : " as in the rest of the file');
        assert.ok(inserted.includes('"prioritizers" : [ ]') || !inserted.includes('prioritizers'));
      }
      // Members of the new objects line up with the members of the existing processor.
      const memberIndent = indentOfLineWith(original, '"identifier" : "p-put"');
      assert.ok(port.includes(`\n${memberIndent}"identifier" : "`));
      assert.ok(connection.includes(`\n${memberIndent}"identifier" : "`));
      for (const indent of continuationIndents(port + connection)) assert.match(indent, /^( {2})*$/);
    });

    it('has nothing left to do once applied', () => {
      const fixed = runFix(original, fix).text;
      assert.deepStrictEqual(computeFix(fixed, modelOf(fixed), fix), []);
    });
  });

  describe('a processor two groups deep (JSON.stringify layout, 4 spaces, NiFi 1.x)', () => {
    const original = readFixture('route-nested-4space.json').replace('"version": "2.0.0"', '"version": "1.23.2"');
    const fix = { kind: 'routeToFailurePort' as const, processorId: 'p-convert', relationship: 'failure' };

    it('routes through a failure port at each level up to the top group', () => {
      const { json } = runFix(original, fix);
      const top = json.flowContents;
      const ingest = top.processGroups[0];
      const transform = ingest.processGroups[0];
      assert.deepStrictEqual(transform.processors[0].autoTerminatedRelationships, []);

      const [inner] = failurePorts(transform);
      assert.ok(inner, 'the processor\'s group got a failure port');
      assert.strictEqual(inner.portFunction, undefined, 'a NiFi 1.x file gets no portFunction');
      assert.strictEqual(inner.groupIdentifier, TRANSFORM);
      const innerConnection: Connection = transform.connections[0];
      assert.deepStrictEqual([innerConnection.source.id, innerConnection.destination.id], ['p-convert', inner.identifier]);
      assert.deepStrictEqual(innerConnection.selectedRelationships, ['failure']);
      assert.strictEqual(innerConnection.groupIdentifier, TRANSFORM);

      assert.strictEqual(ingest.outputPorts.length, 1, 'the existing "Failure" port is reused');
      const middleConnection: Connection = ingest.connections[0];
      assert.deepStrictEqual(middleConnection.source, { id: inner.identifier, groupId: TRANSFORM, name: 'failure', type: 'OUTPUT_PORT', comments: '' });
      assert.deepStrictEqual(middleConnection.destination, { id: 'o-fail-1', groupId: INGEST, name: 'Failure', type: 'OUTPUT_PORT', comments: '' });
      assert.deepStrictEqual(middleConnection.selectedRelationships, ['']);
      assert.strictEqual(middleConnection.groupIdentifier, INGEST);

      const [outer] = failurePorts(top);
      assert.ok(outer, 'the top group got a failure port, in an outputPorts array it did not have');
      const topConnection: Connection = top.connections[0];
      assert.deepStrictEqual([topConnection.source.id, topConnection.source.groupId, topConnection.destination.id],
        ['o-fail-1', INGEST, outer.identifier]);
      assert.strictEqual(topConnection.groupIdentifier, TOP);
    });

    it('inserts text indented with 4 spaces, lined up with its neighbours', () => {
      const { edits } = runFix(original, fix);
      assert.strictEqual(replaced(original, edits).filter((text) => text !== '' && text !== '[]').length, 1);
      for (const edit of edits) {
        assert.ok(!edit.newText.includes(' : '), 'keys are followed by ": " as in the rest of the file');
        for (const indent of continuationIndents(edit.newText)) assert.match(indent, /^( {4})*$/);
      }
      const topMemberIndent = indentOfLineWith(original, '"processGroups": [');
      assert.ok(edits.some((edit) => edit.newText.startsWith(`,\n${topMemberIndent}"outputPorts": [\n`)));
    });

    it('keeps a route the user already made from a group\'s failure port onward', () => {
      const routed = JSON.parse(original);
      routed.flowContents.funnels = [{ identifier: 'funnel-1', componentType: 'FUNNEL', groupIdentifier: TOP }];
      routed.flowContents.connections = [{
        identifier: 'c-onward', groupIdentifier: TOP, selectedRelationships: [''],
        source: { id: 'o-fail-1', groupId: INGEST, name: 'Failure', type: 'OUTPUT_PORT' },
        destination: { id: 'funnel-1', groupId: TOP, name: 'Funnel', type: 'FUNNEL' },
      }];
      const text = JSON.stringify(routed, null, 4);
      const { json } = runFix(text, fix);
      assert.strictEqual(json.flowContents.outputPorts, undefined, 'no port is added to the top group');
      assert.strictEqual(json.flowContents.connections.length, 1);
      assert.strictEqual(json.flowContents.processGroups[0].connections.length, 1);
    });
  });

  describe('a relationship joining a connection that already leads to the failure port (tabs, CRLF)', () => {
    const original = readFixture('route-existing-tabs-crlf.json');
    const fix = { kind: 'routeToFailurePort' as const, processorId: 'p-call', relationship: 'No Retry' };

    it('adds the relationship to that connection rather than making another', () => {
      const { json, edits } = runFix(original, fix);
      const top = json.flowContents;
      assert.deepStrictEqual(top.processors[0].autoTerminatedRelationships, ['Original']);
      assert.strictEqual(top.connections.length, 1);
      assert.strictEqual(top.outputPorts.length, 1);
      assert.deepStrictEqual(top.connections[0].selectedRelationships, ['Retry', 'No Retry']);
      assert.strictEqual(edits.length, 2);
    });

    it('keeps tabs and CRLF line ends', () => {
      const { edits } = runFix(original, fix);
      assert.deepStrictEqual(replaced(original, edits), [',\r\n\t\t\t\t\t"No Retry"', '']);
      assert.strictEqual(edits[1].newText, ',\r\n\t\t\t\t\t"No Retry"');
    });

    it('changes nothing for an identifier that is not a processor of the file', () => {
      const text = original;
      assert.deepStrictEqual(computeFix(text, modelOf(text), { ...fix, processorId: 'o-fail' }), []);
    });
  });

  it('writes a new connection and port in a tab-indented file with tabs and CRLF only', () => {
    const original = readFixture('route-existing-tabs-crlf.json');
    const { edits, json } = runFix(original, { kind: 'routeToFailurePort', processorId: 'p-call', relationship: 'Original' });
    assert.deepStrictEqual(json.flowContents.connections[0].selectedRelationships, ['Retry', 'Original']);
    const separate = readFixture('route-existing-tabs-crlf.json').replace('"name": "FAILURE"', '"name": "errors"')
      .replace(/"name": "FAILURE"/g, '"name": "errors"');
    const created = runFix(separate, { kind: 'routeToFailurePort', processorId: 'p-call', relationship: 'Original' });
    assert.strictEqual(created.json.flowContents.outputPorts.length, 2);
    assert.strictEqual(created.json.flowContents.connections.length, 2);
    for (const edit of [...edits, ...created.edits]) {
      assert.ok(!/[^\r]\n/.test(edit.newText), 'every line break is CRLF');
      for (const indent of continuationIndents(edit.newText)) assert.match(indent, /^\t*$/);
    }
  });

  describe('a group whose "failure" output port allows remote access', () => {
    const nested = JSON.parse(readFixture('route-nested-4space.json'));
    const remoteFailure = { identifier: 'o-remote', name: 'failure', type: 'OUTPUT_PORT', componentType: 'OUTPUT_PORT', allowRemoteAccess: true, groupIdentifier: TRANSFORM };
    nested.flowContents.processGroups[0].processGroups[0].outputPorts = [remoteFailure];
    const original = JSON.stringify(nested, null, 4);
    const fix = { kind: 'routeToFailurePort' as const, processorId: 'p-convert', relationship: 'failure' };

    it('adds a local port under a name NiFi accepts beside it, and routes it onward', () => {
      const { json } = runFix(original, fix);
      const transform = json.flowContents.processGroups[0].processGroups[0];
      assert.deepStrictEqual(transform.outputPorts.map((port: Port & { allowRemoteAccess: boolean }) => [port.name, port.allowRemoteAccess]),
        [['failure', true], ['failure 2', false]]);
      const added = transform.outputPorts[1];
      assert.deepStrictEqual(transform.connections.map((connection: Connection) => connection.destination.id), [added.identifier]);
      const middle: Connection = json.flowContents.processGroups[0].connections[0];
      assert.deepStrictEqual([middle.source.id, middle.source.name], [added.identifier, 'failure 2']);
    });

    it('shares that port with the next fix in the group', () => {
      const once = runFix(original, fix).text;
      const twice = runFix(once, { ...fix, relationship: 'Original' }).json;
      const transform = twice.flowContents.processGroups[0].processGroups[0];
      assert.strictEqual(transform.outputPorts.length, 2);
      assert.deepStrictEqual(transform.connections[0].selectedRelationships, ['failure', 'Original']);
      // The connections onward from ports already carry everything: a port has no relationships to select.
      const onward = [...twice.flowContents.processGroups[0].connections, ...twice.flowContents.connections] as Connection[];
      assert.deepStrictEqual(onward.map((connection) => connection.selectedRelationships), [[''], ['']]);
    });

    it('takes the next free name when "failure 2" allows remote access too', () => {
      const both = JSON.parse(original);
      both.flowContents.processGroups[0].processGroups[0].outputPorts.push({ ...remoteFailure, identifier: 'o-remote-2', name: 'Failure 2' });
      const { json } = runFix(JSON.stringify(both, null, 4), fix);
      assert.deepStrictEqual(json.flowContents.processGroups[0].processGroups[0].outputPorts.map((port: Port) => port.name), ['failure', 'Failure 2', 'failure 3']);
    });

    it('uses the top group\'s own remote "failure" port, which DataFlow Functions knows by its name', () => {
      const top = JSON.parse(readFixture('route-top-jackson.json'));
      top.flowContents.outputPorts = [{ ...remoteFailure, identifier: 'o-top-remote', groupIdentifier: TOP }];
      const text = JSON.stringify(top, null, 2);
      const { json } = runFix(text, { kind: 'routeToFailurePort', processorId: 'p-put', relationship: 'failure' });
      assert.strictEqual(json.flowContents.outputPorts.length, 1);
      assert.strictEqual(json.flowContents.connections[1].destination.id, 'o-top-remote');
    });
  });

  describe('the NiFi version and the fields of the file\'s components', () => {
    it('marks every new port FAILURE in a NiFi 2.x file that had no ports, and none in a file that does not say its version', () => {
      const bare = JSON.parse(readFixture('route-nested-4space.json'));
      bare.flowContents.inputPorts = [];
      bare.flowContents.processGroups[0].outputPorts = [];
      const fix = { kind: 'routeToFailurePort' as const, processorId: 'p-convert', relationship: 'failure' };
      const { json } = runFix(JSON.stringify(bare, null, 4), fix);
      const ports = [json.flowContents, json.flowContents.processGroups[0], json.flowContents.processGroups[0].processGroups[0]]
        .map((group) => group.outputPorts[0] as Port);
      assert.deepStrictEqual(ports.map((port) => [port.name, port.portFunction]), [['failure', 'FAILURE'], ['failure', 'FAILURE'], ['failure', 'FAILURE']]);
      delete bare.flowContents.processGroups[0].processGroups[0].processors[0].bundle;
      const unknown = runFix(JSON.stringify(bare, null, 4), fix).json;
      assert.strictEqual(unknown.flowContents.outputPorts[0].portFunction, undefined);
    });

    it('writes the fields and order of the file\'s own ports and connections, with instance identifiers on ends as its siblings do', () => {
      const sample = fs.readFileSync(path.resolve(__dirname, '../../../../samples/broken-failure-auto-terminated.json'), 'utf8');
      const flow = JSON.parse(sample);
      for (const connection of flow.flowContents.connections) {
        connection.source.instanceIdentifier = `instance-of-${connection.source.id}`;
        connection.destination.instanceIdentifier = `instance-of-${connection.destination.id}`;
      }
      const text = JSON.stringify(flow, null, 2);
      const send = flow.flowContents.processors[2];
      const { json } = runFix(text, { kind: 'routeToFailurePort', processorId: send.identifier, relationship: 'failure' });
      const before = flow.flowContents.connections[0];
      const added = json.flowContents.connections[json.flowContents.connections.length - 1];
      assert.deepStrictEqual(Object.keys(added), Object.keys(before));
      assert.match(added.instanceIdentifier, /^[0-9a-f-]{36}$/);
      assert.notStrictEqual(added.instanceIdentifier, added.identifier);
      assert.strictEqual(added.partitioningAttribute, '');
      assert.deepStrictEqual(Object.keys(added.source), Object.keys(before.source));
      assert.strictEqual(added.source.instanceIdentifier, send.instanceIdentifier);
      const failure = flow.flowContents.outputPorts.find((port: Port) => port.name === 'failure');
      assert.deepStrictEqual([added.destination.id, added.destination.instanceIdentifier], [failure.identifier, failure.instanceIdentifier]);
      const after = validateText(JSON.stringify(json, null, 2)).findings;
      assert.deepStrictEqual(after.filter((finding) => finding.severity === 'error').map((finding) => finding.code), []);
    });

    it('writes a new port as the file\'s ports are written, and NiFi\'s full port where the file has none', () => {
      const withPorts = readFixture('route-top-jackson.json');
      const { json } = runFix(withPorts, { kind: 'routeToFailurePort', processorId: 'p-put', relationship: 'failure' });
      const sibling = JSON.parse(withPorts).flowContents.inputPorts[0];
      assert.deepStrictEqual(Object.keys(json.flowContents.outputPorts[0]), Object.keys(sibling));
      assert.strictEqual(json.flowContents.outputPorts[0].comments, '');
      const canvas = JSON.parse(withPorts);
      canvas.flowContents.instanceIdentifier = 'top-instance';
      canvas.flowContents.inputPorts = [];
      canvas.flowContents.connections = [];
      const full = runFix(JSON.stringify(canvas, null, 2), { kind: 'routeToFailurePort', processorId: 'p-put', relationship: 'failure' }).json;
      assert.deepStrictEqual(Object.keys(full.flowContents.outputPorts[0]), [
        'identifier', 'instanceIdentifier', 'name', 'comments', 'position', 'type', 'concurrentlySchedulableTaskCount', 'scheduledState',
        'allowRemoteAccess', 'portFunction', 'componentType', 'groupIdentifier',
      ]);
      assert.deepStrictEqual(Object.keys(full.flowContents.connections[0]), [
        'identifier', 'instanceIdentifier', 'name', 'source', 'destination', 'labelIndex', 'zIndex', 'selectedRelationships',
        'backPressureObjectThreshold', 'backPressureDataSizeThreshold', 'flowFileExpiration', 'prioritizers', 'bends',
        'loadBalanceStrategy', 'partitioningAttribute', 'loadBalanceCompression', 'componentType', 'groupIdentifier',
      ]);
      assert.deepStrictEqual(Object.keys(full.flowContents.connections[0].source), ['id', 'type', 'groupId', 'name', 'comments']);
    });
  });
});
