// Issue 8, point 9: a flow definition is recognised whatever its member order, and big JSON of any
// other kind is turned down after its first DETECTION_HEAD_BYTES.
import * as assert from 'node:assert/strict';
import { DETECTION_HEAD_BYTES, detectFlow, FlowDetector, mayBeFlowDefinition } from '../../../src/core/flow/detect';
import { validateText } from '../../../src/core/flow/validate';

const FLOW_CONTENTS = '"flowContents":{"identifier":"top","name":"Late","processors":[],"inputPorts":[]}';

/**
 * A flow whose parameterContexts come first, padded so that the "flowContents" member name starts
 * exactly at offset `at`.
 */
function flowWithContentsAt(at: number, firstMember = 'parameterContexts'): string {
  const before = `{"${firstMember}":{"c":{"name":"c","description":"`;
  const after = '","parameters":[]}},';
  const padding = at - before.length - after.length;
  assert.ok(padding >= 0);
  const text = `${before}${'d'.repeat(padding)}${after}${FLOW_CONTENTS},"flowEncodingVersion":"1.0"}`;
  assert.equal(text.indexOf('"flowContents"'), at);
  return text;
}

/** The detector's answer when the text is fed in pieces of `size` characters. */
function fedInPieces(text: string, size: number): 'flow' | 'notFlow' {
  const detector = new FlowDetector();
  for (let at = 0; at < text.length; at += size) {
    if (detector.feed(text.slice(at, at + size)) !== 'undecided') break;
  }
  return detector.finish();
}

describe('flow detection', () => {
  describe('whatever the member order', () => {
    for (const at of [DETECTION_HEAD_BYTES - 1, DETECTION_HEAD_BYTES, DETECTION_HEAD_BYTES + 1, 3 * DETECTION_HEAD_BYTES]) {
      it(`validates a flow whose flowContents starts at offset ${at}, after a big parameter context`, () => {
        const text = flowWithContentsAt(at);
        assert.equal(mayBeFlowDefinition(text.slice(0, DETECTION_HEAD_BYTES)), true);
        const { isFlow, findings } = validateText(text);
        assert.equal(isFlow, true);
        // The late group is checked: it has an input port list but no port.
        assert.ok(findings.some((finding) => finding.code === 'entry-port-missing'), findings.map((f) => f.code).join());
      });
    }

    it('recognises flowContents written with \\u escapes in its name', () => {
      assert.equal(detectFlow('{"flowEncodingVersion":"1.0","flow\\u0043ontents":{"processors":[]}}'), 'flow');
    });

    it('still recognises a flow with a syntax error before flowContents, to report it', () => {
      const text = '{"flowEncodingVersion":"1.0" "flowContents":{"processors":[]}}';
      assert.equal(detectFlow(text), 'flow');
      assert.deepEqual(validateText(text).findings.map((finding) => finding.code), ['flow-syntax']);
    });
  });

  describe('other JSON', () => {
    for (const [what, text] of [
      ['flowContents in a nested object only', '{"wrapper":{"flowContents":{"processors":[]}}}'],
      ['flowContents as a string value', '{"note":"flowContents","other":"x"}'],
      ['flowContents inside an escaped quote', '{"note":"see \\"flowContents\\": {} here"}'],
      ['a root array', '[{"flowContents":{}}]'],
      ['a root string', '"flowContents"'],
      ['a root object that closes before its end', '{"a":1} {"flowContents":{}}'],
    ] as const) {
      it(`turns down ${what}`, () => assert.equal(detectFlow(text), 'notFlow'));
    }

    it('turns down big JSON with a member no flow has once flowContents did not start in its first DETECTION_HEAD_BYTES', () => {
      // The same file as a flow, but its first member is not one NiFi writes.
      const late = flowWithContentsAt(DETECTION_HEAD_BYTES, 'rows');
      assert.equal(detectFlow(late), 'notFlow');
      assert.equal(mayBeFlowDefinition(late.slice(0, DETECTION_HEAD_BYTES)), false);
      // One character earlier, it is still a flow definition (with a member NiFi does not write).
      const early = flowWithContentsAt(DETECTION_HEAD_BYTES - 1, 'rows');
      assert.equal(detectFlow(early), 'flow');
    });

    it('decides a 30 MB JSON file with a foreign member from its first DETECTION_HEAD_BYTES', () => {
      const row = `{"id":1,"value":"${'x'.repeat(200)}"},`;
      const text = `{"rows":[${row.repeat(Math.ceil((30 * 1024 * 1024) / row.length))}{}]}`;
      const detector = new FlowDetector();
      assert.equal(detector.feed(text.slice(0, DETECTION_HEAD_BYTES)), 'notFlow');
    });

    it('reads on through big JSON made only of flow members, and turns it down at its end', () => {
      const text = `{"parameterContexts":{"c":{"name":"c","description":"${'d'.repeat(2 * DETECTION_HEAD_BYTES)}"}},"flowEncodingVersion":"1.0"}`;
      const detector = new FlowDetector();
      assert.equal(detector.feed(text.slice(0, DETECTION_HEAD_BYTES)), 'undecided');
      assert.equal(detector.feed(text.slice(DETECTION_HEAD_BYTES)), 'notFlow');
    });
  });

  describe('in chunks', () => {
    const texts = [
      flowWithContentsAt(DETECTION_HEAD_BYTES - 1, 'rows'),
      flowWithContentsAt(DETECTION_HEAD_BYTES, 'rows'),
      flowWithContentsAt(DETECTION_HEAD_BYTES + 5),
      '{"a\\\\":"\\\\\\"","flow\\u0043ontents" : {}}',
      '{"x":"\\"flowContents\\":","flowEncodingVersion":"1.0"}',
      '  \n {"flowEncodingVersion":"1.0","flowContents":{}}',
    ];
    for (const size of [1, 2, 3, 7, 4096, DETECTION_HEAD_BYTES]) {
      it(`gives the whole text's answer when fed ${size} characters at a time`, () => {
        for (const text of texts) {
          if (size < 16 && text.length > 10_000) continue; // the small texts cover escapes split at every place
          assert.equal(fedInPieces(text, size), detectFlow(text), text.slice(0, 60));
        }
      });
    }

    it('splits a big text at every offset around the limit without changing the answer', () => {
      for (const text of [flowWithContentsAt(DETECTION_HEAD_BYTES - 1, 'rows'), flowWithContentsAt(DETECTION_HEAD_BYTES, 'rows')]) {
        const whole = detectFlow(text);
        for (let split = DETECTION_HEAD_BYTES - 20; split <= DETECTION_HEAD_BYTES + 20; split++) {
          const detector = new FlowDetector();
          detector.feed(text.slice(0, split));
          detector.feed(text.slice(split));
          assert.equal(detector.finish(), whole, `split at ${split}`);
        }
      }
    });
  });
});
