import * as vscode from 'vscode';
import { registerLog } from '../shared/log';
import { CATALOG_VIEW_ID, CatalogTree } from './catalogTree';
import { registerProfileCommands } from './profileCommands';
import { registerPushCommand } from './push';
import { CatalogRevealer } from './reveal';
import { StoredKeys } from './secretKeys';
import { CdpSession } from './session';
import { ProfileStatusBar, type ProfileStatus } from './statusBar';
import { statusVisibility } from '../shared/statusVisibility';
import type { CatalogNode, FlowNode, VersionNode } from './treeItems';
import { LOAD_MORE_COMMAND } from './treeItems';
import { registerVersionCommands } from './versionCommands';
import { CATALOG_SCHEME, VersionDocuments } from './versionDocuments';

// The DataFlow Catalog in VS Code: the Catalog view, the CDP profile status bar item, access keys in
// SecretStorage, the commands on flows and versions, and "Push to DataFlow Catalog".

/** What the extension exposes of the catalog to tests and other extensions: what the view shows. */
export interface CatalogApi {
  children(node?: CatalogNode): Promise<CatalogNode[]>;
  treeItem(node: CatalogNode): vscode.TreeItem;
  /** The nodes selected in the view. */
  selection(): readonly CatalogNode[];
  /** Selects a version (or its flow) in the view, as "Reveal in Catalog" does; undefined if the flow is not listed. */
  reveal(flowCrn: string, versionCrn?: string): Promise<FlowNode | VersionNode | undefined>;
  /** What the CDP profile status bar item shows. */
  profileStatus(): ProfileStatus;
  /** The message above the view's rows (the active filter, or why it is empty). */
  viewMessage(): string | undefined;
}

export function registerCatalog(context: vscode.ExtensionContext): CatalogApi {
  registerLog(context);
  const storedKeys = new StoredKeys(context.globalState, context.secrets);
  const session = new CdpSession(context.globalState, storedKeys);
  const tree = new CatalogTree(session);
  const view = vscode.window.createTreeView(CATALOG_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  tree.view = view;

  const documents = new VersionDocuments(session);
  const visibility = statusVisibility();
  const statusBar = new ProfileStatusBar(session);
  // The profile the catalog will use, named from start-up (the files only: no engine, no key checked).
  void session.readStartupProfile();
  const revealer = new CatalogRevealer(tree, view, () => setFilter(tree, view, undefined));

  context.subscriptions.push(
    visibility,
    visibility.watchView(view),
    session,
    tree,
    view,
    documents,
    vscode.workspace.registerTextDocumentContentProvider(CATALOG_SCHEME, documents),
    statusBar,
    ...registerProfileCommands(session, storedKeys),
    ...registerVersionCommands(session, tree, documents),
    registerPushCommand({
      session,
      workspaceState: context.workspaceState,
      refresh: () => tree.refresh(),
      reveal: (flowCrn, versionCrn) => revealer.reveal(flowCrn, versionCrn),
      showFlowNamed: (name) => revealer.showFlowNamed(name),
    }),
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
    vscode.workspace.onDidGrantWorkspaceTrust(() => (session.state === 'unloaded' ? (tree.refresh(), void session.readStartupProfile()) : void session.reload())),
    context.secrets.onDidChange((event) => {
      if (event.key.startsWith('dff.cdp.') && session.state !== 'unloaded') void session.reload();
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('dff.catalog.pageSize')) tree.refresh();
    }),
  );

  return {
    children: (node) => tree.getChildren(node),
    treeItem: (node) => tree.getTreeItem(node),
    selection: () => view.selection,
    reveal: (flowCrn, versionCrn) => revealer.reveal(flowCrn, versionCrn),
    profileStatus: () => statusBar.status,
    viewMessage: () => view.message,
  };
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
