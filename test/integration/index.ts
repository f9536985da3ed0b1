// The extension-tests entry both hosts load (code-server via runInCodeServer, desktop VS Code via
// @vscode/test-electron): runs every suite/*.test.js with mocha inside the extension host.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

/** Set by runInCodeServer: the extension host's console only reaches the browser, so the report goes to a file too. */
const reportFile = process.env.DFF_TEST_REPORT_FILE;

export function run(): Promise<void> {
  // DFF_TEST_GREP runs only the tests whose title matches (as in the UI tests).
  const grep = process.env.DFF_TEST_GREP;
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000, slow: 5_000, ...(grep ? { grep } : {}) });
  const suiteDir = path.join(__dirname, 'suite');
  const files = fs.readdirSync(suiteDir).filter((name) => name.endsWith('.test.js')).sort();
  for (const name of files) mocha.addFile(path.join(suiteDir, name));
  const restoreConsole = reportFile ? copyConsoleTo(reportFile) : () => undefined;
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => {
        restoreConsole();
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed.`));
        else resolve();
      });
    } catch (error) {
      // A suite that throws while loading: say so where the runner looks, not only in the browser console.
      restoreConsole();
      if (reportFile) fs.appendFileSync(reportFile, `Could not run the integration suites: ${error instanceof Error ? error.stack : String(error)}\n`);
      reject(error);
    }
  });
}

/**
 * Tees mocha's output (its report and what tests print through ./report) into a file. console.log
 * itself cannot be wrapped: the extension host makes it a getter-only property.
 */
function copyConsoleTo(file: string): () => void {
  const original = Mocha.reporters.Base.consoleLog;
  Mocha.reporters.Base.consoleLog = (...data: unknown[]) => {
    original(...data);
    fs.appendFileSync(file, `${format(...data)}\n`);
  };
  return () => {
    Mocha.reporters.Base.consoleLog = original;
  };
}
