// CDP IAM failures as CatalogErrors whose message says what to do. Never holds a key or a header.
import { errorForStatus, requestIdSuffix, type ApiErrorBody, type SigningKey } from './httpErrors';
import { CatalogError } from './types';

/**
 * What a caller needs, from Cloudera's docs ("Account roles": only PowerUser can assign account
 * roles; "Managing users and machine users": a PowerUser manages users and machine users).
 */
export const MACHINE_USER_RIGHTS = 'PowerUser';

const READ_OPERATIONS = new Set(['listRoles', 'listMachineUsers', 'listMachineUserAssignedRoles']);

function rightsFor(operation: string): string {
  // iam.yaml: listRoles, listMachineUsers and listMachineUserAssignedRoles need iam/listRoles,
  // iam/listMachineUsers, iam/listAssignedRoles, which IamViewer and IamUser grant as well.
  return READ_OPERATIONS.has(operation) ? 'IamViewer, IamUser or PowerUser' : MACHINE_USER_RIGHTS;
}

export function iamErrorForStatus(status: number, body: ApiErrorBody, operation: string, key: SigningKey, requestId?: string): CatalogError {
  const said = body.message ? `${body.code ? `${body.code}: ` : ''}${body.message}` : body.code;
  const detail = said ? ` (${said})` : '';
  const make = (kind: CatalogError['kind'], message: string): CatalogError => new CatalogError(kind, `${message}${requestIdSuffix(requestId)}`, status, body.code, requestId);
  switch (status) {
    case 401:
      // The same key problem whichever CDP service answered.
      return errorForStatus(status, body, operation, key, requestId);
    case 403:
      return make(
        'forbidden',
        `CDP refused ${operation} to access key ${key.accessKeyId} of profile ${key.profileName}${detail}. Creating a machine user, giving it a role and creating its access key need the ${rightsFor(operation)} role: ask a CDP admin to create the machine user, or to give you that role.`,
      );
    case 404:
      return make('notFound', `CDP IAM found nothing for ${operation}${detail}.`);
    case 409:
      return make('badRequest', `CDP IAM refused ${operation}: it exists already${detail}.`);
    case 429:
    case 509:
      return make('throttled', `CDP IAM is throttling requests${detail}. Wait a minute and try again.`);
    default:
      if (status >= 500) return make('unavailable', `CDP IAM failed to answer ${operation} (HTTP ${status})${detail}. Try again later.`);
      return make('badRequest', `CDP IAM rejected ${operation} (HTTP ${status})${detail}.`);
  }
}

/** NOT_FOUND, however CDP says it (HTTP 404 or the code alone, as cdpy and Cloudera's Terraform provider read it). */
export function isNotFound(error: unknown): boolean {
  return error instanceof CatalogError && (error.status === 404 || error.code === 'NOT_FOUND');
}

/** "Exists already": HTTP 409 or ALREADY_EXISTS (the status CDP uses was not confirmed, so both are read). */
export function isAlreadyExists(error: unknown): boolean {
  return error instanceof CatalogError && (error.status === 409 || error.code === 'ALREADY_EXISTS');
}
