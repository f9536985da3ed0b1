import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { ResolvedFinding } from '../../../src/core/flow/finding';
import { computeFix } from '../../../src/core/flow/fixes';
import { applyTextEdits } from '../../../src/core/flow/fixes/composeEdits';
import { validateText, type Validation } from '../../../src/core/flow/validate';

const REPO_ROOT = path.resolve(__dirname, '../../../..');

/** Findings of these codes always come with a quick fix; a rule that stops offering one is a regression. */
const MUST_OFFER_FIX = [
  'failure-auto-terminated',
  'unmatched-auto-terminated',
  'context-name-invalid',
  'parameter-name-invalid',
  'parameter-name-too-short',
  'parameter-name-reserved',
  'parameter-undefined',
  'entry-port-remote',
];

interface Case {
  name: string;
  text: string;
}

function flowsIn(folder: string): Case[] {
  const dir = path.join(REPO_ROOT, folder);
  return fs.readdirSync(dir).filter((file) => file.endsWith('.json')).sort().map((file) => {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    return { name: `${folder}/${file}`, text };
  });
}

function mustOfferFix(finding: ResolvedFinding): boolean {
  return MUST_OFFER_FIX.includes(finding.code);
}

// The fix fixtures and the samples; those without findings that must offer a fix are skipped. They are
// validated in the tests, not while mocha collects them (Stryker's per-test coverage sees only the former).
const cases = [...flowsIn('test/fixtures/fixes'), ...flowsIn('samples')];

function identify(finding: ResolvedFinding): string {
  return `${finding.code} ${finding.componentId ?? ''} ${finding.message}`;
}

// The rules decide which findings offer which fix; this checks the two agree: the findings that
// must offer a fix do, and applying the fix a finding offers makes that finding go away and brings
// no new error.
describe('fixes offered by the rules', () => {
  it('are exercised for every code that must offer one, by some fixture or sample', () => {
    const found = new Set(cases.flatMap((item) => validateText(item.text).findings.map((finding) => finding.code)));
    assert.deepStrictEqual(MUST_OFFER_FIX.filter((code) => !found.has(code)), [], 'no fixture or sample reports these codes');
  });

  for (const { name, text } of cases) {
    it(`are offered in ${name} where a finding must offer one, and resolve their findings`, function () {
      const before: Validation = validateText(text);
      if (!before.findings.some(mustOfferFix)) this.skip();
      const withoutFix = before.findings.filter((finding) => mustOfferFix(finding) && (finding.fixes ?? []).length === 0);
      assert.deepStrictEqual(withoutFix.map(identify), [], 'these findings offer no quick fix');
      for (const finding of before.findings.filter((item) => (item.fixes ?? []).length > 0)) {
        for (const fix of finding.fixes!) {
          const edits = computeFix(text, before.model!, fix);
          assert.ok(edits.length > 0, `${fix.kind} makes a change for: ${finding.message}`);
          const after = validateText(applyTextEdits(text, edits));
          assert.ok(after.model, `the fixed file is still a flow (${fix.kind})`);
          assert.ok(!after.findings.some((other) => identify(other) === identify(finding)), `still reported after ${fix.kind}: ${finding.message}`);
          const sameCode = (findings: ResolvedFinding[]) => findings.filter((other) => other.code === finding.code).length;
          assert.ok(sameCode(after.findings) < sameCode(before.findings), `${finding.code} is reported less often after ${fix.kind}`);
          const errorsBefore = new Set(before.findings.filter((other) => other.severity === 'error').map((other) => other.code));
          const newErrors = after.findings.filter((other) => other.severity === 'error' && !errorsBefore.has(other.code));
          assert.deepStrictEqual(newErrors.map((other) => other.message), [], `${fix.kind} brings no new kind of error`);
        }
      }
    });
  }
});
