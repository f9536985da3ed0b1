import * as vscode from 'vscode';
import type { CatalogClient, FlowSummary } from '../../core/catalog/types';
import { describeFailure, failureHeadline, isCredentialFailure } from './errors';
import type { CdpSession } from './session';
import type { ActionNode, CatalogNode, ErrorNode, FlowNode, VersionNode } from './treeItems';
import { toTreeItem } from './treeItems';

// The Catalog view's data: flows a page at a time (filtered by a search term), each expanding to
// its versions, newest first. Failures become an error node with Retry instead of an empty tree.

export const CATALOG_VIEW_ID = 'dff.catalog';
const RETRY: vscode.Command = { command: 'dff.catalog.refresh', title: 'Retry' };
const CREDENTIAL_FIXES: ActionNode[] = [
  { kind: 'action', icon: 'account', command: { command: 'dff.cdp.selectProfile', title: 'Choose CDP Profile…', tooltip: 'Use another CDP profile for the catalog' } },
  { kind: 'action', icon: 'key', command: { command: 'dff.cdp.addAccessKey', title: 'Add CDP Access Key…', tooltip: 'Add a CDP access key, kept in VS Code secret storage' } },
];
/** Refreshes that findFlow follows before it gives up (each one lists the flows again). */
const MAX_FIND_RESTARTS = 5;

interface RootState {
  flows: FlowNode[];
  nextToken?: string;
  error?: ErrorNode;
}

