// The context key dff.isFlowFile: true while the active editor shows a flow definition (menus use it).
import * as vscode from 'vscode';
import type { FlowDiagnostics } from './diagnostics';

const CONTEXT_KEY = 'dff.isFlowFile';

export function trackFlowFileContext(diagnostics: FlowDiagnostics): vscode.Disposable[] {
  let current: boolean | undefined;
  const set = (value: boolean): void => {
    if (value === current) return;
    current = value;
    void vscode.commands.executeCommand('setContext', CONTEXT_KEY, value);
  };
  const update = async (): Promise<void> => {
    const document = vscode.window.activeTextEditor?.document;
    if (!document) return set(false);
    const validation = await diagnostics.validated(document);
    // The active editor may have changed while validation ran.
    if (vscode.window.activeTextEditor?.document === document) set(validation !== undefined);
  };
  void update();
  return [
    vscode.window.onDidChangeActiveTextEditor(() => void update()),
    diagnostics.onDidValidate((document) => {
      if (vscode.window.activeTextEditor?.document === document) void update();
    }),
  ];
}
