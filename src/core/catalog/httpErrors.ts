// Turns HTTP failures into CatalogErrors whose message says what to do. Never includes headers or keys.
import { shortServerText } from './serverText';
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

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value : undefined;
}

/**
 * As cdpcli/parser.py ResponseParser._parse_error: `code`, then `message`, else `error`, else the
 * `errorMessages` joined by spaces; a body that is not JSON is the message itself. Server text is
 * shortened and stripped of control characters.
 */
export function parseErrorBody(body: string): ApiErrorBody {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    const message = shortServerText(body);
    return message ? { message } : {};
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
  const fields = parsed as Record<string, unknown>;
  const messages = Array.isArray(fields.errorMessages) ? fields.errorMessages.filter((item): item is string => typeof item === 'string').join(' ') : undefined;
  const message = 'message' in fields ? text(fields.message) : 'error' in fields ? text(fields.error) : text(messages);
  const code = text(fields.code);
  return { ...(code ? { code: shortServerText(code, 80) } : {}), ...(message ? { message: shortServerText(message) } : {}) };
}

/** The request ID support asks for: x-altus-request-id, else x-cdp-request-id (cdpcli/client.py BaseClient.raise_error). */
export function requestIdOf(headers: Record<string, unknown>): string | undefined {
  const value = headers['x-altus-request-id'] ?? headers['x-cdp-request-id'];
  const id = Array.isArray(value) ? value[0] : value;
  return typeof id === 'string' && id.trim() ? shortServerText(id, 100) : undefined;
}

/** " (request ID …)" for a message, or nothing. */
export function requestIdSuffix(requestId: string | undefined): string {
  return requestId ? ` (request ID ${requestId})` : '';
}

/** The access key a request was signed with, as messages name it: its ID (not secret) and profile, never the private key. */
export interface SigningKey {
  accessKeyId: string;
  profileName: string;
}

export function errorForStatus(status: number, body: ApiErrorBody, operation: string, key: SigningKey, requestId?: string): CatalogError {
  const said = body.message ? `${body.code ? `${body.code}: ` : ''}${body.message}` : body.code;
  const detail = said ? ` (${said})` : '';
  const id = requestIdSuffix(requestId);
  const make = (kind: CatalogError['kind'], message: string): CatalogError => new CatalogError(kind, `${message}${id}`, status, body.code, requestId);
  switch (status) {
    case 401:
      return make(
        'unauthenticated',
        `CDP did not accept access key ${key.accessKeyId} of profile ${key.profileName}: check the key, or the computer's clock if it is off by more than a few minutes.` +
          (said ? ` CDP said: ${said}` : ''),
      );
    case 403:
      return make('forbidden', `Your CDP user may not call ${operation}${detail}. Ask a CDP admin for the ${rolesFor(operation)} role.`);
    case 404:
      return make('notFound', `Not found in the DataFlow Catalog${detail}. Refresh the catalog: it may have been deleted.`);
    case 429:
    case 509:
      return make('throttled', `The DataFlow Catalog is throttling requests${detail}. Wait a minute and try again.`);
    default:
      if (status >= 500) return make('unavailable', `The DataFlow Catalog failed to answer ${operation} (HTTP ${status})${detail}. Try again later.`);
      return make('badRequest', `The DataFlow Catalog rejected ${operation} (HTTP ${status})${detail}.`);
  }
}
