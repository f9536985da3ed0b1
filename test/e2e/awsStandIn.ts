// The AWS stand-in of the UI tests: started by run.ts before code-server (whose environment gets
// AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE naming it), seeded with the sample functions, and
// reachable from the *.ui.ts files (they run in the same process) for more seeding and checks.
// Two profiles: 'default' in eu-west-1, where nothing is deployed, and 'e2e' in us-east-1 with the
// sample functions, so a test can switch between them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { newTestCredentials } from '../fakes/aws/harness';
import { seedSampleFunctions, type SampleSeed } from '../fakes/aws/seed';
import { startFakeAws, type FakeAws } from '../fakes/aws/server';

export const E2E_AWS_PROFILE = 'e2e';
export const E2E_EMPTY_REGION = 'eu-west-1';

export interface E2eAws {
  fake: FakeAws;
  seed: SampleSeed;
  configFile: string;
  credentialsFile: string;
  /** For code-server's environment. */
  env: Record<string, string>;
}

let current: E2eAws | undefined;

export async function startE2eAws(dir: string): Promise<E2eAws> {
  fs.mkdirSync(dir, { recursive: true });
  const fake = await startFakeAws({ region: 'us-east-1' });
  const credentials = newTestCredentials();
  fake.addCredentials({ ...credentials, userName: 'e2e' });
  const seed = seedSampleFunctions(fake);
  const configFile = path.join(dir, 'config');
  const credentialsFile = path.join(dir, 'credentials');
  fs.writeFileSync(
    configFile,
    `[default]\nregion = ${E2E_EMPTY_REGION}\nendpoint_url = ${fake.url}\n\n[profile ${E2E_AWS_PROFILE}]\nregion = ${fake.region}\nendpoint_url = ${fake.url}\n`,
    { mode: 0o600 },
  );
  const keys = `aws_access_key_id = ${credentials.accessKeyId}\naws_secret_access_key = ${credentials.secretAccessKey}\n`;
  fs.writeFileSync(credentialsFile, `[default]\n${keys}\n[${E2E_AWS_PROFILE}]\n${keys}`, { mode: 0o600 });
  current = { fake, seed, configFile, credentialsFile, env: { AWS_CONFIG_FILE: configFile, AWS_SHARED_CREDENTIALS_FILE: credentialsFile } };
  return current;
}

export function e2eAws(): E2eAws {
  if (!current) throw new Error('The AWS stand-in is not running: run the UI tests through out/test/e2e/run.js.');
  return current;
}
