// The findings the editor already shows for a document (its DataFlow Functions diagnostics), as the
// drawing model takes them: the preview does not validate again.
import * as vscode from 'vscode';
import type { PreviewFinding } from '../../core/flow/preview/types';
import { DIAGNOSTIC_SOURCE } from '../validation/convert';

const SEVERITIES: Record<vscode.DiagnosticSeverity, PreviewFinding['severity']> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'info',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

export function publishedFindings(document: vscode.TextDocument): PreviewFinding[] {
  return vscode.languages.getDiagnostics(document.uri)
    .filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE)
    .map((diagnostic) => ({
      severity: SEVERITIES[diagnostic.severity],
      message: diagnostic.message,
      range: { startOffset: document.offsetAt(diagnostic.range.start) },
    }));
}
