// Test setup: a fake catalog, a registered key and a profile pointing at it.
import type { CdpProfile } from '../../../src/core/catalog/types';
import { startFakeCatalog, type FakeCatalog, type FakeCatalogOptions } from './server';
import { generateEd25519AccessKey, type TestAccessKey } from './testKeys';

export interface FakeCatalogHarness {
  catalog: FakeCatalog;
  key: TestAccessKey;
  profile: CdpProfile;
  /** Backoff waits asked for by the client under test. */
  sleeps: number[];
  sleep: (ms: number) => Promise<void>;
}

export async function startHarness(options: FakeCatalogOptions = {}, key: TestAccessKey = generateEd25519AccessKey()): Promise<FakeCatalogHarness> {
  const catalog = await startFakeCatalog(options);
  catalog.addKey(key.accessKeyId, key.publicKey);
  const sleeps: number[] = [];
  return {
    catalog,
    key,
    sleeps,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    profile: {
      name: 'test',
      region: 'us-west-1',
      endpointUrl: catalog.url,
      key: { accessKeyId: key.accessKeyId, privateKey: key.privateKey, source: 'test profile' },
    },
  };
}
