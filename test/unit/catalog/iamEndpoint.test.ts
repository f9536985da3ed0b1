import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CatalogError } from '../../../src/core/catalog/types';
import { customIamEndpoint, defaultIamEndpoint, iamEndpoint, readIamEndpointSetting } from '../../../src/core/catalog/iamEndpoint';
import { openIamClient } from '../../../src/core/catalog/machineUserEngine';
import { loadCdpProfile } from '../../../src/core/catalog/credentials';
import { generateEd25519AccessKey } from '../../fakes/catalog/testKeys';

// cdpcli/endpoint.py for a service whose iam.yaml says x-products: ALTUS,CDP (tests/unit/test_endpoint.py
// expects https://iamapi.us-west-1.altus.cloudera.com:443 for it, and endpoint_url with %s -> "iam").
describe('CDP IAM endpoint, as cdpcli resolves it', () => {
  it('is the Altus IAM host in us-west-1 (and "default") and the region\'s API host elsewhere', () => {
    assert.equal(defaultIamEndpoint('us-west-1'), 'https://iamapi.us-west-1.altus.cloudera.com');
    assert.equal(defaultIamEndpoint('default'), 'https://iamapi.us-west-1.altus.cloudera.com');
    assert.equal(defaultIamEndpoint('eu-1'), 'https://api.eu-1.cdp.cloudera.com');
    assert.equal(defaultIamEndpoint('ap-1'), 'https://api.ap-1.cdp.cloudera.com');
    assert.equal(defaultIamEndpoint('usg-1'), 'https://api.usg-1.cdp.clouderagovt.com');
    assert.throws(() => defaultIamEndpoint('mars-1', 'config, profile [x]'), (error: unknown) => error instanceof CatalogError && /config, profile \[x\]: cdp_region "mars-1" is not a CDP region/.test(error.message));
  });

  it('takes endpoint_url with one %s as the service name, and as it is otherwise', () => {
    assert.equal(customIamEndpoint({ value: 'https://%sapi.us-west-1.altus.cloudera.com/', where: 'w' }), 'https://iamapi.us-west-1.altus.cloudera.com');
    assert.equal(customIamEndpoint({ value: 'http://127.0.0.1:9000', where: 'w' }), 'http://127.0.0.1:9000');
    assert.equal(customIamEndpoint({ value: 'https://iam.example/%s/%s', where: 'w' }), 'https://iam.example/%s/%s');
    // cdpcli would send it as it is and fail on the host name; here it is refused up front.
    assert.throws(() => customIamEndpoint({ value: 'https://%s.%s.example', where: 'w' }), /is not a URL/);
    assert.throws(() => customIamEndpoint({ value: 'not a url', where: 'the config' }), /the config: endpoint_url "not a url" is not a URL/);
    assert.equal(iamEndpoint({ region: 'eu-1' }, { value: 'https://iam.example', where: 'w' }), 'https://iam.example');
    assert.equal(iamEndpoint({ region: 'eu-1' }), 'https://api.eu-1.cdp.cloudera.com');
  });

  describe('endpoint_url read from the profile', () => {
    let folder: string;
    let env: Record<string, string>;
    beforeEach(() => {
      folder = mkdtempSync(join(tmpdir(), 'dff-iam-endpoint-'));
      mkdirSync(join(folder, '.cdp'));
      env = {};
    });
    afterEach(() => rmSync(folder, { recursive: true, force: true }));
    const write = (name: string, text: string): void => writeFileSync(join(folder, '.cdp', name), text);

    it('reads [profile name] of the config, with the credentials file over it, and never cdp_endpoint_url', () => {
      write('config', '[profile dev]\nendpoint_url = https://%sapi.example\ncdp_endpoint_url = https://api.example\n[profile prod]\ncdp_endpoint_url = https://api.example\n');
      write('credentials', '[dev]\ncdp_access_key_id = a\ncdp_private_key = b\n[other]\nendpoint_url = https://other.example\n');
      const context = { env, homeDir: folder };
      assert.deepEqual(readIamEndpointSetting('dev', context), { value: 'https://%sapi.example', where: `${join(folder, '.cdp', 'config')}, profile [dev]` });
      assert.equal(readIamEndpointSetting('prod', context), undefined);
      assert.equal(readIamEndpointSetting('other', context)?.value, 'https://other.example');
      write('credentials', '[dev]\nendpoint_url = https://from-credentials.example\n');
      assert.equal(readIamEndpointSetting('dev', context)?.value, 'https://from-credentials.example');
    });

    it('uses the settings of CDP_PROFILE for the environment key, and the files CDP_CONFIG_FILE names', () => {
      const config = join(folder, 'elsewhere.ini');
      writeFileSync(config, '[default]\nendpoint_url = https://default.example\n[profile ci]\nendpoint_url = https://ci.example\n');
      env.CDP_CONFIG_FILE = config;
      assert.equal(readIamEndpointSetting('environment', { env, homeDir: folder })?.value, 'https://default.example');
      env.CDP_PROFILE = 'ci';
      assert.equal(readIamEndpointSetting('environment', { env, homeDir: folder })?.value, 'https://ci.example');
    });

    it('sends a loaded profile\'s IAM calls to its endpoint_url, else to its region\'s IAM', () => {
      const key = generateEd25519AccessKey();
      write('credentials', `[dev]\ncdp_access_key_id = ${key.accessKeyId}\ncdp_private_key = ${key.privateKey}\n[eu]\ncdp_access_key_id = ${key.accessKeyId}\ncdp_private_key = ${key.privateKey}\ncdp_region = eu-1\n`);
      write('config', '[profile dev]\ncdp_endpoint_url = http://127.0.0.1:1\nendpoint_url = http://127.0.0.1:2\n');
      const context = { env, homeDir: folder };
      assert.equal(openIamClient(loadCdpProfile('dev', context), context).endpointUrl, 'http://127.0.0.1:2');
      assert.equal(openIamClient(loadCdpProfile('eu', context), context).endpointUrl, 'https://api.eu-1.cdp.cloudera.com');
    });

    it('refuses plain http to another machine, which would send signed requests in clear', () => {
      const key = generateEd25519AccessKey();
      write('credentials', `[dev]\ncdp_access_key_id = ${key.accessKeyId}\ncdp_private_key = ${key.privateKey}\nendpoint_url = http://iam.example\n`);
      const context = { env, homeDir: folder };
      assert.throws(() => openIamClient(loadCdpProfile('dev', context), context), /plain http/);
    });
  });
});
