import * as assert from 'assert';
import { check as checkFlow, editedFlow, findingsIn, token } from './ruleFixtures';

const FAMILY = ['entry-port-missing', 'entry-port-multiple', 'entry-port-remote', 'entry-port-unconnected'];
const check = (file: string) => checkFlow(file, FAMILY);

describe('entry port rules', () => {
  it('finds nothing wrong with the minimal valid flow', () => {
    assert.deepStrictEqual(check('valid-minimal.json').findings, []);
  });

  it('reports a top group without input port at the group name', () => {
    const { text, findings } = check('entry-port-missing.json');
    assert.strictEqual(findings.length, 1);
    const [finding] = findings;
    assert.strictEqual(finding.code, 'entry-port-missing');
    assert.strictEqual(finding.severity, 'error');
    assert.strictEqual(token(text, finding.range), '"SqsForwarder"');
    assert.match(finding.message, /Add one local input port/);
  });

  it('reports several input ports once, on the group\'s list of ports, naming none as the one to keep', () => {
    const { text, findings } = check('entry-port-multiple.json');
    assert.strictEqual(findings.length, 1);
    const [finding] = findings;
    assert.strictEqual(finding.code, 'entry-port-multiple');
    assert.strictEqual(finding.severity, 'error');
    assert.strictEqual(token(text, finding.range), '"inputPorts"');
    assert.deepStrictEqual(finding.related.map((item) => token(text, item.range)), ['"from-sqs"', '"from-s3"']);
    assert.match(finding.message, /has 2 input ports \("from-sqs", "from-s3"\), but DFF feeds the event into exactly one/);
    assert.match(finding.message, /Keep the port the event should enter, and remove the others/);
    assert.ok(!/to keep\)|Remove input port/.test(finding.message + finding.related.map((item) => item.message).join()));
  });

  it('says the same whatever the order of the ports in the file, and nothing for exactly one port', () => {
    const swapped = editedFlow('entry-port-multiple.json', (flow) => flow.flowContents.inputPorts.reverse());
    const [finding] = findingsIn(swapped, ['entry-port-multiple']);
    assert.match(finding.message, /\("from-s3", "from-sqs"\)/);
    const one = editedFlow('entry-port-multiple.json', (flow) => flow.flowContents.inputPorts.pop());
    assert.deepStrictEqual(findingsIn(one, ['entry-port-multiple']), []);
  });

  it('reports a site-to-site input port at its allowRemoteAccess value', () => {
    const { text, findings } = check('entry-port-remote.json');
    assert.strictEqual(findings.length, 1);
    const [finding] = findings;
    assert.strictEqual(finding.code, 'entry-port-remote');
    assert.strictEqual(finding.severity, 'error');
    assert.strictEqual(token(text, finding.range), 'true');
    assert.strictEqual(finding.componentName, 'from-sqs');
  });

  it('reports an input port that no connection leaves', () => {
    const { text, findings } = check('entry-port-unconnected.json');
    assert.strictEqual(findings.length, 1);
    const [finding] = findings;
    assert.strictEqual(finding.code, 'entry-port-unconnected');
    assert.strictEqual(finding.severity, 'error');
    assert.strictEqual(token(text, finding.range), '"from-sqs"');
  });
});
