import * as assert from 'assert';
import { check, editedFlow, findingsIn, token } from './ruleFixtures';

const CODES = ['duplicate-identifier', 'connection-endpoint-missing'];
const SHARED_ID = 'd1000000-0000-4000-8000-000000000010';

describe('structure rules', () => {
  it('finds nothing wrong with the minimal valid flow', () => {
    assert.deepStrictEqual(check('valid-minimal.json', CODES).findings, []);
  });

  it('accepts an identifier reused in another group, as NiFi does', () => {
    // "Log order" in the child group Audit and "Set order attributes" in the top group share an identifier.
    assert.deepStrictEqual(check('duplicate-identifier.json', CODES).findings, []);
  });

  it('accepts a group imported twice, whose copies keep the same component identifiers', () => {
    const { text, findings } = check('group-imported-twice.json', CODES);
    assert.deepStrictEqual(findings, []);
    assert.strictEqual(text.split('"identifier": "e4c5aaaa-0000-4000-8000-000000000002"').length - 1, 2, 'both copies hold the processor');
  });

  it('reports an identifier used twice in one group at its second use, relating the first', () => {
    const text = editedFlow('duplicate-identifier.json', (flow) => {
      flow.flowContents.outputPorts[0].identifier = SHARED_ID;
    });
    const findings = findingsIn(text, ['duplicate-identifier']);
    assert.strictEqual(findings.length, 1, 'the reuse in the child group Audit is still fine');
    const [finding] = findings;
    assert.strictEqual(finding.code, 'duplicate-identifier');
    assert.strictEqual(finding.severity, 'error');
    assert.strictEqual(token(text, finding.range), `"${SHARED_ID}"`);
    assert.match(finding.message, /^The output port "success" in group "OrderIntake" has the identifier/);
    assert.match(finding.message, /which the processor "Set order attributes" in group "OrderIntake" already uses/);
    assert.match(finding.message, /unique within a process group/);
    assert.strictEqual(finding.related.length, 1);
    assert.ok(finding.related[0].range.startOffset < finding.range.startOffset, 'the first use comes first in the file');
    assert.strictEqual(token(text, finding.related[0].range), `"${SHARED_ID}"`);
  });

  it('reports a reuse inside one copy of a group imported twice, and nothing for the other copy', () => {
    const text = editedFlow('group-imported-twice.json', (flow) => {
      const us = flow.flowContents.processGroups[1];
      us.outputPorts[1].identifier = us.outputPorts[0].identifier;
    });
    const findings = findingsIn(text, ['duplicate-identifier']);
    assert.strictEqual(findings.length, 1);
    assert.match(findings[0].message, /^The output port "failure" in group "Lookup US"/);
  });

  it('reports a connection whose end is in another copy of a group, not in the group it names', () => {
    const text = editedFlow('group-imported-twice.json', (flow) => {
      const [eu, us] = flow.flowContents.processGroups;
      // The US copy loses its "out" port; the EU copy still has one with the same identifier.
      const out = us.outputPorts.shift();
      us.connections = us.connections.filter((connection: any) => connection.destination.id !== out.identifier);
      assert.ok(eu.outputPorts.some((port: any) => port.identifier === out.identifier));
    });
    const findings = findingsIn(text, ['connection-endpoint-missing']);
    assert.strictEqual(findings.length, 1, 'the EU copy\'s connection out of its own "out" port is fine');
    assert.match(findings[0].message, /has a source "e4c5aaaa-0000-4000-8000-000000000003" that matches no component/);
  });

  it('reports each further use of an identifier in one group once', () => {
    const text = editedFlow('duplicate-identifier.json', (flow) => {
      flow.flowContents.outputPorts[0].identifier = SHARED_ID;
      flow.flowContents.inputPorts[0].identifier = SHARED_ID;
    });
    const findings = findingsIn(text, ['duplicate-identifier']);
    assert.deepStrictEqual(findings.map((finding) => finding.code), ['duplicate-identifier', 'duplicate-identifier']);
    assert.strictEqual(new Set(findings.map((finding) => finding.range.startOffset)).size, 2);
  });

  it('reports a connection to a deleted processor at its destination id', () => {
    const { text, findings } = check('connection-endpoint-missing.json', CODES);
    assert.strictEqual(findings.length, 1, 'the connection to a remote group input port is not reported');
    const [finding] = findings;
    assert.strictEqual(finding.code, 'connection-endpoint-missing');
    assert.strictEqual(finding.severity, 'error');
    assert.strictEqual(token(text, finding.range), '"c2000000-0000-4000-8000-0000000000ff"');
    assert.ok(text.lastIndexOf('"destination"', finding.range.startOffset) > text.lastIndexOf('"source"', finding.range.startOffset));
    assert.strictEqual(finding.componentName, 'to validator');
    assert.match(finding.message, /destination/);
  });

  it('reports a missing source at the source id', () => {
    const text = editedFlow('connection-endpoint-missing.json', (flow) => {
      flow.flowContents.connections[0].source.id = 'c2000000-0000-4000-8000-0000000000aa';
    });
    const findings = findingsIn(text, CODES);
    assert.strictEqual(findings.length, 2);
    const source = findings.find((finding) => token(text, finding.range) === '"c2000000-0000-4000-8000-0000000000aa"');
    assert.ok(source, 'one finding points at the missing source id');
    assert.match(source.message, /source/);
  });
});
