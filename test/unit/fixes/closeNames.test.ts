import * as assert from 'assert';
import { closeNames, editDistance } from '../../../src/core/flow/fixes/closeNames';

const named = (...names: string[]) => names.map((name) => ({ name }));
const suggest = (name: string, ...candidates: string[]) => closeNames(name, named(...candidates)).map((item) => item.name);

describe('closeNames', () => {
  it('suggests a name that differs only in case before one a letter away', () => {
    assert.deepStrictEqual(suggest('QueueURL', 'QueueUrs', 'QueueUrl', 'AwsRegion'), ['QueueUrl', 'QueueUrs']);
  });

  it('suggests names up to two edits away, closest first, and none further', () => {
    assert.deepStrictEqual(suggest('BUCKET', 'BUCKETS_X', 'BUCKT', 'BUKET_', 'BASKET'), ['BUCKT', 'BUKET_', 'BASKET']);
    assert.deepStrictEqual(suggest('BUCKET', 'BUCKETS_XY', 'REGION'), []);
  });

  it('keeps at most three suggestions', () => {
    assert.deepStrictEqual(suggest('host', 'hosts', 'Host', 'hast', 'hose', 'ghost'), ['Host', 'hosts', 'hast']);
  });

  it('does not suggest a short name that shares nothing with the typed one', () => {
    assert.deepStrictEqual(suggest('ab', 'xy', 'ac'), ['ac']);
  });

  it('counts insertions, deletions and substitutions', () => {
    assert.strictEqual(editDistance('kitten', 'sitting', 10), 3);
    assert.strictEqual(editDistance('', 'abc', 10), 3);
    assert.strictEqual(editDistance('same', 'same', 0), 0);
    assert.strictEqual(editDistance('abcdef', 'uvwxyz', 2), 3, 'beyond the limit it stops at limit + 1');
  });
});
