// The Flow Preview commands: "Open Flow Preview" (in the current group) and "Open Flow Preview to
// the Side", from the editor title of a flow file, the palette or the editor's context. One preview
// per document: asking again shows it.
import * as vscode from 'vscode';
import { FlowPreview, PREVIEW_VIEW_TYPE, previewTitle } from './panel';

export function registerPreview(context: vscode.ExtensionContext): void {
  const previews = new Map<string, FlowPreview>();
  let lastActive: FlowPreview | undefined;
  const mediaRoot = vscode.Uri.joinPath(context.extensionUri, 'media', 'preview');

  const open = async (beside: boolean, uri?: vscode.Uri): Promise<void> => {
    const document = await documentFor(uri, lastActive);
    if (!document) {
      void vscode.window.showInformationMessage('Open a NiFi flow definition (a JSON file with "flowContents") to preview it.');
      return;
    }
    const column = beside ? vscode.ViewColumn.Beside : vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.Active;
    const existing = previews.get(document.uri.toString());
    if (existing) {
      existing.panel.reveal(beside ? undefined : column);
      return;
    }
    const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, previewTitle(document), { viewColumn: column, preserveFocus: beside }, {
      enableScripts: true, localResourceRoots: [mediaRoot],
    });
    panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'dff.svg');
    const preview = new FlowPreview(document, panel, mediaRoot);
    previews.set(document.uri.toString(), preview);
    lastActive = preview;
    panel.onDidChangeViewState((event) => {
      if (event.webviewPanel.active) lastActive = preview;
    });
    preview.onDidDispose(() => {
      previews.delete(document.uri.toString());
      if (lastActive === preview) lastActive = undefined;
    });
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('dff.preview.open', (uri?: vscode.Uri) => open(false, uri instanceof vscode.Uri ? uri : undefined)),
    vscode.commands.registerCommand('dff.preview.openToSide', (uri?: vscode.Uri) => open(true, uri instanceof vscode.Uri ? uri : undefined)),
    { dispose: () => { for (const preview of previews.values()) preview.panel.dispose(); } },
  );
}

/** The document named by the menu that ran the command, else the active editor's, else the focused preview's. */
async function documentFor(uri: vscode.Uri | undefined, lastActive: FlowPreview | undefined): Promise<vscode.TextDocument | undefined> {
  if (uri) return vscode.workspace.openTextDocument(uri);
  const active = vscode.window.activeTextEditor?.document;
  if (active) return active;
  return lastActive?.document;
}
