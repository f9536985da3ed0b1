// SARIF 2.1.0, as code-scanning services (GitHub, Azure DevOps) read it: one run, one rule per code.
import { pathToFileURL } from 'node:url';
import type { ResolvedFinding, Severity, TextSpan } from '../../../core/flow/finding';
import { inTextOrder, type ValidateResult } from '../result';
import { indentedJson, Pieces } from './pieces';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SOURCE_ROOT = '%SRCROOT%';

/** The same text as JSON.stringify(log, null, 2) + '\n' of one SARIF log, in pieces. */
export function formatSarif(result: ValidateResult, cwd: string, toolVersion: string): string[] {
  const ruleIndex = new Map<string, number>();
  const rules: { id: string; shortDescription: { text: string } }[] = [];
  const files = result.flows.map((flow) => ({ uri: fileUri(flow.path), findings: inTextOrder(flow.findings) }));
  for (const { findings } of files) {
    for (const finding of findings) {
      if (ruleIndex.has(finding.code)) continue;
      ruleIndex.set(finding.code, rules.length);
      rules.push({ id: finding.code, shortDescription: { text: describeCode(finding.code) } });
    }
  }
  const run = {
    tool: { driver: { name: 'dff', version: toolVersion, informationUri: 'https://docs.cloudera.com/dataflow/cloud/', rules } },
    originalUriBaseIds: { [SOURCE_ROOT]: { uri: folderUri(cwd) } },
  };
  const out = new Pieces();
  const runText = indentedJson(run, 4);
  out.add(`{\n  "$schema": ${JSON.stringify(SCHEMA)},\n  "version": "2.1.0",\n  "runs": [\n    ${runText.slice(0, -(1 + 4 + 1))},\n      "results": `);
  let count = 0;
  for (const { uri, findings } of files) {
    for (const finding of findings) {
      out.add(`${count === 0 ? '[' : ','}\n        ${indentedJson(sarifResult(finding, ruleIndex.get(finding.code)!, uri), 8)}`);
      count++;
    }
  }
  out.add(count === 0 ? '[]' : '\n      ]');
  out.add('\n    }\n  ]\n}\n');
  return out.end();
}

function sarifResult(finding: ResolvedFinding, ruleIndex: number, uri: string) {
  return {
    ruleId: finding.code,
    ruleIndex,
    level: level(finding.severity),
    message: { text: finding.message },
    locations: [location(uri, finding.range)],
    ...(finding.related.length > 0
      ? { relatedLocations: finding.related.map((item, id) => ({ id, ...location(uri, item.range), message: { text: item.message } })) }
      : {}),
  };
}

function location(uri: string, range: TextSpan) {
  return {
    physicalLocation: {
      artifactLocation: { uri, uriBaseId: SOURCE_ROOT },
      // SARIF columns are 1-based and endColumn is the column just after the region.
      region: {
        startLine: range.start.line + 1,
        startColumn: range.start.character + 1,
        endLine: range.end.line + 1,
        endColumn: range.end.character + 1,
      },
    },
  };
}

function level(severity: Severity): 'error' | 'warning' | 'note' {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

/** A relative URI reference: each path segment percent-encoded, forward slashes kept. */
function fileUri(displayPath: string): string {
  if (/^(?:[A-Za-z]:)?\//.test(displayPath)) return pathToFileURL(displayPath).href;
  return displayPath.split('/').map((segment) => (segment === '..' ? segment : encodeURIComponent(segment))).join('/');
}

function folderUri(folder: string): string {
  const href = pathToFileURL(folder).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** "flow-syntax" -> "Flow syntax": the codes are written to read as short descriptions. */
function describeCode(code: string): string {
  const words = code.replace(/[-_.]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
