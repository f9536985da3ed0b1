// Everything the user sees while editing a flow definition: diagnostics, CodeLens, quick fixes,
// hover, completion and go to definition. Nothing here uses credentials: it works in untrusted workspaces.
import * as vscode from 'vscode';
import type { ValidationApi } from './api';
import { FlowCodeActionProvider, registerCodeActions } from './codeActions';
import { registerCodeLens } from './codeLens';
import { FlowDiagnostics } from './diagnostics';
import { FlowDocuments } from './flowDocuments';
import { trackFlowFileContext } from './flowFileContext';
import { registerParameterProviders } from './parameterProviders';
import { registerRuleCommands } from './ruleCommands';
import { affectsValidation } from './settings';

export function registerValidation(context: vscode.ExtensionContext): ValidationApi {
  const documents = new FlowDocuments();
  const diagnostics = new FlowDiagnostics(documents);
  const quickFixes = new FlowCodeActionProvider(diagnostics);
  context.subscriptions.push(
    diagnostics,
    vscode.workspace.onDidOpenTextDocument((document) => diagnostics.schedule(document, 0)),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0) diagnostics.schedule(event.document);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => diagnostics.close(document)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsValidation(event)) diagnostics.refreshAll();
    }),
    ...registerCodeLens(diagnostics),
    registerCodeActions(quickFixes),
    ...registerParameterProviders(diagnostics),
    ...trackFlowFileContext(diagnostics),
    ...registerRuleCommands(context, diagnostics),
  );
  for (const document of vscode.workspace.textDocuments) diagnostics.schedule(document, 0);
  return { lastValidation: (uri) => diagnostics.lastValidation(uri), quickFixes };
}
