// Request signing as Cloudera's cdpcli does it: x-altus-date and x-altus-auth headers.
import { sign } from 'node:crypto';
import { parsePrivateKey, type SigningKey } from './privateKey';
import { CatalogError, type AuthMethod, type CdpAccessKey } from './types';

export interface RequestToSign {
  method: string;
  /** Absolute URL or path; only the path (no query) is signed. */
  url: string;
  contentType?: string;
}

export interface AltusHeaders {
  'x-altus-date': string;
  'x-altus-auth': string;
}

/** RFC 1123 date in GMT, e.g. "Tue, 24 Nov 2026 11:13:38 GMT". */
export function altusDate(now: Date): string {
  return now.toUTCString();
}

export function urlPath(url: string): string {
  return new URL(url, 'http://path.only').pathname;
}

export function stringToSign(request: RequestToSign, date: string, method: AuthMethod): string {
  return [request.method.toUpperCase(), request.contentType?.trim() ?? '', date, urlPath(request.url), method].join('\n');
}

/** Python's urlsafe_b64encode: base64url that keeps its '=' padding. */
export function base64UrlWithPadding(bytes: Buffer): string {
  return bytes.toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
}

/** JSON as Python's json.dumps writes it: ", " and ": " separators, non-ASCII escaped. */
export function pythonJson(params: Record<string, string>): string {
  const members = Object.entries(params).map(([name, value]) => `${JSON.stringify(name)}: ${JSON.stringify(value)}`);
  return `{${members.join(', ')}}`.replace(/[\u0080-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function authParamsPart(accessKeyId: string, method: AuthMethod): string {
  return base64UrlWithPadding(Buffer.from(pythonJson({ access_key_id: accessKeyId, auth_method: method }), 'utf8'));
}

function signatureOf(text: string, signingKey: SigningKey): Buffer {
  const data = Buffer.from(text, 'utf8');
  switch (signingKey.method) {
    case 'ed25519v1':
      return sign(null, data, signingKey.key);
    case 'rsav1':
      return sign('sha256', data, signingKey.key);
    case 'ecdsav1':
      // Cloudera's Java SDK signs ecdsav1 as SHA512withECDSA (DER signature); cdpcli has no ecdsav1.
      return sign('sha512', data, signingKey.key);
  }
}

export type Signer = (request: RequestToSign, now?: Date) => AltusHeaders;

/** Parses the key once; the signer then adds the two headers to each request. */
export function createSigner(accessKey: CdpAccessKey, clock: () => Date = () => new Date()): Signer & { method: AuthMethod } {
  const signingKey = parsePrivateKey(accessKey.privateKey);
  if (!signingKey) {
    throw new CatalogError(
      'credentials',
      `${accessKey.source}: the private key is not an Ed25519 seed or a PEM key. Generate a new access key in the CDP console and copy it again.`,
    );
  }
  const signer = (request: RequestToSign, now: Date = clock()): AltusHeaders => {
    const date = altusDate(now);
    const signature = signatureOf(stringToSign(request, date, signingKey.method), signingKey);
    return {
      'x-altus-date': date,
      'x-altus-auth': `${authParamsPart(accessKey.accessKeyId, signingKey.method)}.${base64UrlWithPadding(signature)}`,
    };
  };
  return Object.assign(signer, { method: signingKey.method });
}

/** One-off signing (tests, scripts). */
export function signRequest(accessKey: CdpAccessKey, request: RequestToSign, now: Date = new Date()): AltusHeaders {
  return createSigner(accessKey)(request, now);
}
