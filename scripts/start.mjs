// `npm start`: a real VS Code in the browser with this extension and the samples/ folder open.
// `npm start` packages the extension first (npm run package); this script installs the .vsix into
// a persistent dev profile (.vscode-test/dev-profile/), starts code-server on 127.0.0.1 and prints
// the URL. It runs until Ctrl+C. Env: DFF_PORT picks the port (default: a free one).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import codeServer from './lib/codeServer.cjs';

const { repoRoot, hostDir } = codeServer;
const vsix = path.join(repoRoot, 'dist', 'dataflow-functions.vsix');
const profileDir = path.join(hostDir, 'dev-profile');
const profile = { userDataDir: path.join(profileDir, 'user-data'), extensionsDir: path.join(profileDir, 'extensions') };
const samples = path.join(repoRoot, 'samples');

if (codeServer.missingHostParts()) {
  console.log('The VS Code host (code-server, Node 24, Chromium) is not installed yet; installing it (a few minutes, once).');
  const install = spawnSync('bash', [path.join(repoRoot, 'scripts', 'install-test-host.sh')], { stdio: 'inherit' });
  if (install.status !== 0) {
    console.error('Installing the host failed; see the output above. Retry with: bash scripts/install-test-host.sh');
    process.exit(1);
  }
}
if (!fs.existsSync(vsix)) {
  console.error(`Missing ${path.relative(repoRoot, vsix)}: run \`npm start\` (it packages the extension first) or \`npm run package\`.`);
  process.exit(1);
}

codeServer.seedUserSettings(profile.userDataDir);
console.log(`Installing ${path.relative(repoRoot, vsix)} into ${path.relative(repoRoot, profileDir)}/`);
await codeServer.installExtension({ vsix, ...profile });

const logFile = path.join(profileDir, 'code-server.log');
const port = process.env.DFF_PORT ? Number(process.env.DFF_PORT) : undefined;
const server = await codeServer.startCodeServer({ ...profile, logFile, port });
const url = codeServer.workbenchUrl(server, samples);

console.log(`
VS Code with DataFlow Functions is running. Open:

  ${url}

Files you edit there are the real files in samples/. code-server's log: ${path.relative(repoRoot, logFile)}
Press Ctrl+C to stop.`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping code-server...');
  await server.stop();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
const exitCode = await server.exited;
if (!stopping) {
  console.error(`code-server stopped on its own (${exitCode}); see ${logFile}`);
  process.exit(1);
}
