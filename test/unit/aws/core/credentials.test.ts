import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { credentialProvider } from '../../../../src/core/aws/credentials';
import { describeAwsError } from '../../../../src/core/aws/errors';
import { ENVIRONMENT_AWS_PROFILE, listAwsProfiles } from '../../../../src/core/aws/profiles';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYPROCESSKEY';

describe('AWS credential providers', () => {
  let home: string;
  let counter: string;

  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'dff-aws-creds-'));
    mkdirSync(join(home, '.aws'));
    counter = join(home, 'calls');
    // A credential_process the SDK really runs: it counts its runs and prints version-1 credentials.
    writeFileSync(
      join(home, 'creds.js'),
      `const fs = require('fs');\n` +
        `const n = (fs.existsSync(${JSON.stringify(counter)}) ? Number(fs.readFileSync(${JSON.stringify(counter)}, 'utf8')) : 0) + 1;\n` +
        `fs.writeFileSync(${JSON.stringify(counter)}, String(n));\n` +
        `process.stdout.write(JSON.stringify({ Version: 1, AccessKeyId: 'AKIAPROCESS' + n, SecretAccessKey: ${JSON.stringify(SECRET)}, Expiration: new Date(Date.now() + 3600e3).toISOString() }));\n`,
    );
    writeFileSync(
      join(home, '.aws', 'config'),
      `[profile tool]\ncredential_process = ${process.execPath} ${join(home, 'creds.js')}\nregion = eu-west-1\n` +
        `[profile needs-mfa]\nrole_arn = arn:aws:iam::123456789012:role/Admin\nsource_profile = tool\nmfa_serial = arn:aws:iam::123456789012:mfa/alice\n` +
        `[profile empty]\nregion = us-east-1\n`,
    );
  });
  afterEach(() => rmSync(home, { recursive: true, force: true }));

  it('resolves a credential_process profile through fromIni, once for every caller until the credentials near expiry', async () => {
    const env = { HOME: home };
    const [tool] = (await listAwsProfiles(env)).filter((profile) => profile.name === 'tool');
    assert.equal(tool.kind, 'process');
    const provider = credentialProvider(tool, { env });
    const [first, second] = await Promise.all([provider(), provider()]);
    assert.equal(first.accessKeyId, 'AKIAPROCESS1');
    assert.equal(first.secretAccessKey, SECRET);
    assert.equal(second.accessKeyId, 'AKIAPROCESS1');
    assert.equal((await provider()).accessKeyId, 'AKIAPROCESS1', 'the same credentials are shared, not fetched per call');
  });

  it('reads the files named by AWS_CONFIG_FILE, not ~/.aws', async () => {
    const other = join(home, 'other-config');
    writeFileSync(other, `[profile elsewhere]\ncredential_process = ${process.execPath} ${join(home, 'creds.js')}\n`);
    const env = { HOME: home, AWS_CONFIG_FILE: other };
    const profiles = await listAwsProfiles(env);
    assert.deepEqual(profiles.map((profile) => profile.name), ['elsewhere']);
    assert.equal((await credentialProvider(profiles[0], { env })()).accessKeyId, 'AKIAPROCESS1');
  });

  it('asks for an MFA code through the callback and fails with a clear noCredentials problem without one', async () => {
    const env = { HOME: home };
    const needsMfa = (await listAwsProfiles(env)).find((profile) => profile.name === 'needs-mfa');
    assert.ok(needsMfa);
    const error = await credentialProvider(needsMfa, { env })().then(
      () => assert.fail('resolved without an MFA code'),
      (failure: unknown) => failure,
    );
    const problem = describeAwsError(error, { profile: 'needs-mfa' });
    assert.equal(problem.kind, 'noCredentials');
    assert.match(problem.message, /needs an MFA code/);

    const asked: string[] = [];
    // The role assumption itself then goes to STS, which is unreachable here: only the prompt matters.
    const withCode = credentialProvider(needsMfa, {
      env,
      endpointUrl: 'http://127.0.0.1:9',
      region: 'us-east-1',
      mfaCodeProvider: async (serial) => {
        asked.push(serial);
        return '123456';
      },
    });
    await withCode().catch(() => undefined);
    assert.deepEqual(asked, ['arn:aws:iam::123456789012:mfa/alice']);
  });

  it('fails for a profile without credentials with the SDK reason, and reads the environment for the pseudo-profile', async () => {
    const env = { HOME: home };
    const empty = (await listAwsProfiles(env)).find((profile) => profile.name === 'empty');
    assert.ok(empty);
    const failure = await credentialProvider(empty, { env })().catch((error: unknown) => error);
    assert.equal(describeAwsError(failure, { profile: 'empty' }).kind, 'noCredentials');

    const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
    process.env.AWS_ACCESS_KEY_ID = 'AKIAEXAMPLEENV000001';
    process.env.AWS_SECRET_ACCESS_KEY = SECRET;
    try {
      const fromEnvironment = await credentialProvider({ name: ENVIRONMENT_AWS_PROFILE, kind: 'environment' })();
      assert.equal(fromEnvironment.accessKeyId, 'AKIAEXAMPLEENV000001');
    } finally {
      restore('AWS_ACCESS_KEY_ID', saved.id);
      restore('AWS_SECRET_ACCESS_KEY', saved.secret);
    }
  });

  it('reads an SSO profile from the files named in the env given, not process.env, and asks for a login when it has no token', async () => {
    writeFileSync(
      join(home, '.aws', 'config'),
      `[profile work]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = Dev\nregion = eu-west-1\n` +
        `[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-west-1\n`,
    );
    const env = { HOME: home };
    const work = (await listAwsProfiles(env)).find((profile) => profile.name === 'work');
    assert.equal(work?.kind, 'sso');
    const failure = await credentialProvider(work, { env })().catch((error: unknown) => error);
    const problem = describeAwsError(failure, { profile: 'work' });
    assert.equal(problem.kind, 'ssoExpired', problem.message);
    assert.equal(problem.loginCommand, 'aws sso login --profile work');
  });
});

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
