// CodeLens above a flow definition: the verdict above "flowContents", the role of each top-level port.
import * as vscode from 'vscode';
import { loadFlowEngine } from '../lazy';
import type { FlowDiagnostics } from './diagnostics';
import { FLOW_SELECTOR } from './flowDocuments';
import { settings } from './settings';

export const SHOW_PROBLEMS_COMMAND = 'dff.showProblems';

class FlowCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly diagnostics: FlowDiagnostics) {
    this.subscriptions = [
      diagnostics.onDidValidate(() => this.changed.fire()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('dff.codeLens')) this.changed.fire();
      }),
    ];
  }

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    if (!settings.codeLensEnabled()) return [];
    const validation = await this.diagnostics.validated(document);
    if (!validation || token.isCancellationRequested) return [];
    return loadFlowEngine().flowLenses(validation, { failurePorts: settings.failurePorts() }).map((lens) => {
      const position = document.positionAt(lens.offset);
      // A lens without a command id is shown as plain text.
      return new vscode.CodeLens(new vscode.Range(position, position), {
        title: lens.title,
        command: lens.showsProblems ? SHOW_PROBLEMS_COMMAND : '',
        tooltip: lens.showsProblems ? 'Show the problems of this flow in the Problems panel' : undefined,
      });
    });
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
  }
}

export function registerCodeLens(diagnostics: FlowDiagnostics): vscode.Disposable[] {
  const provider = new FlowCodeLensProvider(diagnostics);
  return [
    provider,
    vscode.languages.registerCodeLensProvider(FLOW_SELECTOR, provider),
    vscode.commands.registerCommand(SHOW_PROBLEMS_COMMAND, () => vscode.commands.executeCommand('workbench.actions.view.problems')),
  ];
}
