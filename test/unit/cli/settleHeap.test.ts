// The collection before parsing a big flow: it runs from the size it is meant for, and only then.
import * as assert from 'assert';
import { SETTLE_HEAP_MIN_LENGTH, settleHeapBeforeParsing } from '../../../src/cli/validate/settleHeap';

/** A weak reference to an object nothing else holds, made in an earlier task (a task keeps what it dereferenced alive). */
async function unreachable(): Promise<WeakRef<object>> {
  const ref = new WeakRef({ payload: new Array(1000).fill(0) });
  await new Promise((resolve) => setImmediate(resolve));
  return ref;
}

describe('settleHeapBeforeParsing', () => {
  it('collects garbage for a text of the threshold length', async () => {
    const ref = await unreachable();
    settleHeapBeforeParsing(SETTLE_HEAP_MIN_LENGTH);
    assert.equal(ref.deref(), undefined);
  });

  it('leaves a text one character shorter alone: a small flow pays nothing', async () => {
    const ref = await unreachable();
    settleHeapBeforeParsing(SETTLE_HEAP_MIN_LENGTH - 1);
    assert.notEqual(ref.deref(), undefined);
  });
});
