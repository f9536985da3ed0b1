import * as vscode from 'vscode';
import type { FunctionSummary } from '../../core/aws/engine';
import { loadAwsEngine } from '../lazy';
import { describeProblem, isCredentialProblem } from './errors';
import type { FunctionDetailsSource } from './functionDetails';
import type { ActionNode, ErrorNode, FunctionNode, FunctionsNode } from './functionNodes';
import { toTreeItem } from './functionNodes';
import type { AwsSession } from './session';

// The Functions view's data: the DataFlow Functions (or, with dff.functions.showAll, every function)
// of the session's profile and region, a ListFunctions page at a time with "Load more…" for the
// rest. Expanding a function reads its details (versions, aliases, triggers, environment, secret).
// Failures become an error row with Retry and Show Log instead of an empty tree.

export const FUNCTIONS_VIEW_ID = 'dff.functions';
const RETRY: vscode.Command = { command: 'dff.functions.refresh', title: 'Retry' };
const SHOW_LOG: ActionNode = { kind: 'action', icon: 'output', command: { command: 'dff.aws.showLog', title: 'Show Log', tooltip: 'Show the DataFlow Functions log' } };
/** Find and reveal look this many pages at most before giving up on a name. */
const MAX_FIND_PAGES = 200;

interface RootState {
  functions: FunctionNode[];
  pages?: AsyncGenerator<FunctionSummary[]>;
  /** The page after the listed ones, already asked for. */
  ahead?: Promise<IteratorResult<FunctionSummary[]>>;
  error?: ErrorNode;
  errorFixes?: ActionNode[];
}

