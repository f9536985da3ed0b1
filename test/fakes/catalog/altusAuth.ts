// The fake catalog's check of x-altus-auth / x-altus-date, written from the spec, independent of the client's signer.
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

export type AuthOutcome = { ok: true; accessKeyId: string } | { ok: false; message: string };

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function urlsafeB64(bytes: Buffer): string {
  return bytes.toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
}

export function toPublicKey(key: string | KeyObject): KeyObject {
  if (typeof key !== 'string') return key.type === 'private' ? createPublicKey(key) : key;
  return createPublicKey(key);
}

export function verifyAltusAuth(
  method: string,
  path: string,
  headers: IncomingHttpHeaders,
  keys: Map<string, KeyObject>,
  now: Date,
): AuthOutcome {
  const auth = header(headers, 'x-altus-auth');
  const date = header(headers, 'x-altus-date');
  if (!auth || !date) return { ok: false, message: 'The request is not signed: x-altus-auth and x-altus-date are required.' };
  const sent = Date.parse(date);
  if (Number.isNaN(sent) || !/ GMT$/.test(date)) return { ok: false, message: 'x-altus-date is not an RFC 1123 GMT date.' };
  if (Math.abs(now.getTime() - sent) > MAX_CLOCK_SKEW_MS) return { ok: false, message: 'x-altus-date is more than 5 minutes away from the server time.' };
  const [paramsPart, signaturePart, ...rest] = auth.split('.');
  if (!paramsPart || !signaturePart || rest.length) return { ok: false, message: 'x-altus-auth is malformed.' };
  let params: { access_key_id?: unknown; auth_method?: unknown };
  try {
    params = JSON.parse(Buffer.from(paramsPart, 'base64url').toString('utf8')) as typeof params;
  } catch {
    return { ok: false, message: 'x-altus-auth parameters are not JSON.' };
  }
  const accessKeyId = String(params.access_key_id ?? '');
  const authMethod = String(params.auth_method ?? '');
  // cdpcli sends Python json.dumps output, base64url with padding: accept exactly that form.
  const canonical = urlsafeB64(Buffer.from(`{"access_key_id": ${JSON.stringify(accessKeyId)}, "auth_method": ${JSON.stringify(authMethod)}}`, 'utf8'));
  if (canonical !== paramsPart) return { ok: false, message: 'x-altus-auth parameters are not in the expected form.' };
  if (urlsafeB64(Buffer.from(signaturePart, 'base64url')) !== signaturePart) return { ok: false, message: 'x-altus-auth signature is not padded base64url.' };
  const key = keys.get(accessKeyId);
  if (!key) return { ok: false, message: `Access key ${accessKeyId} is unknown.` };
  const methods: Record<string, string> = { ed25519: 'ed25519v1', rsa: 'rsav1', ec: 'ecdsav1' };
  const expectedMethod = methods[key.asymmetricKeyType ?? ''];
  if (authMethod !== expectedMethod) return { ok: false, message: `auth_method ${authMethod} does not match the access key.` };
  const contentType = (header(headers, 'content-type') ?? '').trim();
  const signed = Buffer.from([method.toUpperCase(), contentType, date, path, authMethod].join('\n'), 'utf8');
  const digest = authMethod === 'ed25519v1' ? null : authMethod === 'rsav1' ? 'sha256' : 'sha512';
  const valid = verify(digest, signed, key, Buffer.from(signaturePart, 'base64url'));
  return valid ? { ok: true, accessKeyId } : { ok: false, message: 'The request signature does not verify.' };
}
