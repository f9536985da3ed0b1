// UI tests: installs the packaged extension (dist/dataflow-functions.vsix, from `npm run package`)
// into a fresh code-server profile, opens a temporary copy of samples/ in headless Chromium, and
// runs the *.ui.js mocha files against that page. Screenshots go to test-results/e2e/ (key steps,
// and every failing test). Env: DFF_TEST_VERBOSE=1 prints the workbench's console; DFF_TEST_GREP
// runs only the tests whose title matches.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import type { Browser } from 'playwright-core';
import { host, repoRoot } from '../integration/host';
import type { CodeServer } from '../../scripts/lib/codeServer.cjs';
import { startE2eAws, type E2eAws } from './awsStandIn';
import { session, setSession } from './session';
import { Workbench } from './workbench';

const vsix = path.join(repoRoot, 'dist', 'dataflow-functions.vsix');
const resultsDir = path.join(repoRoot, 'test-results', 'e2e');
const verbose = process.env.DFF_TEST_VERBOSE === '1';

async function main(): Promise<number> {
  const missing = host.missingHostParts();
  if (missing) {
    console.error(`Cannot run the UI tests: missing ${missing.join(', ')}.\n${host.installHint}`);
    return 1;
  }
  if (!fs.existsSync(vsix)) {
    console.error(`Missing ${path.relative(repoRoot, vsix)}: run \`npm run package\` first (npm run test:e2e does).`);
    return 1;
  }
  fs.rmSync(resultsDir, { recursive: true, force: true });
  fs.mkdirSync(resultsDir, { recursive: true });

  const tmp = host.makeTempDir('dff-e2e-');
  const workspace = host.copyFolder(path.join(repoRoot, 'samples'), path.join(tmp, 'workspace'));
  // The preview test draws a copy of its own: other tests apply quick fixes to the sample (auto save writes
  // them), and a file made once VS Code has indexed the folder can stay missing from Quick Open.
  fs.copyFileSync(path.join(workspace, 'broken-failure-auto-terminated.json'), path.join(workspace, 'preview-broken-failure-auto-terminated.json'));
  const profile = { userDataDir: path.join(tmp, 'user-data'), extensionsDir: path.join(tmp, 'extensions') };
  // An empty home: the extension must not find the developer's own ~/.cdp or ~/.aws credentials.
  const home = path.join(tmp, 'home');
  fs.mkdirSync(home);
  host.seedUserSettings(profile.userDataDir);

  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let aws: E2eAws | undefined;
  let failures = 1;
  try {
    await host.installExtension({ vsix, ...profile });
    // The AWS stand-in first: code-server's extension host reads its profile files from the environment.
    aws = await startE2eAws(path.join(tmp, 'aws'));
    server = await host.startCodeServer({ ...profile, logFile: path.join(tmp, 'code-server.log'), env: { HOME: home, ...aws.env } });
    browser = await host.launchChromium();
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    if (verbose) page.on('console', (message) => console.log(`[workbench ${message.type()}] ${message.text()}`));
    // A screenshot is evidence, not an assertion: one the browser cannot take (e.g. mid-reload) is retried once, then noted.
    const screenshot = async (name: string) => {
      const file = path.join(resultsDir, `${name.replace(/[^\w.-]+/g, '-').slice(0, 100)}.png`);
      for (let attempt = 1; ; attempt++) {
        try {
          await page.screenshot({ path: file });
          return file;
        } catch (error) {
          if (attempt === 2) return `(no screenshot: ${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
          await page.waitForTimeout(1_000);
        }
      }
    };
    await page.goto(host.workbenchUrl(server, workspace));
    await new Workbench(page).waitUntilReady();
    setSession({ page, workspace, screenshot });
    failures = await runMocha(screenshot);
  } catch (error) {
    console.error(`The UI tests could not run: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    await aws?.fake.close();
  }
  if (failures === 0) fs.rmSync(tmp, { recursive: true, force: true });
  else console.error(`Screenshots: ${resultsDir}\ncode-server's log and profile: ${tmp}`);
  return failures === 0 ? 0 : 1;
}

function runMocha(screenshot: (name: string) => Promise<string>): Promise<number> {
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    timeout: 120_000,
    slow: 20_000,
    grep: process.env.DFF_TEST_GREP,
    rootHooks: {
      async afterEach(this: Mocha.Context) {
        const test = this.currentTest;
        if (test?.state !== 'failed') return;
        console.log(`      screenshot: ${await screenshot(`FAILED ${test.fullTitle()}`)}`);
        // One failure must not leave a menu or dialog that fails every test after it.
        await new Workbench(session().page).dismissLeftovers().catch(() => undefined);
      },
    },
  });
  const files = fs.readdirSync(__dirname).filter((name) => name.endsWith('.ui.js')).sort();
  for (const name of files) mocha.addFile(path.join(__dirname, name));
  return new Promise((resolve) => mocha.run(resolve));
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
