// Fix all: every unambiguous fix (the one preferred fix of a finding, see fixes/preferredFix.ts), applied one
// after another, each to the text the previous ones left and validated again, as `eslint --fix` does. The
// result is one edit, so the editor applies it (and undoes it) in one step, and code actions on save can run it.
import type { FixSpec, ResolvedFinding } from './finding';
import { computeFix, isPreferredFix } from './fixes';
import { applyTextEdits } from './fixes/composeEdits';
import type { ValidationOptions } from './options';
import type { TextEdit } from './textEdit';
import { validateText } from './validate';

export interface FixAllOptions extends ValidationOptions {
  /** Which findings may be fixed (e.g. not those of a rule the user turned off); all by default. */
  include?: (finding: ResolvedFinding) => boolean;
}

export interface FixAllResult {
  /** One edit from the original text to the fixed one; none when nothing was fixed. */
  edits: TextEdit[];
  /** The fixes applied, in order. */
  applied: FixSpec[];
  /** The text after the fixes. */
  text: string;
}

/** A fix applies one change; a file has at most a few thousand findings with fixes. Guards a fix that keeps coming back. */
const MAX_ROUNDS = 10_000;

export function fixAll(original: string, options: FixAllOptions = {}): FixAllResult {
  const include = options.include ?? (() => true);
  const applied: FixSpec[] = [];
  // A fix that changed nothing, or whose finding came back, is not tried again.
  const tried = new Set<string>();
  let text = original;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const validation = validateText(text, options);
    if (!validation.model) break;
    const next = preferredFixes(validation.findings.filter(include)).find((fix) => !tried.has(JSON.stringify(fix)));
    if (!next) break;
    tried.add(JSON.stringify(next));
    const edits = computeFix(text, validation.model, next);
    if (edits.length === 0) continue;
    text = applyTextEdits(text, edits);
    applied.push(next);
  }
  return { edits: text === original ? [] : [singleEdit(original, text)], applied, text };
}

/** The unambiguous fix of each finding that has one. */
export function preferredFixes(findings: readonly ResolvedFinding[]): FixSpec[] {
  const fixes: FixSpec[] = [];
  for (const finding of findings) {
    const offered = finding.fixes ?? [];
    const preferred = offered.filter((fix) => isPreferredFix(fix, offered));
    if (preferred.length === 1) fixes.push(preferred[0]);
  }
  return fixes;
}

/** The smallest single replacement that turns `before` into `after`. */
function singleEdit(before: string, after: string): TextEdit {
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < shorter - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return { offset: start, length: before.length - start - end, newText: after.slice(start, after.length - end) };
}
