import * as vscode from 'vscode';

// Read-only documents that show a deploy plan: dff-plan:/<function> <target> plan.txt?<n>. The text
// comes from the core's renderPlanText, which masks DF_PRIVATE_KEY and never holds a sensitive
// parameter value; it lives in memory only and is forgotten once its document closes.

export const PLAN_SCHEME = 'dff-plan';
/** Plans kept for documents that may still be opened; older ones are dropped. */
const KEPT = 20;

export class PlanDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private next = 1;
  private readonly closing = vscode.workspace.onDidCloseTextDocument((document) => {
    if (document.uri.scheme === PLAN_SCHEME) this.texts.delete(document.uri.toString());
  });

  /** Shows a plan beside the editor; returns its document. */
  async show(title: string, text: string): Promise<vscode.TextDocument> {
    const uri = vscode.Uri.from({ scheme: PLAN_SCHEME, path: `/${title.replace(/[\\/?#%]/g, '_')}.txt`, query: String(this.next++) });
    this.texts.set(uri.toString(), text);
    while (this.texts.size > KEPT) this.texts.delete(this.texts.keys().next().value as string);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: true, preserveFocus: false, viewColumn: vscode.ViewColumn.Active });
    return document;
  }

  /** The text of the plan documents shown, newest last (tests read them). */
  shown(): string[] {
    return [...this.texts.values()];
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? 'This plan is no longer available: deploy again to see a new one.';
  }

  dispose(): void {
    this.closing.dispose();
    this.changed.dispose();
    this.texts.clear();
  }
}
