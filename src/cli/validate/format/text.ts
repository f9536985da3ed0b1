// path:line:col: severity code: message, with 1-based line and column as compilers print them.
import { countOf } from '../../../core/countOf';
import { escapeControlCharacters } from '../../../core/flow/quoteName';
import { countBySeverity, inTextOrder, type ValidateResult } from '../result';
import { Pieces } from './pieces';

export function formatText(result: ValidateResult): string[] {
  const out = new Pieces();
  // Paths and messages may carry text from the file (or a file name) with control characters: a
  // terminal would act on them, so each line shows them escaped.
  const line = (text: string) => out.add(`${escapeControlCharacters(text)}\n`);
  for (const file of result.skippedExplicit) line(`${file}: not a flow definition, skipped`);
  for (const flow of result.flows) {
    for (const finding of inTextOrder(flow.findings)) {
      const { line: row, character } = finding.range.start;
      line(`${flow.path}:${row + 1}:${character + 1}: ${finding.severity} ${finding.code}: ${finding.message}`);
    }
  }
  line(summary(result));
  return out.end();
}

function summary(result: ValidateResult): string {
  const flows = countOf(result.flows.length, 'flow definition');
  const skipped = result.skippedCount + result.skippedExplicit.length;
  // Folders are searched for *.json only; a file named on the command line may be anything (README.md).
  const allJson = result.skippedExplicit.every((file) => /\.json$/i.test(file));
  const others = skipped > 0 ? ` (${countOf(skipped, allJson ? 'other JSON file' : 'other file')} skipped)` : '';
  if (result.flows.length === 0) return `No flow definitions found${others}.`;
  const counts = countBySeverity(result);
  const total = counts.error + counts.warning + counts.info + counts.hint;
  if (total === 0) return `No problems in ${flows}${others}.`;
  const parts = [countOf(counts.error, 'error'), countOf(counts.warning, 'warning')];
  // The same words as the lines: "info" and "hint", not a third one.
  if (counts.info > 0) parts.push(`${counts.info} info`);
  if (counts.hint > 0) parts.push(countOf(counts.hint, 'hint'));
  return `${parts.join(', ')} in ${flows}${others}.`;
}
