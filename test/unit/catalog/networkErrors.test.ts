import * as assert from 'node:assert/strict';
import { networkError } from '../../../src/core/catalog/networkErrors';

// What the user reads when no HTTP answer came back.
describe('catalog network errors', () => {
  const url = 'https://api.us-west-1.cdp.cloudera.com/api/v1/df/listFlowDefinitions';
  const failure = (code: string, message = `getaddrinfo ${code} api.us-west-1.cdp.cloudera.com`) => Object.assign(new Error(message), { code });

  it('blames the network (and proxy) first, then the region or endpoint, when the host name cannot be looked up', () => {
    for (const code of ['ENOTFOUND', 'EAI_AGAIN']) {
      const error = networkError(failure(code), 'listFlowDefinitions', url, 60_000);
      assert.equal(error.kind, 'network');
      assert.equal(error.code, code, 'the code decides whether the request is retried');
      assert.equal(
        error.message,
        "Cannot reach api.us-west-1.cdp.cloudera.com: check the network connection (and proxy), then the profile's region or cdp_endpoint_url.",
      );
    }
  });

  it('names the host and the failure for a refused or broken connection', () => {
    const error = networkError(failure('ECONNREFUSED', 'connect ECONNREFUSED'), 'listFlowDefinitions', url, 60_000);
    assert.equal(error.kind, 'network');
    assert.match(error.message, /^Cannot reach the CDP API at api\.us-west-1\.cdp\.cloudera\.com \(ECONNREFUSED\)/);
  });

  it('reports a request that timed out with the operation and the time waited', () => {
    const error = networkError(failure('ECONNABORTED', 'timeout of 5000ms exceeded'), 'getFlowVersion', url, 5_000);
    assert.equal(error.kind, 'timeout');
    assert.match(error.message, /did not answer getFlowVersion within 5 s/);
  });
});
