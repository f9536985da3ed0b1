// Starts the AWS stand-in for the sandbox, UI tests and benchmarks:
//   node out/test/fakes/aws/main.js [--port 0] [--dir <folder>] [--profile sandbox] [--functions N] [--flow-crn <crn>]
// Writes an AWS config and credentials file in --dir with one profile (region us-east-1,
// endpoint_url = the stand-in), seeds the sample functions (or N generated ones), prints ONE JSON
// line {url, port, profile, configFile, credentialsFile, account} and runs until SIGINT/SIGTERM.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newTestCredentials, writeAwsFiles } from './harness';
import { seedGeneratedFunctions, seedSampleFunctions } from './seed';
import { startFakeAws } from './server';

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

async function main(args: string[]): Promise<void> {
  const port = Number(option(args, '--port') ?? '0');
  const dirOption = option(args, '--dir');
  const dir = dirOption ?? mkdtempSync(join(tmpdir(), 'dff-fake-aws-'));
  mkdirSync(dir, { recursive: true });
  const profile = option(args, '--profile') ?? 'sandbox';
  const functions = option(args, '--functions');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, not ${option(args, '--port')}`);
  if (functions !== undefined && !/^\d+$/.test(functions)) throw new Error(`--functions must be a whole number, not ${functions}`);
  const fake = await startFakeAws({ port, region: 'us-east-1' });
  const credentials = newTestCredentials();
  fake.addCredentials({ ...credentials, userName: 'sandbox' });
  const files = writeAwsFiles(dir, profile, credentials, fake.url, 'us-east-1');
  if (functions !== undefined) seedGeneratedFunctions(fake, Number(functions));
  else seedSampleFunctions(fake, { flowCrn: option(args, '--flow-crn') });
  process.stdout.write(`${JSON.stringify({ url: fake.url, port: fake.port, profile, configFile: files.configFile, credentialsFile: files.credentialsFile, account: fake.account })}\n`);
  const stop = (): void => {
    void fake.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`AWS stand-in failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
