// Core results -> vscode types.
import * as vscode from 'vscode';
import { shortMessage } from '../../core/flow/editor/shortMessage';
import type { ResolvedFinding, Severity, TextSpan } from '../../core/flow/finding';

export const DIAGNOSTIC_SOURCE = 'DataFlow Functions';

/** Findings shown faded out, as unused code is. */
const UNNECESSARY_CODES = new Set(['parameter-unused']);

const SEVERITIES: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function toRange(span: TextSpan): vscode.Range {
  return new vscode.Range(span.start.line, span.start.character, span.end.line, span.end.character);
}

export function offsetRange(document: vscode.TextDocument, startOffset: number, endOffset: number): vscode.Range {
  return new vscode.Range(document.positionAt(startOffset), document.positionAt(endOffset));
}

export function toDiagnostic(uri: vscode.Uri, finding: ResolvedFinding): vscode.Diagnostic {
  // One sentence in the Problems panel and the F8 peek; the rest is in the hover and on the rule's page.
  const diagnostic = new vscode.Diagnostic(toRange(finding.range), shortMessage(finding.message), SEVERITIES[finding.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: finding.code, target: ruleDocsLink(finding.code) };
  diagnostic.relatedInformation = finding.related.map(
    (related) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, toRange(related.range)), related.message),
  );
  if (finding.severity === 'hint' && UNNECESSARY_CODES.has(finding.code)) diagnostic.tags = [vscode.DiagnosticTag.Unnecessary];
  return diagnostic;
}

export function diagnosticCode(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export const SHOW_RULE_DOCS_COMMAND = 'dff.showRuleDocs';

/** The code's link in the Problems panel and the hover: opens the rule's page in the Markdown preview. */
export function ruleDocsLink(code: string): vscode.Uri {
  return vscode.Uri.parse(`command:${SHOW_RULE_DOCS_COMMAND}?${encodeURIComponent(JSON.stringify([code]))}`);
}
