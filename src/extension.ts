import * as vscode from 'vscode';
import type { ValidationApi } from './vscode/validation/api';
import { registerValidation } from './vscode/validation/register';
import { registerCatalog, type CatalogApi } from './vscode/catalog/register';
import { registerAws, type AwsApi } from './vscode/aws/register';

/** What activate() returns to other extensions and tests. */
export interface DffExtensionApi {
  /** How long activate() took, in milliseconds. */
  activationMs: number;
  /** The AWS profile and region, the Functions view, logs and invocations. */
  aws: AwsApi;
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
  const aws = registerAws(context, { catalog });
  return { activationMs: performance.now() - started, aws, catalog, logUri: context.logUri, validation };
}

export function deactivate(): void {}
