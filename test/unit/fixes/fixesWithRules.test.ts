import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { ResolvedFinding } from '../../../src/core/flow/finding';
import { computeFix } from '../../../src/core/flow/fixes';
import { applyTextEdits } from '../../../src/core/flow/fixes/composeEdits';
import { validateText } from '../../../src/core/flow/validate';
import { readFixture } from './fixHelpers';

const fixtures = fs.readdirSync(path.resolve(__dirname, '../../../../test/fixtures/fixes')).filter((name) => name.endsWith('.json'));

function identify(finding: ResolvedFinding): string {
  return `${finding.code} ${finding.componentId ?? ''} ${finding.message}`;
}

// The rules decide which findings offer which fix; this checks the two agree: applying the fix a
// finding offers makes that finding go away and brings no new error.
describe('fixes offered by the rules', () => {
  for (const fixture of fixtures) {
    it(`resolve their findings in ${fixture}`, function () {
      const original = readFixture(fixture);
      const before = validateText(original);
      const fixable = before.findings.filter((finding) => (finding.fixes ?? []).length > 0);
      if (fixable.length === 0) this.skip();
      for (const finding of fixable) {
        for (const fix of finding.fixes!) {
          const edits = computeFix(original, before.model!, fix);
          assert.ok(edits.length > 0, `${fix.kind} makes a change for: ${finding.message}`);
          const after = validateText(applyTextEdits(original, edits));
          assert.ok(after.model, `the fixed file is still a flow (${fix.kind})`);
          assert.ok(!after.findings.some((other) => identify(other) === identify(finding)), `still reported: ${finding.message}`);
          const sameCode = (findings: ResolvedFinding[]) => findings.filter((other) => other.code === finding.code).length;
          assert.ok(sameCode(after.findings) < sameCode(before.findings), `${finding.code} is reported less often`);
          const errorsBefore = new Set(before.findings.filter((other) => other.severity === 'error').map((other) => other.code));
          const newErrors = after.findings.filter((other) => other.severity === 'error' && !errorsBefore.has(other.code));
          assert.deepStrictEqual(newErrors.map((other) => other.message), [], `${fix.kind} brings no new kind of error`);
        }
      }
    });
  }
});
