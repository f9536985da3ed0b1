// Commands behind the rule links and the extra quick-fix menu entries: a rule's page in the Markdown
// preview, turning a rule off for the workspace, and Fix All Auto-fixable Problems.
import * as vscode from 'vscode';
import { isRuleCode } from '../../core/flow/editor/ruleCodes';
import { ADD_FAILURE_PORT_COMMAND, FIX_ALL_COMMAND, fixAllEdit, TURN_OFF_RULE_COMMAND } from './codeActions';
import { SHOW_RULE_DOCS_COMMAND } from './convert';
import type { FlowDiagnostics } from './diagnostics';
import { addFailurePortName, turnOffRule } from './settings';

/** docs/rules/<code>.md in the extension (shipped in the .vsix). */
export function ruleDocsUri(extensionUri: vscode.Uri, code: string): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${code}.md`);
}

export function registerRuleCommands(context: vscode.ExtensionContext, diagnostics: FlowDiagnostics): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(SHOW_RULE_DOCS_COMMAND, async (code?: unknown) => {
      // The code comes from a link (a command URI anyone can write): only the rules' own pages are opened.
      if (typeof code !== 'string' || !isRuleCode(code)) {
        void vscode.window.showErrorMessage(`There is no DataFlow Functions rule ${JSON.stringify(String(code))}.`);
        return undefined;
      }
      const page = ruleDocsUri(context.extensionUri, code);
      await vscode.commands.executeCommand('markdown.showPreview', page);
      return page;
    }),
    vscode.commands.registerCommand(TURN_OFF_RULE_COMMAND, async (code?: unknown, resource?: unknown) => {
      if (typeof code !== 'string' || !isRuleCode(code)) return;
      await turnOffRule(code, resource instanceof vscode.Uri ? resource : undefined);
      vscode.window.setStatusBarMessage(`$(check) ${code} is off for this workspace (dff.validation.rules)`, 5000);
    }),
    vscode.commands.registerCommand(ADD_FAILURE_PORT_COMMAND, async (name?: unknown, resource?: unknown) => {
      if (typeof name !== 'string') return;
      await addFailurePortName(name, resource instanceof vscode.Uri ? resource : undefined);
      vscode.window.setStatusBarMessage(`$(check) ${JSON.stringify(name)} counts as a failure port in this workspace (dff.validation.failurePorts)`, 5000);
    }),
    vscode.commands.registerCommand(FIX_ALL_COMMAND, async (target?: unknown) => {
      const document = target instanceof vscode.Uri
        ? await vscode.workspace.openTextDocument(target)
        : vscode.window.activeTextEditor?.document;
      if (!document) {
        void vscode.window.showErrorMessage('Open a flow definition file to fix its problems.');
        return false;
      }
      const edit = await fixAllEdit(diagnostics, document);
      if (!edit) {
        void vscode.window.showInformationMessage(`${vscode.workspace.asRelativePath(document.uri)} has no problems that can be fixed automatically.`);
        return false;
      }
      return vscode.workspace.applyEdit(edit);
    }),
  ];
}
