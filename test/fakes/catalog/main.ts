// Starts the fake catalog for manual and UI testing:
//   node out/test/fakes/catalog/main.js [--port 0] [--dir <folder for credentials and config>] [--profile default]
// Prints one JSON line {url, port, credentialsFile, configFile, profile} once it listens.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SAMPLE_FLOWS } from './sampleFlows';
import { startFakeCatalog } from './server';
import { generateEd25519AccessKey, writeCdpFiles } from './testKeys';

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

async function main(args: string[]): Promise<void> {
  const port = Number(option(args, '--port') ?? '0');
  const dir = option(args, '--dir') ?? mkdtempSync(join(tmpdir(), 'dff-fake-cdp-'));
  const profile = option(args, '--profile') ?? 'default';
  const catalog = await startFakeCatalog({ port });
  const key = generateEd25519AccessKey();
  catalog.addKey(key.accessKeyId, key.publicKey);
  for (const sample of SAMPLE_FLOWS) catalog.seedFlow(sample.name, sample.versions);
  const files = writeCdpFiles(dir, profile, key, catalog.url);
  process.stdout.write(`${JSON.stringify({ url: catalog.url, port: catalog.port, profile, credentialsFile: files.credentialsFile, configFile: files.configFile })}\n`);
  const stop = (): void => {
    void catalog.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`Fake catalog failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
