// Verifies AWS Signature Version 4 on requests to the stand-in, the way AWS does: the header's
// shape, a known key, its session token, the date window, and the signature recomputed from the
// canonical request exactly as @smithy/signature-v4 builds it (which is what the SDK signs with).
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { AwsServiceError, type AwsServiceName } from './protocol';

export interface StoredCredential {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  account: string;
  userName: string;
  userId: string;
  expired: boolean;
}

export interface SignedRequest {
  method: string;
  /** The path exactly as sent (still percent-encoded), without the query string. */
  rawPath: string;
  /** The query string exactly as sent, without '?'. */
  rawQuery: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface CredentialScope {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
}

export type SigV4Failure = 'missing' | 'malformed' | 'unknownKey' | 'invalidToken' | 'expired' | 'skewed' | 'badSignature';

export type SigV4Result =
  | { ok: true; credential: StoredCredential; scope: CredentialScope }
  | { ok: false; failure: SigV4Failure; detail?: string; scope?: CredentialScope };

/** AWS refuses requests whose X-Amz-Date is more than this far from its clock. */
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const AUTHORIZATION = /^AWS4-HMAC-SHA256 Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/;
const SCOPE = /^([^/]+)\/(\d{8})\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request$/;
const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/** The service and key named in the Authorization header's credential scope, when it has one. */
export function credentialScope(headers: IncomingHttpHeaders): CredentialScope | undefined {
  const match = AUTHORIZATION.exec(header(headers, 'authorization') ?? '');
  const scope = match ? SCOPE.exec(match[1]) : null;
  return scope ? { accessKeyId: scope[1], date: scope[2], region: scope[3], service: scope[4] } : undefined;
}

function escapeUri(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** @smithy/signature-v4 double-encodes the (normalised) path for every service but S3. */
function canonicalPath(rawPath: string, service: string): string {
  if (service === 's3') return rawPath;
  const segments: string[] = [];
  for (const segment of rawPath.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const normalized = `${rawPath.startsWith('/') ? '/' : ''}${segments.join('/')}${segments.length > 0 && rawPath.endsWith('/') ? '/' : ''}`;
  return escapeUri(normalized).replace(/%2F/g, '/');
}

/** Keys sent without '=' were null in the SDK's request and are not signed. */
function canonicalQuery(rawQuery: string): string {
  const byKey = new Map<string, string[]>();
  for (const part of rawQuery.split('&')) {
    if (part === '' || !part.includes('=')) continue;
    const at = part.indexOf('=');
    const key = escapeUri(safeDecode(part.slice(0, at)));
    if (key.toLowerCase() === 'x-amz-signature') continue;
    const value = escapeUri(safeDecode(part.slice(at + 1)));
    byKey.set(key, [...(byKey.get(key) ?? []), `${key}=${value}`]);
  }
  return [...byKey.keys()]
    .sort()
    .map((key) => (byKey.get(key) ?? []).sort().join('&'))
    .join('&');
}

function canonicalHeaders(headers: IncomingHttpHeaders, signedHeaders: string[]): string {
  return signedHeaders
    .map((name) => `${name}:${(header(headers, name) ?? '').replace(/[\r\n]/g, ' ').replace(/[ \t]+/g, ' ').replace(/^ | $/g, '')}`)
    .join('\n');
}

function hmac(key: Buffer | string, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

function signature(request: SignedRequest, scope: CredentialScope, secret: string, amzDate: string, signedHeaders: string[], payloadHash: string): string {
  const canonicalRequest = [
    request.method,
    canonicalPath(request.rawPath, scope.service),
    canonicalQuery(request.rawQuery),
    canonicalHeaders(request.headers, signedHeaders),
    '',
    signedHeaders.join(';'),
    payloadHash,
  ].join('\n');
  const scopeText = `${scope.date}/${scope.region}/${scope.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scopeText, sha256Hex(canonicalRequest)].join('\n');
  let key = hmac(`AWS4${secret}`, scope.date);
  for (const part of [scope.region, scope.service, 'aws4_request']) key = hmac(key, part);
  return hmac(key, stringToSign).toString('hex');
}

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

function amzDateMs(value: string): number | undefined {
  const m = AMZ_DATE.exec(value);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])) : undefined;
}

function formatAmzDate(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/**
 * The payload hashes the SDK may have signed: the x-amz-content-sha256 header when sent (S3), else
 * the body's hash, or UNSIGNED-PAYLOAD when the SDK could not hash a streamed body.
 */
function payloadHashes(request: SignedRequest): string[] {
  const declared = header(request.headers, 'x-amz-content-sha256');
  if (declared !== undefined) return [declared];
  return [request.body.length === 0 ? EMPTY_SHA256 : sha256Hex(request.body), 'UNSIGNED-PAYLOAD'];
}

export function verifySigV4(request: SignedRequest, lookup: (accessKeyId: string) => StoredCredential | undefined, now: number): SigV4Result {
  const authorization = header(request.headers, 'authorization');
  if (authorization === undefined) return { ok: false, failure: 'missing' };
  const match = AUTHORIZATION.exec(authorization);
  const scopeMatch = match ? SCOPE.exec(match[1]) : null;
  if (!match || !scopeMatch) return { ok: false, failure: 'malformed', detail: 'Authorization header requires Credential, SignedHeaders and Signature parameters.' };
  const scope: CredentialScope = { accessKeyId: scopeMatch[1], date: scopeMatch[2], region: scopeMatch[3], service: scopeMatch[4] };
  const signedHeaders = match[2].split(';');
  const amzDate = header(request.headers, 'x-amz-date') ?? '';
  const requestMs = amzDateMs(amzDate);
  if (requestMs === undefined || !signedHeaders.includes('host') || !signedHeaders.includes('x-amz-date')) {
    return { ok: false, failure: 'malformed', scope, detail: 'Authorization header requires existence of either a \'X-Amz-Date\' or a \'Date\' header.' };
  }
  if (amzDate.slice(0, 8) !== scope.date) {
    return { ok: false, failure: 'badSignature', scope, detail: `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scope.date}' != '${amzDate.slice(0, 8)}'` };
  }
  const credential = lookup(scope.accessKeyId);
  if (!credential) return { ok: false, failure: 'unknownKey', scope };
  const token = header(request.headers, 'x-amz-security-token');
  if (credential.sessionToken !== undefined || token !== undefined) {
    if (token !== credential.sessionToken || !signedHeaders.includes('x-amz-security-token')) return { ok: false, failure: 'invalidToken', scope };
  }
  if (credential.expired) return { ok: false, failure: 'expired', scope };
  if (Math.abs(now - requestMs) > MAX_CLOCK_SKEW_MS) {
    const earlier = requestMs < now;
    const bound = earlier ? now - MAX_CLOCK_SKEW_MS : now + MAX_CLOCK_SKEW_MS;
    return {
      ok: false,
      failure: 'skewed',
      scope,
      detail: `Signature ${earlier ? 'expired' : 'not yet current'}: ${amzDate} is now ${earlier ? 'earlier' : 'later'} than ${formatAmzDate(bound)} (${formatAmzDate(now)} ${earlier ? '-' : '+'} 15 min.)`,
    };
  }
  const given = match[3];
  const valid = payloadHashes(request).some((hash) => sameHex(signature(request, scope, credential.secretAccessKey, amzDate, signedHeaders, hash), given));
  return valid ? { ok: true, credential, scope } : { ok: false, failure: 'badSignature', scope };
}

const INVALID_TOKEN = 'The security token included in the request is invalid.';
const EXPIRED_TOKEN = 'The security token included in the request is expired';
const BAD_SIGNATURE =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

/** The error each service answers for a refused signature, in its own words (checked against AWS's documented error codes). */
export function signatureError(service: AwsServiceName, failure: SigV4Failure, detail?: string): AwsServiceError {
  if (service === 's3') {
    switch (failure) {
      case 'missing':
        return new AwsServiceError('AccessDenied', 403, 'Access Denied');
      case 'malformed':
        return new AwsServiceError('AuthorizationHeaderMalformed', 400, detail ?? 'The authorization header is malformed.');
      case 'unknownKey':
        return new AwsServiceError('InvalidAccessKeyId', 403, 'The AWS Access Key Id you provided does not exist in our records.');
      case 'invalidToken':
        return new AwsServiceError('InvalidToken', 400, 'The provided token is malformed or otherwise invalid.');
      case 'expired':
        return new AwsServiceError('ExpiredToken', 400, 'The provided token has expired.');
      case 'skewed':
        return new AwsServiceError('RequestTimeTooSkewed', 403, 'The difference between the request time and the current time is too large.');
      case 'badSignature':
        return new AwsServiceError('SignatureDoesNotMatch', 403, 'The request signature we calculated does not match the signature you provided. Check your key and signing method.');
    }
  }
  const query = service === 'sts' || service === 'iam';
  // Lambda (REST-JSON) answers 403; the JSON 1.1 services (Logs, Secrets Manager) answer 400.
  const status = query || service === 'lambda' ? 403 : 400;
  switch (failure) {
    case 'missing':
      return query
        ? new AwsServiceError('MissingAuthenticationToken', 403, 'Request is missing Authentication Token')
        : new AwsServiceError('MissingAuthenticationTokenException', status, 'Missing Authentication Token');
    case 'malformed':
      return new AwsServiceError(query ? 'IncompleteSignature' : 'IncompleteSignatureException', 400, detail ?? 'The request signature does not conform to AWS standards.');
    case 'unknownKey':
    case 'invalidToken':
      return new AwsServiceError(query ? 'InvalidClientTokenId' : 'UnrecognizedClientException', status, INVALID_TOKEN);
    case 'expired':
      return new AwsServiceError(query ? 'ExpiredToken' : 'ExpiredTokenException', status, EXPIRED_TOKEN);
    case 'skewed':
    case 'badSignature':
      return new AwsServiceError(query ? 'SignatureDoesNotMatch' : 'InvalidSignatureException', status, detail ?? BAD_SIGNATURE);
  }
}
