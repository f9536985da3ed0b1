import * as vscode from 'vscode';
import type { FlowSummary } from '../../core/catalog/types';
import type { CatalogTree } from './catalogTree';
import type { CatalogNode, FlowNode, VersionNode } from './treeItems';

// Selecting a flow or a version in the Catalog view: after a push ("Reveal in Catalog"), or after a
// failed push that may have arrived anyway ("Show in Catalog"). A filter that hides it is cleared.

export class CatalogRevealer {
  constructor(
    private readonly tree: CatalogTree,
    private readonly view: vscode.TreeView<CatalogNode>,
    private readonly clearFilter: () => Promise<void>,
  ) {}

  /** Selects the version (or, if it is not listed, its flow); undefined when the flow is not listed. */
  async reveal(flowCrn: string, versionCrn?: string): Promise<FlowNode | VersionNode | undefined> {
    const flow = await this.find((item) => item.crn === flowCrn);
    if (!flow) {
      void vscode.window.showWarningMessage('The pushed flow is not listed in the Catalog view yet. Refresh the view in a moment.');
      return undefined;
    }
    const version = versionCrn ? await this.tree.findVersion(flow, versionCrn) : undefined;
    const node = version ?? flow;
    await this.view.reveal(node, { select: true, focus: true, expand: true });
    return node;
  }

  /** Reloads the view and selects the flow of that name, expanded to its versions. */
  async showFlowNamed(name: string): Promise<FlowNode | undefined> {
    this.tree.refresh();
    const flow = await this.find((item) => item.name === name);
    if (!flow) {
      void vscode.window.showWarningMessage(`The DataFlow Catalog has no flow named "${name}": the push did not arrive. Push the file again.`);
      return undefined;
    }
    await this.view.reveal(flow, { select: true, focus: true, expand: true });
    return flow;
  }

  private async find(matches: (flow: FlowSummary) => boolean): Promise<FlowNode | undefined> {
    const flow = await this.tree.findFlow(matches);
    if (flow || !this.tree.searchTerm) return flow;
    await this.clearFilter();
    return this.tree.findFlow(matches);
  }
}
