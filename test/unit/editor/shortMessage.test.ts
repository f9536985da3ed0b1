import * as assert from 'node:assert/strict';
import { messageDetail, shortMessage } from '../../../src/core/flow/editor/shortMessage';
import { sample } from './samples';

const SAMPLES = [
  'broken-bad-parameter-names.json', 'broken-context-not-found.json', 'broken-copied-identifiers.json', 'broken-environment-too-large.json',
  'broken-failure-auto-terminated.json', 'broken-failure-logged-not-routed.json', 'broken-failure-port-function-nifi2.json',
  'broken-inherited-context-not-found.json', 'broken-malformed-json.json', 'broken-malformed-shape.json', 'broken-no-parameter-context.json',
  'broken-remote-entry-port.json', 'broken-root-canvas-exported.json', 'broken-sensitivity-mismatch.json', 'broken-short-parameter-name.json',
  'broken-two-input-ports.json', 'broken-two-success-ports.json', 'broken-undefined-reference.json',
];

describe('editor: one short sentence per finding', () => {
  it('keeps what is wrong and leaves out why and how to fix it', () => {
    assert.equal(shortMessage('Processor "Send to queue" auto-terminates its "failure" relationship: when it fails, the data is lost. Stop it.'),
      'Processor "Send to queue" auto-terminates its "failure" relationship.');
    assert.equal(messageDetail('Processor "Send to queue" auto-terminates its "failure" relationship: when it fails, the data is lost. Stop it.'),
      'when it fails, the data is lost. Stop it.');
  });

  it('does not cut inside a quoted name or a parenthesis, nor at e.g.', () => {
    assert.equal(shortMessage('Port "a: b. c" is marked (see: here. there) wrong: detail.'), 'Port "a: b. c" is marked wrong.');
    assert.equal(shortMessage('Rename it, e.g. to "x". Then push.'), 'Rename it, e.g. to "x".');
  });

  it('leaves a one-sentence message as it is, with no detail', () => {
    assert.equal(shortMessage('Input port "x" goes nowhere.'), 'Input port "x" goes nowhere.');
    assert.equal(messageDetail('Input port "x" goes nowhere.'), '');
    assert.equal(shortMessage('No full stop'), 'No full stop.');
  });

  it('gives every sample finding one sentence that names what it is about, shorter than the message', () => {
    for (const name of SAMPLES) {
      for (const finding of sample(name).findings) {
        const short = shortMessage(finding.message);
        assert.ok(short.length <= finding.message.length, `${finding.code}: ${short}`);
        assert.ok(short.length <= 250, `${finding.code} in ${name} is long: ${short}`);
        assert.equal(short.match(/[.?!](\s|$)/g)?.length, 1, `${finding.code}: not one sentence: ${short}`);
        // It names what it is about: a quoted name or a count (the syntax error's place is its range).
        if (finding.code !== 'flow-syntax') assert.match(short, /"[^"]+"|\d/, `${finding.code}: names nothing: ${short}`);
      }
    }
  });
});
