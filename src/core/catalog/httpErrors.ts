// Turns HTTP failures into CatalogErrors whose message says what to do. Never includes headers or keys.
import { CatalogError } from './types';

export interface ApiErrorBody {
  code?: string;
  message?: string;
}

const IMPORT_OPS = new Set(['importFlowDefinition', 'importFlowDefinitionVersion']);

function rolesFor(operation: string): string {
  if (IMPORT_OPS.has(operation)) return 'DFCatalogAdmin or DFCatalogPublisher';
  if (operation === 'deleteFlow') return 'DFCatalogAdmin';
  return 'DFCatalogViewer (or DFCatalogAdmin)';
}

export function parseErrorBody(text: string): ApiErrorBody {
  try {
    const body = JSON.parse(text) as unknown;
    if (body && typeof body === 'object') {
      const { code, message } = body as Record<string, unknown>;
      return { code: typeof code === 'string' ? code : undefined, message: typeof message === 'string' ? message : undefined };
    }
  } catch {
    // not JSON: fall through
  }
  return { message: text.trim().slice(0, 300) || undefined };
}

/** The access key a request was signed with, as messages name it: its ID (not secret) and profile, never the private key. */
export interface SigningKey {
  accessKeyId: string;
  profileName: string;
}

export function errorForStatus(status: number, body: ApiErrorBody, operation: string, key: SigningKey): CatalogError {
  const said = body.message ? `${body.code ? `${body.code}: ` : ''}${body.message}` : body.code;
  const detail = said ? ` (${said})` : '';
  switch (status) {
    case 401:
      return new CatalogError(
        'unauthenticated',
        `CDP did not accept access key ${key.accessKeyId} of profile ${key.profileName}: check the key, or the computer's clock if it is off by more than a few minutes.` +
          (said ? ` CDP said: ${said}` : ''),
        status,
        body.code,
      );
    case 403:
      return new CatalogError(
        'forbidden',
        `Your CDP user may not call ${operation}${detail}. Ask a CDP admin for the ${rolesFor(operation)} role.`,
        status,
        body.code,
      );
    case 404:
      return new CatalogError('notFound', `Not found in the DataFlow Catalog${detail}. Refresh the catalog: it may have been deleted.`, status, body.code);
    case 429:
    case 509:
      return new CatalogError('throttled', `The DataFlow Catalog is throttling requests${detail}. Wait a minute and try again.`, status, body.code);
    default:
      if (status >= 500) {
        return new CatalogError('unavailable', `The DataFlow Catalog failed to answer ${operation} (HTTP ${status})${detail}. Try again later.`, status, body.code);
      }
      return new CatalogError('badRequest', `The DataFlow Catalog rejected ${operation} (HTTP ${status})${detail}.`, status, body.code);
  }
}
