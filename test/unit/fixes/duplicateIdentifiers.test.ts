import * as assert from 'assert';
import type { FixSpec } from '../../../src/core/flow/finding';
import { validateText } from '../../../src/core/flow/validate';
import { readFixture, runFix } from './fixHelpers';

// Two processors that share the identifier "p-dup" (one was copied), each with the same problems.
const original = readFixture('duplicate-ids-jackson.json');

function fixOnCopy(kind: FixSpec['kind']): FixSpec {
  const finding = validateText(original).findings.find((item) =>
    item.componentName === 'Send copy' && item.fixes?.some((fix) => fix.kind === kind));
  assert.ok(finding, `no ${kind} fix offered on the copy`);
  return finding.fixes!.find((fix) => fix.kind === kind)!;
}

describe('fixes on a component whose identifier is duplicated', () => {
  it('changes the reference in the copy the fix was picked on, not in the original', () => {
    const { json } = runFix(original, fixOnCopy('replaceReference'));
    const [send, copy] = json.flowContents.processors;
    assert.strictEqual(copy.properties.Region, '#{Region}');
    assert.strictEqual(send.properties.Region, '#{Regoin}');
  });

  it('routes the copy\'s failure, leaving the original\'s as it was', () => {
    const { json } = runFix(original, fixOnCopy('routeToFailurePort'));
    const [send, copy] = json.flowContents.processors;
    assert.deepStrictEqual(copy.autoTerminatedRelationships, []);
    assert.deepStrictEqual(send.autoTerminatedRelationships, ['failure']);
    const routed = json.flowContents.connections.filter((connection: { source: { id: string } }) => connection.source.id === 'p-dup');
    assert.deepStrictEqual(routed.map((connection: { source: { name: string } }) => connection.source.name), ['Send copy']);
  });
});
