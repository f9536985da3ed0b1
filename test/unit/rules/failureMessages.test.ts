// What the failure findings say, word for word, and whom they name: the processor, the relationship,
// where the path goes, the failure ports; counts in the singular and the plural; the related places.
import * as assert from 'assert';
import type { ValidationOptions } from '../../../src/core/flow/options';
import { editedFlow, findingsIn, token } from './ruleFixtures';

const TOP = '5f1c2a3b-0000-3000-8000-000000000001';
const PUT = '5f1c2a3b-0000-3000-8000-000000000010';

/** The minimal valid flow ("PutS3Object" routes failure to the "failure" port), changed. */
function minimal(edit: (top: any) => void): string {
  return editedFlow('valid-minimal.json', (flow) => edit(flow.flowContents));
}

function logger(id: string, name: string, scheduledState = 'ENABLED'): object {
  return {
    identifier: id, name, type: 'org.apache.nifi.processors.standard.LogAttribute', properties: {}, propertyDescriptors: {},
    autoTerminatedRelationships: ['success'], scheduledState, componentType: 'PROCESSOR', groupIdentifier: TOP,
  };
}

/** The "failure" connection of PutS3Object sent to `destination` instead of the failure port. */
function failureTo(top: any, destination: { id: string; name: string }): void {
  top.connections[2].destination = { id: destination.id, type: 'PROCESSOR', groupId: TOP, name: destination.name, comments: '' };
}

function only(text: string, code: string, options: ValidationOptions = {}) {
  const findings = findingsIn(text, [code], options);
  assert.strictEqual(findings.length, 1, `one ${code}`);
  return findings[0];
}

