import * as assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AwsConfigError } from '../../../../src/core/aws/configFiles';
import {
  defaultAwsProfileName,
  ENVIRONMENT_AWS_PROFILE,
  listAwsProfiles,
  profileEndpoint,
  type AwsProfileSummary,
} from '../../../../src/core/aws/profiles';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const TOKEN = 'FwoGZXIvYXdzEXAMPLESESSIONTOKENvalue1234567890abcdefghij';

describe('AWS profiles', () => {
  let home: string;

  function write(name: 'config' | 'credentials', text: string): string {
    mkdirSync(join(home, '.aws'), { recursive: true });
    const path = join(home, '.aws', name);
    writeFileSync(path, text);
    return path;
  }

  function byName(profiles: AwsProfileSummary[], name: string): AwsProfileSummary {
    const found = profiles.find((profile) => profile.name === name);
    assert.ok(found, `no profile ${name} in ${profiles.map((p) => p.name).join(', ')}`);
    return found;
  }

  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'dff-aws-home-'));
  });
  afterEach(() => rmSync(home, { recursive: true, force: true }));

  it('reads static, role (source_profile, mfa_serial), credential_process, sso-session and legacy sso profiles without keeping any secret', async () => {
    write(
      'credentials',
      `[default]\naws_access_key_id = AKIAEXAMPLEDEFAULT01\naws_secret_access_key = ${SECRET}\n\n` +
        `[base]\naws_access_key_id = AKIAEXAMPLEBASE00001\naws_secret_access_key = ${SECRET}\naws_session_token = ${TOKEN}\n`,
    );
    write(
      'config',
      [
        '[default]',
        'region = eu-west-1',
        '[profile admin]',
        'role_arn = arn:aws:iam::123456789012:role/Admin',
        'source_profile = base',
        'mfa_serial = arn:aws:iam::123456789012:mfa/alice',
        'region = eu-central-1',
        '[profile tool]',
        'credential_process = /usr/local/bin/get-creds --account prod',
        '[profile dev]',
        'sso_session = corp',
        'sso_account_id = 123456789012',
        'sso_role_name = Developer',
        'region = us-east-2',
        '[sso-session corp]',
        'sso_start_url = https://corp.awsapps.com/start',
        'sso_region = us-east-1',
        '[profile legacy]',
        'sso_start_url = https://corp.awsapps.com/start',
        'sso_region = us-east-1',
        'sso_account_id = 123456789012',
        'sso_role_name = ReadOnly',
        '[profile ci]',
        'role_arn = arn:aws:iam::123456789012:role/Ci',
        'web_identity_token_file = /var/run/token',
        '[profile ec2]',
        'role_arn = arn:aws:iam::123456789012:role/Box',
        'credential_source = Ec2InstanceMetadata',
      ].join('\n'),
    );
    const profiles = await listAwsProfiles({ HOME: home });

    assert.deepEqual(
      profiles.map((profile) => [profile.name, profile.kind]),
      [
        ['default', 'static'],
        ['admin', 'role'],
        ['base', 'static'],
        ['ci', 'webIdentity'],
        ['dev', 'sso'],
        ['ec2', 'role'],
        ['legacy', 'sso'],
        ['tool', 'process'],
      ],
    );
    assert.deepEqual(byName(profiles, 'default'), { name: 'default', kind: 'static', region: 'eu-west-1' });
    assert.deepEqual(byName(profiles, 'admin'), {
      name: 'admin',
      kind: 'role',
      region: 'eu-central-1',
      sourceProfile: 'base',
      mfaSerial: 'arn:aws:iam::123456789012:mfa/alice',
    });
    assert.deepEqual(byName(profiles, 'dev'), { name: 'dev', kind: 'sso', region: 'us-east-2', ssoSession: 'corp' });
    assert.equal(byName(profiles, 'legacy').problem, undefined);
    assert.equal(byName(profiles, 'ec2').credentialSource, 'Ec2InstanceMetadata');
    const text = JSON.stringify(profiles);
    for (const secret of [SECRET, TOKEN, 'get-creds', 'AKIAEXAMPLE']) assert.ok(!text.includes(secret), `listing holds ${secret}`);
  });

  it('names the problem of a profile that will not give credentials, and only of that one', async () => {
    write('credentials', `[good]\naws_access_key_id = AKIAEXAMPLEGOOD00001\naws_secret_access_key = ${SECRET}\n[halfkey]\naws_access_key_id = AKIAEXAMPLEHALF00001\n`);
    write(
      'config',
      [
        '[profile orphan]',
        'role_arn = arn:aws:iam::123456789012:role/X',
        'source_profile = missing',
        '[profile chained]',
        'role_arn = arn:aws:iam::123456789012:role/Y',
        'source_profile = good',
        '[profile empty]',
        'region = us-west-2',
        '[profile loop-a]',
        'role_arn = arn:aws:iam::123456789012:role/A',
        'source_profile = loop-b',
        '[profile loop-b]',
        'role_arn = arn:aws:iam::123456789012:role/B',
        'source_profile = loop-a',
        '[profile nosession]',
        'sso_session = gone',
        'sso_account_id = 123456789012',
        'sso_role_name = Dev',
        '[profile onempty]',
        'role_arn = arn:aws:iam::123456789012:role/Z',
        'source_profile = empty',
      ].join('\n'),
    );
    const profiles = await listAwsProfiles({ HOME: home });
    assert.equal(byName(profiles, 'orphan').problem, 'source_profile "missing" does not exist');
    assert.equal(byName(profiles, 'chained').problem, undefined);
    assert.equal(byName(profiles, 'empty').kind, 'incomplete');
    assert.equal(byName(profiles, 'empty').problem, 'no credentials in this profile');
    assert.equal(byName(profiles, 'halfkey').problem, 'aws_secret_access_key is missing');
    assert.match(byName(profiles, 'loop-a').problem ?? '', /loops back to "loop-a"/);
    assert.equal(byName(profiles, 'nosession').problem, 'sso-session "gone" does not exist');
    assert.equal(byName(profiles, 'onempty').problem, 'source_profile "empty" has no credentials');
    assert.equal(byName(profiles, 'good').problem, undefined);
  });

  it('honours AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE over ~/.aws', async () => {
    write('credentials', `[home-only]\naws_access_key_id = AKIAEXAMPLEHOME00001\naws_secret_access_key = ${SECRET}\n`);
    write('config', '[profile home-config]\nregion = us-east-1\n');
    const elsewhere = mkdtempSync(join(tmpdir(), 'dff-aws-elsewhere-'));
    try {
      writeFileSync(join(elsewhere, 'creds'), `[moved]\naws_access_key_id = AKIAEXAMPLEMOVED0001\naws_secret_access_key = ${SECRET}\n`);
      writeFileSync(join(elsewhere, 'conf'), '[profile moved]\nregion = ap-south-1\n');
      const profiles = await listAwsProfiles({ HOME: home, AWS_CONFIG_FILE: join(elsewhere, 'conf'), AWS_SHARED_CREDENTIALS_FILE: join(elsewhere, 'creds') });
      assert.deepEqual(profiles, [{ name: 'moved', kind: 'static', region: 'ap-south-1' }]);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('reads endpoint_url of the profile and per-service endpoints of its services section as the SDK does', async () => {
    write(
      'config',
      [
        '[profile local]',
        'aws_access_key_id = AKIAEXAMPLELOCAL0001',
        `aws_secret_access_key = ${SECRET}`,
        'endpoint_url = http://127.0.0.1:4566',
        '[profile split]',
        'aws_access_key_id = AKIAEXAMPLESPLIT0001',
        `aws_secret_access_key = ${SECRET}`,
        'services = split-services',
        'endpoint_url = http://127.0.0.1:9000',
        '[services split-services]',
        'lambda =',
        '  endpoint_url = http://127.0.0.1:9001',
        's3 =',
        '  endpoint_url = http://127.0.0.1:9002',
        '[profile broken-services]',
        'credential_process = /bin/true',
        'services = nowhere',
      ].join('\n'),
    );
    const profiles = await listAwsProfiles({ HOME: home });
    const local = byName(profiles, 'local');
    assert.equal(local.endpointUrl, 'http://127.0.0.1:4566');
    assert.equal(profileEndpoint(local, 's3'), 'http://127.0.0.1:4566');
    const split = byName(profiles, 'split');
    assert.equal(split.endpointUrl, 'http://127.0.0.1:9001');
    assert.equal(profileEndpoint(split, 'lambda'), 'http://127.0.0.1:9001');
    assert.equal(profileEndpoint(split, 's3'), 'http://127.0.0.1:9002');
    assert.equal(profileEndpoint(split, 'sts'), 'http://127.0.0.1:9000', 'a service the section does not name takes the profile endpoint');
    assert.equal(byName(profiles, 'broken-services').problem, 'services section "nowhere" does not exist');

    // The environment wins over the files, service-specific first, as in the SDK.
    const withEnv = await listAwsProfiles({ HOME: home, AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:7002', AWS_ENDPOINT_URL: 'http://127.0.0.1:7000' });
    assert.equal(profileEndpoint(byName(withEnv, 'split'), 's3'), 'http://127.0.0.1:7002');
    assert.equal(profileEndpoint(byName(withEnv, 'split'), 'lambda'), 'http://127.0.0.1:7000');
    assert.equal(profileEndpoint(byName(withEnv, 'local'), 'sts'), 'http://127.0.0.1:7000');
    const ignoring = await listAwsProfiles({ HOME: home, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' });
    assert.equal(profileEndpoint(byName(ignoring, 'split'), 's3'), undefined);
    assert.equal(byName(ignoring, 'local').endpointUrl, undefined);
  });

  it('adds the environment pseudo-profile only when both AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are set', async () => {
    const withBoth = await listAwsProfiles({ HOME: home, AWS_ACCESS_KEY_ID: 'AKIAEXAMPLEENV000001', AWS_SECRET_ACCESS_KEY: SECRET, AWS_REGION: 'sa-east-1' });
    assert.deepEqual(withBoth, [{ name: ENVIRONMENT_AWS_PROFILE, kind: 'environment', region: 'sa-east-1' }]);
    const local = await listAwsProfiles({ HOME: home, AWS_ACCESS_KEY_ID: 'AKIAEXAMPLEENV000001', AWS_SECRET_ACCESS_KEY: SECRET, AWS_ENDPOINT_URL_LAMBDA: 'http://127.0.0.1:4566' });
    assert.equal(local[0].endpointUrl, 'http://127.0.0.1:4566');
    assert.equal(profileEndpoint(local[0], 'sts'), undefined, 'a Lambda-only endpoint does not move the other services');
    assert.ok(!JSON.stringify(withBoth).includes(SECRET));
    assert.deepEqual(await listAwsProfiles({ HOME: home, AWS_ACCESS_KEY_ID: 'AKIAEXAMPLEENV000001' }), []);
  });

  it('gives an AwsConfigError naming the file, never its content, for a garbled or unreadable file', async () => {
    const config = write('config', `[profile ok]\nregion = us-east-1\n{"aws_secret_access_key": "${SECRET}"}\n`);
    await assert.rejects(listAwsProfiles({ HOME: home }), (error: unknown) => {
      assert.ok(error instanceof AwsConfigError);
      assert.equal(error.file, config);
      assert.match(error.message, /line 3/);
      assert.ok(error.message.includes(config));
      assert.ok(!error.message.includes(SECRET));
      return true;
    });

    write('config', '[profile ok]\nregion = us-east-1\n');
    mkdirSync(join(home, 'folder'));
    await assert.rejects(listAwsProfiles({ HOME: home, AWS_SHARED_CREDENTIALS_FILE: join(home, 'folder') }), (error: unknown) => {
      assert.ok(error instanceof AwsConfigError);
      assert.match(error.message, /Cannot read the AWS file .*folder: it is a folder/);
      return true;
    });

    if (process.getuid?.() !== 0) {
      const credentials = write('credentials', '[x]\naws_access_key_id = A\n');
      chmodSync(credentials, 0o000);
      await assert.rejects(listAwsProfiles({ HOME: home }), /permission denied/);
      chmodSync(credentials, 0o600);
    }
  });

  it('treats missing files as no profiles', async () => {
    assert.deepEqual(await listAwsProfiles({ HOME: home }), []);
  });

  describe('defaultAwsProfileName', () => {
    const profiles: AwsProfileSummary[] = [
      { name: 'default', kind: 'static' },
      { name: 'dev', kind: 'sso' },
      { name: 'prod', kind: 'role' },
      { name: ENVIRONMENT_AWS_PROFILE, kind: 'environment' },
    ];
    const envCreds = { AWS_ACCESS_KEY_ID: 'AKIAEXAMPLEENV000001', AWS_SECRET_ACCESS_KEY: SECRET };

    it('prefers the remembered profile while it exists', () => {
      assert.equal(defaultAwsProfileName({ remembered: 'prod', toolkitProfile: 'profile:dev', env: { AWS_PROFILE: 'dev' }, profiles }), 'prod');
      assert.equal(defaultAwsProfileName({ remembered: 'gone', toolkitProfile: 'profile:dev', env: {}, profiles }), 'dev');
    });

    it("then the AWS Toolkit's aws.profile when it names an existing profile, ignoring other credential kinds", () => {
      assert.equal(defaultAwsProfileName({ toolkitProfile: 'profile:prod', env: { AWS_PROFILE: 'dev' }, profiles }), 'prod');
      assert.equal(defaultAwsProfileName({ toolkitProfile: 'sso:arn:aws:sso:::x', env: { AWS_PROFILE: 'dev' }, profiles }), 'dev');
      assert.equal(defaultAwsProfileName({ toolkitProfile: 'profile:gone', env: { AWS_PROFILE: 'dev' }, profiles }), 'dev');
      assert.equal(defaultAwsProfileName({ toolkitProfile: 'prod', env: {}, profiles }), 'default', 'a bare name is not the profile: kind');
    });

    it("then AWS_PROFILE, then 'default', then the environment's credentials", () => {
      assert.equal(defaultAwsProfileName({ env: { AWS_PROFILE: 'prod' }, profiles }), 'prod');
      assert.equal(defaultAwsProfileName({ env: { AWS_PROFILE: 'gone' }, profiles }), 'default');
      const withoutDefault = profiles.filter((profile) => profile.name !== 'default');
      assert.equal(defaultAwsProfileName({ env: envCreds, profiles: withoutDefault }), ENVIRONMENT_AWS_PROFILE);
      assert.equal(defaultAwsProfileName({ env: {}, profiles: withoutDefault }), undefined);
      assert.equal(defaultAwsProfileName({ env: envCreds, profiles: [] }), undefined);
    });
  });
});
