import * as assert from 'node:assert/strict';
import { applyRuleSettings, ruleSettings } from '../../../src/core/flow/editor/ruleSettings';
import type { ResolvedFinding } from '../../../src/core/flow/finding';
import { sample } from './samples';

describe('editor: dff.validation.rules', () => {
  // Validated in each test, not while mocha collects them (mutation testing counts only code run inside tests).
  let undefinedReference: ResolvedFinding[];
  beforeEach(() => { undefinedReference = sample('broken-undefined-reference.json').findings; });

  it('turns a rule off and changes the severity of another, leaving the rest alone', () => {
    const shown = applyRuleSettings(undefinedReference, ruleSettings({ 'parameter-unused': 'off', 'parameter-undefined': 'warning' }));
    assert.deepEqual(shown.map((finding) => [finding.code, finding.severity]), [['parameter-undefined', 'warning']]);
    assert.deepEqual(undefinedReference.map((finding) => finding.severity), ['error', 'hint'], 'the original findings were changed');
  });

  it('shows everything with an empty or unusable setting, and skips unusable entries of a good one', () => {
    for (const value of [undefined, null, [], 'off', {}]) assert.deepEqual(applyRuleSettings(undefinedReference, ruleSettings(value)), undefinedReference);
    const settings = ruleSettings({ 'parameter-unused': 'of', 'parameter-undefined': 3, 'x': 'off' });
    assert.deepEqual([...settings], [['x', 'off']]);
    assert.deepEqual(applyRuleSettings(undefinedReference, settings), undefinedReference);
  });
});
