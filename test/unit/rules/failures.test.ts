import * as assert from 'assert';
import type { ValidationOptions } from '../../../src/core/flow/options';
import { check as checkFlow, findingsIn, readFlow as read, token } from './ruleFixtures';

const FAMILY = ['failure-auto-terminated', 'unmatched-auto-terminated', 'failure-not-routed', 'failure-port-missing'];
const check = (file: string, options?: ValidationOptions) => checkFlow(file, FAMILY, options);
const findingsOf = (text: string) => findingsIn(text, FAMILY);

function lineOf(text: string, finding: { range: { startOffset: number } }): string {
  const start = text.lastIndexOf('\n', finding.range.startOffset) + 1;
  const end = text.indexOf('\n', finding.range.startOffset);
  return text.slice(start, end);
}

describe('failure rules', () => {
  it('finds nothing wrong with the minimal valid flow', () => {
    assert.deepStrictEqual(check('valid-minimal.json').findings, []);
  });

  it('reports each auto-terminated error relationship at its name, with a fix that routes it', () => {
    const { text, findings } = check('failure-auto-terminated.json');
    assert.deepStrictEqual(findings.map((finding) => [finding.code, finding.severity, token(text, finding.range)]), [
      ['failure-auto-terminated', 'error', '"failure"'],
      ['failure-auto-terminated', 'error', '"unprocessed"'],
    ]);
    assert.match(lineOf(text, findings[0]), /"autoTerminatedRelationships": \["failure", "unprocessed"\]/);
    assert.match(findings[0].message, /Lambda never retries/);
    assert.strictEqual(findings[0].componentName, 'Store order');
    assert.deepStrictEqual(findings[1].fixes, [
      { kind: 'routeToFailurePort', processorId: 'b1000000-0000-4000-8000-000000000011', componentPath: ['flowContents', 'processors', 1], relationship: 'unprocessed' },
    ]);
  });

  it('warns, not errs, about an auto-terminated "unmatched"', () => {
    const { text, findings } = check('unmatched-auto-terminated.json');
    assert.strictEqual(findings.length, 1);
    const [finding] = findings;
    assert.strictEqual(finding.code, 'unmatched-auto-terminated');
    assert.strictEqual(finding.severity, 'warning');
    assert.strictEqual(token(text, finding.range), '"unmatched"');
    assert.deepStrictEqual(finding.fixes, [
      { kind: 'routeToFailurePort', processorId: 'b2000000-0000-4000-8000-000000000010', componentPath: ['flowContents', 'processors', 0], relationship: 'unmatched' },
    ]);
  });

  it('reports a failure sent to the success port at the relationship name in that connection', () => {
    const { text, findings } = check('failure-not-routed.json');
    assert.strictEqual(findings.length, 1);
    const [finding] = findings;
    assert.strictEqual(finding.code, 'failure-not-routed');
    assert.strictEqual(finding.severity, 'error');
    assert.strictEqual(token(text, finding.range), '"failure"');
    assert.match(lineOf(text, finding), /"selectedRelationships": \["success", "failure"\]/);
    assert.strictEqual(finding.componentName, 'Write event');
    // Related: the success port's own name, in its declaration among the output ports.
    assert.strictEqual(finding.related.length, 1);
    assert.strictEqual(token(text, finding.related[0].range), '"success"');
    assert.match(lineOf(text, finding.related[0]), /"identifier": "c1000000-0000-4000-8000-000000000030".*"type": "OUTPUT_PORT"/);
  });

  it('counts a failure as routed through a funnel and through a child group\'s ports', () => {
    assert.deepStrictEqual(check('failure-routed-via-funnel-and-child.json').findings, []);
  });

  it('terminates on a retry loop that never reaches the failure port, and reports it', () => {
    const { text, findings } = check('failure-not-routed-cycle.json');
    assert.strictEqual(findings.length, 1);
    const [finding] = findings;
    assert.strictEqual(finding.code, 'failure-not-routed');
    assert.strictEqual(token(text, finding.range), '"failure"');
    assert.strictEqual(finding.componentName, 'Send to queue');
  });

  it('counts a path through a cycle that does reach the failure port as routed', () => {
    const flow = JSON.parse(read('failure-not-routed-cycle.json'));
    const connections = flow.flowContents.connections as { source: { id: string }; destination: { id: string; type: string; name: string } }[];
    // Let "Count retry" also give up to the funnel that leads to the failure port.
    connections.push({
      ...JSON.parse(JSON.stringify(connections.find((item) => item.source.id === 'e2000000-0000-4000-8000-000000000012'))),
      identifier: 'e2000000-0000-4000-8000-000000000048',
      destination: { id: 'e2000000-0000-4000-8000-000000000050', type: 'FUNNEL', groupId: 'e2000000-0000-4000-8000-000000000001', name: 'Funnel' },
    });
    assert.deepStrictEqual(findingsOf(JSON.stringify(flow, null, 2)), []);
  });

  it('reports a missing failure port once, at the top group name, instead of every unrouted failure', () => {
    const { text, findings } = check('failure-port-missing.json');
    assert.strictEqual(findings.length, 1);
    const [finding] = findings;
    assert.strictEqual(finding.code, 'failure-port-missing');
    assert.strictEqual(finding.severity, 'error');
    assert.strictEqual(token(text, finding.range), '"EventsToS3"');
    assert.match(finding.message, /named "failure"/);
    assert.match(finding.message, /FAILURE_PORTS/);
    assert.deepStrictEqual(finding.related.map((item) => token(text, item.range)), ['"Write event"']);
  });

  it('treats a port named "errors" as a failure port only when FAILURE_PORTS lists it', () => {
    const without = check('failure-port-function-unnamed.json').findings;
    assert.deepStrictEqual(without.map((finding) => finding.code), ['failure-port-missing']);
    assert.deepStrictEqual(check('failure-port-function-unnamed.json', { failurePorts: ['errors'] }).findings, []);
  });

  it('follows a 10,000-processor chain of failures to the failure port', () => {
    const flow = JSON.parse(read('valid-minimal.json'));
    const top = flow.flowContents;
    const template = top.processors[0];
    const groupId = top.identifier;
    const failurePort = top.outputPorts.find((port: { name: string }) => port.name === 'failure');
    const end = (id: string, type: string, name: string) => ({ id, type, groupId, name });
    const processors = [];
    const connections = [];
    const count = 10_000;
    for (let index = 0; index < count; index++) {
      const id = `chain-${index}`;
      processors.push({ ...template, identifier: id, name: `Put ${index}`, autoTerminatedRelationships: ['success'] });
      const next = index + 1 < count ? end(`chain-${index + 1}`, 'PROCESSOR', `Put ${index + 1}`) : end(failurePort.identifier, 'OUTPUT_PORT', 'failure');
      connections.push({ identifier: `link-${index}`, groupIdentifier: groupId, source: end(id, 'PROCESSOR', `Put ${index}`), destination: next, selectedRelationships: ['failure'], componentType: 'CONNECTION' });
    }
    top.processors = processors;
    top.connections = [
      { ...top.connections[0], destination: end('chain-0', 'PROCESSOR', 'Put 0') },
      ...connections,
    ];
    assert.deepStrictEqual(findingsOf(JSON.stringify(flow)), []);
  });
});
