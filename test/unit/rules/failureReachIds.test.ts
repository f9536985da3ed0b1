// Which components the Flow Preview marks as on a path to a failure port (idsReachingFailurePort):
// the ports themselves, what feeds them directly or through others, and nothing past a disabled
// processor or a connection without ends.
import * as assert from 'assert';
import { idsReachingFailurePort, topFailurePorts } from '../../../src/core/flow/rules/failureReach';
import { modelOf } from '../fixes/fixHelpers';
import { editedFlow } from './ruleFixtures';

const TOP = '5f1c2a3b-0000-3000-8000-000000000001';
const PUT = '5f1c2a3b-0000-3000-8000-000000000010';
const INPUT = '5f1c2a3b-0000-3000-8000-000000000020';
const FAILURE = '5f1c2a3b-0000-3000-8000-000000000031';

function processor(id: string, scheduledState = 'ENABLED'): object {
  return {
    identifier: id, name: id, type: 'org.apache.nifi.processors.standard.LogAttribute', properties: {}, scheduledState,
    autoTerminatedRelationships: [], componentType: 'PROCESSOR', groupIdentifier: TOP,
  };
}

function connection(id: string, source: string, destination: string, relationships = ['success']): object {
  return {
    identifier: id, name: '', selectedRelationships: relationships, componentType: 'CONNECTION', groupIdentifier: TOP,
    source: { id: source, groupId: TOP, name: source, type: 'PROCESSOR' },
    destination: { id: destination, groupId: TOP, name: destination, type: 'PROCESSOR' },
  };
}

function reaching(edit: (top: any) => void, failurePorts?: string[]): string[] {
  const text = editedFlow('valid-minimal.json', (flow) => edit(flow.flowContents));
  const model = modelOf(text);
  return [...idsReachingFailurePort(model, topFailurePorts(model, { failurePorts }))].sort();
}

describe('components on a path to a failure port', () => {
  it('are the failure ports and everything that feeds one, directly or through others', () => {
    assert.deepStrictEqual(reaching(() => undefined), [PUT, INPUT, FAILURE].sort());
  });

  it('stop at a disabled processor, and leave out what only feeds the success port', () => {
    assert.deepStrictEqual(reaching((top) => {
      top.processors.push(processor('disabled', 'DISABLED'), processor('feeds-disabled'), processor('feeds-success'));
      top.connections.push(connection('c1', 'disabled', FAILURE, ['failure']), connection('c2', 'feeds-disabled', 'disabled'),
        connection('c3', 'feeds-success', '5f1c2a3b-0000-3000-8000-000000000030'));
    }), [PUT, INPUT, FAILURE].sort());
  });

  it('include a failure port nothing is connected to yet', () => {
    assert.deepStrictEqual(reaching((top) => {
      top.outputPorts.push({ ...top.outputPorts[1], identifier: 'dead-letters', name: 'dead letters' });
    }, ['dead letters']), [PUT, INPUT, FAILURE, 'dead-letters'].sort());
  });

  it('skip a connection without ends, and count a port listed as a failure port', () => {
    assert.deepStrictEqual(reaching((top) => {
      top.processors.push(processor('lonely'));
      top.connections.push(connection('c1', '', FAILURE), connection('c2', 'lonely', ''));
      top.outputPorts[0].name = 'errors';
    }, ['errors']), [PUT, INPUT, FAILURE, '5f1c2a3b-0000-3000-8000-000000000030'].sort());
  });
});
