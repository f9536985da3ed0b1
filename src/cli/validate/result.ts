// What `dff validate` found, independent of how it is printed.
import * as path from 'node:path';
import type { ResolvedFinding, Severity } from '../../core/flow/finding';

export interface FlowFileResult {
  /** Relative to the working folder when inside it, with forward slashes. */
  path: string;
  findings: ResolvedFinding[];
}

export interface ValidateResult {
  flows: FlowFileResult[];
  /** Files named on the command line that are not flow definitions. */
  skippedExplicit: string[];
  /** Other JSON files found in folders that are not flow definitions. */
  skippedCount: number;
}

/** How standard input (the argument "-") is named in the output. */
export const STDIN_DISPLAY = '<stdin>';

export function displayPath(absolutePath: string, cwd: string): string {
  const relative = path.relative(cwd, absolutePath);
  const shown = relative === '' || path.isAbsolute(relative) ? absolutePath : relative;
  return shown.split(path.sep).join('/');
}

export function countBySeverity(result: ValidateResult): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const flow of result.flows) for (const finding of flow.findings) counts[finding.severity]++;
  return counts;
}

/** Findings in text order, as compilers list them; the sort is stable for findings at one place. */
export function inTextOrder(findings: ResolvedFinding[]): ResolvedFinding[] {
  return [...findings].sort((a, b) => a.range.startOffset - b.range.startOffset);
}
