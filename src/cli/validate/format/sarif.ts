// SARIF 2.1.0, as code-scanning services (GitHub, Azure DevOps) read it: one run, one rule per code.
import { pathToFileURL } from 'node:url';
import type { ResolvedFinding, Severity, TextSpan } from '../../../core/flow/finding';
import { inTextOrder, type ValidateResult } from '../result';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SOURCE_ROOT = '%SRCROOT%';

export function formatSarif(result: ValidateResult, cwd: string, toolVersion: string): string {
  const ruleIndex = new Map<string, number>();
  const rules: { id: string; shortDescription: { text: string } }[] = [];
  const results = [];
  for (const flow of result.flows) {
    for (const finding of inTextOrder(flow.findings)) {
      let index = ruleIndex.get(finding.code);
      if (index === undefined) {
        index = rules.length;
        ruleIndex.set(finding.code, index);
        rules.push({ id: finding.code, shortDescription: { text: describeCode(finding.code) } });
      }
      results.push(sarifResult(finding, index, fileUri(flow.path)));
    }
  }
  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'dff', version: toolVersion, informationUri: 'https://docs.cloudera.com/dataflow/cloud/', rules } },
      originalUriBaseIds: { [SOURCE_ROOT]: { uri: folderUri(cwd) } },
      results,
    }],
  };
  return JSON.stringify(log, null, 2) + '\n';
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
