import * as assert from 'node:assert/strict';
import type { ResolvedFinding } from '../../../src/core/flow/finding';
import { BadgeCounter, MAX_BADGE_MESSAGES } from '../../../src/core/flow/preview/badges';

const span = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 }, startOffset: 0, endOffset: 1 };
const finding = (severity: ResolvedFinding['severity'], message: string): ResolvedFinding =>
  ({ code: 'x', severity, message, range: span, related: [] });

describe('flow preview: badges', () => {
  it(`keeps ${MAX_BADGE_MESSAGES} messages and counts the one more`, () => {
    const counter = new BadgeCounter();
    for (let i = 0; i < MAX_BADGE_MESSAGES; i++) counter.add('k', finding('warning', `w${i}`));
    assert.deepEqual(counter.get('k'), { errors: 0, warnings: 5, messages: ['w0', 'w1', 'w2', 'w3', 'w4'], more: 0 });
    counter.add('k', finding('warning', 'w5'));
    assert.deepEqual(counter.get('k'), { errors: 0, warnings: 6, messages: ['w0', 'w1', 'w2', 'w3', 'w4'], more: 1 });
  });

  it('lists errors before warnings, and leaves out info and hints', () => {
    const counter = new BadgeCounter();
    counter.add('k', finding('warning', 'careful'));
    counter.add('k', finding('info', 'by the way'));
    counter.add('k', finding('error', 'broken'));
    assert.deepEqual(counter.get('k'), { errors: 1, warnings: 1, messages: ['broken', 'careful'], more: 0 });
    assert.equal(counter.get('other'), undefined);
    const hintsOnly = new BadgeCounter();
    hintsOnly.add('k', finding('hint', 'h'));
    assert.equal(hintsOnly.get('k'), undefined);
  });
});
