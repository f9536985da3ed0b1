// What the rename fixes change, and when they change nothing: renamePort (the port and the
// connections' copies of its name) and renameContext (its key, name, users and heirs).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { FixSpec } from '../../../src/core/flow/finding';
import { computeFix } from '../../../src/core/flow/fixes';
import { modelOf, runFix } from './fixHelpers';

const INPUT = '5f1c2a3b-0000-3000-8000-000000000020';
const SUCCESS = '5f1c2a3b-0000-3000-8000-000000000030';

function minimal(edit: (flow: any) => void): string {
  const flow = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../test/fixtures/flows/valid-minimal.json'), 'utf8'));
  edit(flow);
  return JSON.stringify(flow, null, 2);
}

function noEdits(text: string, fix: FixSpec): void {
  assert.deepStrictEqual(computeFix(text, modelOf(text), fix), [], JSON.stringify(fix));
}

describe('renamePort fix', () => {
  const rename = (portId: string, newName: string): FixSpec => ({ kind: 'renamePort', portId, newName });

  it('renames the port and the copies of its name that connections to it carry, beside another port of another name', () => {
    const text = minimal(() => undefined);
    const { json, edits } = runFix(text, rename(SUCCESS, 'result'));
    const top = json.flowContents;
    assert.deepStrictEqual(top.outputPorts.map((port: { name: string }) => port.name), ['result', 'failure']);
    assert.deepStrictEqual(top.connections.map((connection: any) => [connection.source.name, connection.destination.name]),
      [['input', 'PutS3Object'], ['PutS3Object', 'result'], ['PutS3Object', 'failure']]);
    assert.strictEqual(edits.length, 2);
  });

  it('renames the copies in connections from a child group\'s port, and leaves a copy that holds another name', () => {
    const text = minimal((flow) => {
      const top = flow.flowContents;
      const child = {
        identifier: 'child', name: 'Child', componentType: 'PROCESS_GROUP', processors: [], inputPorts: [], connections: [],
        outputPorts: [{ identifier: 'child-out', name: 'errors', type: 'OUTPUT_PORT', componentType: 'OUTPUT_PORT', groupIdentifier: 'child' }],
      };
      top.processGroups = [child];
      const from = (name: string) => ({
        ...top.connections[2], identifier: `from-${name}`,
        source: { id: 'child-out', type: 'OUTPUT_PORT', groupId: 'child', name, comments: '' }, selectedRelationships: [''],
      });
      top.connections.push(from('errors'), from('stale name'));
      // And a connection into the child's port whose copy of the name is stale too.
      top.connections.push({ ...top.connections[2], identifier: 'into-child', destination: { id: 'child-out', type: 'OUTPUT_PORT', groupId: 'child', name: 'old name', comments: '' } });
    });
    const { json } = runFix(text, rename('child-out', 'failure'));
    assert.strictEqual(json.flowContents.processGroups[0].outputPorts[0].name, 'failure');
    assert.deepStrictEqual(json.flowContents.connections.slice(3, 5).map((connection: any) => connection.source.name), ['failure', 'stale name']);
    assert.strictEqual(json.flowContents.connections[5].destination.name, 'old name');
  });

  it('changes only the case of a name, and leaves the copies of a processor\'s name that happens to be the port\'s', () => {
    const text = minimal((flow) => {
      const top = flow.flowContents;
      top.processors[0].name = 'failure';
      for (const connection of top.connections) {
        if (connection.source.id === top.processors[0].identifier) connection.source.name = 'failure';
        if (connection.destination.id === top.processors[0].identifier) connection.destination.name = 'failure';
      }
    });
    const { json } = runFix(text, rename('5f1c2a3b-0000-3000-8000-000000000031', 'FAILURE'));
    const top = json.flowContents;
    assert.deepStrictEqual(top.outputPorts.map((port: { name: string }) => port.name), ['success', 'FAILURE']);
    assert.deepStrictEqual(top.connections.map((connection: any) => [connection.source.name, connection.destination.name]),
      [['input', 'failure'], ['failure', 'success'], ['failure', 'FAILURE']]);
  });

  it('changes nothing for an input port, a port that has the name already, or a name another port has in any case', () => {
    const text = minimal(() => undefined);
    noEdits(text, rename(INPUT, 'renamed'));
    noEdits(text, rename(SUCCESS, 'success'));
    noEdits(text, rename(SUCCESS, 'FAILURE'));
    noEdits(text, rename('no-such-port', 'renamed'));
  });
});

