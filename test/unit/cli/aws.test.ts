import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runDff } from '../../../src/cli/main';
import { startAwsCli, type AwsCliFixture } from './awsHarness';
import { REPO_ROOT } from './fakeIo';

describe('dff aws', () => {
  let aws: AwsCliFixture;

  beforeEach(async () => {
    aws = await startAwsCli(REPO_ROOT);
  });
  afterEach(() => aws.harness.close());

  it('whoami prints the profile, region, account and ARN of the stand-in', async () => {
    const io = aws.io();
    assert.equal(await runDff(['aws', 'whoami'], io), 0, io.err);
    const { fake } = aws.harness;
    assert.match(io.out, /^Profile  dev\n/);
    assert.match(io.out, new RegExp(`^Region   ${fake.region}$`, 'm'));
    assert.match(io.out, new RegExp(`^Account  ${fake.account}$`, 'm'));
    assert.match(io.out, new RegExp(`^ARN      arn:aws:iam::${fake.account}:user/`, 'm'));
    assert.match(io.out, new RegExp(`^Endpoint ${fake.url.replace(/[.]/g, '\\.')}`, 'm'));
  });

  it('whoami --json, with --region overriding the profile\'s region', async () => {
    const io = aws.io();
    assert.equal(await runDff(['aws', 'whoami', '--json', '--region', 'eu-west-1'], io), 0, io.err);
    const shown = JSON.parse(io.out) as Record<string, string>;
    assert.deepEqual(Object.keys(shown), ['profile', 'region', 'account', 'arn', 'endpointUrl']);
    assert.equal(shown.region, 'eu-west-1');
    assert.equal(shown.account, aws.harness.fake.account);
  });

  it('reads the profile named by --profile from the files in its env, not the process environment', async () => {
    const io = aws.io();
    io.env = { ...aws.env, AWS_PROFILE: undefined };
    assert.equal(await runDff(['aws', 'whoami', '--profile', 'dev'], io), 0, io.err);
    assert.match(io.out, /^Profile  dev\n/);
  });

  it('exits 2 naming the profiles when --profile names none of them', async () => {
    const io = aws.io();
    assert.equal(await runDff(['aws', 'whoami', '--profile', 'prod'], io), 2);
    assert.equal(io.err, 'dff aws whoami: No AWS profile named "prod". Profiles: dev.\n');
  });

  it('exits 2 with one line, no stack and no secret when the credentials have expired', async () => {
    aws.harness.fake.expireCredentials(aws.harness.credentials.accessKeyId);
    const io = aws.io();
    assert.equal(await runDff(['aws', 'whoami'], io), 2);
    assert.equal(io.out, '');
    assert.equal(io.err.split('\n').length, 2, io.err);
    assert.match(io.err, /^dff aws whoami: The AWS credentials of profile dev have expired/);
    assert.ok(!io.err.includes(aws.harness.credentials.secretAccessKey));
    assert.ok(!io.err.includes(aws.harness.credentials.accessKeyId));
  });

  it('exits 1 naming the denied action when AWS refuses the call', async () => {
    aws.harness.fake.inject({ service: 'sts', operation: 'GetCallerIdentity', kind: 'accessDenied' });
    const io = aws.io();
    assert.equal(await runDff(['aws', 'whoami'], io), 1);
    assert.match(io.err, /^dff aws whoami: .*sts:GetCallerIdentity.*\n$/);
  });

  it('succeeds when a throttled call is retried by the SDK', async () => {
    const { fake } = aws.harness;
    fake.inject({ service: 'sts', operation: 'GetCallerIdentity', kind: 'throttle' });
    const io = aws.io();
    assert.equal(await runDff(['aws', 'whoami'], io), 0, io.err);
    assert.deepEqual(fake.calls.filter((call) => call.operation === 'GetCallerIdentity').map((call) => call.status), [400, 200]);
  });

  it('exits 2 on an unknown subcommand and on arguments it does not take', async () => {
    let io = aws.io();
    assert.equal(await runDff(['aws', 'whoareyou'], io), 2);
    assert.match(io.err, /unknown command "whoareyou"; use whoami/);
    io = aws.io();
    assert.equal(await runDff(['aws', 'whoami', '--profile'], io), 2);
    assert.match(io.err, /Run "dff aws --help" for usage/);
  });

  it('shows its help with the exit codes', async () => {
    const io = aws.io();
    assert.equal(await runDff(['aws', '--help'], io), 0);
    assert.match(io.out, /whoami/);
    assert.match(io.out, /Exit codes: 0 done; 1 .*; 2 could not run/s);
  });
});

describe('dff aws with an expired SSO session', () => {
  // In its own process: the SDK's SSO provider reads the config file named by the process
  // environment (fromIni does not pass its file paths on to fromSSO), as it is when users run dff.
  it('exits 2 and says which aws sso login to run', function () {
    this.timeout(30000);
    const home = mkdtempSync(path.join(tmpdir(), 'dff-cli-sso-'));
    try {
      const configFile = path.join(home, '.aws', 'config');
      mkdirSync(path.join(home, '.aws', 'sso', 'cache'), { recursive: true });
      writeFileSync(configFile, [
        '[profile work]', 'sso_session = corp', 'sso_account_id = 123456789012', 'sso_role_name = Developer', 'region = eu-west-1',
        '[sso-session corp]', 'sso_start_url = https://corp.awsapps.com/start', 'sso_region = eu-west-1', '',
      ].join('\n'));
      // The token `aws sso login` cached, expired an hour ago.
      const cacheFile = path.join(home, '.aws', 'sso', 'cache', `${createHash('sha1').update('corp').digest('hex')}.json`);
      writeFileSync(cacheFile, JSON.stringify({ accessToken: 'expired-token', expiresAt: new Date(Date.now() - 3_600_000).toISOString(), region: 'eu-west-1', startUrl: 'https://corp.awsapps.com/start' }));
      const main = path.join(__dirname, '..', '..', '..', 'src', 'cli', 'main.js');
      const script = `
        const { runDff } = require(${JSON.stringify(main)});
        let err = '';
        const io = { stdout() {}, stderr(text) { err += text; }, env: process.env, cwd: process.cwd() };
        runDff(['aws', 'whoami', '--profile', 'work'], io).then((code) => process.stdout.write(JSON.stringify({ code, err })));`;
      const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: home, AWS_CONFIG_FILE: configFile, AWS_SHARED_CREDENTIALS_FILE: path.join(home, '.aws', 'credentials'), AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
      const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env, cwd: home });
      assert.equal(run.status, 0, run.stderr);
      assert.deepEqual(JSON.parse(run.stdout), { code: 2, err: 'dff aws whoami: The SSO session of profile work has expired: run `aws sso login --profile work`.\n' });
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});

describe('dff validate and the AWS SDK', () => {
  it('does not load any @aws-sdk module', function () {
    this.timeout(30000);
    const main = path.join(__dirname, '..', '..', '..', 'src', 'cli', 'main.js');
    const flow = path.join(REPO_ROOT, 'test', 'fixtures', 'cli', 'clean.flow.json');
    const script = `
      const { runDff } = require(${JSON.stringify(main)});
      const io = { stdout() {}, stderr() {}, env: {}, cwd: ${JSON.stringify(REPO_ROOT)} };
      runDff(['validate', ${JSON.stringify(flow)}], io).then((code) => {
        const aws = Object.keys(require.cache).filter((file) => file.includes('@aws-sdk') || file.includes('@smithy'));
        process.stdout.write(JSON.stringify({ code, aws }));
      });`;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), { code: 0, aws: [] });
  });
});
