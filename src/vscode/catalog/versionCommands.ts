import * as path from 'path';
import * as vscode from 'vscode';
import type { CatalogTree } from './catalogTree';
import { pickLocalFlowFile } from './localFlowFiles';
import { showCatalogError } from './errors';
import type { CdpSession } from './session';
import type { CatalogNode, FlowNode, VersionNode } from './treeItems';
import { versionUri, type VersionDocuments } from './versionDocuments';

// Commands on the nodes of the Catalog view: copy a CRN, open a version read-only, compare a
// version with a local flow file, delete a flow.

export function registerVersionCommands(session: CdpSession, tree: CatalogTree, documents: VersionDocuments): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('dff.catalog.copyCrn', copyCrn),
    vscode.commands.registerCommand('dff.catalog.openVersion', (node?: CatalogNode) => openVersion(documents, node)),
    vscode.commands.registerCommand('dff.catalog.compareWithLocal', (node?: CatalogNode, local?: vscode.Uri) => compareWithLocal(documents, node, local)),
    vscode.commands.registerCommand('dff.catalog.deleteFlow', (node?: CatalogNode, options?: unknown) =>
      deleteFlow(session, tree, node, isDeleteOptions(options) ? options : {}),
    ),
  ];
}

/** What a script (or a test) may decide instead of being asked. */
export interface DeleteOptions {
  /** Delete without the confirmation dialog. */
  confirm?: boolean;
}

function isDeleteOptions(value: unknown): value is DeleteOptions {
  // A tree view may pass the selected nodes as a second argument; that is not options.
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function copyCrn(node?: CatalogNode): Promise<string | undefined> {
  const crn = node?.kind === 'flow' ? node.flow.crn : node?.kind === 'version' ? node.version.crn : undefined;
  if (!crn) return undefined;
  await vscode.env.clipboard.writeText(crn);
  vscode.window.setStatusBarMessage(`$(copy) Copied ${node?.kind === 'flow' ? 'flow' : 'version'} CRN`, 3000);
  return crn;
}

async function openVersion(documents: VersionDocuments, node?: CatalogNode): Promise<vscode.TextEditor | undefined> {
  if (node?.kind !== 'version') return undefined;
  try {
    await documents.prefetch(uriOf(node));
    const document = await vscode.workspace.openTextDocument(uriOf(node));
    const json = document.languageId === 'json' ? document : await vscode.languages.setTextDocumentLanguage(document, 'json');
    return await vscode.window.showTextDocument(json, { preview: true });
  } catch (error) {
    await showCatalogError(`Could not open ${title(node)}`, error, { retry: () => openVersion(documents, node) });
    return undefined;
  }
}

/** `local` lets a script name the file; otherwise the user picks one of the workspace's flow files, or browses. */
async function compareWithLocal(documents: VersionDocuments, node?: CatalogNode, local?: vscode.Uri): Promise<void> {
  if (node?.kind !== 'version') return;
  const file = local ?? (await pickLocalFlowFile());
  if (!file) return;
  try {
    await documents.prefetch(uriOf(node));
  } catch (error) {
    await showCatalogError(`Could not open ${title(node)}`, error, { retry: () => compareWithLocal(documents, node, file) });
    return;
  }
  await vscode.commands.executeCommand('vscode.diff', uriOf(node), file, `${title(node)} ↔ ${path.basename(file.fsPath)}`);
}

async function deleteFlow(session: CdpSession, tree: CatalogTree, node: CatalogNode | undefined, options: DeleteOptions): Promise<boolean> {
  if (node?.kind !== 'flow') return false;
  const { flow } = node;
  if (!options.confirm && !(await confirmDelete(flow.name, flow.versionCount))) return false;
  try {
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Deleting ${flow.name}…` }, async () =>
      (await session.client()).deleteFlow(flow.crn),
    );
  } catch (error) {
    await showCatalogError(`Could not delete ${flow.name}`, error, { retry: () => deleteFlow(session, tree, node, options) });
    return false;
  } finally {
    tree.refresh();
  }
  return true;
}

async function confirmDelete(name: string, versionCount: number): Promise<boolean> {
  const versions = `${versionCount} version${versionCount === 1 ? '' : 's'}`;
  const choice = await vscode.window.showWarningMessage(
    `Delete the flow "${name}" and its ${versions} from the DataFlow Catalog?`,
    { modal: true, detail: 'Functions deployed from it keep running but cannot be redeployed from the catalog. This cannot be undone.' },
    'Delete',
  );
  return choice === 'Delete';
}

function uriOf(node: VersionNode): vscode.Uri {
  return versionUri(node.flow.flow.name, node.version.version, node.version.crn);
}

function title(node: VersionNode | FlowNode): string {
  return node.kind === 'version' ? `${node.flow.flow.name} v${node.version.version}` : node.flow.name;
}
