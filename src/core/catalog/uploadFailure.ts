// The upload step of an import is not idempotent: once the bytes may have reached the catalog, a
// retry can store the flow (or version) twice. These decide which failures are safe to retry and
// turn the others into a message that sends the user to look before pushing again.
import { CatalogError } from './types';

/** Throttling: the catalog refused the upload before doing anything with it. */
const THROTTLE_STATUSES = new Set([429, 509]);
/** The connection was never made, so the catalog cannot have received the upload. */
const NEVER_CONNECTED_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** What the upload was for, to name it in messages. */
export interface UploadSubject {
  /** The flow as the user knows it: its name in quotes, or its CRN. */
  flow: string;
  /** What a blind second push could duplicate. */
  creates: 'flow' | 'version';
}

export function isUploadRetryable(error: unknown): boolean {
  return error instanceof CatalogError && error.status !== undefined && THROTTLE_STATUSES.has(error.status);
}

/** True when the failure leaves open whether the catalog stored the upload. */
export function mayHaveLanded(error: CatalogError): boolean {
  if (error.kind === 'timeout') return true;
  if (error.kind === 'network') return !NEVER_CONNECTED_CODES.has(error.code ?? '');
  return error.status !== undefined && error.status >= 500 && !THROTTLE_STATUSES.has(error.status);
}

/** What went wrong with an upload, as a message names it. */
export function uploadFailureReason(error: CatalogError): string {
  if (error.kind === 'cancelled') return 'it was cancelled while being sent';
  if (error.kind === 'timeout') return 'no answer in time';
  if (error.kind === 'network') return `the connection broke${error.code ? ` (${error.code})` : ''}`;
  return `HTTP ${error.status}`;
}

/** `reason` says what went wrong (see uploadFailureReason); `cause` keeps the status and code of the failure. */
export function uncertainUploadError(reason: string, subject: UploadSubject, cause: { status?: number; code?: string } = {}): CatalogError {
  const duplicate = subject.creates === 'flow' ? 'a second flow with that name' : 'a duplicate version';
  return new CatalogError(
    'uncertain',
    `Uploading flow ${subject.flow} to the DataFlow Catalog failed (${reason}), and the catalog may or may not have stored it. ` +
      `Check the versions of flow ${subject.flow} in the catalog before pushing again: pushing again blindly may create ${duplicate}.`,
    cause.status,
    cause.code,
  );
}
