// Quick fixes for findings that carry fixes. The core computes the text edits when the user picks a fix
// (resolveCodeAction), against the validation of the document as it is then: edits are offsets into the
// validated text, and a WorkspaceEdit carries no version, so edits computed when the lightbulb appeared
// would corrupt the JSON if the document changed before the fix was picked.
import * as vscode from 'vscode';
import type { FixSpec, ResolvedFinding } from '../../core/flow/finding';
import { loadFlowEngine } from '../lazy';
import { DIAGNOSTIC_SOURCE, diagnosticCode, offsetRange, SHOW_RULE_DOCS_COMMAND, toDiagnostic, toRange } from './convert';
import type { FlowDiagnostics } from './diagnostics';
import { FLOW_SELECTOR } from './flowDocuments';
import { settings } from './settings';

/** A quick fix whose edit is computed when it is picked. */
class FlowFix extends vscode.CodeAction {
  constructor(readonly document: vscode.TextDocument, readonly fix: FixSpec, title: string) {
    super(title, vscode.CodeActionKind.QuickFix);
  }
}

/** source.fixAll.dff: what editor.codeActionsOnSave runs, and the Fix All command. */
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('dff');
export const FIX_ALL_COMMAND = 'dff.fixAll';
export const TURN_OFF_RULE_COMMAND = 'dff.turnOffRule';
export const ADD_FAILURE_PORT_COMMAND = 'dff.addFailurePortSetting';

/** The fix-all action; its edit is computed when it runs, against the document as it is then. */
class FixAllAction extends vscode.CodeAction {
  constructor(readonly document: vscode.TextDocument) {
    super('Fix all auto-fixable DataFlow Functions problems', FIX_ALL_KIND);
  }
}

type FlowAction = FlowFix | FixAllAction | vscode.CodeAction;

export class FlowCodeActionProvider implements vscode.CodeActionProvider<FlowAction> {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND] };

  constructor(private readonly diagnostics: FlowDiagnostics) {}

  async provideCodeActions(
    document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext, token?: vscode.CancellationToken,
  ): Promise<FlowAction[]> {
    if (context.only && FIX_ALL_KIND.intersects(context.only)) {
      const validation = await this.diagnostics.validated(document, token);
      return validation?.model ? [new FixAllAction(document)] : [];
    }
    if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix) && !vscode.CodeActionKind.QuickFix.contains(context.only)) {
      return [];
    }
    const validation = await this.diagnostics.validated(document, token);
    if (!validation) return [];
    const actions: FlowAction[] = validation.model ? this.fixes(document, range, context, validation.findings) : [];
    actions.push(...ruleActions(document, context));
    return actions;
  }

  private fixes(
    document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext, findings: readonly ResolvedFinding[],
  ): vscode.CodeAction[] {
    const engine = loadFlowEngine();
    const actions: vscode.CodeAction[] = [];
    for (const finding of findings) {
      const fixes = finding.fixes ?? [];
      const findingRange = toRange(finding.range);
      if (fixes.length === 0 || !findingRange.intersection(range)) continue;
      const diagnostic = context.diagnostics.find((item) => matches(item, finding, findingRange)) ?? toDiagnostic(document.uri, finding);
      for (const fix of fixes) {
        if (fix.kind === 'addFailurePortSetting') {
          // Changes a setting, not the file: a command, with nothing to resolve.
          const action = new vscode.CodeAction(engine.fixTitle(fix), vscode.CodeActionKind.QuickFix);
          action.command = { title: action.title, command: ADD_FAILURE_PORT_COMMAND, arguments: [fix.portName, document.uri] };
          action.diagnostics = [diagnostic];
          actions.push(action);
          continue;
        }
        const action = new FlowFix(document, fix, engine.fixTitle(fix));
        action.diagnostics = [diagnostic];
        action.isPreferred = engine.isPreferredFix(fix, fixes);
        actions.push(action);
      }
    }
    return actions;
  }

  private fixAllEdit(document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<vscode.WorkspaceEdit | undefined> {
    return fixAllEdit(this.diagnostics, document, token);
  }

  /** Fixes are semantic (a processor, a parameter), so they apply to the current text even after other edits. */
  async resolveCodeAction(action: FlowAction, token?: vscode.CancellationToken): Promise<FlowAction> {
    if (action instanceof FixAllAction) {
      action.edit = await this.fixAllEdit(action.document, token);
      return action;
    }
    if (!(action instanceof FlowFix)) return action;
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

/**
 * One edit that applies every unambiguous fix (the one preferred fix of a finding) to the document as it is
 * now, leaving alone rules the user turned off; undefined when there is nothing to fix.
 */
export async function fixAllEdit(diagnostics: FlowDiagnostics, document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<vscode.WorkspaceEdit | undefined> {
  const validation = await diagnostics.validated(document, token);
  if (!validation?.model || token?.isCancellationRequested) return undefined;
  const rules = settings.rules(document.uri);
  const result = loadFlowEngine().fixAll(validation.model.text, {
    failurePorts: settings.failurePorts(document.uri),
    include: (finding) => rules.get(finding.code) !== 'off',
  });
  if (result.edits.length === 0) return undefined;
  const edit = new vscode.WorkspaceEdit();
  for (const change of result.edits) edit.replace(document.uri, offsetRange(document, change.offset, change.offset + change.length), change.newText);
  return edit;
}

/** "Show documentation for <code>" and "Turn off <code> for this workspace", once per code among our diagnostics here. */
function ruleActions(document: vscode.TextDocument, context: vscode.CodeActionContext): vscode.CodeAction[] {
  const actions: vscode.CodeAction[] = [];
  const codes = new Set<string>();
  for (const diagnostic of context.diagnostics) {
    const code = diagnostic.source === DIAGNOSTIC_SOURCE ? diagnosticCode(diagnostic) : undefined;
    if (!code || codes.has(code)) continue;
    codes.add(code);
    const docs = new vscode.CodeAction(`Show documentation for ${code}`, vscode.CodeActionKind.QuickFix);
    docs.command = { title: docs.title, command: SHOW_RULE_DOCS_COMMAND, arguments: [code] };
    docs.diagnostics = [diagnostic];
    const off = new vscode.CodeAction(`Turn off ${code} for this workspace`, vscode.CodeActionKind.QuickFix);
    off.command = { title: off.title, command: TURN_OFF_RULE_COMMAND, arguments: [code, document.uri] };
    off.diagnostics = [diagnostic];
    actions.push(docs, off);
  }
  return actions;
}

function matches(diagnostic: vscode.Diagnostic, finding: ResolvedFinding, range: vscode.Range): boolean {
  return diagnostic.source === DIAGNOSTIC_SOURCE && diagnosticCode(diagnostic) === finding.code && diagnostic.range.isEqual(range);
}

export function registerCodeActions(provider: FlowCodeActionProvider): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(FLOW_SELECTOR, provider, FlowCodeActionProvider.metadata);
}
