import * as vscode from 'vscode';
import type { ValidationApi } from './vscode/validation/api';
import { registerValidation } from './vscode/validation/register';
import { registerCatalog, type CatalogApi } from './vscode/catalog/register';

/** What activate() returns to other extensions and tests. */
export interface DffExtensionApi {
  /** How long activate() took, in milliseconds. */
  activationMs: number;
  /** What the Catalog view shows. */
  catalog: CatalogApi;
  /** The folder that holds the "DataFlow Functions" log file (tests read it). */
  logUri: vscode.Uri;
  /** What validation last found for each open document. */
  validation: ValidationApi;
}

export function activate(context: vscode.ExtensionContext): DffExtensionApi {
  const started = performance.now();
  const validation = registerValidation(context);
  const catalog = registerCatalog(context);
  return { activationMs: performance.now() - started, catalog, logUri: context.logUri, validation };
}

export function deactivate(): void {}
