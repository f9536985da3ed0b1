import * as vscode from 'vscode';

// Rows the Catalog and Functions views share: "Load more…", an error in place of the rows it
// stopped (click to retry), and a row that runs a command offered with an error.

export interface LoadMoreNode {
  kind: 'loadMore';
}

/** A failure shown in place of the nodes it stopped, with a command that retries. */
export interface ErrorNode {
  kind: 'error';
  /** What the row shows: a headline and the failure's message. */
  message: string;
  retry: vscode.Command;
}

/** A row that runs a command, offered with an error that it may fix. */
export interface ActionNode {
  kind: 'action';
  command: vscode.Command;
  icon: string;
}

export function loadMoreItem(id: string, command: vscode.Command): vscode.TreeItem {
  const item = new vscode.TreeItem('Load more…', vscode.TreeItemCollapsibleState.None);
  item.id = id;
  item.iconPath = new vscode.ThemeIcon('ellipsis');
  item.command = command;
  return item;
}

export function errorItem(node: ErrorNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.message, vscode.TreeItemCollapsibleState.None);
  item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
  item.tooltip = `${node.message}\n\nClick to try again.`;
  item.command = node.retry;
  item.contextValue = 'dff.error';
  return item;
}

export function actionItem(node: ActionNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.command.title, vscode.TreeItemCollapsibleState.None);
  item.iconPath = new vscode.ThemeIcon(node.icon);
  item.command = node.command;
  item.tooltip = node.command.tooltip;
  return item;
}
