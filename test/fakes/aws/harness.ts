// Test setup: the AWS stand-in, a credential it knows, SDK client settings that reach it, and a
// shared config/credentials file pair with a profile pointing at it.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeAws, type FakeAws, type FakeAwsOptions } from './server';

export interface TestAwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface AwsClientSettings {
  region: string;
  endpoint: string;
  credentials: TestAwsCredentials;
  forcePathStyle: true;
}

export interface AwsHarness {
  fake: FakeAws;
  credentials: TestAwsCredentials;
  clientConfig: AwsClientSettings;
  profile: string;
  dir: string;
  configFile: string;
  credentialsFile: string;
  close(): Promise<void>;
}

export interface AwsHarnessOptions extends FakeAwsOptions {
  profile?: string;
  /** Give the credential a session token (as temporary credentials have). */
  sessionToken?: boolean;
  userName?: string;
}

/** A fresh access key pair in AWS's shapes (AKIA/ASIA + 16, 40-character secret). */
export function newTestCredentials(sessionToken = false): TestAwsCredentials {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const id = [...randomBytes(16)].map((b) => alphabet[b % alphabet.length]).join('');
  return {
    accessKeyId: `${sessionToken ? 'ASIA' : 'AKIA'}${id}`,
    secretAccessKey: randomBytes(30).toString('base64'),
    ...(sessionToken ? { sessionToken: randomBytes(48).toString('base64') } : {}),
  };
}

/** Writes an AWS shared config and credentials file with one profile whose endpoint_url is the stand-in. */
export function writeAwsFiles(dir: string, profile: string, credentials: TestAwsCredentials, url: string, region: string): { configFile: string; credentialsFile: string } {
  const configFile = join(dir, 'config');
  const credentialsFile = join(dir, 'credentials');
  const section = profile === 'default' ? '[default]' : `[profile ${profile}]`;
  writeFileSync(configFile, `${section}\nregion = ${region}\nendpoint_url = ${url}\n`, { mode: 0o600 });
  writeFileSync(
    credentialsFile,
    `[${profile}]\naws_access_key_id = ${credentials.accessKeyId}\naws_secret_access_key = ${credentials.secretAccessKey}\n${credentials.sessionToken ? `aws_session_token = ${credentials.sessionToken}\n` : ''}`,
    { mode: 0o600 },
  );
  return { configFile, credentialsFile };
}

export async function startAwsHarness(options: AwsHarnessOptions = {}): Promise<AwsHarness> {
  const fake = await startFakeAws(options);
  const credentials = newTestCredentials(options.sessionToken ?? false);
  fake.addCredentials({ ...credentials, userName: options.userName });
  const profile = options.profile ?? 'test';
  const dir = mkdtempSync(join(tmpdir(), 'dff-fake-aws-'));
  const files = writeAwsFiles(dir, profile, credentials, fake.url, fake.region);
  return {
    fake,
    credentials,
    clientConfig: { region: fake.region, endpoint: fake.url, credentials, forcePathStyle: true },
    profile,
    dir,
    ...files,
    close: async () => {
      await fake.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
