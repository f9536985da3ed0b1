import * as vscode from 'vscode';
import type { CatalogApi } from '../catalog/register';
import { StoredKeys } from '../catalog/secretKeys';
import { CdpSession } from '../catalog/session';
import { isAwsEngineLoaded } from '../lazy';
import { registerLog } from '../shared/log';
import { statusVisibility } from '../shared/statusVisibility';
import { FunctionDecorations } from './decorations';
import { registerFunctionCommands } from './functionCommands';
import { FunctionDetailsSource } from './functionDetails';
import { LOAD_MORE_FUNCTIONS, type FunctionNode, type FunctionsNode } from './functionNodes';
import { FUNCTIONS_VIEW_ID, FunctionsTree } from './functionsTree';
import { WorkspaceFlowLookups } from './flowLookups';
import type { InvokeResult, TestEvent } from './invoke';
import { LOGS_SCHEME, LogDocuments } from './logDocuments';
import { registerProfileCommands, SSO_LOGIN_COMMAND } from './profileCommands';
import { AwsSession } from './session';
import { AwsStatusBar, type AwsStatus } from './statusBar';
import { AWS_TEXT_SCHEME, AwsTextDocuments } from './textDocuments';

// AWS in VS Code: the profile and region (status bar), the Functions view, function logs and test
// invocations. Nothing here loads the AWS engine until AWS is used: the view becoming visible or an
// AWS command does.

/** A function as deploy names it after a deploy (see src/vscode/deploy/outcome.ts). */
export interface NamedFunction {
  functionName: string;
  qualifier?: string;
  arn?: string;
}

/** What the extension exposes of AWS to deploy, tests and other extensions. */
export interface AwsApi {
  /** The profile, region, account and client factory in use (deploy reuses it). */
  session: AwsSession;
  /** The Functions view's data: refresh() after a change, reveal(name) to select a function. */
  functionsTree: FunctionsTree;
  status(): AwsStatus;
  children(node?: FunctionsNode): Promise<FunctionsNode[]>;
  treeItem(node: FunctionsNode): vscode.TreeItem;
  /** The badge and tooltip of a function's row, when it has warnings. */
  decoration(functionName: string): vscode.FileDecoration | undefined;
  /** The message above the view's rows (why it is empty). */
  viewMessage(): string | undefined;
  /** Whether the AWS engine (and so the AWS SDK) has been loaded. */
  engineLoaded(): boolean;
  /** AWS calls made since activation (the bench counts them). */
  callCount(): number;
  /** Opens the logs of a function (or version, alias) and resolves once the first read shows. */
  showLogs(fn: FunctionsNode | NamedFunction, options?: { sinceMinutes?: number; filterPattern?: string; follow?: boolean }): Promise<vscode.Uri | undefined>;
  isFollowingLogs(uri: vscode.Uri): boolean;
  invoke(fn: FunctionsNode | NamedFunction, event?: TestEvent): Promise<InvokeResult | undefined>;
  reveal(fn: NamedFunction): Promise<FunctionNode | undefined>;
  refreshFunctions(): void;
}

export interface AwsRegistration {
  /** The Catalog view, for "Reveal in Catalog". */
  catalog?: Pick<CatalogApi, 'reveal'>;
}

export function registerAws(context: vscode.ExtensionContext, registration: AwsRegistration = {}): AwsApi {
  registerLog(context);
  const session = new AwsSession(context.globalState);
  // The catalog's profile choice and stored keys, for the newest version of a function's flow.
  const cdp = new CdpSession(context.globalState, new StoredKeys(context.globalState, context.secrets));
  const lookups = new WorkspaceFlowLookups(cdp);
  const decorations = new FunctionDecorations();
  const details = new FunctionDetailsSource(session, lookups, decorations);
  const tree = new FunctionsTree(session, details);
  const view = vscode.window.createTreeView(FUNCTIONS_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  tree.view = view;
  const statusBar = new AwsStatusBar(session);
  const logs = new LogDocuments(session);
  const texts = new AwsTextDocuments();
  let calls = 0;
  const warnedSso = new Set<string>();

  const refresh = () => {
    lookups.clear();
    tree.refresh();
  };

  context.subscriptions.push(
    session,
    cdp,
    decorations,
    tree,
    view,
    // The status bar items show while a DataFlow view is visible (or a flow is open).
    statusVisibility().watchView(view),
    statusBar,
    logs,
    texts,
    vscode.window.registerFileDecorationProvider(decorations),
    vscode.workspace.registerTextDocumentContentProvider(LOGS_SCHEME, logs),
    vscode.workspace.registerTextDocumentContentProvider(AWS_TEXT_SCHEME, texts),
    ...registerProfileCommands(session),
    ...registerFunctionCommands({
      session,
      tree,
      view,
      logs,
      texts,
      revealInCatalog: async (flowCrn, versionCrn) => {
        if (!registration.catalog) return undefined;
        await vscode.commands.executeCommand('workbench.view.extension.dff');
        return registration.catalog.reveal(flowCrn, versionCrn);
      },
    }),
    vscode.commands.registerCommand('dff.functions.refresh', async () => {
      // A failure to read the profiles shows up in the tree, as an error row.
      if (session.state === 'unloaded' || session.loadError || session.connection?.problem) await session.reload();
      refresh();
    }),
    vscode.commands.registerCommand(LOAD_MORE_FUNCTIONS, () => tree.loadMore()),
    session.onDidCall(() => calls++),
    session.onDidChange(() => {
      refresh();
      const problem = session.connection?.problem;
      const profile = session.connection?.profile.name;
      if (problem?.kind === 'ssoExpired' && profile && !warnedSso.has(profile)) {
        warnedSso.add(profile);
        void vscode.window.showWarningMessage(problem.message, 'Sign In').then((choice) => choice && vscode.commands.executeCommand(SSO_LOGIN_COMMAND, profile));
      }
      if (!problem && profile) warnedSso.delete(profile);
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => (session.state === 'unloaded' ? refresh() : void session.reload())),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('dff.functions.showAll') || event.affectsConfiguration('dff.functions.pageSize')) refresh();
    }),
  );

  const run = <T>(command: string, ...args: unknown[]) => Promise.resolve(vscode.commands.executeCommand<T>(command, ...args));
  return {
    session,
    functionsTree: tree,
    status: () => statusBar.status,
    children: (node) => tree.getChildren(node),
    treeItem: (node) => tree.getTreeItem(node),
    decoration: (name) => decorations.get(name),
    viewMessage: () => view.message,
    engineLoaded: isAwsEngineLoaded,
    callCount: () => calls,
    showLogs: (fn, options) => run<vscode.Uri | undefined>('dff.functions.showLogs', fn, options),
    isFollowingLogs: (uri) => logs.isFollowing(uri),
    invoke: (fn, event) => run<InvokeResult | undefined>('dff.functions.invoke', fn, event),
    reveal: async (fn) => {
      await vscode.commands.executeCommand('workbench.view.extension.dff');
      return tree.reveal(fn.functionName);
    },
    refreshFunctions: refresh,
  };
}
