// `npm start`: a real VS Code in the browser with this extension and the samples/ folder open.
// `npm start` packages the extension first (npm run package); this script installs the .vsix into
// a persistent dev profile (.vscode-test/dev-profile/), starts code-server on 127.0.0.1 and prints
// the URL. It runs until Ctrl+C. Env: DFF_PORT picks the port (default: a free one).
// Without CDP credentials of your own (~/.cdp/credentials or CDP_* variables), or with
// --fake-catalog, the Catalog view talks to the local stand-in of the catalog (test/fakes/catalog).
// Without AWS profiles of your own (~/.aws/config or credentials, AWS_* variables), or with --sandbox,
// the Functions view and deploys talk to the local AWS stand-in (test/fakes/aws); --sandbox also picks
// the catalog stand-in, so a sample flow can be pushed and deployed end to end without any account.
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
/** Whether `npm run compile` (for the stand-ins) succeeded; undefined until it has run. */
let compiled;

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
const aws = awsForTheView();
process.on('exit', () => {
  catalog.stop();
  aws.stop();
});
let starting;
let server;
let exitCode = 1;
try {
  const catalogEnv = await unlessStopped(catalog.ready);
  const awsEnv = await unlessStopped(aws.ready);

  codeServer.seedUserSettings(profile.userDataDir, devSettings);
  console.log(`Installing ${path.relative(repoRoot, vsix)} into ${path.relative(repoRoot, profileDir)}/`);
  await unlessStopped(codeServer.installExtension({ vsix, ...profile }));

  const logFile = path.join(profileDir, 'code-server.log');
  const port = process.env.DFF_PORT ? Number(process.env.DFF_PORT) : undefined;
  starting = codeServer.startCodeServer({ ...profile, logFile, port, env: { ...catalogEnv.env, ...awsEnv.env } });
  server = await unlessStopped(starting);
  const url = codeServer.workbenchUrl(server, samples);

  console.log(`
VS Code with DataFlow Functions is running. Open:

  ${url}

The folder open there is samples/ of this repository: auto save is off, and saving a file (also
after a quick fix) changes the real file in samples/. \`git checkout samples/\` undoes such changes.
code-server's log: ${path.relative(repoRoot, logFile)}
${catalogEnv.note}
${awsEnv.note}
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
  aws.stop();
}
process.exit(exitCode);

/** Compiles the stand-ins once (an out/ left from before the last source change would run stale code). */
function compileStandIns() {
  if (compiled === undefined) {
    console.log('Compiling the local stand-ins (npm run compile)');
    compiled = spawnSync('npm', ['run', '--silent', 'compile'], { cwd: repoRoot, stdio: 'inherit' }).status === 0;
  }
  return compiled;
}

/**
 * The user's own CDP profiles when they have some; otherwise the local catalog stand-in with sample
 * flows, started at once so that `stop()` can end it whatever happens next.
 */
function catalogForTheView() {
  const userFile = process.env.CDP_SHARED_CREDENTIALS_FILE || path.join(os.homedir(), '.cdp', 'credentials');
  const hasOwn = fs.existsSync(userFile) || Boolean(process.env.CDP_ACCESS_KEY_ID);
  const chosen = process.argv.includes('--fake-catalog') || process.argv.includes('--sandbox');
  if (hasOwn && !chosen) {
    return { ready: Promise.resolve({ env: {}, note: `The Catalog view uses your CDP profiles (${userFile}).` }), stop() {} };
  }
  const standIn = startStandIn('catalog', path.join(profileDir, 'fake-cdp'));
  return {
    ready: standIn.ready.then((started) => ({
      env: { CDP_SHARED_CREDENTIALS_FILE: started.credentialsFile, CDP_CONFIG_FILE: started.configFile },
      note: `${hasOwn ? 'With --fake-catalog' : 'No CDP credentials of your own were found'}: the Catalog view talks to a local stand-in of the catalog at ${started.url}\n(profile "${started.profile}", sample flows; pushes land there). ${hasOwn ? '' : 'Use --fake-catalog to choose it even when you have credentials.'}`,
    })),
    stop: standIn.stop,
  };
}

/**
 * The user's own AWS profiles when they have some; otherwise (or with --sandbox) the local AWS stand-in
 * with two deployed sample functions, reached through a profile named "sandbox".
 */
function awsForTheView() {
  const configFile = process.env.AWS_CONFIG_FILE || path.join(os.homedir(), '.aws', 'config');
  const credentialsFile = process.env.AWS_SHARED_CREDENTIALS_FILE || path.join(os.homedir(), '.aws', 'credentials');
  const hasOwn = fs.existsSync(configFile) || fs.existsSync(credentialsFile) || Boolean(process.env.AWS_ACCESS_KEY_ID);
  if (hasOwn && !process.argv.includes('--sandbox')) {
    return { ready: Promise.resolve({ env: {}, note: `The Functions view uses your AWS profiles (${configFile}).` }), stop() {} };
  }
  const standIn = startStandIn('aws', path.join(profileDir, 'fake-aws'));
  return {
    ready: standIn.ready.then((started) => ({
      // AWS_PROFILE makes the sandbox the profile in use; no other profile is there to pick.
      env: { AWS_CONFIG_FILE: started.configFile, AWS_SHARED_CREDENTIALS_FILE: started.credentialsFile, AWS_PROFILE: started.profile },
      note: `${hasOwn ? 'With --sandbox' : 'No AWS profiles of your own were found'}: the Functions view and deploys talk to a local AWS stand-in at ${started.url}\n(profile "${started.profile}", account ${started.account}, two sample functions). ${hasOwn ? '' : 'Use --sandbox to choose it even when you have profiles.'}`,
    })),
    stop: standIn.stop,
  };
}

/** Starts test/fakes/<name>/main.js; `ready` resolves with the JSON line it prints once it listens. */
function startStandIn(name, dir) {
  if (!compileStandIns()) {
    return { ready: Promise.reject(new Error(`Compiling the local ${name} stand-in failed; see above.`)), stop() {} };
  }
  const main = path.join(repoRoot, 'out', 'test', 'fakes', name, 'main.js');
  const child = spawn(process.execPath, [main, '--dir', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
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
        reject(new Error(`The local ${name} stand-in printed something other than its address: ${output.slice(0, end)}`));
      }
    };
    child.stdout.on('data', readFirstLine);
    child.on('error', (error) => reject(new Error(`Could not start the local ${name} stand-in: ${error.message}`)));
    child.on('exit', (code, signal) => reject(new Error(`The local ${name} stand-in exited (${code ?? signal}) before it was ready.`)));
  });
  return {
    ready,
    stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill();
    },
  };
}