describe('renameContext fix', () => {
  const rename = (contextName: string, newName: string): FixSpec => ({ kind: 'renameContext', contextName, newName });

  it('renames the heirs\' references written as names or as {"name"} objects, and no other', () => {
    const text = minimal((flow) => {
      flow.parameterContexts.Heir = {
        name: 'Heir', parameters: [],
        inheritedParameterContexts: ['S3ToSqsParams', { name: 'S3ToSqsParams' }, { name: 'Other' }, null, 'Other'],
      };
      flow.parameterContexts.Other = { name: 'Other', parameters: [] };
    });
    const { json } = runFix(text, rename('S3ToSqsParams', 'Landing'));
    assert.deepStrictEqual(Object.keys(json.parameterContexts), ['Landing', 'Heir', 'Other']);
    assert.strictEqual(json.parameterContexts.Landing.name, 'Landing');
    assert.strictEqual(json.flowContents.parameterContextName, 'Landing');
    assert.deepStrictEqual(json.parameterContexts.Heir.inheritedParameterContexts, ['Landing', { name: 'Landing' }, { name: 'Other' }, null, 'Other']);
  });

  it('renames the key of a context written without a "name" member, adding none', () => {
    const text = minimal((flow) => {
      delete flow.parameterContexts.S3ToSqsParams.name;
      delete flow.parameterContexts.S3ToSqsParams.inheritedParameterContexts;
    });
    const { json } = runFix(text, rename('S3ToSqsParams', 'Landing'));
    assert.deepStrictEqual(Object.keys(json.parameterContexts), ['Landing']);
    assert.ok(!('name' in json.parameterContexts.Landing));
    assert.strictEqual(json.flowContents.parameterContextName, 'Landing');
  });

  it('changes nothing for an empty or unchanged name, a missing context, or a name another context\'s key holds', () => {
    const text = minimal((flow) => {
      flow.parameterContexts['taken-key'] = { name: 'Taken', parameters: [] };
    });
    noEdits(text, rename('S3ToSqsParams', ''));
    noEdits(text, rename('S3ToSqsParams', 'S3ToSqsParams'));
    noEdits(text, rename('Missing', 'Landing'));
    noEdits(text, rename('S3ToSqsParams', 'taken-key'));
    noEdits(text, rename('S3ToSqsParams', 'Taken'));
  });

  it('renames only the groups that use the context', () => {
    const text = minimal((flow) => {
      flow.parameterContexts.Other = { name: 'Other', parameters: [] };
      flow.flowContents.processGroups = [{ identifier: 'child', name: 'Child', componentType: 'PROCESS_GROUP', parameterContextName: 'Other' }];
    });
    const { json } = runFix(text, rename('S3ToSqsParams', 'Landing'));
    assert.strictEqual(json.flowContents.parameterContextName, 'Landing');
    assert.strictEqual(json.flowContents.processGroups[0].parameterContextName, 'Other');
  });
});

describe('renameParameter fix at its edges', () => {
  const rename = (contextName: string, parameterName: string, newName: string): FixSpec => ({ kind: 'renameParameter', contextName, parameterName, newName });

  it('reads a run schedule without Expression Language: a reference inside quotes there is renamed too', () => {
    const text = minimal((flow) => {
      const [put] = flow.flowContents.processors;
      put.schedulingPeriod = "${literal('#{S3_BUCKET}')}";
      put.properties['Object Key'] = "${literal('#{S3_BUCKET}')}";
    });
    const { json } = runFix(text, rename('S3ToSqsParams', 'S3_BUCKET', 'BUCKET'));
    const [put] = json.flowContents.processors;
    assert.strictEqual(put.schedulingPeriod, "${literal('#{BUCKET}')}");
    assert.strictEqual(put.properties['Object Key'], "${literal('#{S3_BUCKET}')}", 'in a property it is an expression\'s text');
    assert.strictEqual(put.properties.Bucket, '#{BUCKET}');
  });

  it('changes nothing for a context or parameter that is gone, an empty or unchanged name, or a name the context has', () => {
    const text = minimal(() => undefined);
    noEdits(text, rename('Gone', 'S3_BUCKET', 'BUCKET'));
    noEdits(text, rename('S3ToSqsParams', 'GONE', 'BUCKET'));
    noEdits(text, rename('S3ToSqsParams', 'S3_BUCKET', ''));
    noEdits(text, rename('S3ToSqsParams', 'S3_BUCKET', 'S3_BUCKET'));
    noEdits(text, rename('S3ToSqsParams', 'S3_BUCKET', 'S3_REGION'));
  });
});

describe('makePortLocal fix', () => {
  it('changes nothing for an output port that allows remote access', () => {
    const text = minimal((flow) => {
      flow.flowContents.outputPorts[0].allowRemoteAccess = true;
    });
    noEdits(text, { kind: 'makePortLocal', portId: SUCCESS });
  });
});
