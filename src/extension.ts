import * as vscode from 'vscode';
import type { ValidationApi } from './vscode/validation/api';
import { registerValidation } from './vscode/validation/register';
import { registerCatalog, type CatalogApi } from './vscode/catalog/register';
import { registerAws, type AwsApi } from './vscode/aws/register';
import { registerDeploy, type DeployApi } from './vscode/deploy/register';
import { registerPreview } from './vscode/preview/register';

/** What activate() returns to other extensions and tests. */
export interface DffExtensionApi {
  /** How long activate() took, in milliseconds. */
  activationMs: number;
  /** The AWS profile and region, the Functions view, logs and invocations. */
  aws: AwsApi;
  /** What the Catalog view shows. */
  catalog: CatalogApi;
  /** What the last deploy did and the plans shown (tests read them). */
  deploy: DeployApi;
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
  const deploy = registerDeploy(context, { aws });
  registerPreview(context);
  return { activationMs: performance.now() - started, aws, catalog, deploy, logUri: context.logUri, validation };
}

export function deactivate(): void {}
