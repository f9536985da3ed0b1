// The plan as text, for the CLI and the VS Code review document: account, region, function, every
// step with before and after, environment keys with sensitive values masked, secret key names only.
import { countOf } from '../countOf';
import type { DeployPlan, EnvironmentChange } from './planTypes';

const MASK = '********';

const MARKS: Record<string, string> = { create: '+', update: '~', wait: '…', none: '=' };
const ENV_MARKS: Record<EnvironmentChange['change'], string> = { add: '+', update: '~', remove: '-', same: '=', kept: '·' };

export function renderPlanText(plan: DeployPlan): string {
  const lines: string[] = [];
  const changing = plan.steps.filter((step) => step.change !== 'none' && step.change !== 'wait');
  lines.push(`Deploy "${plan.flowName}" (${plan.flowPath}) to target ${plan.targetName}`);
  lines.push(`  Account:       ${plan.account}`);
  lines.push(`  Region:        ${plan.region}`);
  lines.push(`  Function:      ${plan.functionName} (alias ${plan.alias})`);
  lines.push(`  Flow version:  ${plan.versionCrn}`);
  lines.push('');
  if (plan.refusals.length > 0) {
    lines.push(`REFUSED: ${countOf(plan.refusals.length, 'reason')}; nothing will be changed:`);
    for (const refusal of plan.refusals) lines.push(...indent(`- ${refusal.message} [${refusal.code}]`, '  '));
    lines.push('');
  }
  if (plan.warnings.length > 0) {
    lines.push('Warnings:');
    for (const warning of plan.warnings) lines.push(...indent(`- ${warning.message}`, '  '));
    lines.push('');
  }
  lines.push(changing.length === 0 ? 'Steps: nothing to change.' : `Steps (${countOf(changing.length, 'change')}; + create, ~ update, … wait, = as asked):`);
  plan.steps.forEach((step, index) => {
    lines.push(`  ${String(index + 1).padStart(2)}. ${MARKS[step.change]} ${step.title}`);
    for (const detail of step.details) {
      const before = detail.before === undefined ? '' : `${detail.before} → `;
      lines.push(`        ${detail.field}: ${before}${detail.after ?? '(none)'}`);
    }
  });
  lines.push('');
  lines.push('Environment variables (+ add, ~ change, - remove, = unchanged, · kept: set by hand, not by this deploy):');
  for (const item of plan.environment) lines.push(`  ${ENV_MARKS[item.change]} ${item.key}${environmentValue(item)}`);
  if (plan.secretName) {
    lines.push('');
    lines.push(`Secret ${plan.secretName} (key names only; values never shown):`);
    if (plan.secretKeys.length === 0) lines.push('  (no keys)');
    for (const key of plan.secretKeys) lines.push(`  ${key.change === 'add' ? '+' : key.change === 'update' ? '~' : key.change === 'same' ? '=' : '·'} ${key.name}`);
  }
  return `${lines.join('\n')}\n`;
}

function environmentValue(item: EnvironmentChange): string {
  if (item.sensitive) {
    if (item.change === 'update') return ` = ${MASK} (changed)`;
    return item.change === 'remove' ? '' : ` = ${MASK}`;
  }
  if (item.change === 'update') return ` = ${quote(item.before)} → ${quote(item.after)}`;
  if (item.change === 'remove') return ` (was ${quote(item.before)})`;
  return ` = ${quote(item.after)}`;
}

function quote(value: string | undefined): string {
  if (value === undefined) return '(none)';
  const short = value.length > 120 ? `${value.slice(0, 117)}...` : value;
  return JSON.stringify(short);
}

function indent(text: string, prefix: string): string[] {
  return text.split('\n').map((line, index) => (index === 0 ? `${prefix}${line}` : `${prefix}  ${line}`));
}
