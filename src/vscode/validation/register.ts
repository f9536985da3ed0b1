import type * as vscode from 'vscode';

// TODO(helper): diagnostics, CodeLens, code actions, hover, completion, definition.
export function registerValidation(_context: vscode.ExtensionContext): void {}
