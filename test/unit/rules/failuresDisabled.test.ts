// A processor whose scheduledState is DISABLED never runs: NiFi's flow synchronizer disables it, in
// DataFlow Functions' stateless engine too (StatelessProcessScheduler.disableProcessor), so it cannot
// fail. The failure rules say nothing about its relationships, and a path into it ends there.
import * as assert from 'assert';
import { editedFlow, findingsIn, token } from './ruleFixtures';

const FAMILY = ['failure-auto-terminated', 'unmatched-auto-terminated', 'failure-not-routed', 'failure-port-missing'];

interface Named { identifier: string; name: string; scheduledState?: string }
interface End { id: string; name: string; type: string; groupId: string }
interface RawConnection { identifier: string; source: End; destination: End; selectedRelationships: string[] }

/** A copy of the processor named `name`, with its own identifier and name, in the given state, placed after it. */
function addCopy(flow: any, name: string, copyName: string, scheduledState: string): Named {
  const processors: Named[] = flow.flowContents.processors;
  const original = processors.find((processor) => processor.name === name)!;
  const copy = { ...JSON.parse(JSON.stringify(original)), identifier: `${original.identifier.slice(0, -3)}999`, name: copyName, scheduledState };
  processors.push(copy);
  return copy;
}

/** A copy of each connection out of `from`, now out of `to`. */
function copyConnectionsOut(flow: any, from: Named, to: Named): void {
  const connections: RawConnection[] = flow.flowContents.connections;
  connections.filter((connection) => connection.source.id === from.identifier).forEach((connection, index) => {
    connections.push({
      ...JSON.parse(JSON.stringify(connection)),
      identifier: `${connection.identifier.slice(0, -3)}9${String(index).padStart(2, '0')}`,
      source: { ...connection.source, id: to.identifier, name: to.name },
    });
  });
}

const summary = (text: string) => findingsIn(text, FAMILY).map((finding) => [finding.code, finding.componentName, token(text, finding.range)]);

describe('failure rules: disabled processors never run, so never fail', () => {
  it('failure-auto-terminated: of two processors auto-terminating "failure", only the enabled one is reported', () => {
    const text = editedFlow('failure-auto-terminated.json', (flow) => addCopy(flow, 'Store order', 'Store order (old)', 'DISABLED'));
    assert.deepStrictEqual(summary(text), [
      ['failure-auto-terminated', 'Store order', '"failure"'],
      ['failure-auto-terminated', 'Store order', '"unprocessed"'],
    ]);
    // The same copy enabled (or running) is reported like the original.
    for (const state of ['ENABLED', 'RUNNING']) {
      const enabled = editedFlow('failure-auto-terminated.json', (flow) => addCopy(flow, 'Store order', 'Store order (old)', state));
      assert.deepStrictEqual(summary(enabled).map(([, name]) => name), ['Store order', 'Store order', 'Store order (old)', 'Store order (old)'], state);
    }
  });

  it('unmatched-auto-terminated: only the enabled processor is warned about', () => {
    const text = editedFlow('unmatched-auto-terminated.json', (flow) => addCopy(flow, 'Extract order id', 'Extract order id (old)', 'DISABLED'));
    assert.deepStrictEqual(summary(text), [['unmatched-auto-terminated', 'Extract order id', '"unmatched"']]);
  });

  it('failure-not-routed: of two processors sending "failure" to the success port, only the enabled one is reported', () => {
    const text = editedFlow('failure-not-routed.json', (flow) => {
      const copy = addCopy(flow, 'Write event', 'Write event (old)', 'DISABLED');
      copyConnectionsOut(flow, flow.flowContents.processors.find((processor: Named) => processor.name === 'Write event'), copy);
    });
    assert.deepStrictEqual(summary(text), [['failure-not-routed', 'Write event', '"failure"']]);
  });

  it('failure-not-routed: a failure path through a disabled processor does not reach the failure port, and says why', () => {
    const detour = (state: string) => editedFlow('failure-not-routed.json', (flow) => {
      // "Validate event" sends invalid and failure to "Hold for review", which passes them on to the failure port.
      const hold = addCopy(flow, 'Write event', 'Hold for review', state);
      const connections: RawConnection[] = flow.flowContents.connections;
      const toFailure = connections.find((connection) => connection.destination.name === 'failure')!;
      connections.push({ ...JSON.parse(JSON.stringify(toFailure)), identifier: 'c1000000-0000-4000-8000-000000000990', source: { ...toFailure.source, id: hold.identifier, name: hold.name }, selectedRelationships: ['success'] });
      toFailure.destination = { ...toFailure.source, id: hold.identifier, name: hold.name, type: 'PROCESSOR' };
      // Only the failure rules' concern here: the disabled copy's own success goes nowhere else.
      (hold as any).autoTerminatedRelationships = ['failure'];
    });
    assert.deepStrictEqual(summary(detour('ENABLED')).filter(([code]) => code === 'failure-not-routed'), [['failure-not-routed', 'Write event', '"failure"']]);
    const text = detour('DISABLED');
    const findings = findingsIn(text, FAMILY);
    assert.deepStrictEqual(findings.map((finding) => [finding.code, finding.componentName, token(text, finding.range)]), [
      ['failure-not-routed', 'Validate event', '"invalid"'],
      ['failure-not-routed', 'Validate event', '"failure"'],
      ['failure-not-routed', 'Write event', '"failure"'],
    ]);
    assert.strictEqual(token(text, findings[0].related[0].range), '"Hold for review"');
    assert.match(findings[0].related[0].message, /disabled: it never runs/);
    assert.match(findings[2].related[0].message, /never reaches a failure port/);
  });

  it('failure-port-missing: counts only enabled processors, and is not reported when every one with error relationships is disabled', () => {
    const mixed = editedFlow('failure-port-missing.json', (flow) => addCopy(flow, 'Write event', 'Write event (old)', 'DISABLED'));
    const [finding] = findingsIn(mixed, FAMILY);
    assert.strictEqual(finding.code, 'failure-port-missing');
    assert.match(finding.message, /^1 processor has error relationships/);
    assert.deepStrictEqual(finding.related.map((item) => token(mixed, item.range)), ['"Write event"']);
    const allDisabled = editedFlow('failure-port-missing.json', (flow) => {
      flow.flowContents.processors.find((processor: Named) => processor.name === 'Write event').scheduledState = 'DISABLED';
    });
    assert.deepStrictEqual(findingsIn(allDisabled, FAMILY), []);
  });
});
