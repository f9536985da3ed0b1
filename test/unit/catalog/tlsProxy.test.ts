// CA bundle (ca_bundle, CDP_CA_BUNDLE) and HTTPS_PROXY/NO_PROXY (issue 9, point 12), against an
// https stand-in reached through a CONNECT proxy that only ever connects to 127.0.0.1.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCatalogClient } from '../../../src/core/catalog/client';
import { loadCdpProfile } from '../../../src/core/catalog/credentials';
import { bypassesProxy, proxyFromEnvironment } from '../../../src/core/catalog/proxyAgent';
import { CatalogError } from '../../../src/core/catalog/types';
import { startFakeCatalog, type FakeCatalog } from '../../fakes/catalog/server';
import { generateEd25519AccessKey } from '../../fakes/catalog/testKeys';
import { TEST_TLS_CERT, TEST_TLS_KEY } from '../../fakes/catalog/tlsFixture';

interface TestProxy {
  url: string;
  tunnels: string[];
  close(): Promise<void>;
}

/** A CONNECT proxy that records each tunnel's target and connects every one to 127.0.0.1:`port`. */
async function startProxy(port: number, auth?: string): Promise<TestProxy> {
  const tunnels: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((_request, response) => response.writeHead(405).end());
  server.on('connect', (request, client: Socket) => {
    sockets.add(client);
    if (auth && request.headers['proxy-authorization'] !== `Basic ${Buffer.from(auth).toString('base64')}`) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\n\r\n');
      return;
    }
    tunnels.push(request.url ?? '');
    const upstream = connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(client).pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    tunnels,
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

describe('catalog over TLS with a CA bundle and a proxy', () => {
  const key = generateEd25519AccessKey();
  let catalog: FakeCatalog;
  let proxy: TestProxy;
  let home: string;

  beforeEach(async () => {
    catalog = await startFakeCatalog({ tls: { key: TEST_TLS_KEY, cert: TEST_TLS_CERT } });
    catalog.addKey(key.accessKeyId, key.publicKey);
    catalog.seedFlow('Behind the proxy', [{ fileText: '{}' }]);
    proxy = await startProxy(catalog.port);
    home = mkdtempSync(join(tmpdir(), 'dff-tls-'));
    mkdirSync(join(home, '.cdp'));
    writeFileSync(join(home, 'corporate-ca.pem'), TEST_TLS_CERT);
    // cdp.test.invalid is never looked up here: the proxy resolves it (to this machine).
    writeFileSync(join(home, '.cdp', 'credentials'), `[default]\ncdp_access_key_id = ${key.accessKeyId}\ncdp_private_key = ${key.privateKey}\ncdp_endpoint_url = https://cdp.test.invalid:${catalog.port}\n`);
  });
  afterEach(async () => {
    await proxy.close();
    await catalog.close();
    rmSync(home, { recursive: true, force: true });
  });

  async function failure(promise: Promise<unknown>): Promise<CatalogError> {
    try {
      await promise;
    } catch (error) {
      assert.ok(error instanceof CatalogError, String(error));
      return error;
    }
    assert.fail('expected a failure');
  }

  it('goes through HTTPS_PROXY and trusts the profile\'s ca_bundle (and CDP_CA_BUNDLE over it), uploads included', async () => {
    writeFileSync(join(home, '.cdp', 'config'), '[default]\nca_bundle = ~/corporate-ca.pem\n');
    const env = { HTTPS_PROXY: proxy.url };
    const profile = loadCdpProfile(undefined, { env, homeDir: home });
    assert.equal(profile.caBundle?.path, join(home, 'corporate-ca.pem'));
    const client = createCatalogClient(profile, { proxyEnv: env, sleep: async () => undefined });
    const flows = await client.listAllFlowDefinitions({});
    assert.deepEqual(flows.map((flow) => flow.name), ['Behind the proxy']);
    const created = await client.importFlowDefinition({ name: 'Through', file: '{"flowContents":{}}' });
    assert.equal(created.name, 'Through');
    assert.ok(proxy.tunnels.length >= 2 && proxy.tunnels.every((target) => target === `cdp.test.invalid:${catalog.port}`), proxy.tunnels.join(','));

    const wrongBundle = join(home, 'other.pem');
    writeFileSync(wrongBundle, TEST_TLS_CERT);
    const fromEnv = loadCdpProfile(undefined, { env: { ...env, CDP_CA_BUNDLE: wrongBundle }, homeDir: home });
    assert.equal(fromEnv.caBundle?.path, wrongBundle);
    assert.equal(fromEnv.caBundle?.where, 'environment variable CDP_CA_BUNDLE');
  });

  it('refuses the server\'s certificate without the CA bundle, and names an unreadable bundle', async () => {
    const env = { HTTPS_PROXY: proxy.url };
    const client = createCatalogClient(loadCdpProfile(undefined, { env, homeDir: home }), { proxyEnv: env, sleep: async () => undefined, retry: { maxAttempts: 1 } });
    const error = await failure(client.listFlowDefinitions({}));
    assert.equal(error.kind, 'network');
    assert.equal(catalog.requests.length, 0, 'nothing reached the catalog');
    writeFileSync(join(home, '.cdp', 'config'), '[default]\nca_bundle = /nowhere/ca.pem\n');
    assert.throws(() => createCatalogClient(loadCdpProfile(undefined, { env, homeDir: home })), /~\/\.cdp\/config, profile \[default\]: cannot read the CA bundle \/nowhere\/ca\.pem/);
  });

  it('sends the proxy\'s credentials and uses an explicit proxy (VS Code\'s http.proxy) over the environment', async () => {
    await proxy.close();
    proxy = await startProxy(catalog.port, 'user:p@ss');
    const env = { CDP_CA_BUNDLE: join(home, 'corporate-ca.pem') };
    const profile = loadCdpProfile(undefined, { env, homeDir: home });
    const explicit = createCatalogClient(profile, { proxyUrl: proxy.url.replace('http://', 'http://user:p%40ss@'), proxyEnv: { HTTPS_PROXY: 'http://127.0.0.1:1' } });
    assert.equal((await explicit.listFlowDefinitions({})).flows.length, 1);
    const refused = createCatalogClient(profile, { proxyUrl: proxy.url, retry: { maxAttempts: 1 } });
    const error = await failure(refused.listFlowDefinitions({}));
    assert.match(error.message, /407/);
    assert.ok(!error.message.includes('p@ss'));
  });

  it('reads HTTPS_PROXY/https_proxy and NO_PROXY as requests does', () => {
    assert.equal(proxyFromEnvironment('https://api.eu-1.cdp.cloudera.com', { https_proxy: 'http://p:3128' }), 'http://p:3128');
    assert.equal(proxyFromEnvironment('https://api.eu-1.cdp.cloudera.com', { HTTPS_PROXY: 'http://p:3128', NO_PROXY: 'localhost,.cloudera.com' }), undefined);
    assert.equal(proxyFromEnvironment('https://api.eu-1.cdp.cloudera.com', { HTTPS_PROXY: 'http://p:3128', NO_PROXY: 'cloudera.co' }), 'http://p:3128', 'a suffix only at a dot');
    assert.equal(proxyFromEnvironment('https://api.eu-1.cdp.cloudera.com', { HTTP_PROXY: 'http://p:3128' }), undefined, 'http_proxy is not for https');
    assert.ok(bypassesProxy(new URL('https://x.example:8443'), 'x.example:8443'));
    assert.ok(!bypassesProxy(new URL('https://x.example:443'), 'x.example:8443'));
    assert.ok(bypassesProxy(new URL('https://anything'), '*'));
  });
});
