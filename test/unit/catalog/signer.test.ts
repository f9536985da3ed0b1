import * as assert from 'node:assert/strict';
import { verify } from 'node:crypto';
import { signRequest, stringToSign } from '../../../src/core/catalog/signer';
import { parsePrivateKey } from '../../../src/core/catalog/privateKey';
import { CatalogError } from '../../../src/core/catalog/types';
import { generateEcdsaAccessKey, generateEd25519AccessKey, generateRsaAccessKey, type TestAccessKey } from '../../fakes/catalog/testKeys';

const date = new Date(Date.UTC(2026, 10, 24, 11, 13, 38));
const url = 'https://api.us-west-1.cdp.cloudera.com/api/v1/df/listFlowDefinitions?ignored=1';

function decodeUrlSafe(text: string): Buffer {
  return Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

function check(key: TestAccessKey, method: string, digest: string | null): void {
  const access = { accessKeyId: key.accessKeyId, privateKey: key.privateKey, source: 'test' };
  const headers = signRequest(access, { method: 'post', url, contentType: 'application/json' }, date);
  assert.equal(headers['x-altus-date'], 'Tue, 24 Nov 2026 11:13:38 GMT');
  const [params, signature] = headers['x-altus-auth'].split('.');
  assert.equal(decodeUrlSafe(params).toString('utf8'), `{"access_key_id": "${key.accessKeyId}", "auth_method": "${method}"}`);
  const signed = `POST\napplication/json\nTue, 24 Nov 2026 11:13:38 GMT\n/api/v1/df/listFlowDefinitions\n${method}`;
  assert.ok(verify(digest, Buffer.from(signed), key.publicKey, decodeUrlSafe(signature)), `${method} signature verifies with the public key`);
}

describe('catalog request signer', () => {
  it('signs the method, content type, date, path without query and auth method, one per line', () => {
    assert.equal(
      stringToSign({ method: 'post', url, contentType: 'application/json' }, 'Tue, 24 Nov 2026 11:13:38 GMT', 'ed25519v1'),
      'POST\napplication/json\nTue, 24 Nov 2026 11:13:38 GMT\n/api/v1/df/listFlowDefinitions\ned25519v1',
    );
    assert.equal(stringToSign({ method: 'GET', url: '/x/y' }, 'D', 'rsav1'), 'GET\n\nD\n/x/y\nrsav1');
  });

  it('writes the auth parameters as Python json.dumps does, base64url with padding', () => {
    const access = { accessKeyId: 'abc', privateKey: generateEd25519AccessKey().privateKey, source: 'test' };
    const [params, signature] = signRequest(access, { method: 'POST', url, contentType: 'application/json' }, date)['x-altus-auth'].split('.');
    // base64 of {"access_key_id": "abc", "auth_method": "ed25519v1"} (52 bytes, so padded with ==).
    assert.equal(params, 'eyJhY2Nlc3Nfa2V5X2lkIjogImFiYyIsICJhdXRoX21ldGhvZCI6ICJlZDI1NTE5djEifQ==');
    assert.match(signature, /^[A-Za-z0-9_-]+=*$/);
    assert.equal(signature.length, 88, 'a 64-byte Ed25519 signature is 88 padded base64 characters');
    assert.ok(signature.endsWith('=='));
  });

  it('signs ed25519v1 with the key as the CDP console hands it out (base64 seed)', () => check(generateEd25519AccessKey(), 'ed25519v1', null));
  it('signs rsav1 with a PKCS#8 PEM key, RSASSA-PKCS1-v1_5 SHA-256', () => check(generateRsaAccessKey(), 'rsav1', 'sha256'));
  it('signs ecdsav1 with an EC PEM key (SHA-512, as Cloudera\'s Java SDK)', () => check(generateEcdsaAccessKey(), 'ecdsav1', 'sha512'));

  it('reads a PEM key stored on one line with literal \\n', () => {
    const key = generateRsaAccessKey();
    const oneLine = key.privateKey.trim().replace(/\n/g, '\\n');
    assert.equal(parsePrivateKey(oneLine)?.method, 'rsav1');
  });

  it('refuses a key that is neither a seed nor a PEM, without showing it', () => {
    const secret = 'c2VjcmV0LWJ1dC1ub3QtYS1rZXk=';
    assert.equal(parsePrivateKey(secret), undefined);
    assert.throws(
      () => signRequest({ accessKeyId: 'id', privateKey: secret, source: '~/.cdp/credentials, profile [dev]' }, { method: 'POST', url }),
      (error: unknown) => error instanceof CatalogError && error.kind === 'credentials' && error.message.includes('profile [dev]') && !error.message.includes(secret),
    );
  });
});
