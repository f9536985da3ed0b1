import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromIni } from '@aws-sdk/credential-providers';
import { LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { startAwsHarness } from '../../../fakes/aws/harness';

interface Started {
  url: string;
  port: number;
  profile: string;
  configFile: string;
  credentialsFile: string;
  account: string;
}

function startMain(args: string[]): Promise<{ child: ChildProcess; started: Started }> {
  const child = spawn(process.execPath, [join(__dirname, '../../../fakes/aws/main.js'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const newline = out.indexOf('\n');
      if (newline >= 0) resolve({ child, started: JSON.parse(out.slice(0, newline)) as Started });
    });
    child.on('exit', (code) => reject(new Error(`main.js exited with ${code}`)));
  });
}

describe('AWS stand-in: main.js and the harness', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dff-fake-aws-main-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('starts, writes a profile with endpoint_url, seeds the samples and stops on SIGTERM', async () => {
    const { child, started } = await startMain(['--port', '0', '--dir', dir, '--profile', 'sandbox']);
    try {
      assert.match(started.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.equal(started.profile, 'sandbox');
      assert.equal(started.account, '123456789012');
      assert.equal(readFileSync(started.configFile, 'utf8'), `[profile sandbox]\nregion = us-east-1\nendpoint_url = ${started.url}\n`);
      const credentials = fromIni({ profile: 'sandbox', filepath: started.credentialsFile, configFilepath: started.configFile, ignoreCache: true });
      const lambda = new LambdaClient({ region: 'us-east-1', endpoint: started.url, credentials, maxAttempts: 1 });
      const names = (await lambda.send(new ListFunctionsCommand({}))).Functions?.map((f) => f.FunctionName);
      lambda.destroy();
      assert.deepEqual(names, ['kafka-to-s3', 'orders-api', 's3-to-sqs']);
    } finally {
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
    }
  });

  it('seeds N generated functions with --functions', async () => {
    const { child, started } = await startMain(['--dir', dir, '--functions', '3']);
    try {
      const credentials = fromIni({ profile: 'sandbox', filepath: started.credentialsFile, configFilepath: started.configFile, ignoreCache: true });
      const lambda = new LambdaClient({ region: 'us-east-1', endpoint: started.url, credentials, maxAttempts: 1 });
      assert.equal((await lambda.send(new ListFunctionsCommand({}))).Functions?.length, 3);
      lambda.destroy();
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('harness: client settings and a profile that reach the stand-in', async () => {
    const harness = await startAwsHarness({ profile: 'dev' });
    try {
      assert.equal(harness.clientConfig.endpoint, harness.fake.url);
      assert.equal(harness.clientConfig.forcePathStyle, true);
      assert.match(readFileSync(harness.credentialsFile, 'utf8'), /^\[dev\]\naws_access_key_id = AKIA[A-Z2-7]{16}\n/);
      const credentials = fromIni({ profile: 'dev', filepath: harness.credentialsFile, configFilepath: harness.configFile, ignoreCache: true });
      const lambda = new LambdaClient({ region: 'us-east-1', endpoint: harness.fake.url, credentials, maxAttempts: 1 });
      assert.deepEqual((await lambda.send(new ListFunctionsCommand({}))).Functions, []);
      lambda.destroy();
    } finally {
      await harness.close();
    }
  });
});
