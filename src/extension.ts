import * as vscode from 'vscode';
import { registerValidation } from './vscode/validation/register';
import { registerCatalog } from './vscode/catalog/register';

/** What activate() returns to other extensions and tests: how long activation took. */
export interface DffExtensionApi {
  activationMs: number;
}

export function activate(context: vscode.ExtensionContext): DffExtensionApi {
  const started = performance.now();
  registerValidation(context);
  registerCatalog(context);
  return { activationMs: performance.now() - started };
}

export function deactivate(): void {}
