// Quick fixes for findings that carry fixes. The core computes the text edits when the user picks a fix
// (resolveCodeAction), against the validation of the document as it is then: edits are offsets into the
// validated text, and a WorkspaceEdit carries no version, so edits computed when the lightbulb appeared
// would corrupt the JSON if the document changed before the fix was picked.
import * as vscode from 'vscode';
import type { FixSpec, ResolvedFinding } from '../../core/flow/finding';
import { loadFlowEngine } from '../lazy';
import { DIAGNOSTIC_SOURCE, diagnosticCode, offsetRange, toDiagnostic, toRange } from './convert';
import type { FlowDiagnostics } from './diagnostics';
import { FLOW_SELECTOR } from './flowDocuments';

/** A quick fix whose edit is computed when it is picked. */
class FlowFix extends vscode.CodeAction {
  constructor(readonly document: vscode.TextDocument, readonly fix: FixSpec, title: string) {
    super(title, vscode.CodeActionKind.QuickFix);
  }
}

export class FlowCodeActionProvider implements vscode.CodeActionProvider<FlowFix> {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly diagnostics: FlowDiagnostics) {}

  async provideCodeActions(
    document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext, token?: vscode.CancellationToken,
  ): Promise<FlowFix[]> {
    if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix) && !vscode.CodeActionKind.QuickFix.contains(context.only)) {
      return [];
    }
    const validation = await this.diagnostics.validated(document, token);
    if (!validation?.model) return [];
    const engine = loadFlowEngine();
    const actions: FlowFix[] = [];
    for (const finding of validation.findings) {
      const fixes = finding.fixes ?? [];
      const findingRange = toRange(finding.range);
      if (fixes.length === 0 || !findingRange.intersection(range)) continue;
      const diagnostic = context.diagnostics.find((item) => matches(item, finding, findingRange)) ?? toDiagnostic(document.uri, finding);
      for (const fix of fixes) {
        const action = new FlowFix(document, fix, engine.fixTitle(fix));
        action.diagnostics = [diagnostic];
        action.isPreferred = engine.isPreferredFix(fix, fixes);
        actions.push(action);
      }
    }
    return actions;
  }

  /** Fixes are semantic (a processor, a parameter), so they apply to the current text even after other edits. */
  async resolveCodeAction(action: FlowFix, token?: vscode.CancellationToken): Promise<FlowFix> {
    const { document } = action;
    action.edit = undefined;
    const validation = await this.diagnostics.validated(document, token);
    if (!validation?.model || token?.isCancellationRequested) return action;
    // Nothing runs between validated() returning the current version's validation and here, so the
    // offsets below are offsets into the document as it is now.
    const edits = loadFlowEngine().computeFix(validation.model.text, validation.model, action.fix);
    if (edits.length === 0) {
      void vscode.window.showInformationMessage(
        `"${action.title}" was not applied: ${vscode.workspace.asRelativePath(document.uri)} no longer has the problem it fixes. The Problems panel shows what remains.`,
      );
      return action;
    }
    action.edit = new vscode.WorkspaceEdit();
    for (const edit of edits) action.edit.replace(document.uri, offsetRange(document, edit.offset, edit.offset + edit.length), edit.newText);
    return action;
  }
}

function matches(diagnostic: vscode.Diagnostic, finding: ResolvedFinding, range: vscode.Range): boolean {
  return diagnostic.source === DIAGNOSTIC_SOURCE && diagnosticCode(diagnostic) === finding.code && diagnostic.range.isEqual(range);
}

export function registerCodeActions(provider: FlowCodeActionProvider): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(FLOW_SELECTOR, provider, FlowCodeActionProvider.metadata);
}