export class FunctionsTree implements vscode.TreeDataProvider<FunctionsNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<FunctionsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private root: Promise<RootState> | undefined;
  private controller = new AbortController();
  /** Set once the view exists: it shows why the tree is empty. */
  view: vscode.TreeView<FunctionsNode> | undefined;

  constructor(
    private readonly session: AwsSession,
    private readonly details: FunctionDetailsSource,
  ) {}

  /** Forgets everything loaded; the view asks again. */
  refresh(): void {
    this.controller.abort();
    this.controller = new AbortController();
    const old = this.root;
    this.root = undefined;
    void old?.then((state) => state.pages?.return(undefined)).catch(() => undefined);
    this.details.clear();
    this.changed.fire(undefined);
  }

  /** Redraws one node (its details or warnings changed). */
  redraw(node: FunctionsNode): void {
    this.changed.fire(node);
  }

  getTreeItem(node: FunctionsNode): vscode.TreeItem {
    return toTreeItem(node);
  }

  getParent(node: FunctionsNode): FunctionsNode | undefined {
    if (node.kind === 'qualifier' || node.kind === 'group') return node.fn;
    return undefined;
  }

  async getChildren(node?: FunctionsNode): Promise<FunctionsNode[]> {
    if (!node) return this.rootChildren();
    if (node.kind === 'function') return this.details.childrenOf(node, () => this.redraw(node));
    if (node.kind === 'group') return node.children;
    return [];
  }

  async loadMore(): Promise<void> {
    const loaded = this.root;
    const current = await loaded;
    if (!current?.pages || this.root !== loaded) return;
    const next = this.withViewProgress(() => this.nextPage(current));
    this.root = next;
    this.changed.fire(undefined);
    await next;
  }

  /** The function of that name, loading further pages until it shows up; undefined if it is not listed. */
  async findFunction(name: string): Promise<FunctionNode | undefined> {
    await this.rootChildren();
    for (let page = 0; page < MAX_FIND_PAGES; page++) {
      const listing = this.root;
      if (!listing) return undefined;
      const state = await listing;
      const found = state.functions.find((node) => node.summary.name === name);
      if (found || !state.pages || state.error) return found;
      await this.loadMore();
    }
    return undefined;
  }

  /** Selects (and expands) the function in the view, as after a deploy. */
  async reveal(name: string): Promise<FunctionNode | undefined> {
    const node = await this.findFunction(name);
    if (node && this.view) await this.view.reveal(node, { select: true, focus: true, expand: true });
    return node;
  }

  /** What is listed so far (for tests and the bench). */
  async listed(): Promise<FunctionNode[]> {
    return (await this.root)?.functions ?? [];
  }

  /** Whether further pages remain. */
  async hasMore(): Promise<boolean> {
    return Boolean((await this.root)?.pages);
  }

  private async rootChildren(): Promise<FunctionsNode[]> {
    await this.session.ensureLoaded();
    const connection = this.session.connection;
    if (this.session.loadError) {
      if (this.view) this.view.message = undefined;
      const problem = describeProblem(this.session.loadError);
      return [{ kind: 'error', message: `Cannot read the AWS profiles: ${problem.message}`, retry: { command: 'dff.aws.reloadCredentials', title: 'Retry' } }, SHOW_LOG];
    }
    if (!connection) {
      if (this.view) this.view.message = undefined;
      return []; // the welcome view explains why
    }
    if (connection.problem) {
      // STS said no: listing would fail the same way. Say why, and offer what fixes it.
      if (this.view) this.view.message = undefined;
      return withFixes({ kind: 'error', message: connection.problem.message, retry: { command: 'dff.aws.reloadCredentials', title: 'Retry' } }, fixesFor(connection.problem.kind));
    }
    this.root ??= this.withViewProgress(() => this.firstPage());
    const state = await this.root;
    this.showMessage(state);
    const nodes: FunctionsNode[] = [...state.functions];
    if (state.error) nodes.push(...withFixes(state.error, state.errorFixes ?? []));
    else if (state.pages) nodes.push({ kind: 'loadMore' });
    return nodes;
  }

  private showMessage(state: RootState): void {
    if (!this.view) return;
    const connection = this.session.connection;
    const empty = state.functions.length === 0 && !state.error;
    const where = connection ? `${connection.profile.name} · ${connection.region}` : '';
    this.view.message = empty
      ? showAll()
        ? `No Lambda functions in ${where}.`
        : `No DataFlow Functions in ${where}. Set dff.functions.showAll to list every Lambda function, or deploy a flow.`
      : undefined;
  }

  private async firstPage(): Promise<RootState> {
    try {
      const clients = await this.session.clients();
      const pages = loadAwsEngine().listFunctionPages(clients.lambda, { all: showAll(), pageSize: pageSize(), signal: this.controller.signal });
      return await this.nextPage({ functions: [], pages });
    } catch (error) {
      return { functions: [], ...this.errorState(error) };
    }
  }

  /**
   * The next page that has something to show: with only DataFlow Functions listed, a page of other
   * functions adds nothing, so the next one is read at once. Once a page is in, the one after it is
   * asked for at once: that answers whether "Load more" is needed (the listing ends without a call
   * when ListFunctions gave no NextMarker), and makes it quick when it is.
   */
  private async nextPage(current: RootState): Promise<RootState> {
    const pages = current.pages;
    if (!pages) return current;
    try {
      const functions = [...current.functions];
      let next = current.ahead ?? pages.next();
      for (;;) {
        const page = await next;
        if (page.done) return { functions };
        const known = new Set(functions.map((node) => node.summary.arn));
        for (const summary of page.value) {
          if (!known.has(summary.arn)) functions.push(this.details.functionNode(summary));
        }
        next = pages.next();
        if (page.value.length > 0) {
          const ahead = next;
          // A failure of the page read ahead shows when it is asked for, not as an unhandled rejection now.
          ahead.catch(() => undefined);
          const ended = await Promise.race([ahead.then((result) => result.done === true, () => false), settledSoon()]);
          return ended ? { functions } : { functions, pages, ahead };
        }
      }
    } catch (error) {
      return { functions: current.functions, ...this.errorState(error) };
    }
  }

  private errorState(error: unknown): Pick<RootState, 'error' | 'errorFixes'> {
    const problem = describeProblem(error, { profile: this.session.connection?.profile.name, action: 'list the Lambda functions' });
    return { error: { kind: 'error', message: problem.message, retry: RETRY }, errorFixes: fixesFor(problem.kind) };
  }

  private withViewProgress<T>(task: () => Promise<T>): Promise<T> {
    return Promise.resolve(vscode.window.withProgress({ location: { viewId: FUNCTIONS_VIEW_ID } }, task));
  }

  dispose(): void {
    this.controller.abort();
    this.changed.dispose();
  }
}

export function fixesFor(kind: string): ActionNode[] {
  const fixes: ActionNode[] = [];
  if (kind === 'ssoExpired') fixes.push({ kind: 'action', icon: 'sign-in', command: { command: 'dff.aws.ssoLogin', title: 'Sign In with AWS SSO…', tooltip: 'Run aws sso login in a terminal' } });
  if (isCredentialProblem(kind as never)) {
    fixes.push(
      { kind: 'action', icon: 'account', command: { command: 'dff.aws.selectProfile', title: 'Choose AWS Profile…', tooltip: 'Use another AWS profile' } },
      { kind: 'action', icon: 'refresh', command: { command: 'dff.aws.reloadCredentials', title: 'Reload AWS Credentials', tooltip: 'Read the AWS profiles and credentials again' } },
    );
  }
  return [...fixes, SHOW_LOG];
}

function withFixes(error: ErrorNode, fixes: ActionNode[]): FunctionsNode[] {
  return [error, ...fixes];
}

/** Resolves false after the promises already settled had their turn: a generator that ends without a call has ended by then. */
function settledSoon(): Promise<false> {
  return new Promise((resolve) => setTimeout(() => resolve(false), 0));
}

function showAll(): boolean {
  return vscode.workspace.getConfiguration('dff.functions').get<boolean>('showAll', false);
}

function pageSize(): number {
  const size = vscode.workspace.getConfiguration('dff.functions').get<number>('pageSize', 50);
  return Math.min(50, Math.max(1, Math.round(size) || 50));
}
