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

  it('requires the file field and {tagName, tagColor} tags in an import\'s first request (issue 9, point 13)', async () => {
    const noFile = await post('/api/v1/df/importFlowDefinition', '{"name":"N"}');
    assert.equal(noFile.status, 400);
    assert.match(noFile.body.message ?? '', /file is required/);
    const crn = harness.catalog.seedFlow('F', [{ fileText: '{}' }]);
    assert.match((await post('/api/v1/df/importFlowDefinitionVersion', JSON.stringify({ flowCrn: crn }))).body.message ?? '', /file is required/);
    const stringTags = await post('/api/v1/df/importFlowDefinitionVersion', JSON.stringify({ flowCrn: crn, file: 'f.json', tags: ['prod'] }));
    assert.equal(stringTags.status, 400);
    assert.match(stringTags.body.message ?? '', /each tag must be \{tagName, tagColor\}/);
    const mixed = await post('/api/v1/df/importFlowDefinitionVersion', JSON.stringify({ flowCrn: crn, file: 'f.json', tags: [{ tagName: 'ok' }, { name: 'bad' }] }));
    assert.equal(mixed.status, 400, 'one good and one bad tag');
    const good = await post('/api/v1/df/importFlowDefinitionVersion', JSON.stringify({ flowCrn: crn, file: 'f.json', tags: [{ tagName: 'ok', tagColor: 'red' }] }));
    assert.equal(good.status, 307);
  });

  it('takes an upload once, signed for the upload path, with JSON content and the name header', async () => {
    const step1 = await post('/api/v1/df/importFlowDefinition', '{"name":"N","file":"flow.json"}');
    assert.equal(step1.status, 307);
    const uploadPath = new URL(step1.location ?? '').pathname;
    assert.equal((await post(uploadPath, '{}', '/api/v1/df/importFlowDefinition', { 'Flow-Definition-Name': 'N' })).status, 401);
    assert.equal((await post(uploadPath, 'not json', uploadPath, { 'Flow-Definition-Name': 'N' })).status, 400);
    const second = new URL((await post('/api/v1/df/importFlowDefinition', '{"name":"N","file":"flow.json"}')).location ?? '').pathname;
    assert.equal((await post(second, '{}', second)).status, 400, 'Flow-Definition-Name is required');
    const bad = new URL((await post('/api/v1/df/importFlowDefinition', '{"name":"N","file":"flow.json"}')).location ?? '').pathname;
    const badTags = await post(bad, '{}', bad, { 'Flow-Definition-Name': 'N', 'Flow-Definition-Tags': encodeURIComponent('{"tags": ["prod"]}') });
    assert.equal(badTags.status, 400, 'tags in the upload header are {tagName, tagColor} objects, not strings');
    assert.match(badTags.body.message ?? '', /each tag must be \{tagName, tagColor\}/);
    const third = new URL((await post('/api/v1/df/importFlowDefinition', '{"name":"N","file":"flow.json"}')).location ?? '').pathname;
    assert.equal((await post(third, '{}', third, { 'Flow-Definition-Name': 'N' })).status, 200);
    assert.equal((await post(third, '{}', third, { 'Flow-Definition-Name': 'N' })).status, 404, 'an upload address works once');
  });
});
