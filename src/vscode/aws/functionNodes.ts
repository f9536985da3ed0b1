import * as vscode from 'vscode';
import type { FunctionDetails, FunctionSummary, FunctionWarning } from '../../core/aws/engine';
import { relativeTime, shortDate } from '../shared/relativeTime';
import { actionItem, errorItem, loadMoreItem, type ActionNode, type ErrorNode, type LoadMoreNode } from '../shared/treeRows';

export type { ActionNode, ErrorNode, LoadMoreNode };

// The nodes of the Functions view and how each one looks. contextValue 'dff.function[.flow]' (a
// function; '.flow' when FLOW_CRN names a flow) and 'dff.qualifier' (a version or alias) drive the
// menus in package.json; deploy's commands take a FunctionNode too.

export interface FunctionNode {
  kind: 'function';
  summary: FunctionSummary;
  /** What the summary alone shows; once expanded, what the details add. */
  warnings: FunctionWarning[];
  /** Set once the function was expanded. */
  details?: FunctionDetails;
}

/** A version or an alias: Show Logs, Invoke, Copy ARN and Open in Console work on it. */
export interface QualifierNode {
  kind: 'qualifier';
  fn: FunctionNode;
  /** The version number ('$LATEST', '3') or the alias name. */
  qualifier: string;
  label: string;
  description?: string;
  tooltip?: string;
  arn: string;
  icon: string;
}

/** A heading under a function: Versions, Aliases, Triggers, Environment, Secret. */
export interface GroupNode {
  kind: 'group';
  fn: FunctionNode;
  label: string;
  description?: string;
  icon: string;
  children: FunctionsNode[];
}

/** A row that only shows something: a trigger, an env var key, a secret key, a warning, a note. */
export interface DetailNode {
  kind: 'detail';
  label: string;
  description?: string;
  tooltip?: string;
  icon: string;
  /** Colours the icon as a warning. */
  warning?: boolean;
  /** Lets copy/paste of ids in tests find a row. */
  id?: string;
}


export type FunctionsNode = FunctionNode | QualifierNode | GroupNode | DetailNode | LoadMoreNode | ErrorNode | ActionNode;

export const LOAD_MORE_FUNCTIONS = 'dff.functions.loadMore';
/** Decorations (badge and tooltip) of functions with warnings hang on this scheme's URIs. */
export const FUNCTION_DECORATION_SCHEME = 'dff-function';

export function functionDecorationUri(name: string): vscode.Uri {
  return vscode.Uri.from({ scheme: FUNCTION_DECORATION_SCHEME, path: `/${encodeURIComponent(name)}` });
}

export function toTreeItem(node: FunctionsNode): vscode.TreeItem {
  switch (node.kind) {
    case 'function':
      return functionItem(node);
    case 'qualifier': {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
      item.id = `${node.fn.summary.arn}#${node.qualifier}`;
      item.description = node.description;
      item.tooltip = node.tooltip ?? node.arn;
      item.iconPath = new vscode.ThemeIcon(node.icon);
      item.contextValue = 'dff.qualifier';
      return item;
    }
    case 'group': {
      const item = new vscode.TreeItem(node.label, node.children.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
      item.id = `${node.fn.summary.arn}#group:${node.label}`;
      item.description = node.description;
      item.iconPath = new vscode.ThemeIcon(node.icon);
      item.contextValue = 'dff.functionGroup';
      return item;
    }
    case 'detail': {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
      if (node.id) item.id = node.id;
      item.description = node.description;
      item.tooltip = node.tooltip;
      item.iconPath = new vscode.ThemeIcon(node.icon, node.warning ? new vscode.ThemeColor('list.warningForeground') : undefined);
      item.contextValue = node.warning ? 'dff.functionWarning' : 'dff.functionDetail';
      return item;
    }
    case 'loadMore':
      return loadMoreItem('dff.functions.loadMore', { command: LOAD_MORE_FUNCTIONS, title: 'Load more functions' });
    case 'error':
      return errorItem(node);
    case 'action':
      return actionItem(node);
  }
}

/** Pending, Failed and Inactive show as a badge; Active (or unknown: ListFunctions leaves it out) shows nothing. */
export function stateBadge(summary: FunctionSummary): string | undefined {
  const state = summary.state;
  if (state === 'Pending' || state === 'Failed' || state === 'Inactive') return state;
  if (summary.lastUpdateStatus === 'InProgress') return 'Updating';
  if (summary.lastUpdateStatus === 'Failed') return 'Update failed';
  return undefined;
}

function functionItem(node: FunctionNode): vscode.TreeItem {
  const { summary, warnings } = node;
  const item = new vscode.TreeItem(summary.name, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = summary.arn;
  item.contextValue = summary.flow ? 'dff.function.flow' : 'dff.function';
  const badge = stateBadge(summary);
  const flow = summary.flow ? `${summary.flow.name}${summary.flow.version !== undefined ? ` v${summary.flow.version}` : ''}` : undefined;
  const modified = summary.lastModified ? Date.parse(summary.lastModified) : NaN;
  item.description = [badge ? `[${badge}]` : undefined, flow, summary.runtime, summary.memory ? `${summary.memory} MB` : undefined, Number.isNaN(modified) ? undefined : relativeTime(modified)]
    .filter((part): part is string => Boolean(part))
    .join(' · ');
  const failed = summary.state === 'Failed' || summary.lastUpdateStatus === 'Failed';
  item.iconPath = failed
    ? new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'))
    : warnings.length
      ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
      : new vscode.ThemeIcon('symbol-function');
  // The decoration (badge and colour) comes from FunctionDecorations through this URI.
  item.resourceUri = functionDecorationUri(summary.name);
  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown(`**${escape(summary.name)}**${badge ? ` — ${escape(badge)}` : ''}\n\n`);
  if (summary.stateReason) tooltip.appendMarkdown(`${escape(summary.stateReason)}\n\n`);
  if (flow) tooltip.appendMarkdown(`Flow: ${escape(flow)}\n\n`);
  const facts = [summary.runtime, summary.memory ? `${summary.memory} MB` : undefined, summary.timeout ? `${summary.timeout} s timeout` : undefined].filter(Boolean);
  if (facts.length) tooltip.appendMarkdown(`${escape(facts.join(' · '))}\n\n`);
  if (!Number.isNaN(modified)) tooltip.appendMarkdown(`Last modified ${escape(shortDate(modified))}\n\n`);
  for (const warning of warnings) tooltip.appendMarkdown(`$(warning) ${escape(warning.message)}\n\n`);
  tooltip.supportThemeIcons = true;
  tooltip.appendCodeblock(summary.arn, 'text');
  item.tooltip = tooltip;
  return item;
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|]/g, '\\$&');
}
