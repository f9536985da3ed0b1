// Profiles, keys and endpoints read by cdpcli's rules (issue 9, points 5-11).
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultCdpProfileName, listCdpProfiles, loadCdpProfile } from '../../../src/core/catalog/credentials';
import { parseIni } from '../../../src/core/catalog/iniFile';
import { CatalogError } from '../../../src/core/catalog/types';
import { generateEd25519AccessKey, generateRsaAccessKey } from '../../fakes/catalog/testKeys';

describe('CDP profiles as cdpcli reads them', () => {
  let home: string;
  const ed = generateEd25519AccessKey();
  const other = generateEd25519AccessKey();
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

  const envKey = { CDP_ACCESS_KEY_ID: ed.accessKeyId, CDP_PRIVATE_KEY: ed.privateKey };

  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'dff-cdpcli-'));
  });
  afterEach(() => rmSync(home, { recursive: true, force: true }));

  describe('5: a key from the environment keeps the profile\'s region and endpoint', () => {
    it('takes cdp_region from the default profile', () => {
      write('config', '[default]\ncdp_region = eu-1\n');
      const profile = loadCdpProfile(undefined, { env: envKey, homeDir: home });
      assert.equal(profile.name, 'environment');
      assert.equal(profile.key.accessKeyId, ed.accessKeyId);
      assert.equal(profile.region, 'eu-1');
      assert.equal(profile.endpointUrl, 'https://api.eu-1.cdp.cloudera.com');
      assert.deepEqual(listCdpProfiles({ env: envKey, homeDir: home }).find((item) => item.name === 'environment')?.region, 'eu-1');
    });

    it('takes cdp_endpoint_url from the profile CDP_PROFILE names, not the default one', () => {
      write('config', '[default]\ncdp_region = eu-1\n\n[profile asia]\ncdp_region = ap-1\n');
      const profile = loadCdpProfile(undefined, { env: { ...envKey, CDP_PROFILE: 'asia' }, homeDir: home });
      assert.equal(profile.key.accessKeyId, ed.accessKeyId, 'the environment key, not a file key');
      assert.equal(profile.endpointUrl, 'https://api.ap-1.cdp.cloudera.com');
    });

    it('refuses a CDP_PROFILE that no file has, as cdp does (ProfileNotFound)', () => {
      write('config', '[default]\ncdp_region = eu-1\n');
      const error = credentialsError(() => loadCdpProfile(undefined, { env: { ...envKey, CDP_PROFILE: 'missing' }, homeDir: home }));
      assert.match(error.message, /no CDP profile \[missing\] \(CDP_PROFILE\)/);
    });

    it('is us-west-1 without any file', () => {
      assert.equal(loadCdpProfile(undefined, { env: envKey, homeDir: home }).endpointUrl, 'https://api.us-west-1.cdp.cloudera.com');
    });
  });

  describe('6: CDP_PRIVATE_KEY may name a file', () => {
    it('reads the key from the file it names (absolute or relative to the working folder)', () => {
      const keyFile = join(home, 'key.pem');
      writeFileSync(keyFile, rsa.privateKey);
      const absolute = loadCdpProfile(undefined, { env: { CDP_ACCESS_KEY_ID: rsa.accessKeyId, CDP_PRIVATE_KEY: keyFile }, homeDir: home });
      assert.ok(absolute.key.privateKey.includes('BEGIN PRIVATE KEY'));
      assert.equal(absolute.key.source, 'environment (CDP_PRIVATE_KEY file ~/key.pem)');
      const relative = loadCdpProfile(undefined, { env: { CDP_ACCESS_KEY_ID: rsa.accessKeyId, CDP_PRIVATE_KEY: 'key.pem' }, homeDir: home, cwd: home });
      assert.equal(relative.key.privateKey, rsa.privateKey);
    });

    it('still takes the key itself when no such file exists', () => {
      assert.equal(loadCdpProfile(undefined, { env: envKey, homeDir: home }).key.privateKey, ed.privateKey);
    });

    it('says neither a file nor a key, without showing the value', () => {
      const value = 'not/a/key/nor/a/file-s3cr3t';
      const error = credentialsError(() => loadCdpProfile(undefined, { env: { CDP_ACCESS_KEY_ID: ed.accessKeyId, CDP_PRIVATE_KEY: value }, homeDir: home }));
      assert.match(error.message, /CDP_PRIVATE_KEY is neither the path of a file that exists nor a private key/);
      assert.ok(!error.message.includes('s3cr3t'));
    });

    it('refuses a file that holds no key, without showing its content', () => {
      const keyFile = join(home, 'notakey.txt');
      writeFileSync(keyFile, 'hunter2-secret-text');
      const error = credentialsError(() => loadCdpProfile(undefined, { env: { CDP_ACCESS_KEY_ID: ed.accessKeyId, CDP_PRIVATE_KEY: keyFile }, homeDir: home }));
      assert.match(error.message, /~\/notakey\.txt/);
      assert.ok(!error.message.includes('hunter2'));
    });
  });

  describe('7 and 8: endpoint_url is not DataFlow\'s; cdp_endpoint_url may hold one %s', () => {
    it('ignores endpoint_url (an Altus setting, usually holding %s)', () => {
      write('config', '[default]\ncdp_region = ap-1\nendpoint_url = https://%sapi.us-west-1.altus.cloudera.com/\n');
      write('credentials', `[default]\ncdp_access_key_id = ${ed.accessKeyId}\ncdp_private_key = ${ed.privateKey}\n`);
      assert.equal(loadCdpProfile(undefined, { env: {}, homeDir: home }).endpointUrl, 'https://api.ap-1.cdp.cloudera.com');
    });

    it('replaces one %s in cdp_endpoint_url with "api" and keeps a URL without one as it is', () => {
      write('config', '[default]\ncdp_endpoint_url = https://%s.eu-1.cdp.cloudera.com/\n\n[profile plain]\ncdp_endpoint_url = https://cdp.example.internal:8443/\n');
      write('credentials', `[default]\ncdp_access_key_id = ${ed.accessKeyId}\ncdp_private_key = ${ed.privateKey}\n[plain]\ncdp_access_key_id = ${ed.accessKeyId}\ncdp_private_key = ${ed.privateKey}\n`);
      assert.equal(loadCdpProfile(undefined, { env: {}, homeDir: home }).endpointUrl, 'https://api.eu-1.cdp.cloudera.com');
      assert.equal(loadCdpProfile('plain', { env: {}, homeDir: home }).endpointUrl, 'https://cdp.example.internal:8443');
    });

    it('names the setting when cdp_endpoint_url is not a URL (two %s are not replaced, as in cdpcli)', () => {
      write('credentials', `[default]\ncdp_access_key_id = ${ed.accessKeyId}\ncdp_private_key = ${ed.privateKey}\ncdp_endpoint_url = %s%s\n`);
      const error = credentialsError(() => loadCdpProfile(undefined, { env: {}, homeDir: home }));
      assert.match(error.message, /^~\/\.cdp\/credentials, profile \[default\]: cdp_endpoint_url "%s%s" is not a URL/);
    });
  });

  describe('9: precedence', () => {
    beforeEach(() => {
      write('credentials', `[default]\ncdp_access_key_id = ${other.accessKeyId}\ncdp_private_key = ${other.privateKey}\n[named]\ncdp_access_key_id = ${rsa.accessKeyId}\ncdp_private_key = ${rsa.privateKey.trim().replace(/\n/g, '\\n')}\n`);
    });

    it('an environment key wins over CDP_PROFILE, but not over a profile asked for explicitly', () => {
      assert.equal(loadCdpProfile(undefined, { env: { ...envKey, CDP_PROFILE: 'named' }, homeDir: home }).key.accessKeyId, ed.accessKeyId);
      assert.equal(defaultCdpProfileName({ ...envKey, CDP_PROFILE: 'named' }), 'environment');
      const explicit = loadCdpProfile('named', { env: envKey, homeDir: home });
      assert.equal(explicit.key.accessKeyId, rsa.accessKeyId);
      assert.equal(explicit.name, 'named');
    });

    it('CDP_DEFAULT_PROFILE comes before CDP_PROFILE', () => {
      const env = { CDP_DEFAULT_PROFILE: 'named', CDP_PROFILE: 'default' };
      assert.equal(defaultCdpProfileName(env), 'named');
      assert.equal(loadCdpProfile(undefined, { env, homeDir: home }).key.accessKeyId, rsa.accessKeyId);
      assert.equal(defaultCdpProfileName({ CDP_PROFILE: 'named' }), 'named');
    });

    it('the credentials file\'s endpoint and region win over the config file\'s', () => {
      write('credentials', `[default]\ncdp_access_key_id = ${ed.accessKeyId}\ncdp_private_key = ${ed.privateKey}\ncdp_endpoint_url = https://from-credentials.example\ncdp_region = eu-1\n`);
      write('config', '[default]\ncdp_endpoint_url = https://from-config.example\ncdp_region = ap-1\n');
      const profile = loadCdpProfile(undefined, { env: {}, homeDir: home });
      assert.equal(profile.endpointUrl, 'https://from-credentials.example');
      assert.equal(profile.region, 'eu-1');
    });

    it('a config section [name] without "profile" is not a profile (only [default] and [profile name] are)', () => {
      write('config', '[default]\ncdp_region = eu-1\n[named]\ncdp_region = ap-1\n[profile named]\ncdp_region = usg-1\n');
      assert.equal(loadCdpProfile('named', { env: {}, homeDir: home }).region, 'usg-1');
      write('config', '[named]\ncdp_region = ap-1\n');
      assert.equal(loadCdpProfile('named', { env: {}, homeDir: home }).region, 'us-west-1');
    });
  });

  describe('10: cdp_region = default', () => {
    it('means us-west-1', () => {
      write('credentials', `[default]\ncdp_access_key_id = ${ed.accessKeyId}\ncdp_private_key = ${ed.privateKey}\ncdp_region = default\n`);
      const profile = loadCdpProfile(undefined, { env: {}, homeDir: home });
      assert.equal(profile.region, 'us-west-1');
      assert.equal(profile.endpointUrl, 'https://api.us-west-1.cdp.cloudera.com');
    });
  });

  describe('11: the files as Python\'s RawConfigParser reads them', () => {
    it('reads "key: value" lines, keeps ; and # inside values and reads [profile "name"] with quotes', () => {
      write('credentials', `[default]\ncdp_access_key_id: ${ed.accessKeyId}\ncdp_private_key : ${ed.privateKey}\n`);
      write('config', '[profile "my team"]\ncdp_endpoint_url = https://cdp.example.internal/#frag;x\n# a comment\n; another\n[default]\ncdp_region: eu-1\n');
      const sections = parseIni('[a]\nx = 1 ; kept\ny: 2 # kept\n');
      assert.deepEqual(sections, { a: { x: '1 ; kept', y: '2 # kept' } });
      const profile = loadCdpProfile(undefined, { env: {}, homeDir: home });
      assert.equal(profile.key.accessKeyId, ed.accessKeyId);
      const listed = listCdpProfiles({ env: {}, homeDir: home });
      assert.deepEqual(listed.find((item) => item.name === 'my team')?.endpointUrl, 'https://cdp.example.internal/#frag;x');
      assert.equal(listed.find((item) => item.name === 'default')?.region, 'eu-1');
      assert.equal(profile.region, 'eu-1');
    });

    it('continues a value on more-indented lines, skipping comment lines, and shares [DEFAULT] values', () => {
      assert.deepEqual(parseIni('[DEFAULT]\ncdp_region = eu-1\n[a]\nkey = one\n  two\n  # not part\n\n  three\nnext = x\n[b]\ncdp_region = ap-1\n'), {
        a: { cdp_region: 'eu-1', key: 'one\ntwo\n\nthree', next: 'x' },
        b: { cdp_region: 'ap-1' },
      });
    });

    it('refuses a duplicate key, a duplicate section and a setting before any section, naming the line and not its text', () => {
      write('credentials', `[default]\ncdp_access_key_id = ${ed.accessKeyId}\ncdp_private_key = ${ed.privateKey}\ncdp_private_key = ${ed.privateKey}\n`);
      const duplicate = credentialsError(() => loadCdpProfile(undefined, { env: {}, homeDir: home }));
      assert.match(duplicate.message, /^~\/\.cdp\/credentials cannot be read as cdp does \(line 4: "cdp_private_key" is set twice in one section\)/);
      assert.ok(!duplicate.message.includes(ed.privateKey));
      assert.throws(() => parseIni('[a]\nx=1\n[a]\ny=2\n'), /line 3: section \[a\] appears twice/);
      assert.throws(() => parseIni('x = 1\n[a]\n'), /line 1: a setting comes before any \[section\] header/);
      assert.throws(() => parseIni('[a]\njust words\n'), /line 2: the line is neither/);
    });
  });
});
