import * as assert from 'node:assert/strict';
import { mayKeepSavedPrivateKey } from '../../../src/vscode/catalog/keepPrivateKey';

describe('Edit key: keeping the saved private key', () => {
  const earlier = { profile: 'dev', accessKeyId: 'a1b2c3d4-key', region: 'us-west-1' };

  it('keeps it when the profile and access key ID are unchanged (spaces around them ignored)', () => {
    assert.equal(mayKeepSavedPrivateKey(earlier, { profile: 'dev', accessKeyId: 'a1b2c3d4-key' }), true);
    assert.equal(mayKeepSavedPrivateKey(earlier, { profile: ' dev ', accessKeyId: 'a1b2c3d4-key ' }), true);
  });

  it('asks for the private key again when the access key ID changed: the saved one belongs to the old ID', () => {
    assert.equal(mayKeepSavedPrivateKey(earlier, { profile: 'dev', accessKeyId: 'other-key' }), false);
  });

  it('asks for the private key again when the profile was renamed: the secret is not copied to another profile', () => {
    assert.equal(mayKeepSavedPrivateKey(earlier, { profile: 'prod', accessKeyId: 'a1b2c3d4-key' }), false);
  });

  it('asks for it when a new key is added', () => {
    assert.equal(mayKeepSavedPrivateKey({}, { profile: 'dev', accessKeyId: 'a1b2c3d4-key' }), false);
  });
});
