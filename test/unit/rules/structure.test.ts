import * as assert from 'assert';
import { check, editedFlow, findingsIn, token } from './ruleFixtures';

const CODES = ['duplicate-identifier', 'connection-endpoint-missing'];
const SHARED_ID = 'd1000000-0000-4000-8000-000000000010';

describe('structure rules', () => {
  it('finds nothing wrong with the minimal valid flow', () => {
    assert.deepStrictEqual(check('valid-minimal.json', CODES).findings, []);
  });

  it('reports an identifier used in two groups at its second use, relating the first', () => {
    const { text, findings } = check('duplicate-identifier.json', CODES);
    assert.strictEqual(findings.length, 1);
    const [finding] = findings;
    assert.strictEqual(finding.code, 'duplicate-identifier');
    assert.strictEqual(finding.severity, 'error');
    assert.strictEqual(token(text, finding.range), `"${SHARED_ID}"`);
    const first = text.indexOf(`"identifier": "${SHARED_ID}"`);
    const second = text.indexOf(`"identifier": "${SHARED_ID}"`, first + 1);
    assert.ok(first !== -1 && second !== -1);
    // NiFi writes child groups before the group's own processors: the later one in the file is reported.
    assert.ok(finding.range.startOffset > second, 'points at the second identifier in the file');
    assert.strictEqual(finding.related.length, 1);
    assert.ok(finding.related[0].range.startOffset > first && finding.related[0].range.startOffset < second);
    assert.strictEqual(token(text, finding.related[0].range), `"${SHARED_ID}"`);
    assert.match(finding.message, /processor "Set order attributes" in group "OrderIntake"/);
    assert.match(finding.message, /processor "Log order" in group "Audit"/);
  });

  it('reports each further use of an identifier once', () => {
    const text = editedFlow('duplicate-identifier.json', (flow) => {
      flow.flowContents.outputPorts[0].identifier = SHARED_ID;
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
