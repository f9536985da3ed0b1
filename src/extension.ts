import * as vscode from 'vscode';
import { registerValidation } from './vscode/validation/register';
import { registerCatalog } from './vscode/catalog/register';

export function activate(context: vscode.ExtensionContext): void {
  registerValidation(context);
  registerCatalog(context);
}

export function deactivate(): void {}
