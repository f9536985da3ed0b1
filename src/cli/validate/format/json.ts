// Machine-readable findings: flow definitions only, 0-based lines and characters as in the LSP.
import type { Range } from '../../../core/flow/finding';
import { inTextOrder, type ValidateResult } from '../result';

export function formatJson(result: ValidateResult): string {
  const files = result.flows.map((flow) => ({
    path: flow.path,
    findings: inTextOrder(flow.findings).map((finding) => ({
      code: finding.code,
      severity: finding.severity,
      message: finding.message,
      range: plainRange(finding.range),
      componentId: finding.componentId ?? null,
      componentName: finding.componentName ?? null,
    })),
  }));
  return JSON.stringify({ files }, null, 2) + '\n';
}

function plainRange(range: Range): Range {
  return {
    start: { line: range.start.line, character: range.start.character },
    end: { line: range.end.line, character: range.end.character },
  };
}
