import * as vscode from 'vscode';
import { readEditorOrFile, type UnsavedChoice } from '../shared/editorText';

// The flow file a command is about, and the text a deploy reads: an open editor's (saved first if
// the user wants), else the file's.

/** The flow file a command is about: the Uri it was given (Explorer, CodeLens), else the active editor's file. */
export function flowUri(target: unknown): vscode.Uri | undefined {
  if (target instanceof vscode.Uri) return target.scheme === 'file' ? target : undefined;
  const document = vscode.window.activeTextEditor?.document;
  return document?.uri.scheme === 'file' ? document.uri : undefined;
}

export function readFlowText(uri: vscode.Uri, unsaved?: UnsavedChoice): Promise<string | undefined> {
  return readEditorOrFile(uri, unsaved, {
    verb: 'Deploy',
    notDone: 'deployed',
    detail: 'The function runs the version in the DataFlow Catalog: push the saved file first if the flow itself changed. Deploy with the parameters as they are in the editor, or save the file first?',
  });
}
