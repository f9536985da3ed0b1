import type { FixSpec } from '../finding';

/**
 * Whether `fix` is the one the editor applies on "auto fix" among the fixes of one finding: the only
 * fix, or the only replaceReference (a single close name is almost surely what was meant).
 */
export function isPreferredFix(fix: FixSpec, fixes: readonly FixSpec[]): boolean {
  // Settings belong to the user: fix-all and --fix change files only.
  if (isSettingFix(fix)) return false;
  if (fixes.length === 1) return fixes[0] === fix;
  return fix.kind === 'replaceReference' && fixes.filter((other) => other.kind === 'replaceReference').length === 1;
}

/** Whether `fix` changes the shell's settings (the failure port names) rather than the flow definition. */
export function isSettingFix(fix: FixSpec): fix is Extract<FixSpec, { kind: 'addFailurePortSetting' }> {
  return fix.kind === 'addFailurePortSetting';
}
