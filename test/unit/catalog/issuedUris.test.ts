// The dff-catalog: document provider serves only URIs the extension made (issue 9, point 20).
import * as assert from 'node:assert/strict';
import { IssuedUris, notIssuedError } from '../../../src/vscode/catalog/issuedUris';

describe('dff-catalog: URIs the extension made', () => {
  it('knows a URI it issued and refuses one written elsewhere (a $schema in a workspace file), mixed in one list', () => {
    const uris = new IssuedUris();
    const made = uris.issue('dff-catalog:/Orders%20v1.json?crn%3Acdp%3Adf%3Aus-west-1%3Aacct%3Aflow%3AOrders/v.1');
    assert.equal(uris.has(made), true);
    const planted = 'dff-catalog:/x.json?crn%3Acdp%3Adf%3Aus-west-1%3Aacct%3Aflow%3AOrders/v.2';
    assert.equal(uris.has(planted), false, 'another version of the same flow, never listed');
    assert.equal(uris.has(made.replace('v1.json', 'v1.JSON')), false, 'not even a near copy');
    assert.match(notIssuedError(planted).message, /was not opened from the DataFlow Catalog view, so it is not loaded/);
  });
});
