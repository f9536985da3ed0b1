import * as assert from 'node:assert/strict';
import { signRequest } from '../../../src/core/catalog/signer';
import { startHarness, type FakeCatalogHarness } from '../../fakes/catalog/harness';

// The stand-in must be as strict as the real API, or the client tests prove nothing.
describe('fake catalog strictness', () => {
  let harness: FakeCatalogHarness;

  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(() => harness.catalog.close());

  async function post(path: string, body: string, signedPath = path, extra: Record<string, string> = {}): Promise<{ status: number; body: { code?: string; message?: string }; location: string | null }> {
    const headers = { 'Content-Type': 'application/json', ...signRequest(harness.profile.key, { method: 'POST', url: signedPath, contentType: 'application/json' }), ...extra };
    const response = await fetch(`${harness.catalog.url}${path}`, { method: 'POST', body, headers, redirect: 'manual' });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as { code?: string }) : {}, location: response.headers.get('location') };
  }

  it('refuses unsigned requests and signatures made for another path', async () => {
    const unsigned = await fetch(`${harness.catalog.url}/api/v1/df/listFlowDefinitions`, { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } });
    assert.equal(unsigned.status, 401);
    assert.equal(((await unsigned.json()) as { code: string }).code, 'UNAUTHENTICATED');
    const moved = await post('/api/v1/df/deleteFlow', '{"flowCrn":"x"}', '/api/v1/df/listFlowDefinitions');
    assert.equal(moved.status, 401);
    assert.match(moved.body.message ?? '', /signature does not verify/);
  });

  it('requires the fields the API requires', async () => {
    assert.deepEqual((await post('/api/v1/df/importFlowDefinition', '{}')).body.code, 'INVALID_ARGUMENT');
    assert.equal((await post('/api/v1/df/importFlowDefinitionVersion', '{}')).status, 400);
    assert.equal((await post('/api/v1/df/listFlowDefinitions', '{"pageSize":0}')).status, 400);
    assert.equal((await post('/api/v1/df/getFlowVersion', '{"flowVersionCrn":"crn:cdp:df:us-west-1:a:flow:none/v.1"}')).body.code, 'NOT_FOUND');
  });

  it('takes an upload once, signed for the upload path, with JSON content and the name header', async () => {
    const step1 = await post('/api/v1/df/importFlowDefinition', '{"name":"N"}');
    assert.equal(step1.status, 307);
    const uploadPath = new URL(step1.location ?? '').pathname;
    assert.equal((await post(uploadPath, '{}', '/api/v1/df/importFlowDefinition', { 'Flow-Definition-Name': 'N' })).status, 401);
    assert.equal((await post(uploadPath, 'not json', uploadPath, { 'Flow-Definition-Name': 'N' })).status, 400);
    const second = new URL((await post('/api/v1/df/importFlowDefinition', '{"name":"N"}')).location ?? '').pathname;
    assert.equal((await post(second, '{}', second)).status, 400, 'Flow-Definition-Name is required');
    const third = new URL((await post('/api/v1/df/importFlowDefinition', '{"name":"N"}')).location ?? '').pathname;
    assert.equal((await post(third, '{}', third, { 'Flow-Definition-Name': 'N' })).status, 200);
    assert.equal((await post(third, '{}', third, { 'Flow-Definition-Name': 'N' })).status, 404, 'an upload address works once');
  });
});
