import * as assert from 'node:assert/strict';
import { failureActions } from '../../../src/vscode/catalog/failureActions';

describe('catalog failure message actions', () => {
  const push = { retry: true, showInCatalog: true };

  it('offers Retry for a push that failed before its upload (name lookup or redirect step)', () => {
    for (const kind of ['network', 'unavailable', 'throttled', 'timeout'] as const) {
      assert.deepEqual(failureActions(kind, push), ['Retry', 'Show Log'], kind);
    }
  });

  it('offers Show in Catalog, never Retry, when the upload may have been stored', () => {
    assert.deepEqual(failureActions('uncertain', push), ['Show in Catalog', 'Show Log']);
    assert.deepEqual(failureActions('uncertain', { retry: true, showInCatalog: false }), ['Show Log'], 'Retry offered for an uncertain upload');
  });

  it('offers only Show Log for a failure that trying again does not fix', () => {
    assert.deepEqual(failureActions('badRequest', push), ['Show Log']);
    assert.deepEqual(failureActions('forbidden', push), ['Show Log']);
    assert.deepEqual(failureActions('other', push), ['Show Log']);
  });

  it('offers a profile change for a refused key, and the credentials file when it could not be read', () => {
    assert.deepEqual(failureActions('unauthenticated', push), ['Choose CDP Profile', 'Show Log']);
    assert.deepEqual(failureActions('credentials', push), ['Choose CDP Profile', 'Open credentials file', 'Show Log']);
  });

  it('offers Retry for a read only when it was asked for', () => {
    assert.deepEqual(failureActions('network', { retry: true, showInCatalog: false }), ['Retry', 'Show Log']);
    assert.deepEqual(failureActions('network', { retry: false, showInCatalog: false }), ['Show Log']);
  });
});
