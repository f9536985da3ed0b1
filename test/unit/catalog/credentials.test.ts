import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultCdpProfileName, listCdpProfiles, loadCdpProfile } from '../../../src/core/catalog/credentials';
import { CatalogError } from '../../../src/core/catalog/types';
import { generateEd25519AccessKey, generateRsaAccessKey } from '../../fakes/catalog/testKeys';

describe('CDP credentials', () => {
  let home: string;
  const ed = generateEd25519AccessKey();
  const rsa = generateRsaAccessKey();

  function write(name: 'credentials' | 'config', text: string): void {
    mkdirSync(join(home, '.cdp'), { recursive: true });
    writeFileSync(join(home, '.cdp', name), text);
  }

  function credentialsError(action: () => unknown): CatalogError {
    try {
      action();
    } catch (error) {
      assert.ok(error instanceof CatalogError, String(error));
      assert.equal(error.kind, 'credentials');
      return error;
    }
    assert.fail('expected a credentials error');
  }

  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'dff-cdp-home-'));
  });
  afterEach(() => rmSync(home, { recursive: true, force: true }));

  it('reads profiles from ~/.cdp/credentials with region and endpoint from ~/.cdp/config, [profile x] sections included', () => {
    write(
      'credentials',
      `[default]\ncdp_access_key_id = ${ed.accessKeyId}\ncdp_private_key = ${ed.privateKey}\n\n[dev.eu]\ncdp_access_key_id = ${rsa.accessKeyId}\ncdp_private_key = ${rsa.privateKey.trim().replace(/\n/g, '\\n')}\n`,
    );
    write('config', `[default]\ncdp_region = usg-1\n\n[profile dev.eu]\ncdp_region = eu-1\n\n[profile private]\ncdp_endpoint_url = https://cdp.example.internal/\n`);
    const context = { env: {}, homeDir: home };

    const fallback = loadCdpProfile(undefined, context);
    assert.equal(fallback.name, 'default');
    assert.equal(fallback.region, 'usg-1');
    assert.equal(fallback.endpointUrl, 'https://api.usg-1.cdp.clouderagovt.com');
    assert.equal(fallback.key.accessKeyId, ed.accessKeyId);
    assert.equal(fallback.key.source, '~/.cdp/credentials, profile [default]');

    const dev = loadCdpProfile('dev.eu', context);
    assert.equal(dev.endpointUrl, 'https://api.eu-1.cdp.cloudera.com');
    assert.ok(dev.key.privateKey.includes('BEGIN PRIVATE KEY'));

    const listing = listCdpProfiles(context);
    assert.deepEqual(
      listing.map((profile) => [profile.name, profile.region, profile.hasKey]),
      [
        ['default', 'usg-1', true],
        ['dev.eu', 'eu-1', true],
        ['private', 'us-west-1', false],
      ],
    );
    assert.equal(listing[2].endpointUrl, 'https://cdp.example.internal');
    const listed = JSON.stringify(listing);
    assert.ok(!listed.includes(ed.privateKey) && !listed.includes('PRIVATE KEY'), 'the listing holds no keys');
  });

  it('joins an indented multi-line PEM value as configparser does', () => {
    const [first, ...rest] = rsa.privateKey.trim().split('\n');
    write('credentials', `[pem]\ncdp_access_key_id = ${rsa.accessKeyId}\ncdp_private_key = ${first}\n${rest.map((line) => `  ${line}`).join('\n')}\n`);
    const profile = loadCdpProfile('pem', { env: {}, homeDir: home });
    assert.ok(profile.key.privateKey.includes('END PRIVATE KEY'));
  });

  it('follows CDP_SHARED_CREDENTIALS_FILE, CDP_CONFIG_FILE, CDP_PROFILE and CDP_REGION', () => {
    const credentialsFile = join(home, 'elsewhere-credentials');
    const configFile = join(home, 'elsewhere-config');
    writeFileSync(credentialsFile, `[ci]\ncdp_access_key_id = ${ed.accessKeyId}\ncdp_private_key = ${ed.privateKey}\ncdp_region = eu-1\n`);
    writeFileSync(configFile, `[profile ci]\ncdp_region = ap-1\n`);
    const env = { CDP_SHARED_CREDENTIALS_FILE: credentialsFile, CDP_CONFIG_FILE: configFile, CDP_PROFILE: 'ci' };
    assert.equal(loadCdpProfile(undefined, { env, homeDir: home }).region, 'eu-1', 'the credentials file region wins over config');
    const overridden = loadCdpProfile(undefined, { env: { ...env, CDP_REGION: 'ap-1' }, homeDir: home });
    assert.equal(overridden.endpointUrl, 'https://api.ap-1.cdp.cloudera.com');
  });

  it('uses an access key from the environment as the "environment" profile', () => {
    const env = { CDP_ACCESS_KEY_ID: ed.accessKeyId, CDP_PRIVATE_KEY: ed.privateKey, CDP_REGION: 'eu-1' };
    assert.equal(defaultCdpProfileName(env), 'environment');
    const profile = loadCdpProfile(undefined, { env, homeDir: home });
    assert.equal(profile.name, 'environment');
    assert.equal(profile.key.source, 'environment');
    assert.equal(profile.endpointUrl, 'https://api.eu-1.cdp.cloudera.com');
    assert.deepEqual(listCdpProfiles({ env, homeDir: home }).map((item) => item.name), ['environment']);
    assert.equal(defaultCdpProfileName({ ...env, CDP_PROFILE: 'named' }), 'environment', 'an environment key wins over CDP_PROFILE, as in cdpcli');
    assert.equal(defaultCdpProfileName({ CDP_PROFILE: 'named' }), 'named');
    assert.equal(defaultCdpProfileName({ CDP_DEFAULT_PROFILE: 'other' }), 'other');
  });

  it('takes a key the editor keeps elsewhere (extraKeys) for a profile only config knows', () => {
    write('config', `[profile vscode]\ncdp_region = ap-1\n`);
    const context = { env: {}, homeDir: home, extraKeys: { vscode: { accessKeyId: ed.accessKeyId, privateKey: ed.privateKey, source: 'VS Code secret storage' } } };
    const profile = loadCdpProfile('vscode', context);
    assert.equal(profile.endpointUrl, 'https://api.ap-1.cdp.cloudera.com');
    assert.equal(profile.key.source, 'VS Code secret storage');
    assert.deepEqual(listCdpProfiles(context).map((item) => [item.name, item.hasKey, item.source]), [['vscode', true, 'VS Code secret storage']]);
  });

  it('lets an extra key\'s own region and endpoint win over CDP_REGION and the files for its profile only', () => {
    write('credentials', `[files]\ncdp_access_key_id = ${rsa.accessKeyId}\ncdp_private_key = ${rsa.privateKey.trim().replace(/\n/g, '\\n')}\n`);
    write('config', `[profile vscode]\ncdp_region = ap-1\ncdp_endpoint_url = https://cdp.files.example/\n\n[profile private]\ncdp_region = ap-1\n`);
    const key = { accessKeyId: ed.accessKeyId, privateKey: ed.privateKey };
    const context = {
      env: { CDP_REGION: 'usg-1' },
      homeDir: home,
      extraKeys: { vscode: { ...key, region: 'eu-1' }, private: { ...key, endpointUrl: 'https://cdp.key.example/' } },
    };

    const regional = loadCdpProfile('vscode', context);
    assert.equal(regional.region, 'eu-1');
    assert.equal(regional.endpointUrl, 'https://api.eu-1.cdp.cloudera.com', 'the key\'s region, not the endpoint the files name');
    const privateEndpoint = loadCdpProfile('private', context);
    assert.equal(privateEndpoint.endpointUrl, 'https://cdp.key.example');
    assert.equal(privateEndpoint.region, 'usg-1', 'without a region of its own, the usual one');
    assert.equal(loadCdpProfile('files', context).region, 'usg-1', 'other profiles are untouched');

    assert.deepEqual(
      listCdpProfiles(context).map((item) => [item.name, item.region, item.endpointUrl]),
      [
        ['files', 'usg-1', undefined],
        ['private', 'usg-1', 'https://cdp.key.example'],
        ['vscode', 'eu-1', undefined],
      ],
    );
  });

  it('names the key\'s source when the extra key\'s region is not a CDP region', () => {
    const context = { env: {}, homeDir: home, extraKeys: { vscode: { accessKeyId: ed.accessKeyId, privateKey: ed.privateKey, region: 'mars-1' } } };
    const error = credentialsError(() => loadCdpProfile('vscode', context));
    assert.match(error.message, /^VS Code secret storage, profile \[vscode\]: cdp_region "mars-1" is not a CDP region/);
  });

  it('names the file, profile and key at fault for a malformed key, and never shows the key', () => {
    const secret = 'bm90LWEtcmVhbC1rZXktYnV0LXN0aWxsLXNlY3JldA==';
    write('credentials', `[dev]\ncdp_access_key_id = ${ed.accessKeyId}\ncdp_private_key = ${secret}\n`);
    const error = credentialsError(() => loadCdpProfile('dev', { env: {}, homeDir: home }));
    assert.match(error.message, /^~\/\.cdp\/credentials, profile \[dev\]: cdp_private_key is not an Ed25519 seed or a PEM key/);
    assert.ok(!error.message.includes(secret));
    assert.ok(!error.message.includes(secret.slice(0, 12)));
  });

  it('says that the credentials file does not exist, and how to create it, when there is none', () => {
    const error = credentialsError(() => loadCdpProfile(undefined, { env: {}, homeDir: home }));
    assert.equal(
      error.message,
      'There is no CDP credentials file (~/.cdp/credentials does not exist). Create it with "cdp configure", or set CDP_ACCESS_KEY_ID and CDP_PRIVATE_KEY to use an access key without a file.',
    );
    const named = credentialsError(() => loadCdpProfile('prod', { env: { CDP_SHARED_CREDENTIALS_FILE: join(home, 'elsewhere') }, homeDir: home }));
    assert.match(named.message, /^There is no CDP credentials file \(~\/elsewhere does not exist\)\. Create it with "cdp configure --profile prod"/);
    assert.doesNotMatch(named.message, /has no profile/);
  });

  it('says which profiles exist when the asked one does not', () => {
    write('credentials', `[default]\ncdp_access_key_id = ${ed.accessKeyId}\ncdp_private_key = ${ed.privateKey}\n`);
    const error = credentialsError(() => loadCdpProfile('prod', { env: {}, homeDir: home }));
    assert.match(error.message, /no profile \[prod\]/);
    assert.match(error.message, /Profiles there: default/);
  });

  it('reports a missing access key id by its setting name', () => {
    write('credentials', `[dev]\ncdp_private_key = ${ed.privateKey}\n`);
    assert.match(credentialsError(() => loadCdpProfile('dev', { env: {}, homeDir: home })).message, /profile \[dev\]: cdp_access_key_id is missing/);
  });

  it('lists the valid regions for an unknown one', () => {
    write('credentials', `[dev]\ncdp_access_key_id = ${ed.accessKeyId}\ncdp_private_key = ${ed.privateKey}\ncdp_region = us-east-9\n`);
    const error = credentialsError(() => loadCdpProfile('dev', { env: {}, homeDir: home }));
    assert.match(error.message, /"us-east-9" is not a CDP region\. Use one of: us-west-1, eu-1, ap-1, usg-1/);
  });
});
