import * as vscode from 'vscode';
import { registerLog } from '../shared/log';
import { CATALOG_VIEW_ID, CatalogTree } from './catalogTree';
import { registerProfileCommands } from './profileCommands';
import { registerPushCommand } from './push';
import { StoredKeys } from './secretKeys';
import { CdpSession } from './session';
import { createProfileStatusBar } from './statusBar';
import type { CatalogNode } from './treeItems';
import { LOAD_MORE_COMMAND } from './treeItems';
import { registerVersionCommands } from './versionCommands';
import { CATALOG_SCHEME, VersionDocuments } from './versionDocuments';

// The DataFlow Catalog in VS Code: the Catalog view, the CDP profile status bar item, access keys in
// SecretStorage, the commands on flows and versions, and "Push to DataFlow Catalog".

/** What the extension exposes of the catalog to tests and other extensions: what the view shows. */
export interface CatalogApi {
  children(node?: CatalogNode): Promise<CatalogNode[]>;
  treeItem(node: CatalogNode): vscode.TreeItem;
}

export function registerCatalog(context: vscode.ExtensionContext): CatalogApi {
  registerLog(context);
  const storedKeys = new StoredKeys(context.globalState, context.secrets);
  const session = new CdpSession(context.globalState, storedKeys);
  const tree = new CatalogTree(session);
  const view = vscode.window.createTreeView(CATALOG_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  tree.view = view;

  const reveal = async (flowCrn: string, versionCrn: string) => {
    let flow = await tree.findFlow(flowCrn);
    if (!flow && tree.searchTerm) {
      await setFilter(tree, view, undefined);
      flow = await tree.findFlow(flowCrn);
    }
    if (!flow) {
      void vscode.window.showWarningMessage('The pushed flow is not listed in the Catalog view yet. Refresh the view in a moment.');
      return;
    }
    const version = await tree.findVersion(flow, versionCrn);
    await view.reveal(version ?? flow, { select: true, focus: true, expand: true });
  };

  context.subscriptions.push(
    session,
    tree,
    view,
    vscode.workspace.registerTextDocumentContentProvider(CATALOG_SCHEME, new VersionDocuments(session)),
    createProfileStatusBar(session),
    ...registerProfileCommands(session, storedKeys),
    ...registerVersionCommands(session, tree),
    registerPushCommand({ session, workspaceState: context.workspaceState, refresh: () => tree.refresh(), reveal }),
    vscode.commands.registerCommand('dff.catalog.refresh', async () => {
      // A failure to read the profiles shows up in the tree, as an error node.
      await session.reload().catch(() => undefined);
      tree.refresh();
    }),
    // A term argument filters without asking (for scripts and tests).
    vscode.commands.registerCommand('dff.catalog.filter', (term?: unknown) =>
      typeof term === 'string' ? setFilter(tree, view, term) : askFilter(tree, view),
    ),
    vscode.commands.registerCommand('dff.catalog.clearFilter', () => setFilter(tree, view, undefined)),
    vscode.commands.registerCommand(LOAD_MORE_COMMAND, () => tree.loadMore()),
    session.onDidChange(() => tree.refresh()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => (session.state === 'unloaded' ? tree.refresh() : void session.reload())),
    context.secrets.onDidChange((event) => {
      if (event.key.startsWith('dff.cdp.') && session.state !== 'unloaded') void session.reload();
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('dff.catalog.pageSize')) tree.refresh();
    }),
  );

  return { children: (node) => tree.getChildren(node), treeItem: (node) => tree.getTreeItem(node) };
}

async function askFilter(tree: CatalogTree, view: vscode.TreeView<CatalogNode>): Promise<void> {
  const term = await vscode.window.showInputBox({
    title: 'Filter Catalog Flows',
    prompt: 'Show the flows whose name contains this text',
    value: tree.searchTerm ?? '',
  });
  if (term !== undefined) await setFilter(tree, view, term);
}

async function setFilter(tree: CatalogTree, view: vscode.TreeView<CatalogNode>, term: string | undefined): Promise<void> {
  tree.setSearchTerm(term);
  view.description = tree.searchTerm ? `Filter: ${tree.searchTerm}` : undefined;
  await vscode.commands.executeCommand('setContext', 'dff.catalog.filtered', Boolean(tree.searchTerm));
}
