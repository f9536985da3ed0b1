import type { CatalogErrorKind } from '../../core/catalog/types';

// Which actions a catalog failure message offers. Kept free of `vscode` so it is unit-tested.

export type FailureKind = CatalogErrorKind | 'other';

export const CHOOSE_PROFILE = 'Choose CDP Profile';
export const OPEN_CREDENTIALS = 'Open credentials file';
export const RETRY = 'Retry';
export const SHOW_IN_CATALOG = 'Show in Catalog';
export const SHOW_LOG = 'Show Log';

/** Which follow-ups the caller can run. */
export interface OfferedActions {
  /** Running the operation again is safe (a read, or a push that failed before any upload). */
  retry: boolean;
  /** The operation was a push, which the catalog may hold although it failed. */
  showInCatalog: boolean;
}

/** Failures that a change of profile or key fixes. */
export function isCredentialFailure(kind: FailureKind): boolean {
  return kind === 'credentials' || kind === 'unauthenticated';
}

/** Failures that may pass by themselves, so trying again makes sense. */
export function isPassing(kind: FailureKind): boolean {
  return kind === 'throttled' || kind === 'unavailable' || kind === 'network' || kind === 'timeout';
}

/**
 * The buttons of a failure message. A push failure is 'uncertain' only once its upload may have
 * reached the catalog (the core decides): then Show in Catalog, never Retry, which could store it
 * twice. Any other passing failure happened before the upload, so Retry is safe. Show Log comes with
 * every failure.
 */
export function failureActions(kind: FailureKind, offered: OfferedActions): string[] {
  const actions: string[] = [];
  if (isCredentialFailure(kind)) actions.push(CHOOSE_PROFILE);
  if (kind === 'credentials') actions.push(OPEN_CREDENTIALS);
  if (kind === 'uncertain' && offered.showInCatalog) actions.push(SHOW_IN_CATALOG);
  else if (isPassing(kind) && offered.retry) actions.push(RETRY);
  // Last: the log has what the message leaves out (the request, the server's answer), whatever the failure.
  actions.push(SHOW_LOG);
  return actions;
}
