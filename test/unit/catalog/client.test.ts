import * as assert from 'node:assert/strict';
import { createCatalogClient, type CatalogClientOptions } from '../../../src/core/catalog/client';
import { CatalogError, type CatalogClient } from '../../../src/core/catalog/types';
import { startHarness, type FakeCatalogHarness } from '../../fakes/catalog/harness';
import { generateEd25519AccessKey } from '../../fakes/catalog/testKeys';

const flowText = (name: string): string => JSON.stringify({ flowContents: { identifier: 'g', name, processors: [] }, parameterContexts: {} });

async function rejection(promise: Promise<unknown>): Promise<CatalogError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof CatalogError, `expected a CatalogError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the call to fail');
}

describe('catalog client against the fake catalog', () => {
  let harness: FakeCatalogHarness;
  let client: CatalogClient;
  const open = (options: CatalogClientOptions = {}): CatalogClient => createCatalogClient(harness.profile, { sleep: harness.sleep, ...options });

  beforeEach(async () => {
    harness = await startHarness({ pageLimit: 2 });
    client = open();
  });
  afterEach(() => harness.catalog.close());

  it('follows nextToken until every flow is listed', async () => {
    for (const name of ['a', 'b', 'c', 'd', 'e']) harness.catalog.seedFlow(name, [{ fileText: flowText(name) }]);
    const first = await client.listFlowDefinitions({ pageSize: 2 });
    assert.deepEqual(first.flows.map((flow) => flow.name), ['a', 'b']);
    assert.ok(first.nextToken);
    const all = await client.listAllFlowDefinitions({});
    assert.deepEqual(all.map((flow) => flow.name), ['a', 'b', 'c', 'd', 'e']);
    assert.equal(harness.catalog.requests.filter((op) => op === 'listFlowDefinitions').length, 1 + 3);
  });

  it('describes a flow, lists its versions and decodes a version', async () => {
    const crn = harness.catalog.seedFlow('S3ToSqs', [{ fileText: flowText('one'), comments: 'first' }, { fileText: flowText('two'), comments: 'second' }]);
    const detail = await client.describeFlow(crn);
    assert.equal(detail.name, 'S3ToSqs');
    assert.equal(detail.versionCount, 2);
    const versions = await client.listFlowDefinitionVersions(crn);
    assert.deepEqual(versions.map((version) => [version.version, version.comments, version.crn]), [
      [2, 'second', `${crn}/v.2`],
      [1, 'first', `${crn}/v.1`],
    ]);
    assert.equal(await client.getFlowVersion(`${crn}/v.1`), flowText('one'));
  });

  it('imports a new flow in two signed steps, with URI-encoded metadata headers and absent ones left out', async () => {
    const flow = await client.importFlowDefinition({ name: 'Kafka → S3', comments: 'first cut, 100%', file: flowText('k') });
    assert.deepEqual(harness.catalog.requests, ['importFlowDefinition', 'importFlowDefinition:upload']);
    const [upload] = harness.catalog.uploads;
    assert.equal(upload.headers['flow-definition-name'], encodeURIComponent('Kafka → S3'));
    assert.equal(upload.headers['flow-definition-comments'], 'first%20cut%2C%20100%25');
    assert.equal(upload.headers['flow-definition-description'], undefined);
    assert.equal(upload.headers['flow-definition-tags'], undefined);
    assert.equal(upload.body, flowText('k'));
    assert.equal(flow.name, 'Kafka → S3');
    assert.equal(flow.versions.length, 1);
    assert.equal(flow.versions[0].crn, `${flow.crn}/v.1`);
    assert.equal(harness.catalog.flows.get(flow.crn)?.versions[0].comments, 'first cut, 100%');
  });

  it('sends the required file field (the file\'s name, as cdpcli sends the path it is given) and the tags in the first, signed request', async () => {
    await client.importFlowDefinition({ name: 'Named', file: flowText('n'), fileName: 'orders.json', tags: [{ tagName: 'prod', tagColor: 'red' }] });
    const crn = harness.catalog.seedFlow('Other', [{ fileText: flowText('o') }]);
    await client.importFlowDefinitionVersion({ flowCrn: crn, file: flowText('o2') });
    assert.deepEqual(
      harness.catalog.apiBodies.map((call) => [call.operation, call.body]),
      [
        ['importFlowDefinition', { name: 'Named', file: 'orders.json', tags: [{ tagName: 'prod', tagColor: 'red' }] }],
        ['importFlowDefinitionVersion', { flowCrn: crn, file: 'flow.json' }],
      ],
    );
    assert.ok(!JSON.stringify(harness.catalog.apiBodies).includes('flowContents'), 'the content goes in the upload, not the signed request');
  });

  it('imports a version of an existing flow through the redirect', async () => {
    const crn = harness.catalog.seedFlow('S3ToSqs', [{ fileText: flowText('one') }]);
    const version = await client.importFlowDefinitionVersion({ flowCrn: crn, comments: 'v2', tags: [{ tagName: 'prod', tagColor: 'green' }, { tagName: 'nightly' }], file: flowText('two') });
    assert.equal(version.crn, `${crn}/v.2`);
    assert.equal(version.version, 2);
    const [upload] = harness.catalog.uploads;
    assert.equal(upload.headers['flow-definition-comments'], 'v2');
    // cdpcli's DfExtension._get_tags_as_json: '{ "tags": ' + json.dumps(tags) + '}', quoted by urllib.parse.quote.
    assert.equal(decodeURIComponent(upload.headers['flow-definition-tags']), '{ "tags": [{"tagName": "prod", "tagColor": "green"}, {"tagName": "nightly"}]}');
    assert.deepEqual(version.tags, [{ tagName: 'prod', tagColor: 'green' }, { tagName: 'nightly' }]);
    assert.deepEqual(harness.catalog.flows.get(crn)?.versions[1].tags, [{ tagName: 'prod', tagColor: 'green' }, { tagName: 'nightly' }]);
    assert.equal(harness.catalog.flows.get(crn)?.versions[1].fileText, flowText('two'));
  });

  it('retries 429, 503 and dropped connections with exponential backoff, then succeeds', async () => {
    harness.catalog.failNext(429);
    harness.catalog.failNext(503);
    harness.catalog.failNext('drop');
    const page = await client.listFlowDefinitions({});
    assert.deepEqual(page.flows, []);
    assert.equal(harness.catalog.requests.length, 4);
    assert.deepEqual(harness.sleeps, [100, 200, 400]);
  });

  it('retries a failed redirect step (nothing stored yet) and stores the flow once', async () => {
    harness.catalog.failNext(503, 2, 'importFlowDefinition');
    const flow = await client.importFlowDefinition({ name: 'Retried', file: flowText('r') });
    assert.deepEqual(harness.catalog.requests, ['importFlowDefinition', 'importFlowDefinition', 'importFlowDefinition', 'importFlowDefinition:upload']);
    assert.equal(harness.catalog.flows.size, 1);
    assert.equal(flow.name, 'Retried');
  });

  for (const failure of [503, 'drop'] as const) {
    it(`does not retry an upload that failed with ${failure}: says it may have landed and to check the flow's versions`, async () => {
      harness.catalog.failNext(failure, 1, 'importFlowDefinition:upload');
      const error = await rejection(client.importFlowDefinition({ name: 'Orders', file: flowText('o') }));
      assert.equal(harness.catalog.requests.filter((op) => op === 'importFlowDefinition:upload').length, 1, 'exactly one upload attempt');
      assert.equal(error.kind, 'uncertain');
      assert.match(error.message, /may or may not have stored it/);
      assert.match(error.message, /Check the versions of flow "Orders" in the catalog before pushing again/);
    });
  }

  it('does not retry the upload of a version when the answer is lost after the catalog stored it', async () => {
    const crn = harness.catalog.seedFlow('S3ToSqs', [{ fileText: flowText('one') }]);
    harness.catalog.failNext('dropAnswer', 1, 'importFlowDefinitionVersion:upload');
    const error = await rejection(client.importFlowDefinitionVersion({ flowCrn: crn, flowName: 'S3ToSqs', file: flowText('two') }));
    assert.equal(error.kind, 'uncertain');
    assert.match(error.message, new RegExp(`Check the versions of flow "S3ToSqs" \\(${crn}\\)`));
    assert.equal(harness.catalog.flows.get(crn)?.versions.length, 2, 'stored once, not twice');
  });

  it('says a push cancelled while its upload was being sent may have stored the flow', async () => {
    harness.catalog.failNext('stall', 1, 'importFlowDefinition:upload');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await rejection(client.importFlowDefinition({ name: 'Orders', file: flowText('o') }, { signal: controller.signal }));
    assert.equal(error.kind, 'uncertain');
    assert.match(error.message, /cancelled while being sent/);
    assert.match(error.message, /Check the versions of flow "Orders" in the catalog before pushing again/);
  });

  it('reports a push cancelled before its upload started as cancelled', async () => {
    harness.catalog.failNext('stall', 1, 'importFlowDefinition');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await rejection(client.importFlowDefinition({ name: 'Orders', file: flowText('o') }, { signal: controller.signal }));
    assert.equal(error.kind, 'cancelled');
    assert.equal(harness.catalog.uploads.length, 0);
  });

  it('says an upload answered with success but not JSON was probably stored, and to check before pushing again', async () => {
    const crn = harness.catalog.seedFlow('S3ToSqs', [{ fileText: flowText('one') }]);
    harness.catalog.failNext('notJsonAnswer', 1, 'importFlowDefinitionVersion:upload');
    const error = await rejection(client.importFlowDefinitionVersion({ flowCrn: crn, flowName: 'S3ToSqs', file: flowText('two') }));
    assert.equal(error.kind, 'uncertain');
    assert.match(error.message, /HTTP 200 with something that is not JSON/);
    assert.match(error.message, new RegExp(`Check the versions of flow "S3ToSqs" \\(${crn}\\)`));
    assert.doesNotMatch(error.message, /cdp_endpoint_url/);
    assert.equal(harness.catalog.flows.get(crn)?.versions.length, 2);
  });

  it('retries an upload the catalog throttled (429, 509): it was refused before anything was stored', async () => {
    harness.catalog.failNext(429, 1, 'importFlowDefinition:upload');
    harness.catalog.failNext(509, 1, 'importFlowDefinition:upload');
    const flow = await client.importFlowDefinition({ name: 'Throttled', file: flowText('t') });
    assert.equal(harness.catalog.requests.filter((op) => op === 'importFlowDefinition:upload').length, 3);
    assert.equal(harness.catalog.flows.get(flow.crn)?.versions.length, 1);
  });

  it('gives up after 10 attempts and says the catalog is throttling', async () => {
    harness.catalog.failNext(429, 50);
    const error = await rejection(open({ retry: { maxTotalDelayMs: 120_000 } }).listFlowDefinitions({}));
    assert.equal(error.kind, 'throttled');
    assert.match(error.message, /Wait a minute and try again/);
    assert.equal(harness.catalog.requests.length, 10);
    assert.deepEqual(harness.sleeps, [100, 200, 400, 800, 1600, 3200, 6400, 12800, 25600]);
  });

  it('caps the total backoff (30 s by default) before the attempts run out', async () => {
    harness.catalog.failNext(503, 50);
    assert.equal((await rejection(client.listFlowDefinitions({}))).kind, 'unavailable');
    assert.equal(harness.sleeps.reduce((sum, ms) => sum + ms, 0), 25_500);
    assert.equal(harness.catalog.requests.length, 9);
  });

  it('does not retry 400 or 403, and names the role a push needs', async () => {
    const bad = await rejection(client.listFlowDefinitions({ pageSize: 500 }));
    assert.equal(bad.kind, 'badRequest');
    assert.equal(bad.code, 'INVALID_ARGUMENT');
    assert.match(bad.message, /pageSize/);
    harness.catalog.failNext(403);
    const forbidden = await rejection(client.importFlowDefinition({ name: 'x', file: '{}' }));
    assert.equal(forbidden.kind, 'forbidden');
    assert.match(forbidden.message, /DFCatalogAdmin or DFCatalogPublisher/);
    harness.catalog.failNext(403);
    assert.match((await rejection(client.listFlowDefinitions({}))).message, /DFCatalogViewer/);
    assert.equal(harness.catalog.requests.length, 3);
    assert.deepEqual(harness.sleeps, []);
  });

  it('explains a refused key (unknown key or clock off) plainly, naming the key ID and profile, without the private key', async () => {
    const stranger = generateEd25519AccessKey();
    const other = createCatalogClient({ ...harness.profile, key: { accessKeyId: stranger.accessKeyId, privateKey: stranger.privateKey, source: '~/.cdp/credentials, profile [dev]' } });
    const unknown = await rejection(other.listFlowDefinitions({}));
    assert.equal(unknown.kind, 'unauthenticated');
    assert.equal(unknown.status, 401);
    const ours = unknown.message.split(' CDP said: ')[0];
    assert.equal(
      ours,
      `CDP did not accept access key ${stranger.accessKeyId} of profile ${harness.profile.name}: check the key, or the computer's clock if it is off by more than a few minutes.`,
    );
    assert.match(unknown.message, / CDP said: UNAUTHENTICATED: /, 'the catalog\'s own reason is kept');
    assert.ok(!unknown.message.includes(stranger.privateKey));

    const late = open({ clock: () => new Date(Date.now() - 10 * 60 * 1000) });
    const skewed = await rejection(late.listFlowDefinitions({}));
    assert.equal(skewed.kind, 'unauthenticated');
    assert.match(skewed.message, /5 minutes/);
  });

  it('reports an unknown CRN as not found', async () => {
    const error = await rejection(client.describeFlow('crn:cdp:df:us-west-1:acct:flow:missing'));
    assert.equal(error.kind, 'notFound');
    assert.equal(error.code, 'NOT_FOUND');
  });

  it('times out a request that gets no answer; retries it only when the call changes nothing (as cdpcli retries a Timeout)', async () => {
    harness.catalog.failNext('stall', 2);
    const page = await open({ timeoutMs: 200 }).listFlowDefinitions({});
    assert.deepEqual(page.flows, []);
    assert.deepEqual(harness.catalog.requests, ['listFlowDefinitions', 'listFlowDefinitions', 'listFlowDefinitions'], 'a read-only call is sent again');
    harness.catalog.requests.length = 0;
    const crn = harness.catalog.seedFlow('Kept', [{ fileText: flowText('k') }]);
    harness.catalog.failNext('stall', 1, 'deleteFlow');
    const error = await rejection(open({ timeoutMs: 200 }).deleteFlow(crn));
    assert.equal(error.kind, 'timeout');
    assert.deepEqual(harness.catalog.requests, ['deleteFlow'], 'a delete that timed out is not sent again');
    harness.catalog.failNext('stall', 1, 'importFlowDefinition');
    assert.equal((await rejection(open({ timeoutMs: 200 }).importFlowDefinition({ name: 'Once', file: flowText('o') }))).kind, 'timeout');
    assert.equal(harness.catalog.requests.filter((op) => op.startsWith('importFlowDefinition')).length, 1, 'an import that timed out is not sent again');
  });

  it('stops when cancelled, during a request or between retries', async () => {
    harness.catalog.failNext('stall');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    assert.equal((await rejection(client.listFlowDefinitions({}, { signal: controller.signal }))).kind, 'cancelled');

    harness.catalog.failNext(503, 5);
    const during = new AbortController();
    const waiting = open({ sleep: async () => during.abort() });
    assert.equal((await rejection(waiting.listFlowDefinitions({}, { signal: during.signal }))).kind, 'cancelled');
  });

  it('reports an unreachable endpoint as a network problem after retrying', async () => {
    const port = harness.catalog.port;
    await harness.catalog.close();
    const offline = createCatalogClient({ ...harness.profile, endpointUrl: `http://127.0.0.1:${port}` }, { sleep: harness.sleep, retry: { maxAttempts: 3 } });
    const error = await rejection(offline.listFlowDefinitions({}));
    assert.equal(error.kind, 'network');
    assert.match(error.message, /Cannot reach the CDP API at 127\.0\.0\.1/);
    assert.deepEqual(harness.sleeps, [100, 200]);
    harness = await startHarness();
  });
});
