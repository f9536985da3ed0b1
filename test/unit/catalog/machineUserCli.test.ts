import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCatalog } from '../../../src/cli/catalog';
import type { CliIo } from '../../../src/cli/io';
import { createCatalogClient } from '../../../src/core/catalog/client';
import { startHarness, type FakeCatalogHarness } from '../../fakes/catalog/harness';
import { writeCdpFiles } from '../../fakes/catalog/testKeys';

describe('dff catalog machine-user create', () => {
  let harness: FakeCatalogHarness;
  let folder: string;
  let env: NodeJS.ProcessEnv;
  let out: string;
  let err: string;

  const io = (): CliIo => ({ stdout: (text) => void (out += text), stderr: (text) => void (err += text), env, cwd: folder });
  const dff = (...argv: string[]): Promise<number> => runCatalog(['machine-user', ...argv], io(), { clientOptions: { sleep: harness.sleep, timeoutMs: 5000 } });

  beforeEach(async () => {
    harness = await startHarness();
    folder = mkdtempSync(join(tmpdir(), 'dff-cli-machine-user-'));
    // The profile names the stand-in in endpoint_url too: where cdpcli sends IAM calls.
    const files = writeCdpFiles(join(folder, '.cdp'), 'dev', harness.key, harness.catalog.url);
    env = { ...files.env, HOME: folder };
    out = '';
    err = '';
  });
  afterEach(async () => {
    await harness.catalog.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('prints only the access key ID and writes the private key to a new 0600 file; the key reads the catalog', async () => {
    const flowCrn = harness.catalog.seedFlow('S3ToSqs', [{ fileText: '{}' }]);
    assert.equal(await dff('create', 'dff-orders', '--profile', 'dev', '--private-key-out', 'orders.key'), 0, err);
    const user = harness.catalog.iam.machineUsers.get('dff-orders');
    assert.ok(user);
    const [accessKeyId] = user.accessKeyIds;
    assert.equal(out, `${accessKeyId}\n`);
    const keyFile = join(folder, 'orders.key');
    const privateKey = readFileSync(keyFile, 'utf8').trim();
    assert.equal(statSync(keyFile).mode & 0o777, 0o600);
    assert.ok(!err.includes(privateKey) && !out.includes(privateKey), 'the private key is never printed');
    assert.match(err, /Machine user dff-orders \(created\), role DFCatalogViewer \(given\), new access key/);
    const catalog = createCatalogClient({ ...harness.profile, key: { accessKeyId, privateKey, source: 'key file' } }, { sleep: harness.sleep });
    assert.deepEqual((await catalog.listAllFlowDefinitions({})).map((flow) => flow.crn), [flowCrn]);

    out = '';
    err = '';
    assert.equal(await dff('create', 'dff-orders', '--profile', 'dev', '--private-key-out', 'orders-2.key'), 0, err);
    assert.match(err, /\(existed\), role DFCatalogViewer \(had it\)/);
    assert.equal(out, `${user.accessKeyIds[1]}\n`);
  });

  it('creates nothing without --private-key-out, with an existing key file, or for a name CDP refuses', async () => {
    assert.equal(await dff('create', 'dff-orders', '--profile', 'dev'), 2);
    assert.match(err, /--private-key-out/);
    writeFileSync(join(folder, 'taken.key'), 'keep me');
    assert.equal(await dff('create', 'dff-orders', '--profile', 'dev', '--private-key-out', 'taken.key'), 2);
    assert.match(err, /taken\.key exists already/);
    assert.equal(readFileSync(join(folder, 'taken.key'), 'utf8'), 'keep me');
    assert.equal(await dff('create', '__orders', '--profile', 'dev', '--private-key-out', 'new.key'), 2);
    assert.match(err, /cannot start with "__"/);
    assert.equal(await dff('create', 'a', 'b', '--private-key-out', 'new.key'), 2);
    assert.equal(harness.catalog.requests.length, 0, 'no call was made');
    assert.equal(existsSync(join(folder, 'new.key')), false);
  });

  it('says the PowerUser role is needed when CDP refuses, and leaves no key file', async () => {
    harness.catalog.iam.setCallerRoles(harness.key.accessKeyId, ['IamViewer']);
    assert.equal(await dff('create', 'dff-orders', '--profile', 'dev', '--private-key-out', 'orders.key'), 1);
    assert.match(err, /createMachineUser/);
    assert.match(err, /PowerUser role/);
    assert.equal(out, '');
    assert.equal(existsSync(join(folder, 'orders.key')), false);
  });

  it('explains itself with --help and refuses an unknown subcommand', async () => {
    assert.equal(await dff('--help'), 0);
    assert.match(out, /--private-key-out <file>/);
    assert.match(out, /DFF_FUNCTION_PRIVATE_KEY/);
    assert.equal(await dff('delete', 'x'), 2);
    assert.match(err, /unknown machine-user command "delete"/);
  });
});
