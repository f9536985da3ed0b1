// `npm start`: a real VS Code in the browser with this extension and the samples/ folder open.
// `npm start` packages the extension first (npm run package); this script installs the .vsix into
// a persistent dev profile (.vscode-test/dev-profile/), starts code-server on 127.0.0.1 and prints
// the URL. It runs until Ctrl+C. Env: DFF_PORT picks the port (default: a free one).
// Without CDP credentials of your own (~/.cdp/credentials or CDP_* variables), or with
// --fake-catalog, the Catalog view talks to the local stand-in of the catalog (test/fakes/catalog).
import { spawn, spawnSync } from 'node:child_process';
import * as os from 'node:os';
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

const catalogEnv = await startFakeCatalogUnlessUserHasCredentials();

codeServer.seedUserSettings(profile.userDataDir);
console.log(`Installing ${path.relative(repoRoot, vsix)} into ${path.relative(repoRoot, profileDir)}/`);
await codeServer.installExtension({ vsix, ...profile });

const logFile = path.join(profileDir, 'code-server.log');
const port = process.env.DFF_PORT ? Number(process.env.DFF_PORT) : undefined;
const server = await codeServer.startCodeServer({ ...profile, logFile, port, env: catalogEnv.env });
const url = codeServer.workbenchUrl(server, samples);

console.log(`
VS Code with DataFlow Functions is running. Open:

  ${url}

Files you edit there are the real files in samples/. code-server's log: ${path.relative(repoRoot, logFile)}
${catalogEnv.note}
Press Ctrl+C to stop.`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping code-server...');
  await server.stop();
  catalogEnv.stop();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
const exitCode = await server.exited;
if (!stopping) {
  console.error(`code-server stopped on its own (${exitCode}); see ${logFile}`);
  process.exit(1);
}

/** The user's own CDP profiles when they have some; otherwise the local catalog stand-in with sample flows. */
async function startFakeCatalogUnlessUserHasCredentials() {
  const userFile = process.env.CDP_SHARED_CREDENTIALS_FILE || path.join(os.homedir(), '.cdp', 'credentials');
  const hasOwn = fs.existsSync(userFile) || Boolean(process.env.CDP_ACCESS_KEY_ID);
  if (hasOwn && !process.argv.includes('--fake-catalog')) {
    return { env: {}, note: `The Catalog view uses your CDP profiles (${userFile}).`, stop() {} };
  }
  const fakeMain = path.join(repoRoot, 'out', 'test', 'fakes', 'catalog', 'main.js');
  if (!fs.existsSync(fakeMain)) {
    const compile = spawnSync('npm', ['run', '--silent', 'compile'], { cwd: repoRoot, stdio: 'inherit' });
    if (compile.status !== 0) {
      console.error('Compiling the local catalog stand-in failed; see above.');
      process.exit(1);
    }
  }
  const dir = path.join(profileDir, 'fake-cdp');
  const child = spawn(process.execPath, [fakeMain, '--dir', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const started = await new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const line = output.split('\n')[0];
      if (output.includes('\n')) resolve(JSON.parse(line));
    });
    child.on('exit', (code) => reject(new Error(`the local catalog stand-in exited (${code})`)));
  });
  return {
    env: { CDP_SHARED_CREDENTIALS_FILE: started.credentialsFile, CDP_CONFIG_FILE: started.configFile },
    note: `No CDP credentials of your own were found: the Catalog view talks to a local stand-in of the catalog at ${started.url}\n(profile "${started.profile}", sample flows; pushes land there). Use --fake-catalog to choose it even when you have credentials.`,
    stop() { child.kill(); },
  };
}
