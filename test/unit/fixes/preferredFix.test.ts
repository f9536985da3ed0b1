import * as assert from 'assert';
import type { FixSpec } from '../../../src/core/flow/finding';
import { isPreferredFix } from '../../../src/core/flow/fixes';

const add: FixSpec = { kind: 'addParameter', contextName: 'C', parameterName: 'QueueURL', sensitive: false };
const change = (newName: string): FixSpec =>
  ({ kind: 'replaceReference', componentId: 'p', property: 'Queue URL', parameterName: 'QueueURL', occurrence: 0, newName });

describe('isPreferredFix', () => {
  it('prefers the only fix of a finding', () => {
    assert.strictEqual(isPreferredFix(add, [add]), true);
  });

  it('prefers the one close name over adding a parameter', () => {
    const fixes = [change('QueueUrl'), add];
    assert.deepStrictEqual(fixes.map((fix) => isPreferredFix(fix, fixes)), [true, false]);
  });

  it('prefers nothing when several names are close', () => {
    const fixes = [change('QueueUrl'), change('QueueUri'), add];
    assert.deepStrictEqual(fixes.map((fix) => isPreferredFix(fix, fixes)), [false, false, false]);
  });
});
