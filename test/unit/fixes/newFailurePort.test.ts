// What the failure port fixes write: every value of the port and connection they add (as NiFi
// writes them), where the port goes, which port function it gets, and how several routes share it.
import * as assert from 'assert';
import { runFix, readFixture } from './fixHelpers';

const TOP = 'aaaaaaaa-0000-0000-0000-000000000001';
const ROUTE = { kind: 'routeToFailurePort' as const, processorId: 'p-put', relationship: 'failure' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** route-top-jackson.json (NiFi 2.x, one processor "Put to S3" auto-terminating failure), changed. */
function topFlow(edit: (top: any, flow: any) => void): string {
  const flow = JSON.parse(readFixture('route-top-jackson.json'));
  edit(flow.flowContents, flow);
  return JSON.stringify(flow, null, 2);
}

describe('the port and connection a failure fix adds', () => {
  it('writes NiFi\'s full port and connection, with every value, where the file has no sibling to copy', () => {
    const text = topFlow((top) => {
      top.instanceIdentifier = 'top-instance';
      top.inputPorts = [];
      top.connections = [];
      top.processors[0].instanceIdentifier = 'put-instance';
    });
    const { json } = runFix(text, ROUTE);
    const [port] = json.flowContents.outputPorts;
    assert.match(port.identifier, UUID);
    assert.match(port.instanceIdentifier, UUID);
    assert.notStrictEqual(port.instanceIdentifier, port.identifier);
    assert.deepStrictEqual({ ...port, identifier: 'id', instanceIdentifier: 'instance' }, {
      identifier: 'id', instanceIdentifier: 'instance', name: 'failure', comments: '', position: { x: 400, y: 450 }, type: 'OUTPUT_PORT',
      concurrentlySchedulableTaskCount: 1, scheduledState: 'ENABLED', allowRemoteAccess: false, portFunction: 'FAILURE',
      componentType: 'OUTPUT_PORT', groupIdentifier: TOP,
    });
    const [connection] = json.flowContents.connections;
    assert.match(connection.identifier, UUID);
    assert.match(connection.instanceIdentifier, UUID);
    assert.deepStrictEqual({ ...connection, identifier: 'id', instanceIdentifier: 'instance' }, {
      identifier: 'id', instanceIdentifier: 'instance', name: '',
      source: { id: 'p-put', type: 'PROCESSOR', groupId: TOP, name: 'Put to S3', comments: '', instanceIdentifier: 'put-instance' },
      destination: { id: port.identifier, type: 'OUTPUT_PORT', groupId: TOP, name: 'failure', comments: '', instanceIdentifier: port.instanceIdentifier },
      labelIndex: 1, zIndex: 0, selectedRelationships: ['failure'], backPressureObjectThreshold: 10000,
      backPressureDataSizeThreshold: '1 GB', flowFileExpiration: '0 sec', prioritizers: [], bends: [],
      loadBalanceStrategy: 'DO_NOT_LOAD_BALANCE', partitioningAttribute: '', loadBalanceCompression: 'DO_NOT_COMPRESS',
      componentType: 'CONNECTION', groupIdentifier: TOP,
    });
  });

  it('gives new components no instance identifier in a file whose components have none', () => {
    const text = topFlow((top) => {
      top.inputPorts = [];
      top.connections = [];
    });
    const { json } = runFix(text, ROUTE);
    const [port] = json.flowContents.outputPorts;
    const [connection] = json.flowContents.connections;
    assert.ok(!('instanceIdentifier' in port), 'the port has none');
    assert.ok(!('instanceIdentifier' in connection.source) && !('instanceIdentifier' in connection.destination), 'the ends have none');
  });

  it('judges by the first component of the file: an instance identifier there means the file is a canvas export', () => {
    const text = topFlow((top) => {
      top.inputPorts = [];
      top.connections = [];
      top.processors[0].instanceIdentifier = 'put-instance';
    });
    const { json } = runFix(text, ROUTE);
    assert.match(json.flowContents.outputPorts[0].instanceIdentifier, UUID);
  });

  it('leaves out the optional fields its siblings do not carry, and keeps the ones NiFi requires', () => {
    const text = topFlow((top) => {
      // A port without "comments" and "position", a connection without "partitioningAttribute" or "name".
      const [input] = top.inputPorts;
      delete input.comments;
      delete input.position;
      const [connection] = top.connections;
      delete connection.partitioningAttribute;
      delete connection.name;
      delete connection.source.comments;
    });
    const { json } = runFix(text, ROUTE);
    const port = json.flowContents.outputPorts[0];
    assert.ok(!('comments' in port), 'no comments, as its siblings');
    assert.deepStrictEqual(port.position, { x: 400, y: 450 }, 'the position stays: NiFi needs it');
    const added = json.flowContents.connections[1];
    assert.ok(!('partitioningAttribute' in added));
    assert.ok(!('instanceIdentifier' in added), 'nor an instance identifier, which a registry export does not write');
    assert.strictEqual(added.name, '', 'the name stays');
    assert.ok(!('comments' in added.source) && !('comments' in added.destination));
  });

  it('marks a new port STANDARD in a group that has a FAILURE port under another name', () => {
    const text = topFlow((top) => {
      top.outputPorts = [{ ...top.inputPorts[0], identifier: 'o-errors', name: 'errors', type: 'OUTPUT_PORT', componentType: 'OUTPUT_PORT', portFunction: 'FAILURE' }];
    });
    const { json } = runFix(text, ROUTE);
    const added = json.flowContents.outputPorts.find((port: { name: string }) => port.name === 'failure');
    assert.strictEqual(added.portFunction, 'STANDARD');
  });

  it('marks ports FAILURE in a file that says no version but writes a port function on one of its ports', () => {
    const text = topFlow((top) => {
      delete top.processors[0].bundle;
    });
    const { json } = runFix(text, ROUTE);
    assert.strictEqual(json.flowContents.outputPorts[0].portFunction, 'FAILURE');
    const plain = topFlow((top) => {
      delete top.processors[0].bundle;
      delete top.inputPorts[0].portFunction;
    });
    assert.ok(!('portFunction' in runFix(plain, ROUTE).json.flowContents.outputPorts[0]));
  });

  it('removes both copies from a list of two', () => {
    const text = topFlow((top) => {
      top.processors[0].autoTerminatedRelationships = ['failure', 'failure'];
    });
    assert.deepStrictEqual(runFix(text, ROUTE).json.flowContents.processors[0].autoTerminatedRelationships, []);
  });

  it('gives the new port an instance identifier when the file\'s ports have one, though its processors have none', () => {
    const text = topFlow((top) => {
      top.inputPorts[0].instanceIdentifier = 'input-instance';
    });
    const [port] = runFix(text, ROUTE).json.flowContents.outputPorts;
    assert.match(port.instanceIdentifier, UUID);
  });

  it('marks the new port FAILURE beside a STANDARD output port', () => {
    const text = topFlow((top) => {
      top.outputPorts = [{ ...top.inputPorts[0], identifier: 'o-success', name: 'success', type: 'OUTPUT_PORT', componentType: 'OUTPUT_PORT', portFunction: 'STANDARD' }];
    });
    const added = runFix(text, ROUTE).json.flowContents.outputPorts.find((port: { name: string }) => port.name === 'failure');
    assert.strictEqual(added.portFunction, 'FAILURE');
  });

  it('removes every copy of the relationship from the auto-terminated list, and nothing else', () => {
    const text = topFlow((top) => {
      top.processors[0].autoTerminatedRelationships = ['failure', 'success', 'failure', 'retry', 'failure'];
    });
    const { json } = runFix(text, ROUTE);
    assert.deepStrictEqual(json.flowContents.processors[0].autoTerminatedRelationships, ['success', 'retry']);
  });
});

describe('routing through existing ports and connections', () => {
  it('only stops auto-terminating a relationship the connection to the failure port carries already', () => {
    const original = readFixture('route-existing-tabs-crlf.json');
    const flow = JSON.parse(original);
    flow.flowContents.processors[0].autoTerminatedRelationships = ['Original', 'Retry'];
    const { json } = runFix(JSON.stringify(flow, null, '\t'), { kind: 'routeToFailurePort', processorId: 'p-call', relationship: 'Retry' });
    assert.deepStrictEqual(json.flowContents.processors[0].autoTerminatedRelationships, ['Original']);
    assert.deepStrictEqual(json.flowContents.connections.map((connection: any) => connection.selectedRelationships), [['Retry']]);
  });

  it('adds a local port beside a remote "failure" port in a child group, rather than use another local port', () => {
    const flow = JSON.parse(readFixture('route-nested-4space.json'));
    const transform = flow.flowContents.processGroups[0].processGroups[0];
    const port = (identifier: string, name: string, allowRemoteAccess: boolean) =>
      ({ identifier, name, type: 'OUTPUT_PORT', componentType: 'OUTPUT_PORT', allowRemoteAccess, groupIdentifier: transform.identifier });
    transform.outputPorts = [port('t-remote', 'failure', true), port('t-out', 'out', false)];
    const { json } = runFix(JSON.stringify(flow, null, 4), { kind: 'routeToFailurePort', processorId: 'p-convert', relationship: 'failure' });
    const after = json.flowContents.processGroups[0].processGroups[0];
    assert.deepStrictEqual(after.outputPorts.map((item: { name: string }) => item.name), ['failure', 'out', 'failure 2']);
    assert.strictEqual(after.connections[0].destination.name, 'failure 2');
  });

  it('continues from a child\'s existing failure port when the parent\'s connections leave from elsewhere', () => {
    const flow = JSON.parse(readFixture('route-nested-4space.json'));
    const top = flow.flowContents;
    top.funnels = [{ identifier: 'funnel-1', componentType: 'FUNNEL', groupIdentifier: TOP }];
    top.connections = [{
      identifier: 'c-in', groupIdentifier: TOP, selectedRelationships: [''],
      source: { id: 'i-event', groupId: TOP, name: 'event', type: 'INPUT_PORT' },
      destination: { id: 'funnel-1', groupId: TOP, name: 'Funnel', type: 'FUNNEL' },
    }];
    const { json } = runFix(JSON.stringify(flow, null, 4), { kind: 'routeToFailurePort', processorId: 'p-convert', relationship: 'failure' });
    const [port] = json.flowContents.outputPorts;
    assert.strictEqual(port.name, 'failure');
    assert.deepStrictEqual(json.flowContents.connections.map((connection: any) => [connection.source.id, connection.destination.id]),
      [['i-event', 'funnel-1'], ['o-fail-1', port.identifier]]);
  });
});

describe('Add a failure output port', () => {
  it('places the port left of and below everything in the top group, or at the origin in an empty group', () => {
    // Processors without error relationships: the port is added alone, connected to nothing.
    const text = topFlow((top) => {
      top.processors[0].type = 'org.apache.nifi.processors.standard.LogAttribute';
      top.processors[0].autoTerminatedRelationships = ['success'];
      top.processors.push({ ...top.processors[0], identifier: 'p-2', name: 'Second', position: { x: 900, y: 700 } });
      top.processors.push({ ...top.processors[0], identifier: 'p-3', name: 'Third', position: { x: -50, y: 100 } });
    });
    const { json } = runFix(text, { kind: 'addFailurePort' });
    assert.deepStrictEqual(json.flowContents.outputPorts.map((port: { name: string; position: unknown }) => [port.name, port.position]),
      [['failure', { x: -50, y: 950 }]]);
    const empty = topFlow((top) => {
      top.processors = [];
      top.connections = [];
    });
    assert.deepStrictEqual(runFix(empty, { kind: 'addFailurePort' }).json.flowContents.outputPorts[0].position, { x: 0, y: 250 });
  });

  it('leaves alone an error relationship connected elsewhere, whichever of the processor\'s connections carries it', () => {
    const text = topFlow((top) => {
      top.processors[0].autoTerminatedRelationships = ['success'];
      top.processors.push({ ...top.processors[0], identifier: 'p-log', name: 'Log', type: 'org.apache.nifi.processors.standard.LogAttribute' });
      const [existing] = top.connections;
      const from = (id: string, relationships: string[]) => ({
        ...existing, identifier: id, selectedRelationships: relationships,
        source: { ...existing.source, id: 'p-put', name: 'Put to S3', type: 'PROCESSOR' },
        destination: { ...existing.destination, id: 'p-log', name: 'Log', type: 'PROCESSOR' },
      });
      top.connections.push(from('c-failure', ['failure']), from('c-other', ['success']));
    });
    const { json } = runFix(text, { kind: 'addFailurePort' });
    assert.deepStrictEqual(json.flowContents.outputPorts.map((port: { name: string }) => port.name), ['failure']);
    assert.strictEqual(json.flowContents.connections.length, 3, 'the port is added alone: the failure goes to the logger already');
  });

  it('routes the unhandled errors of several processors to the one port it adds', () => {
    const text = topFlow((top) => {
      top.processors.push({ ...top.processors[0], identifier: 'p-2', name: 'Second', autoTerminatedRelationships: ['failure'] });
    });
    const { json } = runFix(text, { kind: 'addFailurePort' });
    const ports = json.flowContents.outputPorts;
    assert.deepStrictEqual(ports.map((port: { name: string }) => port.name), ['failure']);
    const into = json.flowContents.connections.filter((connection: any) => connection.destination.id === ports[0].identifier);
    assert.deepStrictEqual(into.map((connection: any) => [connection.source.id, connection.selectedRelationships]),
      [['p-put', ['failure']], ['p-2', ['failure']]]);
  });
});
