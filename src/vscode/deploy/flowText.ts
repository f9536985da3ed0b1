import * as path from 'path';
import * as vscode from 'vscode';

// The flow file a command is about, and the text a deploy reads: an open editor's (saved first if
// the user wants), else the file's.

/** The flow file a command is about: the Uri it was given (Explorer, CodeLens), else the active editor's file. */
export function flowUri(target: unknown): vscode.Uri | undefined {
  if (target instanceof vscode.Uri) return target.scheme === 'file' ? target : undefined;
  const document = vscode.window.activeTextEditor?.document;
  return document?.uri.scheme === 'file' ? document.uri : undefined;
}

export async function readFlowText(uri: vscode.Uri, unsaved?: 'save' | 'editorText'): Promise<string | undefined> {
  const fileName = path.basename(uri.fsPath);
  const document = vscode.workspace.textDocuments.find((item) => item.uri.toString() === uri.toString());
  if (document?.isDirty) {
    const choice = unsaved ?? (await askAboutUnsaved(fileName));
    if (!choice) return undefined;
    if (choice === 'save' && !(await document.save())) {
      void vscode.window.showErrorMessage(`Could not save ${fileName}; nothing was deployed.`);
      return undefined;
    }
  }
  if (document) return document.getText();
  try {
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    void vscode.window.showErrorMessage(`Could not read ${uri.fsPath || uri.toString()}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

async function askAboutUnsaved(fileName: string): Promise<'save' | 'editorText' | undefined> {
  const save = 'Save and Deploy';
  const editorText = 'Deploy Editor Text';
  const choice = await vscode.window.showWarningMessage(
    `${fileName} has unsaved changes.`,
    { modal: true, detail: 'The function runs the version in the DataFlow Catalog: push the saved file first if the flow itself changed. Deploy with the parameters as they are in the editor, or save the file first?' },
    save,
    editorText,
  );
  return choice === save ? 'save' : choice === editorText ? 'editorText' : undefined;
}
