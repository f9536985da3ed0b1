import * as assert from 'node:assert/strict';
import { createCatalogClient } from '../../../src/core/catalog/client';
import { pushFlow } from '../../../src/core/catalog/push';
import type { CatalogClient } from '../../../src/core/catalog/types';
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
});
