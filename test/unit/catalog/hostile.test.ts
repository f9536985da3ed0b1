// The catalog client against a hostile or broken server (issue 9, points 14-17 and 19).
import * as assert from 'node:assert/strict';
import { createCatalogClient, type CatalogClientOptions } from '../../../src/core/catalog/client';
import { CatalogError, type CdpProfile } from '../../../src/core/catalog/types';
import { startHostileServer, type HostileHandler, type HostileServer } from '../../fakes/catalog/hostile';
import { generateEd25519AccessKey } from '../../fakes/catalog/testKeys';

const key = generateEd25519AccessKey();
const flow = JSON.stringify({ flowContents: { identifier: 'g', name: 'F', processors: [] } });

async function rejection(promise: Promise<unknown>): Promise<CatalogError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof CatalogError, `expected a CatalogError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the call to fail');
}

describe('catalog client against a hostile server', () => {
  let server: HostileServer | undefined;
  let other: HostileServer | undefined;
  afterEach(async () => {
    await server?.close();
    await other?.close();
    server = other = undefined;
  });

  const profileFor = (url: string): CdpProfile => ({ name: 'test', region: 'us-west-1', endpointUrl: url, key: { accessKeyId: key.accessKeyId, privateKey: key.privateKey, source: 'test' } });
  const clientFor = (url: string, options: CatalogClientOptions = {}) => createCatalogClient(profileFor(url), { sleep: async () => undefined, ...options });
  const start = async (handler: HostileHandler) => (server = await startHostileServer(handler));

  describe('14: the upload redirect is followed only to the endpoint\'s own upload path', () => {
    const redirectTo = (location: (self: string) => string): HostileHandler => (request, response) => {
      if (request.path.startsWith('/api/v1/df/import')) {
        response.writeHead(307, { Location: location(server?.url ?? ''), 'Content-Length': 0 }).end();
      } else {
        response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ crn: 'crn:x', name: 'F', versions: [{ crn: 'crn:x/v.1', version: 1 }] }));
      }
    };

    it('refuses a path the API does not upload to (a delete), before signing anything for it', async () => {
      await start(redirectTo((self) => `${self}/api/v1/df/deleteFlow`));
      const error = await rejection(clientFor(server!.url).importFlowDefinition({ name: 'F', file: flow }));
      assert.match(error.message, /sent the importFlowDefinition upload to http:\/\/127\.0\.0\.1:\d+\/api\/v1\/df\/deleteFlow, which is not an upload address of http:\/\/127\.0\.0\.1:\d+; it was refused/);
      assert.deepEqual(server!.requests.map((request) => request.path), ['/api/v1/df/importFlowDefinition'], 'nothing was sent to the chosen path');
    });

    it('refuses another host, another port and another scheme, and a path escaping with ..', async () => {
      other = await startHostileServer((_request, response) => response.writeHead(200).end('{}'));
      for (const location of [
        () => `${other!.url}/dfx/api/flows/x`, // another port on this machine
        () => `http://localhost:${server!.port}/dfx/api/flows/x`, // another host name
        () => `https://127.0.0.1:${server!.port}/dfx/api/flows/x`, // another scheme
        (self: string) => `${self}/dfx/api/flows/../../api/v1/df/deleteFlow`,
        (self: string) => `${self}/dfx/api/flows/a/b`,
      ]) {
        await server?.close();
        await start(redirectTo(location));
        const error = await rejection(clientFor(server!.url).importFlowDefinitionVersion({ flowCrn: 'crn:f', file: flow }));
        assert.match(error.message, /is not an upload address of/);
        assert.equal(server!.requests.length, 1);
      }
      assert.equal(other.requests.length, 0, 'the other server never received a signed request');
    });

    it('follows a relative or absolute Location on the endpoint\'s own upload path (one good, then one bad of the same kind)', async () => {
      await start(redirectTo(() => '/dfx/api/flows/abc'));
      const created = await clientFor(server!.url).importFlowDefinition({ name: 'F', file: flow });
      assert.equal(created.crn, 'crn:x');
      assert.deepEqual(server!.requests.map((request) => request.path), ['/api/v1/df/importFlowDefinition', '/dfx/api/flows/abc']);
      await server!.close();
      await start(redirectTo(() => '/dfx/api/flowsabc'));
      assert.match((await rejection(clientFor(server!.url).importFlowDefinition({ name: 'F', file: flow }))).message, /not an upload address/);
    });
  });

  describe('15: a 3xx on any other call is an error', () => {
    it('does not take a redirect answer to a listing as "no flows"', async () => {
      await start((_request, response) => response.writeHead(302, { Location: 'https://elsewhere.example/', 'Content-Length': 0 }).end());
      const error = await rejection(clientFor(server!.url).listFlowDefinitions({}));
      assert.match(error.message, /answered listFlowDefinitions with a redirect \(HTTP 302\) instead of an answer; it was not followed/);
      assert.equal(error.status, 302);
      assert.equal((await rejection(clientFor(server!.url).deleteFlow('crn:f'))).status, 302);
      assert.equal(server!.requests.length, 2, 'not followed, not retried');
    });
  });

  describe('16: answers are capped in size', () => {
    it('stops reading a listing past its cap and says so, and allows the larger cap for a flow version', async () => {
      const big = JSON.stringify({ flowDefinition: Buffer.from('x'.repeat(300 * 1024)).toString('base64'), flows: [] });
      await start((_request, response) => response.writeHead(200, { 'Content-Type': 'application/json' }).end(big));
      const client = clientFor(server!.url, { maxResponseBytes: 256 * 1024, maxFlowResponseBytes: 1024 * 1024 });
      const error = await rejection(client.listFlowDefinitions({}));
      assert.equal(error.kind, 'unavailable');
      assert.match(error.message, /answer to listFlowDefinitions is larger than 256 KiB, more than it can be; it was not read/);
      assert.equal((await client.getFlowVersion('crn:f/v.1')).length, 300 * 1024, 'the same answer is within getFlowVersion\'s cap');
      const tight = clientFor(server!.url, { maxResponseBytes: 1024, maxFlowResponseBytes: 300 * 1024 });
      assert.match((await rejection(tight.getFlowVersion('crn:f/v.1'))).message, /larger than/);
    });

    it('stops an endless answer at the cap', async () => {
      await start((_request, response) => {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        const pump = (): void => {
          while (response.write(chunk)) {
            /* keep writing until the socket pushes back */
          }
          response.once('drain', pump);
        };
        response.on('close', () => response.removeAllListeners('drain'));
        pump();
      });
      const error = await rejection(clientFor(server!.url, { maxResponseBytes: 1024 * 1024, timeoutMs: 5000 }).describeFlow('crn:f'));
      assert.match(error.message, /larger than 1 MiB/);
    });
  });

  describe('17: one deadline per call, body included', () => {
    it('times out an answer dripped one byte at a time, and stops it when the caller cancels', async () => {
      await start((_request, response) => {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        const timer = setInterval(() => response.write(' '), 20);
        response.on('close', () => clearInterval(timer));
      });
      const started = Date.now();
      const error = await rejection(clientFor(server!.url, { timeoutMs: 300, retry: { maxAttempts: 1 } }).listFlowDefinitions({}));
      assert.equal(error.kind, 'timeout');
      assert.ok(Date.now() - started < 2000, 'the drip did not keep the call alive');
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      const cancelledError = await rejection(clientFor(server!.url, { timeoutMs: 10_000 }).deleteFlow('crn:f', { signal: controller.signal }));
      assert.equal(cancelledError.kind, 'cancelled');
    });
  });

  describe('19: signed requests never go in clear beyond this machine', () => {
    it('refuses a plain http endpoint that is not loopback, before sending anything', () => {
      assert.throws(() => clientFor('http://cdp.example.com'), (error: unknown) => error instanceof CatalogError && /plain http, which would send signed requests in clear/.test(error.message));
      assert.throws(() => clientFor('http://10.1.2.3:8080'), /plain http/);
      assert.doesNotThrow(() => clientFor('http://127.0.0.1:1'));
      assert.doesNotThrow(() => clientFor('http://localhost:1'));
      assert.doesNotThrow(() => clientFor('https://api.eu-1.cdp.cloudera.com'));
    });
  });
});

