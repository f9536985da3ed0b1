// Quick fixes for findings that carry fixes: the core computes text edits, applied as one WorkspaceEdit.
import * as vscode from 'vscode';
import type { ResolvedFinding } from '../../core/flow/finding';
import type { Validation } from '../../core/flow/validate';
import { loadFlowEngine } from '../lazy';
import { DIAGNOSTIC_SOURCE, diagnosticCode, offsetRange, toDiagnostic, toRange } from './convert';
import type { FlowDiagnostics } from './diagnostics';
import { FLOW_SELECTOR } from './flowDocuments';

class FlowCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly diagnostics: FlowDiagnostics) {}

  async provideCodeActions(
    document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext,
  ): Promise<vscode.CodeAction[]> {
    if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix) && !vscode.CodeActionKind.QuickFix.contains(context.only)) {
      return [];
    }
    const validation = await this.diagnostics.validated(document);
    if (!validation?.model) return [];
    const actions: vscode.CodeAction[] = [];
    for (const finding of validation.findings) {
      if (!finding.fixes?.length) continue;
      const findingRange = toRange(finding.range);
      if (!findingRange.intersection(range)) continue;
      const diagnostic = context.diagnostics.find((item) => matches(item, finding, findingRange)) ?? toDiagnostic(document.uri, finding);
      actions.push(...fixesOf(document, validation, finding, diagnostic));
    }
    return actions;
  }
}

function fixesOf(
  document: vscode.TextDocument, validation: Validation, finding: ResolvedFinding, diagnostic: vscode.Diagnostic,
): vscode.CodeAction[] {
  const engine = loadFlowEngine();
  const fixes = finding.fixes ?? [];
  const actions: vscode.CodeAction[] = [];
  for (const fix of fixes) {
    const edits = engine.computeFix(validation.model!.text, validation.model!, fix);
    if (edits.length === 0) continue;
    const action = new vscode.CodeAction(engine.fixTitle(fix), vscode.CodeActionKind.QuickFix);
    action.edit = new vscode.WorkspaceEdit();
    for (const edit of edits) {
      action.edit.replace(document.uri, offsetRange(document, edit.offset, edit.offset + edit.length), edit.newText);
    }
    action.diagnostics = [diagnostic];
    action.isPreferred = fixes.length === 1;
    actions.push(action);
  }
  return actions;
}

function matches(diagnostic: vscode.Diagnostic, finding: ResolvedFinding, range: vscode.Range): boolean {
  return diagnostic.source === DIAGNOSTIC_SOURCE && diagnosticCode(diagnostic) === finding.code && diagnostic.range.isEqual(range);
}

export function registerCodeActions(diagnostics: FlowDiagnostics): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(FLOW_SELECTOR, new FlowCodeActionProvider(diagnostics), FlowCodeActionProvider.metadata);
}
