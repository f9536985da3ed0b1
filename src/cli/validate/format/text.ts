// path:line:col: severity code: message, with 1-based line and column as compilers print them.
import { countBySeverity, inTextOrder, type ValidateResult } from '../result';

export function formatText(result: ValidateResult): string {
  const lines: string[] = [];
  for (const file of result.skippedExplicit) lines.push(`${file}: not a flow definition, skipped`);
  for (const flow of result.flows) {
    for (const finding of inTextOrder(flow.findings)) {
      const { line, character } = finding.range.start;
      lines.push(`${flow.path}:${line + 1}:${character + 1}: ${finding.severity} ${finding.code}: ${finding.message}`);
    }
  }
  lines.push(summary(result));
  return lines.join('\n') + '\n';
}

function summary(result: ValidateResult): string {
  const flows = plural(result.flows.length, 'flow definition');
  const skipped = result.skippedCount + result.skippedExplicit.length;
  const others = skipped > 0 ? ` (${plural(skipped, 'other JSON file')} skipped)` : '';
  if (result.flows.length === 0) return `No flow definitions found${others}.`;
  const counts = countBySeverity(result);
  const total = counts.error + counts.warning + counts.info + counts.hint;
  if (total === 0) return `No problems in ${flows}${others}.`;
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning')];
  const notes = counts.info + counts.hint;
  if (notes > 0) parts.push(plural(notes, 'note'));
  return `${parts.join(', ')} in ${flows}${others}.`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