describe('dff catalog output of hostile server text (issue 9, point 18)', () => {
  // Imported here so the hostile client tests above stay independent of the CLI.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { runCatalog } = require('../../../src/cli/catalog') as typeof import('../../../src/cli/catalog');
  const { startHarness } = require('../../fakes/catalog/harness') as typeof import('../../fakes/catalog/harness');
  const { writeCdpFiles } = require('../../fakes/catalog/testKeys') as typeof import('../../fakes/catalog/testKeys');
  const fs = require('node:fs') as typeof import('node:fs');
  const os = require('node:os') as typeof import('node:os');
  const path = require('node:path') as typeof import('node:path');

  const evil = '\u001b]0;pwned\u0007\u001b[31mred\u001b[0m\u009b2J';

  it('replaces control characters in names, authors and comments, and in server error messages', async () => {
    const harness = await startHarness({ author: `mallory${evil}` });
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dff-hostile-cli-'));
    try {
      const files = writeCdpFiles(path.join(folder, '.cdp'), 'dev', harness.key, harness.catalog.url);
      let out = '';
      let err = '';
      const io = { stdout: (text: string) => void (out += text), stderr: (text: string) => void (err += text), env: { ...files.env, HOME: folder }, cwd: folder };
      const dff = (...argv: string[]) => runCatalog(argv, io, { clientOptions: { sleep: async () => undefined }, stdoutIsTerminal: true });
      const crn = harness.catalog.seedFlow(`Flow${evil}`, [{ fileText: 'not json at all \u001b[2J', comments: `note${evil}` }]);
      assert.equal(await dff('list', '--profile', 'dev'), 0, err);
      assert.equal(await dff('versions', crn, '--profile', 'dev'), 0, err);
      assert.ok(!/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/.test(out), JSON.stringify(out));
      assert.match(out, /Flow\uFFFD\]0;pwned/);
      harness.catalog.failNext(400, 1, 'describeFlow');
      out = '';
      assert.equal(await dff('pull', `${crn}/v.1`, '--profile', 'dev'), 1);
      assert.equal(out, '', 'pulled content that is not JSON is not printed to a terminal');
      assert.match(err, /is not JSON, so it is not printed to the terminal/);
      assert.ok(!/\u001b/.test(err));
      assert.equal(await runCatalog(['pull', `${crn}/v.1`, '--profile', 'dev'], io, { stdoutIsTerminal: false }), 0, 'to a pipe or file it is written as it is');
    } finally {
      await harness.catalog.close();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
