// path:line:col: severity code: message, with 1-based line and column as compilers print them.
import { countOf } from '../../../core/countOf';
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
  const flows = countOf(result.flows.length, 'flow definition');
  const skipped = result.skippedCount + result.skippedExplicit.length;
  const others = skipped > 0 ? ` (${countOf(skipped, 'other JSON file')} skipped)` : '';
  if (result.flows.length === 0) return `No flow definitions found${others}.`;
  const counts = countBySeverity(result);
  const total = counts.error + counts.warning + counts.info + counts.hint;
  if (total === 0) return `No problems in ${flows}${others}.`;
  const parts = [countOf(counts.error, 'error'), countOf(counts.warning, 'warning')];
  const notes = counts.info + counts.hint;
  if (notes > 0) parts.push(countOf(notes, 'note'));
  return `${parts.join(', ')} in ${flows}${others}.`;
}
