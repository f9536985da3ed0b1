// Hostile input (issue 8, point 10): nesting and lengths that the file controls never overflow the
// stack or blow up; a file that goes too far gets a finding, not a crash.
import * as assert from 'node:assert/strict';
import { JsonLocator } from '../../../src/core/flow/locate';
import { MAX_GROUP_DEPTH } from '../../../src/core/flow/parse';
import { validateText } from '../../../src/core/flow/validate';

/** Groups nested `levels` deep below flowContents; the innermost holds a processor that references #{x}. */
function nestedGroups(levels: number): string {
  const open: string[] = [];
  for (let level = 0; level < levels; level++) {
    open.push(`{"identifier":"g${level}","name":"G${level}","parameterContextName":"ctx","processGroups":[`);
  }
  const leaf = `{"identifier":"leaf","name":"Leaf","processors":[{"identifier":"p","name":"P","type":"org.example.Put",` +
    '"properties":{"Target":"#{x}"}}],"processGroups":[]}';
  return `{"flowEncodingVersion":"1.0","flowContents":${open.join('')}${leaf}${']}'.repeat(levels)},` +
    '"parameterContexts":{"ctx":{"name":"ctx","parameters":[]}}}';
}

function codes(text: string): string[] {
  return validateText(text).findings.map((finding) => finding.code);
}

describe('hostile input', () => {
  describe('process groups nested deep', () => {
    it(`checks a flow whose groups nest exactly ${MAX_GROUP_DEPTH} levels, down to the innermost processor`, () => {
      const text = nestedGroups(MAX_GROUP_DEPTH);
      const { findings } = validateText(text);
      // The leaf has no parameter context: its reference is reported where it is written.
      const finding = findings.find((item) => item.code === 'reference-without-context');
      assert.ok(finding, findings.map((item) => item.code).join(', '));
      assert.equal(text.slice(finding.range.startOffset, finding.range.endOffset), '#{x}');
      assert.ok(!findings.some((item) => item.code === 'flow-too-deep'));
    });

    for (const levels of [MAX_GROUP_DEPTH + 1, 3000, 50_000]) {
      it(`reports one flow-too-deep error, not a crash, for groups nested ${levels} levels`, () => {
        const text = nestedGroups(levels);
        const started = Date.now();
        const { isFlow, findings } = validateText(text);
        assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
        assert.equal(isFlow, true);
        assert.deepEqual(findings.map((item) => item.code), ['flow-too-deep']);
        const [finding] = findings;
        assert.equal(finding.severity, 'error');
        assert.match(finding.message, new RegExp(`more than ${MAX_GROUP_DEPTH} levels`));
        // It points at the first group past the limit: the leaf, or the group one level deeper than the limit.
        const pointed = text.slice(finding.range.startOffset, finding.range.startOffset + 40);
        const first = levels === MAX_GROUP_DEPTH + 1 ? 'leaf' : `g${MAX_GROUP_DEPTH + 1}`;
        assert.ok(pointed.startsWith(`{"identifier":"${first}"`), pointed);
      });
    }
  });

  describe('JSON nested deep outside the model', () => {
    const deep = 200_000;
    const flow = (inner: string) =>
      `{"flowEncodingVersion":"1.0","flowContents":{"identifier":"top","name":"Top","comments":"",` +
      `"extra":${inner},"processors":[]}}`;

    it(`reads a flow holding ${deep} nested arrays in a member dff does not model`, () => {
      assert.ok(codes(flow('['.repeat(deep) + ']'.repeat(deep))).every((code) => code !== 'flow-syntax'));
    });

    it(`places the syntax error of a flow whose ${deep} nested arrays are not closed`, () => {
      const text = flow('['.repeat(deep) + ']'.repeat(deep - 1));
      const { findings } = validateText(text);
      assert.deepEqual(findings.map((item) => item.code), ['flow-syntax']);
      // The outermost array reads on: "processors" is an item of it, and the ':' after it is where it breaks.
      const at = text.indexOf(',"processors"') + ',"processors"'.length;
      assert.equal(findings[0].range.startOffset, at);
      assert.equal(text.slice(findings[0].range.startOffset, findings[0].range.endOffset), ':');
      assert.match(findings[0].message, /a ',' is expected here/);
    });
  });

  describe('long lists', () => {
    it('places 20,000 positions on one 20 MB line without searching the line for each', () => {
      // A flow written without line breaks: every finding is on line 0.
      const text = `{"flowContents":"${'x'.repeat(20_000_000)}"}`;
      const locator = new JsonLocator(text);
      const started = Date.now();
      for (let i = 0; i < 20_000; i++) {
        const offset = 1 + ((i * 7919) % (text.length - 1));
        assert.deepEqual(locator.position(offset), { line: 0, character: offset });
      }
      assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
    });

    it('reads a context of 1,000,000 parameters', function () {
      this.timeout(20000);
      const parameters = new Array<string>(1_000_000);
      for (let i = 0; i < parameters.length; i++) parameters[i] = `{"name":"p${i}","value":"v","sensitive":false}`;
      const text = '{"flowEncodingVersion":"1.0","flowContents":{"identifier":"top","name":"Top","processors":[],' +
        `"inputPorts":[]},"parameterContexts":{"big":{"name":"big","parameters":[${parameters.join(',')}]}}}`;
      const { isFlow, model } = validateText(text);
      assert.equal(isFlow, true);
      assert.equal(model?.contexts.get('big')?.parameters.length, 1_000_000);
      assert.equal(model?.contexts.get('big')?.parameters[999_999].name, 'p999999');
    });

    it('reads 1,000,000 relationships selected twice from one source, as no spread call could', function () {
      this.timeout(20000);
      const names = JSON.stringify(Array.from({ length: 1_000_000 }, (_, i) => `r${i}`));
      const connection = (id: string) =>
        `{"identifier":"${id}","source":{"id":"a","groupId":"top","type":"PROCESSOR","name":"A"},` +
        `"destination":{"id":"b","groupId":"top","type":"PROCESSOR","name":"B"},"selectedRelationships":${names}}`;
      const text = '{"flowEncodingVersion":"1.0","flowContents":{"identifier":"top","name":"Top","processors":[' +
        '{"identifier":"a","name":"A","type":"org.apache.nifi.processors.aws.s3.PutS3Object"},' +
        '{"identifier":"b","name":"B","type":"org.example.Sink"}],' +
        `"connections":[${connection('c1')},${connection('c2')}]}}`;
      // No failure port: failure-port-missing gathers every relationship the source connects.
      assert.ok(codes(text).includes('failure-port-missing'));
    });

    it('reports 150,000 auto-terminated failure relationships of one processor without a spread call', function () {
      this.timeout(20000);
      const names = JSON.stringify(new Array<string>(150_000).fill('failure'));
      const text = '{"flowEncodingVersion":"1.0","flowContents":{"identifier":"top","name":"Top","processors":[' +
        `{"identifier":"a","name":"A","type":"org.apache.nifi.processors.aws.s3.PutS3Object","autoTerminatedRelationships":${names}}]}}`;
      const found = codes(text).filter((code) => code === 'failure-auto-terminated');
      assert.ok(found.length >= 1);
    });
  });
});
