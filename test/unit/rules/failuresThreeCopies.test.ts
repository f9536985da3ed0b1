// A group imported three times: each copy after the first is told apart by its group and identifier,
// so the route one copy has is not credited to another.
import * as assert from 'assert';
import { editedFlow, findingsIn, token } from './ruleFixtures';

interface End { id: string; groupId: string; name: string }
interface RawConnection { identifier: string; source: End; destination: End }

const APAC = 'e4c5aaaa-0000-4000-8000-0000000000ap';

/** group-imported-twice.json with a third copy of "Lookup US" named "Lookup APAC", whose failures go to the success port. */
function threeCopies(): string {
  return editedFlow('group-imported-twice.json', (flow) => {
    const top = flow.flowContents;
    const us = top.processGroups.find((group: { name: string }) => group.name === 'Lookup US');
    const copy = JSON.parse(JSON.stringify(us).split(us.identifier).join(APAC));
    copy.name = 'Lookup APAC';
    top.processGroups.push(copy);
    const success = top.outputPorts.find((port: { name: string }) => port.name === 'success');
    for (const connection of [...top.connections] as RawConnection[]) {
      if (connection.source.groupId !== us.identifier && connection.destination.groupId !== us.identifier) continue;
      const added = JSON.parse(JSON.stringify(connection).split(us.identifier).join(APAC));
      added.identifier = `${connection.identifier}-apac`;
      if (added.source.groupId === APAC && added.source.name === 'failure') {
        added.destination = { ...added.destination, id: success.identifier, name: success.name, groupId: top.identifier };
      }
      top.connections.push(added);
    }
  });
}

describe('failure rules: a group imported three times', () => {
  it('reports the failures of the third copy alone when only the first two route theirs', () => {
    const text = threeCopies();
    const findings = findingsIn(text, ['failure-not-routed']);
    assert.deepStrictEqual(findings.map((finding) => token(text, finding.range)), ['"Failure"', '"No Retry"', '"Retry"']);
    const apacStart = text.indexOf('"name": "Lookup APAC"');
    for (const finding of findings) assert.ok(finding.range.startOffset > apacStart, `${finding.message} is in Lookup APAC`);
  });
});
