// Requests as Cloudera's clients send them (issue 9, points 2 and 3).
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCatalog } from '../../../src/cli/catalog';
import { parseCatalogArgs } from '../../../src/cli/catalog/args';
import type { CliIo } from '../../../src/cli/io';
import { createCatalogClient } from '../../../src/core/catalog/client';
import { errorForStatus, parseErrorBody } from '../../../src/core/catalog/httpErrors';
import { CatalogError } from '../../../src/core/catalog/types';
import { startHarness } from '../../fakes/catalog/harness';
import { writeCdpFiles } from '../../fakes/catalog/testKeys';

const fixture = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'flows', 'valid-minimal.json');

describe('catalog requests as Cloudera\'s clients send them', () => {
  describe('2: tags are {tagName, tagColor}', () => {
    it('parses --tag name[:color], repeated, and refuses an empty name or color', () => {
      const command = parseCatalogArgs(['push', 'f.json', '--tag', 'prod:green', '--tag', 'nightly', '--tag', 'team:a:blue']);
      assert.equal(command.kind, 'push');
      assert.deepEqual(command.kind === 'push' && command.tags, [{ tagName: 'prod', tagColor: 'green' }, { tagName: 'nightly' }, { tagName: 'team:a', tagColor: 'blue' }]);
      assert.throws(() => parseCatalogArgs(['push', 'f.json', '--tag', ':red']), /has no name/);
      assert.throws(() => parseCatalogArgs(['push', 'f.json', '--tag', 'ok', '--tag', 'prod:']), /has an empty color/);
      assert.throws(() => parseCatalogArgs(['list', '--tag', 'x']), /list does not take --tag/);
    });

    it('dff catalog push --tag tags the new version in the catalog and sends the file\'s name', async () => {
      const harness = await startHarness();
      const folder = mkdtempSync(join(tmpdir(), 'dff-tags-'));
      try {
        writeFileSync(join(folder, 'orders.json'), readFileSync(fixture));
        const files = writeCdpFiles(join(folder, '.cdp'), 'dev', harness.key, harness.catalog.url);
        let err = '';
        const io: CliIo = { stdout: () => undefined, stderr: (text) => void (err += text), env: { ...files.env, HOME: folder }, cwd: folder };
        assert.equal(await runCatalog(['push', 'orders.json', '--profile', 'dev', '--tag', 'prod:green', '--tag', 'nightly'], io, { clientOptions: { sleep: harness.sleep } }), 0, err);
        const [flow] = harness.catalog.flows.values();
        assert.deepEqual(flow.versions[0].tags, [{ tagName: 'prod', tagColor: 'green' }, { tagName: 'nightly' }]);
        const first = harness.catalog.apiBodies.find((call) => call.operation === 'importFlowDefinition');
        assert.equal(first?.body.file, 'orders.json');
      } finally {
        await harness.catalog.close();
        rmSync(folder, { recursive: true, force: true });
      }
    });
  });

  describe('3: error bodies and the request ID', () => {
    it('reads code, then message, else error, else errorMessages[], as cdpcli\'s parser does', () => {
      assert.deepEqual(parseErrorBody('{"code":"INVALID_ARGUMENT","message":"bad name","error":"not this"}'), { code: 'INVALID_ARGUMENT', message: 'bad name' });
      assert.deepEqual(parseErrorBody('{"error":"Unauthorized"}'), { message: 'Unauthorized' });
      assert.deepEqual(parseErrorBody('{"code":"X","errorMessages":["one","two"]}'), { code: 'X', message: 'one two' });
      assert.deepEqual(parseErrorBody('<html>Bad gateway</html>'), { message: '<html>Bad gateway</html>' });
      assert.deepEqual(parseErrorBody(''), {});
    });

    it('shortens a long server message and replaces its control characters', () => {
      const parsed = parseErrorBody(JSON.stringify({ code: 'X', message: `\u001b]0;owned\u0007\u001b[2J${'a'.repeat(1000)}` }));
      assert.ok(!/[\u0000-\u001f]/.test(parsed.message ?? ''), 'no escape sequence survives');
      assert.equal(parsed.message?.length, 300);
      assert.ok(parsed.message?.endsWith('…'));
    });

    it('names the request ID in the error (x-altus-request-id, else x-cdp-request-id)', async () => {
      const harness = await startHarness();
      try {
        const client = createCatalogClient(harness.profile, { sleep: harness.sleep });
        let caught: unknown;
        try {
          await client.describeFlow('crn:cdp:df:us-west-1:acct:flow:missing');
        } catch (error) {
          caught = error;
        }
        assert.ok(caught instanceof CatalogError);
        assert.match(caught.requestId ?? '', /^[0-9a-f-]{36}$/);
        assert.ok(caught.message.endsWith(`(request ID ${caught.requestId})`), caught.message);
      } finally {
        await harness.catalog.close();
      }
      const key = { accessKeyId: 'id', profileName: 'p' };
      for (const status of [401, 403, 404, 429, 400, 500]) {
        assert.match(errorForStatus(status, { message: 'm' }, 'listFlowDefinitions', key, 'req-1').message, /\(request ID req-1\)$/, String(status));
      }
    });
  });
});
