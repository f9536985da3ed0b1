import { open as openFile } from 'fs/promises';
import * as path from 'path';
import * as vscode from 'vscode';
import { loadFlowEngine } from '../lazy';
import { CATALOG_SCHEME } from './versionDocuments';

// The local flow file to compare a catalog version with: a pick of the workspace's flow definition
// files (the active editor's first), or any file through Browse….

/** JSON files looked at: most are not flows (package.json, settings…), so many more than are listed. */
const MAX_JSON_FILES = 2000;
/** Flow files listed. */
const MAX_FLOW_FILES = 200;
/** Files whose beginning is read at once, to stay well below the open-file limit. */
const READ_BATCH = 50;
const EXCLUDED = '{**/node_modules/**,**/.git/**}';

type FileItem = vscode.QuickPickItem & { uri?: vscode.Uri };

/** The chosen file; undefined when the user cancels. */
export async function pickLocalFlowFile(): Promise<vscode.Uri | undefined> {
  const browse: FileItem = { label: '$(folder-opened) Browse…', description: 'choose any file' };
  const choice = await vscode.window.showQuickPick<FileItem>(
    fileItems().then((items) => [...items, browse]),
    { title: 'Compare with Local Flow File', placeHolder: 'The flow definition file to compare the catalog version with', matchOnDescription: true },
  );
  if (!choice) return undefined;
  if (choice.uri) return choice.uri;
  const picked = await vscode.window.showOpenDialog({
    title: 'Compare with Local Flow File',
    canSelectMany: false,
    filters: { 'Flow definitions': ['json'], 'All files': ['*'] },
  });
  return picked?.[0];
}

async function fileItems(): Promise<FileItem[]> {
  const active = vscode.window.activeTextEditor?.document;
  const activeUri = active && active.uri.scheme !== CATALOG_SCHEME && active.languageId.startsWith('json') ? active.uri : undefined;
  const files = await workspaceFlowFiles();
  const items: FileItem[] = files
    .filter((uri) => uri.toString() !== activeUri?.toString())
    .map((uri) => ({ label: `$(file) ${path.basename(uri.path)}`, description: folderOf(uri), uri }));
  if (activeUri) items.unshift({ label: `$(file) ${path.basename(activeUri.path)}`, description: 'active editor', uri: activeUri });
  return items;
}

/** The workspace's *.json files whose beginning looks like a flow definition, by path (the first MAX_FLOW_FILES). */
export async function workspaceFlowFiles(): Promise<vscode.Uri[]> {
  const engine = loadFlowEngine();
  const files = await vscode.workspace.findFiles('**/*.json', EXCLUDED, MAX_JSON_FILES);
  const flows: vscode.Uri[] = [];
  for (let start = 0; start < files.length; start += READ_BATCH) {
    const batch = files.slice(start, start + READ_BATCH);
    const isFlow = await Promise.all(batch.map((uri) => readHead(uri, engine.DETECTION_HEAD_BYTES).then(engine.mayBeFlowDefinition, () => false)));
    flows.push(...batch.filter((_, index) => isFlow[index]));
  }
  return flows.sort((a, b) => vscode.workspace.asRelativePath(a).localeCompare(vscode.workspace.asRelativePath(b))).slice(0, MAX_FLOW_FILES);
}

/** The first `bytes` of a file, without reading a flow of tens of MB whole. */
async function readHead(uri: vscode.Uri, bytes: number): Promise<string> {
  // An open editor's text wins: it may hold unsaved changes.
  const document = vscode.workspace.textDocuments.find((item) => item.uri.toString() === uri.toString());
  if (document) return document.getText().slice(0, bytes);
  if (uri.scheme !== 'file') return new TextDecoder().decode((await vscode.workspace.fs.readFile(uri)).subarray(0, bytes));
  const handle = await openFile(uri.fsPath, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return new TextDecoder().decode(buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

function folderOf(uri: vscode.Uri): string {
  const relative = path.posix.dirname(vscode.workspace.asRelativePath(uri));
  return relative === '.' ? '' : relative;
}
