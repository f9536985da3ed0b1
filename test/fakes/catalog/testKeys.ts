// Generated CDP access keys and the credentials/config files that point a profile at the fake catalog.
import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TestAccessKey {
  accessKeyId: string;
  /** The private key as it would be written in ~/.cdp/credentials. */
  privateKey: string;
  publicKey: KeyObject;
}

/** An Ed25519 key as CDP hands it out: the base64 of the 32-byte seed. */
export function generateEd25519AccessKey(): TestAccessKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const der = privateKey.export({ format: 'der', type: 'pkcs8' });
  return { accessKeyId: randomUUID(), privateKey: der.subarray(der.length - 32).toString('base64'), publicKey };
}

export function generateRsaAccessKey(): TestAccessKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { accessKeyId: randomUUID(), privateKey: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), publicKey };
}

export function generateEcdsaAccessKey(): TestAccessKey {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { accessKeyId: randomUUID(), privateKey: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), publicKey };
}

export interface CdpFiles {
  credentialsFile: string;
  configFile: string;
  /** Env vars that make cdpcli-style readers use these files. */
  env: { CDP_SHARED_CREDENTIALS_FILE: string; CDP_CONFIG_FILE: string };
}

/**
 * Writes credentials + config in `folder` with one profile whose endpoint is `endpointUrl`: as
 * cdp_endpoint_url (the df service's) and endpoint_url (where cdpcli sends CDP IAM calls, which the
 * stand-in answers too).
 */
export function writeCdpFiles(folder: string, profile: string, key: TestAccessKey, endpointUrl: string): CdpFiles {
  mkdirSync(folder, { recursive: true });
  const credentialsFile = join(folder, 'credentials');
  const configFile = join(folder, 'config');
  const oneLineKey = key.privateKey.trim().replace(/\n/g, '\\n');
  writeFileSync(credentialsFile, `[${profile}]\ncdp_access_key_id = ${key.accessKeyId}\ncdp_private_key = ${oneLineKey}\n`, { mode: 0o600 });
  const section = profile === 'default' ? '[default]' : `[profile ${profile}]`;
  writeFileSync(configFile, `${section}\ncdp_region = us-west-1\ncdp_endpoint_url = ${endpointUrl}\nendpoint_url = ${endpointUrl}\n`);
  return { credentialsFile, configFile, env: { CDP_SHARED_CREDENTIALS_FILE: credentialsFile, CDP_CONFIG_FILE: configFile } };
}
