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
// code-server in a browser saves edits by itself after a second; here that would rewrite samples/
// in the repository behind the user's back, so edits stay unsaved until the user saves them.
const devSettings = { 'files.autoSave': 'off' };

class StopRequested extends Error {}
const stopRequested = new Promise((resolve) => {
  let signals = 0;
  const onSignal = () => {
    signals += 1;
    if (signals === 1) return resolve();
    // A second Ctrl+C while stopping: leave now; the 'exit' handlers still end code-server and the stand-in.
    process.exit(130);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
});
/** Waits for a step, unless Ctrl+C comes first. */
function unlessStopped(promise) {
  return Promise.race([promise, stopRequested.then(() => { throw new StopRequested(); })]);
}

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

const catalog = catalogForTheView();
process.on('exit', () => catalog.stop());
let starting;
let server;
let exitCode = 1;
try {
  const catalogEnv = await unlessStopped(catalog.ready);

  codeServer.seedUserSettings(profile.userDataDir, devSettings);
  console.log(`Installing ${path.relative(repoRoot, vsix)} into ${path.relative(repoRoot, profileDir)}/`);
  await unlessStopped(codeServer.installExtension({ vsix, ...profile }));

  const logFile = path.join(profileDir, 'code-server.log');
  const port = process.env.DFF_PORT ? Number(process.env.DFF_PORT) : undefined;
  starting = codeServer.startCodeServer({ ...profile, logFile, port, env: catalogEnv.env });
  server = await unlessStopped(starting);
  const url = codeServer.workbenchUrl(server, samples);

  console.log(`
VS Code with DataFlow Functions is running. Open:

  ${url}

The folder open there is samples/ of this repository: auto save is off, and saving a file (also
after a quick fix) changes the real file in samples/. \`git checkout samples/\` undoes such changes.
code-server's log: ${path.relative(repoRoot, logFile)}
${catalogEnv.note}
Press Ctrl+C to stop.`);

  const outcome = await Promise.race([
    server.exited.then((code) => ({ exited: code })),
    stopRequested.then(() => ({ stopped: true })),
  ]);
  if (outcome.stopped) {
    exitCode = 0;
  } else {
    console.error(`code-server stopped on its own (${outcome.exited}); see ${logFile}`);
  }
} catch (error) {
  if (error instanceof StopRequested) exitCode = 0;
  else console.error(error instanceof Error ? error.message : String(error));
} finally {
  console.log('\nStopping...');
  // Ctrl+C while code-server was starting: stop it once it is up (a failed start left nothing running).
  server ??= await starting?.catch(() => undefined);
  await server?.stop();
  catalog.stop();
}
process.exit(exitCode);

/**
 * The user's own CDP profiles when they have some; otherwise the local catalog stand-in with sample
 * flows, started at once so that `stop()` can end it whatever happens next.
 */
function catalogForTheView() {
  const userFile = process.env.CDP_SHARED_CREDENTIALS_FILE || path.join(os.homedir(), '.cdp', 'credentials');
  const hasOwn = fs.existsSync(userFile) || Boolean(process.env.CDP_ACCESS_KEY_ID);
  if (hasOwn && !process.argv.includes('--fake-catalog')) {
    return { ready: Promise.resolve({ env: {}, note: `The Catalog view uses your CDP profiles (${userFile}).` }), stop() {} };
  }
  // Always compiled first: an out/ left from before the last source change would run a stale stand-in.
  console.log('Compiling the local catalog stand-in (npm run compile)');
  const compile = spawnSync('npm', ['run', '--silent', 'compile'], { cwd: repoRoot, stdio: 'inherit' });
  if (compile.status !== 0) {
    return { ready: Promise.reject(new Error('Compiling the local catalog stand-in failed; see above.')), stop() {} };
  }
  const fakeMain = path.join(repoRoot, 'out', 'test', 'fakes', 'catalog', 'main.js');
  const dir = path.join(profileDir, 'fake-cdp');
  const child = spawn(process.execPath, [fakeMain, '--dir', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const ready = new Promise((resolve, reject) => {
    let output = '';
    const readFirstLine = (chunk) => {
      output += chunk;
      const end = output.indexOf('\n');
      if (end < 0) return;
      // Only the first line (its address) matters: stop collecting, but keep the pipe drained.
      child.stdout.off('data', readFirstLine);
      child.stdout.resume();
      try {
        resolve(JSON.parse(output.slice(0, end)));
      } catch {
        reject(new Error(`The local catalog stand-in printed something other than its address: ${output.slice(0, end)}`));
      }
    };
    child.stdout.on('data', readFirstLine);
    child.on('error', (error) => reject(new Error(`Could not start the local catalog stand-in: ${error.message}`)));
    child.on('exit', (code, signal) => reject(new Error(`The local catalog stand-in exited (${code ?? signal}) before it was ready.`)));
  }).then((started) => ({
    env: { CDP_SHARED_CREDENTIALS_FILE: started.credentialsFile, CDP_CONFIG_FILE: started.configFile },
    note: `${hasOwn ? 'With --fake-catalog' : 'No CDP credentials of your own were found'}: the Catalog view talks to a local stand-in of the catalog at ${started.url}\n(profile "${started.profile}", sample flows; pushes land there). ${hasOwn ? '' : 'Use --fake-catalog to choose it even when you have credentials.'}`,
  }));
  return {
    ready,
    stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill();
    },
  };
}
