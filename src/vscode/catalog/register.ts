import type * as vscode from 'vscode';

// TODO(helper): catalog tree, push, CDP profile status bar.
export function registerCatalog(_context: vscode.ExtensionContext): void {}
