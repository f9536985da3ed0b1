// CodeLens above a flow definition: the verdict above "flowContents", the role of each top-level port.
import * as vscode from 'vscode';
import { loadFlowEngine } from '../lazy';
import type { FlowDiagnostics } from './diagnostics';
import { FLOW_SELECTOR } from './flowDocuments';
import { settings } from './settings';

export const SHOW_PROBLEMS_COMMAND = 'dff.showProblems';
const PUSH_COMMAND = 'dff.catalog.push';
const DEPLOY_COMMAND = 'dff.deploy.deploy';
/** Documents that can be pushed: files and new unsaved ones, not read-only views such as a catalog version. */
const PUSHABLE_SCHEMES = new Set(['file', 'untitled']);

class FlowCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly diagnostics: FlowDiagnostics) {
    this.subscriptions = [
      diagnostics.onDidValidate(() => this.changed.fire()),
      // Push to Catalog and Deploy to Lambda are offered only in trusted workspaces.
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.changed.fire()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('dff.codeLens')) this.changed.fire();
      }),
    ];
  }

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    if (!settings.codeLensEnabled(document.uri)) return [];
    const validation = await this.diagnostics.validated(document, token);
    if (!validation || token.isCancellationRequested) return [];
    const lenses = loadFlowEngine().flowLenses(validation, { failurePorts: settings.failurePorts(document.uri) }).map((lens) => {
      const position = document.positionAt(lens.offset);
      // A lens without a command id is shown as plain text.
      return new vscode.CodeLens(new vscode.Range(position, position), {
        title: lens.title,
        command: lens.showsProblems ? SHOW_PROBLEMS_COMMAND : '',
        tooltip: lens.showsProblems ? 'Show the problems of this flow in the Problems panel' : undefined,
      });
    });
    // Pushing and deploying use CDP and AWS credentials: offered only in trusted workspaces, beside the verdict.
    if (vscode.workspace.isTrusted && PUSHABLE_SCHEMES.has(document.uri.scheme) && lenses.length > 0 && validation.model) {
      lenses.splice(1, 0, new vscode.CodeLens(lenses[0].range, {
        title: '$(cloud-upload) Push to Catalog',
        command: PUSH_COMMAND,
        arguments: [document.uri],
        tooltip: 'Validate this flow and push it to the CDP DataFlow Catalog as a new flow or a new version',
      }));
      // Deploying reads dff.deploy.json beside the file: files on disk only.
      if (document.uri.scheme === 'file') {
        lenses.splice(2, 0, new vscode.CodeLens(lenses[0].range, {
          title: '$(rocket) Deploy to Lambda',
          command: DEPLOY_COMMAND,
          arguments: [document.uri],
          tooltip: 'Plan a deploy of this flow to AWS Lambda (target from dff.deploy.json), review it, then apply it',
        }));
      }
    }
    return lenses;
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
