import type { FixSpec } from '../finding';

/**
 * Whether `fix` is the one the editor applies on "auto fix" among the fixes of one finding: the only
 * fix, or the only replaceReference (a single close name is almost surely what was meant).
 */
export function isPreferredFix(fix: FixSpec, fixes: readonly FixSpec[]): boolean {
  if (fixes.length === 1) return fixes[0] === fix;
  return fix.kind === 'replaceReference' && fixes.filter((other) => other.kind === 'replaceReference').length === 1;
}
