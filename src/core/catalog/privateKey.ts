// Turns the text of a CDP private key into a Node key object and the auth method it signs with.
import { createPrivateKey, type KeyObject } from 'node:crypto';
import type { AuthMethod } from './types';

export interface SigningKey {
  method: AuthMethod;
  key: KeyObject;
}

// PKCS#8 DER header for a raw 32-byte Ed25519 seed (RFC 8410).
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const BASE64_SEED = /^[A-Za-z0-9+/_-]{43}=$/;

/** Keys are often pasted on one line with literal "\n" between PEM lines. */
export function normalizePrivateKeyText(text: string): string {
  return text.trim().replace(/\\r\\n|\\n/g, '\n');
}

/** The key and method, or undefined when the text is neither an Ed25519 seed nor a usable PEM key. */
export function parsePrivateKey(text: string): SigningKey | undefined {
  const keyText = normalizePrivateKeyText(text);
  if (BASE64_SEED.test(keyText)) {
    const seed = Buffer.from(keyText.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (seed.length !== 32) return undefined;
    const der = Buffer.concat([ED25519_PKCS8_PREFIX, seed]);
    return { method: 'ed25519v1', key: createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }) };
  }
  if (!keyText.startsWith('-----BEGIN')) return undefined;
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: keyText, format: 'pem' });
  } catch {
    return undefined;
  }
  switch (key.asymmetricKeyType) {
    case 'rsa':
      return { method: 'rsav1', key };
    case 'ec':
      return { method: 'ecdsav1', key };
    case 'ed25519':
      return { method: 'ed25519v1', key };
    default:
      return undefined;
  }
}
