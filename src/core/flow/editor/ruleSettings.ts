// dff.validation.rules, as eslint.rules.customizations: a rule code -> "off" or the severity to show it with.
import type { ResolvedFinding, Severity } from '../finding';

export type RuleSetting = Severity | 'off';

const SETTINGS: ReadonlySet<string> = new Set<RuleSetting>(['off', 'error', 'warning', 'info', 'hint']);

/** The usable entries of the setting (settings.json is edited by hand: other values are left out). */
export function ruleSettings(value: unknown): ReadonlyMap<string, RuleSetting> {
  const settings = new Map<string, RuleSetting>();
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return settings;
  for (const [code, setting] of Object.entries(value)) {
    if (typeof setting === 'string' && SETTINGS.has(setting)) settings.set(code, setting as RuleSetting);
  }
  return settings;
}

/** The findings as the setting wants them shown: a rule turned off reports nothing, others with their severity. */
export function applyRuleSettings(findings: readonly ResolvedFinding[], settings: ReadonlyMap<string, RuleSetting>): ResolvedFinding[] {
  if (settings.size === 0) return [...findings];
  const shown: ResolvedFinding[] = [];
  for (const finding of findings) {
    const setting = settings.get(finding.code);
    if (setting === 'off') continue;
    shown.push(setting === undefined || setting === finding.severity ? finding : { ...finding, severity: setting });
  }
  return shown;
}