describe('failure finding messages', () => {
  it('failure-auto-terminated names the processor and relationship and what to do, and offers the route', () => {
    const text = minimal((top) => {
      top.processors[0].autoTerminatedRelationships = ['success', 'failure'];
    });
    const finding = only(text, 'failure-auto-terminated');
    assert.strictEqual(finding.message, 'Processor "PutS3Object" auto-terminates its "failure" relationship: when it fails, the invocation ' +
      'still succeeds while the data is lost, so Lambda never retries it. Stop auto-terminating "failure" and connect it to the ' +
      'flow\'s "failure" output port.');
    assert.strictEqual(finding.severity, 'error');
    assert.strictEqual(token(text, finding.range), '"failure"');
    assert.deepStrictEqual(finding.fixes, [{ kind: 'routeToFailurePort', processorId: PUT, componentPath: ['flowContents', 'processors', 0], relationship: 'failure' }]);
  });

  it('unmatched-auto-terminated warns in its own words', () => {
    const text = minimal((top) => {
      top.processors[0].autoTerminatedRelationships = ['unmatched'];
    });
    const finding = only(text, 'unmatched-auto-terminated');
    assert.strictEqual(finding.severity, 'warning');
    assert.strictEqual(finding.message, 'Processor "PutS3Object" auto-terminates its "unmatched" relationship: a FlowFile that matches ' +
      'nothing is dropped while the invocation succeeds. If that is an error for this flow, connect "unmatched" to the flow\'s ' +
      '"failure" output port instead.');
  });

  it('says nothing of a disabled processor\'s auto-terminated failure', () => {
    const text = minimal((top) => {
      top.processors[0].autoTerminatedRelationships = ['failure'];
      top.processors[0].scheduledState = 'DISABLED';
    });
    assert.deepStrictEqual(findingsIn(text, ['failure-auto-terminated']), []);
  });

  describe('failure-not-routed', () => {
    it('names the relationship, both ends and every failure port, and relates where the path stops', () => {
      const text = minimal((top) => {
        top.processors.push(logger('log', 'Log it'));
        failureTo(top, { id: 'log', name: 'Log it' });
        top.outputPorts.push({ ...top.outputPorts[1], identifier: 'errors-port', name: 'errors' });
      });
      const finding = only(text, 'failure-not-routed', { failurePorts: ['errors'] });
      assert.strictEqual(finding.message, 'The "failure" relationship of "PutS3Object" goes to "Log it", and no path from there reaches a ' +
        'failure port ("failure", "errors") of the top group: the data is lost while the invocation succeeds, so Lambda never ' +
        'retries it. Route this connection, or the path after it, to a failure port.');
      assert.strictEqual(finding.componentId, PUT);
      assert.strictEqual(finding.componentName, 'PutS3Object');
      assert.deepStrictEqual(finding.related.map((item) => [token(text, item.range), item.message]),
        [['"Log it"', 'The path continues here and never reaches a failure port.']]);
    });

    it('names ends by their ids when the connection carries no names', () => {
      const text = minimal((top) => {
        top.processors.push(logger('log', 'Log it'));
        failureTo(top, { id: 'log', name: '' });
        top.connections[2].source.name = '';
      });
      assert.match(only(text, 'failure-not-routed').message, new RegExp(`^The "failure" relationship of "${PUT}" goes to "log", and`));
    });

    it('says a disabled processor is where the path stops', () => {
      const text = minimal((top) => {
        top.processors.push(logger('log', 'Log it', 'DISABLED'));
        failureTo(top, { id: 'log', name: 'Log it' });
      });
      assert.deepStrictEqual(only(text, 'failure-not-routed').related.map((item) => item.message),
        ['This processor is disabled: it never runs, so nothing passes through it to a failure port.']);
    });

    it('relates the connection\'s destination when no component has its id', () => {
      const text = minimal((top) => {
        failureTo(top, { id: 'gone', name: 'Gone' });
      });
      const finding = only(text, 'failure-not-routed');
      assert.match(token(text, finding.related[0].range), /^\{\s*"id": "gone"/);
    });

    it('reports only the error relationships of a connection, each at its own entry', () => {
      const text = minimal((top) => {
        top.processors.push(logger('log', 'Log it'));
        failureTo(top, { id: 'log', name: 'Log it' });
        top.connections[2].selectedRelationships = ['success', 'failure', 'retry'];
      });
      const findings = findingsIn(text, ['failure-not-routed']);
      assert.deepStrictEqual(findings.map((finding) => token(text, finding.range)), ['"failure"', '"retry"']);
    });
  });

  describe('failure-port-missing', () => {
    /** The flow without its failure port, with `count` processors like PutS3Object (their failure auto-terminated). */
    function withoutPort(count: number, edit: (top: any) => void = () => undefined): string {
      return minimal((top) => {
        top.outputPorts = top.outputPorts.slice(0, 1);
        top.connections = top.connections.slice(0, 2);
        top.processors[0].autoTerminatedRelationships = ['failure'];
        for (let i = 2; i <= count; i++) top.processors.push({ ...top.processors[0], identifier: `put-${i}`, name: `Put ${i}` });
        edit(top);
      });
    }

    it('counts one processor in the singular, relates it and its error relationship, and offers to add the port', () => {
      const text = withoutPort(1);
      const finding = only(text, 'failure-port-missing');
      assert.strictEqual(finding.message, '1 processor has error relationships, but process group "S3ToSqs" has no failure port, so a ' +
        'failed invocation looks successful and Lambda never retries it. Add an output port named "failure" to this group and route ' +
        'the error relationships to it, or list the port that receives them in FAILURE_PORTS.');
      assert.deepStrictEqual(finding.related.map((item) => [token(text, item.range), item.message]),
        [['"PutS3Object"', '"PutS3Object" has error relationship "failure".']]);
      assert.deepStrictEqual(finding.fixes, [{ kind: 'addFailurePort' }]);
    });

    it('says "relationships" for several of one processor, connected or auto-terminated', () => {
      const text = withoutPort(1, (top) => {
        top.processors[0].type = 'org.apache.nifi.processors.standard.InvokeHTTP';
        top.processors[0].autoTerminatedRelationships = ['Retry'];
      });
      const finding = only(text, 'failure-port-missing');
      assert.deepStrictEqual(finding.related.map((item) => item.message), ['"PutS3Object" has error relationships "Retry", "No Retry", "Failure".']);
    });

    it('counts processors in the plural and relates the first ten of eleven', () => {
      const ten = only(withoutPort(10), 'failure-port-missing');
      assert.match(ten.message, /^10 processors have error relationships/);
      assert.strictEqual(ten.related.length, 10);
      const eleven = only(withoutPort(11), 'failure-port-missing');
      assert.match(eleven.message, /^11 processors have error relationships/);
      assert.deepStrictEqual(eleven.related.map((item) => item.message.split(' has ')[0]),
        ['"PutS3Object"', ...[2, 3, 4, 5, 6, 7, 8, 9, 10].map((i) => `"Put ${i}"`)]);
    });

    it('leaves out disabled processors, and offers no port beside one marked FAILURE', () => {
      const disabled = withoutPort(2, (top) => {
        top.processors[1].scheduledState = 'DISABLED';
      });
      assert.match(only(disabled, 'failure-port-missing').message, /^1 processor has/);
      const marked = withoutPort(1, (top) => {
        top.outputPorts.push({ ...top.outputPorts[0], identifier: 'errors-port', name: 'errors', portFunction: 'failure' });
      });
      assert.strictEqual(only(marked, 'failure-port-missing').fixes, undefined);
    });
  });
});
