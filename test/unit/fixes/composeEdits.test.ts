import * as assert from 'assert';
import { applyTextEdits, composeEdit } from '../../../src/core/flow/fixes/composeEdits';
import type { TextEdit } from '../../../src/core/flow/textEdit';

/** Applies changes one after another, each relative to the text the previous ones produced. */
function applyInSequence(text: string, changes: TextEdit[]): string {
  return changes.reduce((current, change) => applyTextEdits(current, [change]), text);
}

function composeAll(changes: TextEdit[]): TextEdit[] {
  return changes.reduce<TextEdit[]>((edits, change) => composeEdit(edits, change), []);
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

describe('composeEdit', () => {
  it('keeps separate changes separate and relative to the original text', () => {
    const original = 'abcdefghij';
    const changes = [{ offset: 8, length: 1, newText: 'XYZ' }, { offset: 1, length: 2, newText: '' }];
    const edits = composeAll(changes);
    assert.deepStrictEqual(edits, [{ offset: 1, length: 2, newText: '' }, { offset: 8, length: 1, newText: 'XYZ' }]);
    assert.strictEqual(applyTextEdits(original, edits), applyInSequence(original, changes));
  });

  it('merges a change that lands inside text an earlier change inserted', () => {
    const original = '[1, 2]';
    const changes = [{ offset: 5, length: 0, newText: ', {"a": 1}' }, { offset: 13, length: 1, newText: '2' }];
    const edits = composeAll(changes);
    assert.deepStrictEqual(edits, [{ offset: 5, length: 0, newText: ', {"a": 2}' }]);
    assert.strictEqual(applyTextEdits(original, edits), '[1, 2, {"a": 2}]');
  });

  it('gives the same text as applying changes in sequence, for random changes', () => {
    const next = random(7);
    for (let round = 0; round < 300; round++) {
      const original = 'The quick brown fox jumps over the lazy dog'.slice(0, 10 + Math.floor(next() * 33));
      const changes: TextEdit[] = [];
      let current = original;
      for (let step = 0; step < 1 + Math.floor(next() * 6); step++) {
        const offset = Math.floor(next() * (current.length + 1));
        const length = Math.floor(next() * Math.min(5, current.length - offset + 1));
        const newText = 'XYZ#'.slice(0, Math.floor(next() * 5));
        const change = { offset, length, newText };
        changes.push(change);
        current = applyTextEdits(current, [change]);
      }
      const edits = composeAll(changes);
      for (let i = 1; i < edits.length; i++) assert.ok(edits[i - 1].offset + edits[i - 1].length <= edits[i].offset);
      assert.strictEqual(applyTextEdits(original, edits), current, `round ${round}: ${JSON.stringify(changes)}`);
    }
  });
});
