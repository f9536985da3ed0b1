import * as assert from 'node:assert/strict';
import { createCatalogClient } from '../../../src/core/catalog/client';
import { pushFlow } from '../../../src/core/catalog/push';
import { CatalogError, type CatalogClient, type FlowSummary } from '../../../src/core/catalog/types';
import { startHarness, type FakeCatalogHarness } from '../../fakes/catalog/harness';

const flowText = (label: string): string => JSON.stringify({ flowContents: { identifier: 'g', name: label, processors: [] } });

describe('pushFlow', () => {
  let harness: FakeCatalogHarness;
  let client: CatalogClient;

  beforeEach(async () => {
    harness = await startHarness({ pageLimit: 1 });
    client = createCatalogClient(harness.profile, { sleep: harness.sleep });
  });
  afterEach(() => harness.catalog.close());

  it('creates the flow on first push, then adds versions to it, returning version CRNs from the answers', async () => {
    // A flow whose name contains the pushed one must not be taken for it.
    harness.catalog.seedFlow('S3ToSqs-old', [{ fileText: flowText('old') }]);
    const first = await pushFlow(client, { name: 'S3ToSqs', fileText: flowText('v1'), comments: 'first', description: 'moves objects' });
    assert.equal(first.created, true);
    assert.equal(first.version, 1);
    assert.equal(first.versionCrn, `${first.flowCrn}/v.1`);
    assert.equal(harness.catalog.flows.get(first.flowCrn)?.description, 'moves objects');

    const second = await pushFlow(client, { name: 'S3ToSqs', fileText: flowText('v2'), comments: 'second' });
    assert.deepEqual(second, { flowCrn: first.flowCrn, versionCrn: `${first.flowCrn}/v.2`, version: 2, created: false });
    const stored = harness.catalog.flows.get(first.flowCrn);
    assert.deepEqual(stored?.versions.map((version) => [version.comments, version.fileText]), [
      ['first', flowText('v1')],
      ['second', flowText('v2')],
    ]);
    assert.equal(harness.catalog.flows.size, 2);
  });

  it('finds the existing flow even when it is not on the first page of results', async () => {
    harness.catalog.seedFlow('Alpha Flow', [{ fileText: flowText('a') }]);
    const crn = harness.catalog.seedFlow('Flow', [{ fileText: flowText('f') }]);
    const result = await pushFlow(client, { name: 'Flow', fileText: flowText('f2'), comments: '' });
    assert.equal(result.flowCrn, crn);
    assert.equal(result.version, 2);
  });

  it('still returns the new flow but warns, naming the CRNs, when another push created a flow of the same name meanwhile', async () => {
    const racer: FlowSummary = { crn: 'crn:cdp:df:us-west-1:acct:flow:S3ToSqs-other-collection', name: 'S3ToSqs', versionCount: 1 };
    let created = false;
    const racing: CatalogClient = {
      ...client,
      importFlowDefinition: async (request, options) => {
        created = true;
        return client.importFlowDefinition(request, options);
      },
      // The other push's flow shows up in listings only once both pushes have looked the name up.
      listAllFlowDefinitions: async (request, options) => [...(await client.listAllFlowDefinitions(request, options)), ...(created ? [racer] : [])],
    };
    const result = await pushFlow(racing, { name: 'S3ToSqs', fileText: flowText('v1'), comments: '' });
    assert.equal(result.created, true);
    assert.equal(result.versionCrn, `${result.flowCrn}/v.1`);
    assert.ok(result.warning, 'a warning about the duplicate');
    assert.match(result.warning, /2 flows named "S3ToSqs"/);
    assert.ok(result.warning.includes(result.flowCrn) && result.warning.includes(racer.crn), result.warning);
  });

  it('gives no warning when the new flow is the only one of its name', async () => {
    const result = await pushFlow(client, { name: 'Alone', fileText: flowText('v1'), comments: '' });
    assert.equal(result.warning, undefined);
  });

  it('says the flow WAS created (name and CRN) when the catalog answers the import without a version', async () => {
    const versionless: CatalogClient = {
      ...client,
      importFlowDefinition: async (request, options) => ({ ...(await client.importFlowDefinition(request, options)), versions: [] }),
    };
    let error: unknown;
    await pushFlow(versionless, { name: 'Orders', fileText: flowText('v1'), comments: '' }).catch((caught: unknown) => (error = caught));
    assert.ok(error instanceof CatalogError, String(error));
    const [crn] = harness.catalog.flows.keys();
    assert.match(error.message, /Flow "Orders" WAS created/);
    assert.ok(error.message.includes(crn), error.message);
    assert.match(error.message, /Do not push it again/);
  });
});