export class CatalogTree implements vscode.TreeDataProvider<CatalogNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<CatalogNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private root: Promise<RootState> | undefined;
  private readonly versions = new Map<string, Promise<Array<VersionNode | ErrorNode | ActionNode>>>();
  private term: string | undefined;
  /** Set once the view exists: it shows why the tree is empty. */
  view: vscode.TreeView<CatalogNode> | undefined;

  constructor(private readonly session: CdpSession) {}

  get searchTerm(): string | undefined {
    return this.term;
  }

  setSearchTerm(term: string | undefined): void {
    this.term = term?.trim() || undefined;
    this.refresh();
  }

  /** Forgets everything loaded; the view asks again. */
  refresh(): void {
    this.root = undefined;
    this.versions.clear();
    this.changed.fire(undefined);
  }

  getTreeItem(node: CatalogNode): vscode.TreeItem {
    return toTreeItem(node);
  }

  getParent(node: CatalogNode): CatalogNode | undefined {
    return node.kind === 'version' ? node.flow : undefined;
  }

  async getChildren(node?: CatalogNode): Promise<CatalogNode[]> {
    if (!node) return this.rootChildren();
    if (node.kind === 'flow') return this.versionsOf(node);
    return [];
  }

  async loadMore(): Promise<void> {
    const loaded = this.root;
    const current = await loaded;
    // A refresh meanwhile started a new listing: its pages are not this one's to extend.
    if (!current?.nextToken || this.root !== loaded) return;
    const token = current.nextToken;
    const next = this.withViewProgress(async (): Promise<RootState> => {
      try {
        const page = await this.fetchPage(await this.session.client(), token);
        return { flows: [...current.flows, ...page.flows], nextToken: page.nextToken };
      } catch (error) {
        return { ...current, error: errorNode(error) };
      }
    });
    this.root = next;
    this.changed.fire(undefined);
    await next;
  }

  /**
   * The first flow that matches, loading further pages until it shows up; undefined if it is not
   * there. A refresh while it looks (a profile or page size change) restarts it on the new listing.
   */
  async findFlow(matches: (flow: FlowSummary) => boolean): Promise<FlowNode | undefined> {
    for (let restarts = 0; restarts <= MAX_FIND_RESTARTS; ) {
      if (!this.root) {
        await this.rootChildren();
        if (this.session.state !== 'ready') return undefined; // no usable profile: nothing is listed
      }
      const listing = this.root;
      if (!listing) {
        restarts++; // refreshed while the first page loaded
        continue;
      }
      const state = await listing;
      if (this.root !== listing) {
        restarts++;
        continue;
      }
      const found = state.flows.find((node) => matches(node.flow));
      if (found || !state.nextToken || state.error) return found;
      await this.loadMore();
    }
    return undefined;
  }

  async findVersion(flow: FlowNode, versionCrn: string): Promise<VersionNode | undefined> {
    const children = await this.versionsOf(flow);
    return children.find((node): node is VersionNode => node.kind === 'version' && node.version.crn === versionCrn);
  }

  private async rootChildren(): Promise<CatalogNode[]> {
    try {
      await this.session.ensureLoaded();
    } catch (error) {
      return withFixes(errorNode(error));
    }
    if (this.session.state !== 'ready') {
      if (this.view) this.view.message = undefined;
      return []; // the welcome view explains why
    }
    this.root ??= this.withViewProgress(() => this.loadFirstPage());
    const state = await this.root;
    this.showMessage(state);
    if (state.error && state.flows.length === 0) return withFixes(state.error);
    const nodes: CatalogNode[] = [...state.flows];
    if (state.error) nodes.push(...withFixes(state.error));
    else if (state.nextToken) nodes.push({ kind: 'loadMore' });
    return nodes;
  }

  /**
   * Why the view shows what it shows: an active filter (the view's description, where VS Code would
   * show it, is hidden while the view is alone in its container), or why it is empty.
   */
  private showMessage(state: RootState): void {
    if (!this.view) return;
    const empty = state.flows.length === 0 && !state.error;
    if (this.term) {
      this.view.message = empty
        ? `No flows match "${this.term}". Clear the filter to see all flows.`
        : `Showing flows matching "${this.term}" — clear the filter to see all.`;
    } else {
      this.view.message = empty ? 'The catalog has no flows yet. Push a flow definition file to add one.' : undefined;
    }
  }

  private async loadFirstPage(): Promise<RootState> {
    try {
      const page = await this.fetchPage(await this.session.client(), undefined);
      return { flows: page.flows, nextToken: page.nextToken };
    } catch (error) {
      return { flows: [], error: errorNode(error) };
    }
  }

  private async fetchPage(client: CatalogClient, startingToken: string | undefined): Promise<{ flows: FlowNode[]; nextToken?: string }> {
    const page = await client.listFlowDefinitions({
      pageSize: pageSize(),
      ...(startingToken ? { startingToken } : {}),
      ...(this.term ? { searchTerm: this.term } : {}),
    });
    return { flows: page.flows.map(flowNode), nextToken: page.nextToken || undefined };
  }

  private versionsOf(flow: FlowNode): Promise<Array<VersionNode | ErrorNode | ActionNode>> {
    let loading = this.versions.get(flow.flow.crn);
    if (!loading) {
      loading = this.withViewProgress(async () => {
        try {
          const client = await this.session.client();
          const versions = await client.listFlowDefinitionVersions(flow.flow.crn);
          return [...versions]
            .sort((a, b) => b.version - a.version)
            .map((version): VersionNode => ({ kind: 'version', flow, version }));
        } catch (error) {
          return withFixes(errorNode(error));
        }
      });
      this.versions.set(flow.flow.crn, loading);
    }
    return loading;
  }

  private withViewProgress<T>(task: () => Promise<T>): Promise<T> {
    return Promise.resolve(vscode.window.withProgress({ location: { viewId: CATALOG_VIEW_ID } }, task));
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function flowNode(flow: FlowSummary): FlowNode {
  return { kind: 'flow', flow };
}

function errorNode(error: unknown): ErrorNode {
  const failure = describeFailure(error);
  return {
    kind: 'error',
    message: `${failureHeadline(failure.kind)}: ${failure.message}`,
    retry: RETRY,
    fixes: isCredentialFailure(failure.kind) ? CREDENTIAL_FIXES : [],
  };
}

function withFixes(error: ErrorNode): Array<ErrorNode | ActionNode> {
  return [error, ...error.fixes];
}

function pageSize(): number {
  const size = vscode.workspace.getConfiguration('dff.catalog').get<number>('pageSize', 50);
  return Math.min(100, Math.max(1, Math.round(size) || 50));
}
