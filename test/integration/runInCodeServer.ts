// Runs the integration suite (index.ts) inside a real VS Code: code-server with the extension loaded
// from this repository, its workbench opened in headless Chromium. Exits with the suite's result.
// The extension host's console only reaches the browser (mixed with the workbench's own logging), so
// index.ts also writes mocha's report to a file that this runner prints as it grows.
// Env: DFF_TEST_TIMEOUT_MS (default 300000), DFF_TEST_VERBOSE=1 (also print the workbench's console).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { host, repoRoot } from './host';
import type { CodeServer } from '../../scripts/lib/codeServer.cjs';

const timeoutMs = Number(process.env.DFF_TEST_TIMEOUT_MS ?? 300_000);
const verbose = process.env.DFF_TEST_VERBOSE === '1';

async function main(): Promise<number> {
  const missing = host.missingHostParts();
  if (missing) {
    console.error(`Cannot run the integration tests: missing ${missing.join(', ')}.\n${host.installHint}`);
    return 1;
  }
  const testsPath = path.join(__dirname, 'index.js');
  for (const needed of [path.join(repoRoot, 'dist', 'extension.js'), testsPath]) {
    if (!fs.existsSync(needed)) {
      console.error(`Missing ${path.relative(repoRoot, needed)}: run \`npm run build && npm run compile\` first.`);
      return 1;
    }
  }

  const tmp = host.makeTempDir('dff-integration-');
  const workspace = host.copyFolder(path.join(repoRoot, 'samples'), path.join(tmp, 'workspace'));
  const report = new ReportPrinter(path.join(tmp, 'mocha-report.txt'));
  // An empty home: the extension must not find the developer's own ~/.cdp or ~/.aws credentials.
  const home = path.join(tmp, 'home');
  fs.mkdirSync(home);
  const userDataDir = path.join(tmp, 'user-data');
  host.seedUserSettings(userDataDir);
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let code = 1;
  try {
    server = await host.startCodeServer({
      userDataDir,
      extensionsDir: path.join(tmp, 'extensions'),
      logFile: path.join(tmp, 'code-server.log'),
      developmentOptions: true,
      env: { DFF_TEST_REPORT_FILE: report.file, HOME: home },
    });
    browser = await host.launchChromium();
    const page = await browser.newPage();
    if (verbose) page.on('console', (message) => console.log(`[workbench ${message.type()}] ${message.text()}`));
    page.on('pageerror', (error) => verbose && console.error(`[workbench] ${error.message}`));

    let reportExit!: (code: number) => void;
    const testsExited = new Promise<number>((resolve) => (reportExit = resolve));
    // VS Code calls this when the extension host that ran the tests exits (0 = all passed).
    await page.exposeFunction('codeAutomationExit', (exitCode: number) => reportExit(exitCode));
    await page.goto(
      host.workbenchUrl(server, workspace, { extensionDevelopmentPath: repoRoot, extensionTestsPath: testsPath }),
    );
    // code-server itself stops when the tests' extension host exits; the exit call may arrive just after.
    const serverGone = server.exited.then((c) => delay(5_000).then(() => `code-server exited (${c}) before the tests reported a result.`));
    const timedOut = delay(timeoutMs).then(() => `The integration tests did not finish within ${timeoutMs / 1000} s.`);
    const outcome = await Promise.race([testsExited, serverGone, timedOut]);
    code = typeof outcome === 'number' ? outcome : failed(outcome);
  } catch (error) {
    code = failed(error instanceof Error ? error.message : String(error));
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    report.stop();
  }
  if (code === 0) fs.rmSync(tmp, { recursive: true, force: true });
  else console.error(`Integration run failed; code-server's log and profile are in ${tmp}`);
  return code;
}

/** Prints a file's new lines as another process appends them. */
class ReportPrinter {
  private printed = 0;
  private readonly timer = setInterval(() => this.printNew(), 200);

  constructor(readonly file: string) {
    fs.writeFileSync(file, '');
  }

  stop(): void {
    clearInterval(this.timer);
    this.printNew();
  }

  private printNew(): void {
    const text = fs.readFileSync(this.file, 'utf8');
    const end = text.lastIndexOf('\n') + 1;
    if (end > this.printed) process.stdout.write(text.slice(this.printed, end));
    this.printed = Math.max(this.printed, end);
  }
}
function failed(reason: string): number {
  console.error(reason);
  return 1;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
