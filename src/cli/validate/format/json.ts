// Machine-readable findings: flow definitions only, 0-based lines and characters as in the LSP.
import type { Range, ResolvedFinding } from '../../../core/flow/finding';
import { shortText } from '../../../core/flow/quoteName';
import { inTextOrder, type ValidateResult } from '../result';
import { Pieces } from './pieces';

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
      findings.forEach((finding, index) => out.add(`${index > 0 ? ',' : ''}\n${FINDING_INDENT}${findingJson(finding)}`));
      out.add('\n      ]');
    }
    out.add('\n    }');
  });
  out.add('\n  ]\n}\n');
  return out.end();
}

// Written field by field, as JSON.stringify(value, null, 2) would write it indented: a big flow's
// thousands of findings and related places are written in about half the time it takes to stringify
// each finding and indent the result.
const FINDING_INDENT = ' '.repeat(8);

function findingJson(finding: ResolvedFinding): string {
  const inner = `${FINDING_INDENT}  `;
  const name = finding.componentName === undefined ? undefined : shortText(finding.componentName);
  return `{\n${inner}"code": ${JSON.stringify(finding.code)},` +
    `\n${inner}"severity": ${JSON.stringify(finding.severity)},` +
    `\n${inner}"message": ${JSON.stringify(finding.message)},` +
    `\n${inner}"range": ${rangeJson(finding.range, inner)},` +
    `\n${inner}"componentId": ${stringOrNull(finding.componentId)},` +
    // The name as messages show it: a file may hold names of millions of characters.
    `\n${inner}"componentName": ${stringOrNull(name)},` +
    `\n${inner}"related": ${relatedJson(finding.related, inner)}` +
    `\n${FINDING_INDENT}}`;
}

function relatedJson(related: ResolvedFinding['related'], indent: string): string {
  if (related.length === 0) return '[]';
  const item = `${indent}  `;
  const inner = `${item}  `;
  const items = related.map((place) =>
    `${item}{\n${inner}"message": ${JSON.stringify(place.message)},\n${inner}"range": ${rangeJson(place.range, inner)}\n${item}}`);
  return `[\n${items.join(',\n')}\n${indent}]`;
}

/** A range whose opening brace follows a member name at `indent`. */
function rangeJson(range: Range, indent: string): string {
  const end = `${indent}  `;
  const inner = `${end}  `;
  return `{\n${end}"start": {\n${inner}"line": ${range.start.line},\n${inner}"character": ${range.start.character}\n${end}},` +
    `\n${end}"end": {\n${inner}"line": ${range.end.line},\n${inner}"character": ${range.end.character}\n${end}}\n${indent}}`;
}

function stringOrNull(value: string | undefined): string {
  return value === undefined ? 'null' : JSON.stringify(value);
}
