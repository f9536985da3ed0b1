// A group imported twice reuses its identifiers in each copy (issue 8, point 3): NiFi finds a connection's
// end by its group and its identifier, and so must the failure rules, or the route of one copy is
// credited to the other.
import * as assert from 'assert';
import { check, editedFlow, findingsIn, readFlow, token } from './ruleFixtures';

const FAMILY = ['failure-auto-terminated', 'unmatched-auto-terminated', 'failure-not-routed', 'failure-port-missing'];

interface End { id: string; groupId: string; name: string; type: string }
interface RawConnection { source: End; destination: End; selectedRelationships: string[] }

const TOP_SUCCESS = 'success';

/** The flow with the top-level connection out of `copy`'s "failure" port sent to the top success port instead. */
function onlyOneCopyRoutes(copy: 'Lookup EU' | 'Lookup US'): string {
  return editedFlow('group-imported-twice.json', (flow) => {
    const top = flow.flowContents;
    const group = top.processGroups.find((item: { name: string }) => item.name === copy);
    const success = top.outputPorts.find((port: { name: string }) => port.name === TOP_SUCCESS);
    const fromFailure = (top.connections as RawConnection[]).find((connection) => connection.source.groupId === group.identifier && connection.source.name === 'failure')!;
    fromFailure.destination = { ...fromFailure.destination, id: success.identifier, name: success.name };
  });
}

describe('failure rules: a group imported twice, identifiers reused', () => {
  it('finds nothing when both copies route their failures to the failure port', () => {
    assert.deepStrictEqual(check('group-imported-twice.json', FAMILY).findings, []);
  });

  for (const [unrouted, routed] of [['Lookup US', 'Lookup EU'], ['Lookup EU', 'Lookup US']] as const) {
    it(`reports the failures of ${unrouted} alone when only ${routed} routes its own`, () => {
      const text = onlyOneCopyRoutes(unrouted);
      const findings = findingsIn(text, FAMILY);
      assert.deepStrictEqual(findings.map((finding) => [finding.code, token(text, finding.range)]), [
        ['failure-not-routed', '"Failure"'],
        ['failure-not-routed', '"No Retry"'],
        ['failure-not-routed', '"Retry"'],
      ]);
      // Each finding sits in the unrouted copy, and its related place is that copy's own "failure" port.
      const copyStart = text.indexOf(`"name": "${unrouted}"`);
      const otherStart = text.indexOf(`"name": "${routed}"`);
      const inCopy = (offset: number) => (copyStart < otherStart ? offset > copyStart && offset < otherStart : offset > copyStart);
      for (const finding of findings) {
        assert.ok(inCopy(finding.range.startOffset), `${finding.message} is not in ${unrouted}`);
        assert.strictEqual(token(text, finding.related[0].range), '"failure"');
        assert.ok(inCopy(finding.related[0].range.startOffset), 'the related port is the other copy\'s');
      }
    });
  }

  // Both copies in turn: the first copy is also the first component found for each reused identifier.
  for (const [bare, other] of [['Lookup EU', 'Lookup US'], ['Lookup US', 'Lookup EU']] as const) {
    it(`takes a connection end without groupId (a hand edit) in ${bare} to be in the connection's own copy`, () => {
      const withoutGroupIds = (text: string) => {
        const flow = JSON.parse(text);
        const copy = flow.flowContents.processGroups.find((item: { name: string }) => item.name === bare);
        for (const connection of copy.connections as RawConnection[]) {
          delete (connection.source as Partial<End>).groupId;
          delete (connection.destination as Partial<End>).groupId;
        }
        return JSON.stringify(flow, null, 2);
      };
      assert.deepStrictEqual(findingsIn(withoutGroupIds(readFlow('group-imported-twice.json')), FAMILY), []);
      // Mixed: the copy whose ends lack groupId routes its failures, the other copy does not.
      const text = withoutGroupIds(onlyOneCopyRoutes(other));
      const findings = findingsIn(text, FAMILY);
      assert.deepStrictEqual(findings.map((finding) => finding.code), ['failure-not-routed', 'failure-not-routed', 'failure-not-routed']);
      const otherStart = text.indexOf(`"name": "${other}"`);
      const bareStart = text.indexOf(`"name": "${bare}"`);
      for (const finding of findings) {
        const offset = finding.range.startOffset;
        assert.ok(otherStart < bareStart ? offset > otherStart && offset < bareStart : offset > otherStart, `${finding.message} is not in ${other}`);
      }
    });
  }

  it('takes an end without groupId whose identifier one component alone has to be in that component\'s group', () => {
    // The EU copy's "failure" port gets an identifier of its own; the top-level connection out of it loses its groupId.
    const text = editedFlow('group-imported-twice.json', (flow) => {
      const top = flow.flowContents;
      const eu = top.processGroups.find((item: { name: string }) => item.name === 'Lookup EU');
      const port = eu.outputPorts.find((item: { name: string }) => item.name === 'failure');
      const oldId = port.identifier;
      port.identifier = 'e4c5eeee-0000-4000-8000-00000000000f';
      for (const connection of eu.connections as RawConnection[]) {
        if (connection.destination.id === oldId) connection.destination.id = port.identifier;
      }
      const out = (top.connections as RawConnection[]).find((connection) => connection.source.groupId === eu.identifier && connection.source.id === oldId)!;
      out.source = { id: port.identifier, name: out.source.name, type: out.source.type } as End;
    });
    assert.ok(text.includes('e4c5eeee-0000-4000-8000-00000000000f'));
    assert.deepStrictEqual(findingsIn(text, FAMILY), []);
  });

  it('counts each copy\'s own connections when no failure port exists', () => {
    // Without the top failure port, each copy's processor has the same error relationships: two processors, not one.
    const text = editedFlow('group-imported-twice.json', (flow) => {
      const top = flow.flowContents;
      const failure = top.outputPorts.find((port: { name: string }) => port.name === 'failure');
      top.outputPorts = top.outputPorts.filter((port: unknown) => port !== failure);
      top.connections = top.connections.filter((connection: RawConnection) => connection.destination.id !== failure.identifier);
      // The EU copy's processor stops connecting "No Retry": its error relationships differ from the US copy's.
      const eu = top.processGroups[0];
      const euFailure = eu.connections.find((connection: RawConnection) => connection.selectedRelationships.includes('No Retry'));
      euFailure.selectedRelationships = ['Failure', 'Retry'];
      eu.processors[0].autoTerminatedRelationships = ['Original'];
    });
    const [finding] = findingsIn(text, ['failure-port-missing']);
    assert.match(finding.message, /^2 processors have error relationships/);
    assert.deepStrictEqual(finding.related.map((item) => item.message), [
      '"Look up customer" has error relationships "Failure", "Retry", "No Retry".',
      '"Look up customer" has error relationships "Failure", "No Retry", "Retry".',
    ]);
  });
});
