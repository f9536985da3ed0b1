import * as path from 'path';
import * as vscode from 'vscode';

// The text a command acts on (push, deploy): an open editor's text, saved first if the user wants,
// else the file's.

export type UnsavedChoice = 'save' | 'editorText';

export interface UnsavedQuestion {
  /** The command's verb as its buttons say it: 'Push', 'Deploy'. */
  verb: string;
  /** What did not happen when saving fails: 'pushed', 'deployed'. */
  notDone: string;
  /** The dialog's detail: what each choice means for this command. */
  detail: string;
}

export async function readEditorOrFile(uri: vscode.Uri, unsaved: UnsavedChoice | undefined, question: UnsavedQuestion): Promise<string | undefined> {
  const fileName = path.basename(uri.path);
  const document = vscode.workspace.textDocuments.find((item) => item.uri.toString() === uri.toString());
  if (document?.isDirty) {
    const choice = unsaved ?? (await askAboutUnsaved(fileName, question));
    if (!choice) return undefined;
    if (choice === 'save' && !(await document.save())) {
      void vscode.window.showErrorMessage(`Could not save ${fileName}; nothing was ${question.notDone}.`);
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

async function askAboutUnsaved(fileName: string, question: UnsavedQuestion): Promise<UnsavedChoice | undefined> {
  const save = `Save and ${question.verb}`;
  const editorText = `${question.verb} Editor Text`;
  const choice = await vscode.window.showWarningMessage(`${fileName} has unsaved changes.`, { modal: true, detail: question.detail }, save, editorText);
  return choice === save ? 'save' : choice === editorText ? 'editorText' : undefined;
}
