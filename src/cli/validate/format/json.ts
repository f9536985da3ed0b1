// Machine-readable findings: flow definitions only, 0-based lines and characters as in the LSP.
import type { Range, ResolvedFinding } from '../../../core/flow/finding';
import { shortText } from '../../../core/flow/quoteName';
import { inTextOrder, type ValidateResult } from '../result';
import { indentedJson, Pieces } from './pieces';

/** The same text as JSON.stringify({ files }, null, 2) + '\n', in pieces. */
export function formatJson(result: ValidateResult): string[] {
  const out = new Pieces();
  if (result.flows.length === 0) {
    out.add('{\n  "files": []\n}\n');
    return out.end();
  }
  out.add('{\n  "files": [');
  result.flows.forEach((flow, fileIndex) => {
    out.add(`${fileIndex > 0 ? ',' : ''}\n    {\n      "path": ${JSON.stringify(flow.path)},\n      "findings": `);
    const findings = inTextOrder(flow.findings);
    if (findings.length === 0) {
      out.add('[]');
    } else {
      out.add('[');
      findings.forEach((finding, index) => out.add(`${index > 0 ? ',' : ''}\n        ${indentedJson(plainFinding(finding), 8)}`));
      out.add('\n      ]');
    }
    out.add('\n    }');
  });
  out.add('\n  ]\n}\n');
  return out.end();
}

function plainFinding(finding: ResolvedFinding) {
  return {
    code: finding.code,
    severity: finding.severity,
    message: finding.message,
    range: plainRange(finding.range),
    componentId: finding.componentId ?? null,
    // The name as messages show it: a file may hold names of millions of characters.
    componentName: finding.componentName === undefined ? null : shortText(finding.componentName),
    related: finding.related.map((item) => ({ message: item.message, range: plainRange(item.range) })),
  };
}

function plainRange(range: Range): Range {
  return {
    start: { line: range.start.line, character: range.start.character },
    end: { line: range.end.line, character: range.end.character },
  };
}
