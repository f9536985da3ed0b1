import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCatalog } from '../../../src/cli/catalog';
import { runValidate } from '../../../src/cli/validate';
import type { CliIo } from '../../../src/cli/io';
import { startHarness, type FakeCatalogHarness } from '../../fakes/catalog/harness';
import { writeCdpFiles } from '../../fakes/catalog/testKeys';

const fixture = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'flows', 'valid-minimal.json');

describe('dff catalog', () => {
  let harness: FakeCatalogHarness;
  let folder: string;
  let env: NodeJS.ProcessEnv;
  let out: string;
  let err: string;

  const io = (): CliIo => ({ stdout: (text) => void (out += text), stderr: (text) => void (err += text), env, cwd: folder });
  const dff = (...argv: string[]): Promise<number> => runCatalog(argv, io(), { clientOptions: { sleep: harness.sleep, timeoutMs: 5000 } });

  beforeEach(async () => {
    harness = await startHarness();
    folder = mkdtempSync(join(tmpdir(), 'dff-cli-catalog-'));
    const files = writeCdpFiles(join(folder, '.cdp'), 'dev', harness.key, harness.catalog.url);
    env = { ...files.env, HOME: folder };
    out = '';
    err = '';
  });
  afterEach(async () => {
    await harness.catalog.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('lists flows as a table and as JSON', async () => {
    const crn = harness.catalog.seedFlow('S3ToSqs', [{ fileText: '{}' }, { fileText: '{}' }]);
    assert.equal(await dff('list', '--profile', 'dev'), 0, err);
    assert.match(out, /^NAME\s+VERSIONS\s+MODIFIED\s+CRN\nS3ToSqs\s+2\s+/);
    assert.ok(out.includes(crn));
    out = '';
    assert.equal(await dff('list', '--profile', 'dev', '--json'), 0);
    assert.deepEqual((JSON.parse(out) as { crn: string }[]).map((flow) => flow.crn), [crn]);
  });

  it('pushes a valid flow, printing the version CRN, then adds a version on the next push', async () => {
    writeFileSync(join(folder, 'flow.json'), readFileSync(fixture));
    assert.equal(await dff('push', 'flow.json', '--comments', 'first', '--profile', 'dev'), 0, err);
    const [flow] = harness.catalog.flows.values();
    assert.equal(flow.name, 'S3ToSqs', 'named after the flow\'s top process group');
    assert.equal(out, `${flow.crn}/v.1\n`);
    assert.match(err, /Created flow "S3ToSqs"/);
    out = '';
    assert.equal(await dff('push', 'flow.json', '--name', 'S3ToSqs', '--profile', 'dev'), 0, err);
    assert.equal(out, `${flow.crn}/v.2\n`);
  });

  it('refuses to push a flow with errors unless --force', async () => {
    const broken = JSON.stringify({ flowContents: { identifier: 'g', name: 'Broken', processors: [], inputPorts: [], outputPorts: [], connections: [], processGroups: [] } });
    writeFileSync(join(folder, 'broken.json'), broken);
    assert.equal(await dff('push', 'broken.json', '--profile', 'dev'), 1);
    assert.match(err, /broken\.json:\d+:\d+: error /);
    assert.match(err, /--force/);
    assert.equal(harness.catalog.flows.size, 0);
    assert.equal(await dff('push', 'broken.json', '--profile', 'dev', '--force'), 0, err);
    assert.equal(harness.catalog.flows.size, 1);
  });

  it('never pushes a file that is not valid JSON, even with --force, and still pushes rule errors with it', async () => {
    writeFileSync(join(folder, 'cut.json'), '{ "flowContents": { "identifier": "g", "name": "Cut" ');
    assert.equal(await dff('push', 'cut.json', '--profile', 'dev', '--force'), 1);
    assert.match(err, /cut\.json was not pushed: it is not valid JSON\./);
    assert.equal(harness.catalog.flows.size, 0);
    const ruleErrors = JSON.stringify({ flowContents: { identifier: 'g', name: 'RuleErrors', processors: [], inputPorts: [], outputPorts: [], connections: [], processGroups: [] } });
    writeFileSync(join(folder, 'rules.json'), ruleErrors);
    assert.equal(await dff('push', 'rules.json', '--profile', 'dev', '--force'), 0, err);
    assert.equal(harness.catalog.flows.size, 1);
  });

  it('pushes a valid flow saved with a UTF-8 byte-order mark, without the mark', async () => {
    writeFileSync(join(folder, 'bom.json'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(fixture)]));
    assert.equal(await dff('push', 'bom.json', '--profile', 'dev'), 0, err);
    const [flow] = harness.catalog.flows.values();
    assert.equal(flow.name, 'S3ToSqs');
    assert.equal(flow.versions[0].fileText, readFileSync(fixture, 'utf8'), 'the catalog gets the JSON without the mark');
  });

  it('pushes a flow whose failure port is named through --failure-ports, which it refuses without', async () => {
    writeFileSync(join(folder, 'errors-port.json'), readFileSync(join(fixture, '..', 'failure-port-function-unnamed.json')));
    assert.equal(await dff('push', 'errors-port.json', '--profile', 'dev'), 1);
    assert.match(err, /error failure-port-missing/);
    assert.equal(harness.catalog.flows.size, 0);
    err = '';
    assert.equal(await dff('push', 'errors-port.json', '--failure-ports', ' audit, errors ', '--profile', 'dev'), 0, err);
    assert.doesNotMatch(err, /error/);
    assert.equal(harness.catalog.flows.size, 1);
  });

  it('shows the first five errors of a refused flow and how many more there are', async () => {
    const flow = JSON.parse(readFileSync(fixture, 'utf8')) as { flowContents: { processors: { properties: Record<string, string> }[] } };
    for (let index = 1; index <= 7; index++) flow.flowContents.processors[0].properties[`Extra ${index}`] = `#{MISSING_${index}}`;
    writeFileSync(join(folder, 'many.json'), JSON.stringify(flow, null, 2));
    assert.equal(await dff('push', 'many.json', '--profile', 'dev'), 1);
    assert.equal(err.match(/^many\.json:\d+:\d+: error parameter-undefined: /gm)?.length, 5, err);
    assert.match(err, /\.\.\. and 2 more errors \(dff validate many\.json shows them all\)/);
    assert.match(err, /7 errors in many\.json/);
  });

  it('asks for --name when the flow\'s top process group has no name', async () => {
    const flow = JSON.parse(readFileSync(fixture, 'utf8')) as { flowContents: { name: string } };
    flow.flowContents.name = '';
    writeFileSync(join(folder, 'unnamed.json'), JSON.stringify(flow));
    assert.equal(await dff('push', 'unnamed.json', '--profile', 'dev'), 2);
    assert.match(err, /has no name.*--name/);
    assert.equal(harness.catalog.flows.size, 0);
    assert.equal(await dff('push', 'unnamed.json', '--name', 'Named', '--profile', 'dev'), 0, err);
    assert.deepEqual([...harness.catalog.flows.values()].map((stored) => stored.name), ['Named']);
  });

  it('shows versions by flow name and pulls one laid out as NiFi writes it, or as stored when it is multi-line', async () => {
    const stored = '{\n    "a": 1.0\n}';
    const crn = harness.catalog.seedFlow('KafkaToS3', [{ fileText: stored, comments: 'one' }, { fileText: '{"b":[2]}', comments: 'two' }]);
    assert.equal(await dff('versions', 'KafkaToS3', '--profile', 'dev'), 0, err);
    const lines = out.trim().split('\n');
    assert.match(lines[1], /^2\s.*two\s+.*\/v\.2$/);
    assert.match(lines[2], /^1\s.*one\s+.*\/v\.1$/);
    out = '';
    assert.equal(await dff('pull', `${crn}/v.2`, '--profile', 'dev'), 0, err);
    assert.equal(out, '{\n  "b" : [ 2 ]\n}\n');
    assert.equal(await dff('pull', `${crn}/v.1`, '-o', 'pulled.json', '--profile', 'dev'), 0, err);
    assert.equal(readFileSync(join(folder, 'pulled.json'), 'utf8'), `${stored}\n`);
  });

  it('deletes a flow only with --yes', async () => {
    const crn = harness.catalog.seedFlow('Old', [{ fileText: '{}' }]);
    assert.equal(await dff('delete', crn, '--profile', 'dev'), 2);
    assert.match(err, /--yes/);
    assert.equal(harness.catalog.flows.size, 1);
    assert.equal(await dff('delete', crn, '--yes', '--profile', 'dev'), 0, err);
    assert.equal(harness.catalog.flows.size, 0);
  });

  it('says how to create ~/.cdp/credentials when there is none', async () => {
    env = { HOME: join(folder, 'empty-home') };
    assert.equal(await dff('list'), 2);
    assert.equal(
      err,
      'dff catalog list: There is no CDP credentials file (~/.cdp/credentials does not exist). Create it with "cdp configure", or set CDP_ACCESS_KEY_ID and CDP_PRIVATE_KEY to use an access key without a file.\n',
    );
  });

  it('exits 1 with a message when the operation fails, 2 for usage and credentials problems', async () => {
    assert.equal(await dff('versions', 'Nope', '--profile', 'dev'), 1);
    assert.match(err, /No flow named "Nope"/);
    harness.catalog.failNext(403);
    assert.equal(await dff('list', '--profile', 'dev'), 1);
    assert.match(err, /DFCatalogViewer/);
    assert.equal(await dff('list', '--profile', 'prod'), 2);
    assert.match(err, /no profile \[prod\]/);
    assert.equal(await dff('frobnicate'), 2);
    assert.equal(await dff('list', '--name', 'x'), 2);
    assert.ok(!err.includes(harness.key.privateKey), 'no message holds the key');
  });

  it('reports usage errors as dff validate does: what is wrong, then where the help is, exit 2', async () => {
    assert.equal(await dff('frobnicate'), 2);
    assert.equal(err, 'dff catalog: unknown command "frobnicate"; use list, versions, push, pull or delete\nRun "dff catalog --help" for usage.\n');
    err = '';
    assert.equal(await dff('push', 'flow.json', '--bogus'), 2);
    assert.match(err, /^dff catalog: unknown option "--bogus"\. The options are .*--comments.*\nRun "dff catalog --help" for usage\.\n$/s);
    err = '';
    assert.equal(await runValidate(['--bogus'], io()), 2);
    assert.match(err, /^dff validate: unknown option "--bogus"\. The options are --format \(-f\), --failure-ports, --fix, --fix-dry-run and --help \(-h\).*\nRun "dff validate --help" for usage\.\n$/s);
    assert.equal(out, '');
  });
});
