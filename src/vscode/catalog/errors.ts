import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { CatalogErrorKind } from '../../core/catalog/types';
import { log } from '../shared/log';
import { CHOOSE_PROFILE, failureActions, OPEN_CREDENTIALS, RETRY, SHOW_IN_CATALOG, SHOW_LOG } from './failureActions';

export { isCredentialFailure } from './failureActions';

// Turns catalog failures into messages with the action that fixes them. CatalogError comes from
// the lazily loaded engine bundle, so it is recognised by shape, not with instanceof.

export interface CatalogFailure {
  kind: CatalogErrorKind | 'other';
  message: string;
}

export function describeFailure(error: unknown): CatalogFailure {
  if (error instanceof Error && error.name === 'CatalogError' && typeof (error as { kind?: unknown }).kind === 'string') {
    const kind = (error as unknown as { kind: CatalogErrorKind }).kind;
    return { kind, message: withHint(kind, error.message) };
  }
  if (error instanceof Error && error.name === 'AbortError') return { kind: 'cancelled', message: 'Cancelled.' };
  return { kind: 'other', message: error instanceof Error ? error.message : String(error) };
}

function withHint(kind: CatalogErrorKind, message: string): string {
  switch (kind) {
    case 'unauthenticated':
      return /clock/i.test(message)
        ? message
        : `${message} Check that the access key is active and that this computer's clock is correct: CDP rejects requests whose signature time is off by more than a few minutes.`;
    case 'forbidden':
      return /DFCatalog/.test(message)
        ? message
        : `${message} Ask your CDP administrator for the DFCatalogViewer role to browse the catalog, and DFCatalogAdmin or DFCatalogPublisher to push flows.`;
    default:
      return message;
  }
}

/** How the Catalog view introduces a failure: only failures where no answer came are "could not reach". */
export function failureHeadline(kind: CatalogFailure['kind']): string {
  switch (kind) {
    case 'unauthenticated':
    case 'forbidden':
    case 'notFound':
    case 'badRequest':
      return 'The catalog refused the request';
    case 'credentials':
      return 'Cannot use the CDP credentials';
    case 'throttled':
      return 'The catalog is busy';
    case 'unavailable':
      return 'The catalog is unavailable';
    case 'network':
    case 'timeout':
      return 'Could not reach the catalog';
    default:
      return 'Could not load the catalog';
  }
}

export function isCancellation(error: unknown): boolean {
  return describeFailure(error).kind === 'cancelled';
}

/** What a failure message may offer besides fixing the credentials, for failures that may pass. */
export interface FailureActions {
  /** Runs the operation again: offered for failures that may pass, when nothing can have been stored. */
  retry?: () => unknown;
  /**
   * For a write (a push) whose upload may have reached the catalog although it failed ('uncertain'):
   * repeating it could add a second version, so this shows what the catalog holds instead.
   */
  showInCatalog?: () => unknown;
}

/**
 * Shows an error message for a failed catalog operation with the actions that help. `what` says what
 * failed ("Could not push flow.json").
 */
export async function showCatalogError(what: string, error: unknown, offers: FailureActions = {}): Promise<void> {
  const failure = describeFailure(error);
  if (failure.kind === 'cancelled') return;
  log().error(`${what}: ${failure.message}`);
  const actions = failureActions(failure.kind, { retry: Boolean(offers.retry), showInCatalog: Boolean(offers.showInCatalog) });
  const choice = await vscode.window.showErrorMessage(`${what}: ${failure.message}`, ...actions);
  // Callers do not wait for this message (`void showCatalogError(...)`): what its action throws ends here.
  try {
    if (choice === CHOOSE_PROFILE) await vscode.commands.executeCommand('dff.cdp.selectProfile');
    else if (choice === OPEN_CREDENTIALS) await openCredentialsFile();
    else if (choice === RETRY) await offers.retry?.();
    else if (choice === SHOW_IN_CATALOG) await offers.showInCatalog?.();
    else if (choice === SHOW_LOG) log().show(true);
  } catch (actionError) {
    const reason = describeFailure(actionError).message;
    log().error(`${choice}: ${reason}`);
    void vscode.window.showErrorMessage(`${choice} failed: ${reason}`);
  }
}

export function credentialsFilePath(): string {
  return process.env.CDP_SHARED_CREDENTIALS_FILE || path.join(os.homedir(), '.cdp', 'credentials');
}

async function openCredentialsFile(): Promise<void> {
  const file = credentialsFilePath();
  try {
    await vscode.window.showTextDocument(vscode.Uri.file(file));
  } catch {
    void vscode.window.showWarningMessage(
      `There is no CDP credentials file at ${file}. Run "cdp configure" in a terminal, or add an access key to VS Code.`,
    );
  }
}
