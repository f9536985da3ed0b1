// What the UI tests share: one code-server with the packaged extension installed and one browser
// page on its workbench, set up by run.ts before mocha loads the *.ui.js files.
import type { Page } from 'playwright-core';

export interface UiSession {
  page: Page;
  /** The folder open in VS Code: a temporary copy of samples/. */
  workspace: string;
  /** Saves a screenshot as test-results/e2e/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
}

let current: UiSession | undefined;

export function setSession(session: UiSession): void {
  current = session;
}

export function session(): UiSession {
  if (!current) throw new Error('No UI session: run the UI tests through out/test/e2e/run.js (npm run test:e2e).');
  return current;
}
