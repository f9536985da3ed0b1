import * as vscode from 'vscode';

// Read-only documents whose text this extension made (an invocation's result, a function's
// configuration): dff-aws:/<title>?<n>. The extension of the title picks the language (.json,
// .dff-log). Their text is forgotten once VS Code closes them.

export const AWS_TEXT_SCHEME = 'dff-aws';

export class AwsTextDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly closing: vscode.Disposable;
  private counter = 0;

  constructor() {
    this.closing = vscode.workspace.onDidCloseTextDocument((document) => {
      if (document.uri.scheme === AWS_TEXT_SCHEME) this.texts.delete(document.uri.toString());
    });
  }

  /** Opens a new read-only document with this text beside the active editor. */
  async show(title: string, text: string): Promise<vscode.Uri> {
    const uri = vscode.Uri.from({ scheme: AWS_TEXT_SCHEME, path: `/${title.replace(/[\\/?#%]/g, '_')}`, query: String(++this.counter) });
    this.texts.set(uri.toString(), text);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: false });
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  dispose(): void {
    this.closing.dispose();
    this.texts.clear();
  }
}
