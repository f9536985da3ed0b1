import * as vscode from 'vscode';
import type { FlowSummary, FlowVersion } from '../../core/catalog/types';
import { actionItem, errorItem, loadMoreItem, type ActionNode, type ErrorNode as ErrorRow, type LoadMoreNode } from '../shared/treeRows';
import { relativeTime, shortDate } from '../shared/relativeTime';

export type { ActionNode, LoadMoreNode };

// The nodes of the Catalog view and how each one looks. contextValue 'dff.flow' / 'dff.version'
// drive the context menus declared in package.json.

export interface FlowNode {
  kind: 'flow';
  flow: FlowSummary;
}

export interface VersionNode {
  kind: 'version';
  flow: FlowNode;
  version: FlowVersion;
}

/** A failure shown in place of the nodes it stopped, with a command that retries. */
export interface ErrorNode extends ErrorRow {
  /** Rows under it that fix the cause (choose another profile, add a key); shown after the error. */
  fixes: ActionNode[];
}

export type CatalogNode = FlowNode | VersionNode | LoadMoreNode | ErrorNode | ActionNode;

export const LOAD_MORE_COMMAND = 'dff.catalog.loadMore';

export function toTreeItem(node: CatalogNode): vscode.TreeItem {
  switch (node.kind) {
    case 'flow':
      return flowItem(node.flow);
    case 'version':
      return versionItem(node);
    case 'loadMore':
      return loadMoreItem('dff.catalog.loadMore', { command: LOAD_MORE_COMMAND, title: 'Load more flows' });
    case 'error':
      return errorItem(node);
    case 'action':
      return actionItem(node);
  }
}

function flowItem(flow: FlowSummary): vscode.TreeItem {
  const item = new vscode.TreeItem(flow.name, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = flow.crn;
  item.contextValue = 'dff.flow';
  item.iconPath = new vscode.ThemeIcon('type-hierarchy');
  const count = `${flow.versionCount} version${flow.versionCount === 1 ? '' : 's'}`;
  item.description = flow.modifiedTimestamp ? `${count} · ${relativeTime(flow.modifiedTimestamp)}` : count;
  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown(`**${escape(flow.name)}**\n\n`);
  if (flow.collectionName) tooltip.appendMarkdown(`Collection: ${escape(flow.collectionName)}\n\n`);
  if (flow.modifiedTimestamp) tooltip.appendMarkdown(`Last changed ${shortDate(flow.modifiedTimestamp)}\n\n`);
  tooltip.appendCodeblock(flow.crn, 'text');
  item.tooltip = tooltip;
  return item;
}

function versionItem(node: VersionNode): vscode.TreeItem {
  const { version } = node;
  const item = new vscode.TreeItem(`v${version.version}`, vscode.TreeItemCollapsibleState.None);
  item.id = version.crn;
  item.contextValue = 'dff.version';
  item.iconPath = new vscode.ThemeIcon('git-commit');
  // The date first: a narrow view cuts the end of the row off, and the author matters less.
  item.description = [version.timestamp ? relativeTime(version.timestamp) : undefined, version.author]
    .filter((part): part is string => Boolean(part))
    .join(' · ');
  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown(`**${escape(node.flow.flow.name)} v${version.version}**\n\n`);
  if (version.author) tooltip.appendMarkdown(`Pushed by ${escape(version.author)}\n\n`);
  if (version.timestamp) tooltip.appendMarkdown(`${escape(shortDate(version.timestamp))}\n\n`);
  tooltip.appendMarkdown(version.comments ? `${escape(version.comments)}\n\n` : '_No comments_\n\n');
  tooltip.appendCodeblock(version.crn, 'text');
  item.tooltip = tooltip;
  item.command = { command: 'dff.catalog.openVersion', title: 'Open Flow Version', arguments: [node] };
  return item;
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|]/g, '\\$&');
}
