// Every quick fix the rules offer, applied to every fixture and sample in several layouts: the result
// must be a flow NiFi accepts as well as before (no new error) that keeps every parameter reference.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { ResolvedFinding } from '../../../src/core/flow/finding';
import { computeFix, fixTitle, isSettingFix } from '../../../src/core/flow/fixes';
import { applyTextEdits } from '../../../src/core/flow/fixes/composeEdits';
import type { FlowModel } from '../../../src/core/flow/model';
import { ParameterResolver } from '../../../src/core/flow/parameterScope';
import { readReferences, referenceSyntax } from '../../../src/core/flow/rules/propertyReferences';
import { validateText } from '../../../src/core/flow/validate';

const REPO_ROOT = path.resolve(__dirname, '../../../..');
const FOLDERS = ['test/fixtures/flows', 'test/fixtures/fixes', 'samples'];

const LAYOUTS: Record<string, (text: string) => string> = {
  'as written': (text) => text,
  'on one line': (text) => JSON.stringify(JSON.parse(text)),
  'tab-indented with CRLF': (text) => JSON.stringify(JSON.parse(text), null, '\t').replace(/\n/g, '\r\n'),
};

interface ReferenceCount {
  total: number;
  resolved: number;
}

/** Every parameter reference in properties and run schedules, and how many resolve. */
function countReferences(model: FlowModel): ReferenceCount {
  const syntax = referenceSyntax(model);
  const resolver = new ParameterResolver(model);
  const count = { total: 0, resolved: 0 };
  for (const group of model.groups) {
    const lookup = resolver.forGroup(group);
    const add = (value: unknown, expressionLanguage: boolean): void => {
      if (typeof value !== 'string') return;
      for (const reference of readReferences(value, syntax, expressionLanguage)) {
        count.total++;
        if (lookup?.has(reference.name)) count.resolved++;
      }
    };
    for (const component of [...group.processors, ...group.controllerServices]) {
      for (const property in component.properties) add(component.properties[property], true);
    }
    for (const processor of group.processors) add(processor.raw.schedulingPeriod, false);
  }
  return count;
}

/** Errors by code and component: a fix may remove some, never add one. */
function errorsOf(findings: readonly ResolvedFinding[]): Map<string, number> {
  const errors = new Map<string, number>();
  for (const finding of findings) {
    if (finding.severity !== 'error') continue;
    const key = `${finding.code} on ${finding.componentId ?? finding.componentName ?? 'the flow'}`;
    errors.set(key, (errors.get(key) ?? 0) + 1);
  }
  return errors;
}

const files = FOLDERS.flatMap((folder) => fs.readdirSync(path.join(REPO_ROOT, folder))
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => ({ name: `${folder}/${file}`, text: fs.readFileSync(path.join(REPO_ROOT, folder, file), 'utf8') })));

describe('every offered fix on every fixture', () => {
  let applied = 0;
  let ran = 0;

  after(() => {
    // Only when every fixture ran: a run filtered by --grep (as Stryker filters each mutant's tests) applies fewer.
    if (ran < files.length) return;
    assert.ok(applied >= 40, `only ${applied} fixes were applied: the fixtures should exercise many more`);
  });

  // Validation runs inside each test, not while mocha collects them: Stryker's per-test coverage
  // counts code run at collection as covered by no test, and then runs every test for each mutant.
  for (const { name, text: original } of files) {
    it(`${name}: each fix, in every layout, leaves a valid flow with no new error and every reference`, function () {
      ran++;
      const before = validateText(original);
      if (!before.model || !before.findings.some((finding) => (finding.fixes ?? []).length > 0)) this.skip();
      for (const [layout, relayout] of Object.entries(LAYOUTS)) {
        const text = relayout(original);
        const start = validateText(text);
        const errorsBefore = errorsOf(start.findings);
        const referencesBefore = countReferences(start.model!);
        for (const finding of start.findings) {
          for (const fix of finding.fixes ?? []) {
            // A change to the user's settings, not to the file (tested in failurePortFixes.test.ts).
            if (isSettingFix(fix)) continue;
            const what = `${fixTitle(fix)} (for ${finding.code}, ${layout})`;
            const edits = computeFix(text, start.model!, fix);
            assert.ok(edits.length > 0, `${what} changes the file`);
            const fixed = applyTextEdits(text, edits);
            const after = validateText(fixed);
            assert.ok(after.model, `${what} leaves a flow that parses`);
            applied++;
            for (const [key, count] of errorsOf(after.findings)) {
              // Without a failure port, failure-port-missing stands for every unrouted error connection; once the
              // port is there they are reported one by one (a route the fix leaves alone: to a logger, say).
              if (finding.code === 'failure-port-missing' && key.startsWith('failure-not-routed ')) continue;
              assert.ok(count <= (errorsBefore.get(key) ?? 0), `${what} brings a new error: ${key}`);
            }
            const referencesAfter = countReferences(after.model!);
            assert.strictEqual(referencesAfter.total, referencesBefore.total, `${what} keeps every reference`);
            assert.ok(referencesAfter.resolved >= referencesBefore.resolved, `${what} leaves no reference unresolved that resolved`);
            // Text outside the edits is untouched.
            let at = 0;
            for (const edit of edits) {
              assert.ok(fixed.includes(text.slice(at, edit.offset)), `${what} keeps the text before each edit`);
              at = edit.offset + edit.length;
            }
          }
        }
      }
    });
  }
});
