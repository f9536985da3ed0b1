import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { shortMessage } from '../../src/core/flow/editor/shortMessage';
import { validateText } from '../../src/core/flow/validate';
import { startFakeCatalog, type FakeCatalog } from '../fakes/catalog/server';
import { generateEd25519AccessKey, type TestAccessKey } from '../fakes/catalog/testKeys';
import { session } from './session';
import { answerInput, Workbench } from './workbench';

// Issue 10 in the real workbench: what only shows there (points 1, 2, 3, 6, 10, 12), and the screenshots
// of the Problems panel before and after Fix All, a rule page and the walkthrough. Each test leaves the
// samples as it found them (reverted, not saved): the tests in later files open the same folder.

const UI_TIMEOUT = 30_000;
const flowText = (name: string) => JSON.stringify({ flowContents: { identifier: 'g', name, processors: [] }, parameterContexts: {} });

describe('Editor experience (issue 10)', () => {
  let workbench: Workbench;
  let page: Page;
  before(async () => {
    page = session().page;
    workbench = new Workbench(page);
    // The web workbench saves after a delay by default: Fix All's edit must stay unsaved to be undone, compared with
    // the saved file and reverted. Turned back on after these tests.
    await toggleAutoSave(workbench);
  });

  after(async () => {
    await toggleAutoSave(workbench);
  });

  afterEach(async () => {
    // Back to a clean slate: no toast over the next test's clicks, no quick input left open.
    await page.keyboard.press('Escape');
    await workbench.runCommand('Notifications: Clear All Notifications').catch(() => undefined);
    // The palette fades out: opened again mid-fade, its input is inert and takes no text.
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
    await page.waitForTimeout(300);
  });

  it('(1) refuses to push a file that is not valid JSON, with no Push Anyway', async () => {
    await workbench.quickOpen('broken-malformed-json.json');
    await workbench.runCommand('Push to DataFlow Catalog');
    const toast = page.locator('.notification-toast', { hasText: 'broken-malformed-json.json was not pushed' });
    await toast.waitFor({ timeout: UI_TIMEOUT });
    await toast.getByRole('button', { name: 'Show Problems' }).waitFor({ timeout: UI_TIMEOUT });
    assert.equal(await toast.getByRole('button', { name: 'Push Anyway' }).count(), 0);
    // Nothing asked for a name or comments: the push stopped before any prompt.
    assert.equal(await page.locator('.quick-input-widget input[placeholder*="Flow name"]').isVisible(), false);
  });

  it('(6) Fix All Auto-fixable Problems clears the fixable problems in one undoable edit', async () => {
    const file = 'broken-bad-parameter-names.json';
    await workbench.quickOpen(file);
    await workbench.showProblems();
    const rows = problemsOf(workbench, file);
    await waitForCount(rows, 3);
    await session().screenshot('issue10-problems-before-fix-all');

    await workbench.runCommand('Fix All Auto-fixable Problems');
    await waitForCount(rows, 0);
    await page.locator('.tabs-container .tab.active.dirty', { hasText: file }).waitFor({ timeout: UI_TIMEOUT });
    await session().screenshot('issue10-problems-after-fix-all');

    // One Undo brings every problem back: the fixes were one edit.
    await workbench.focusEditor();
    await page.keyboard.press('Control+Z');
    await waitForCount(rows, 3);
    await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached', timeout: UI_TIMEOUT });
  });

  it('(2) shows no problem for the saved side of Compare Active File with Saved', async () => {
    const file = 'broken-remote-entry-port.json';
    await workbench.quickOpen(file);
    await workbench.showProblems();
    const rows = problemsOf(workbench, file);
    await waitForCount(rows, 1);
    await workbench.runCommand('Fix All Auto-fixable Problems');
    await waitForCount(rows, 0);

    await workbench.runCommand('File: Compare Active File with Saved');
    await page.locator('.editor-group-container.active .monaco-diff-editor').waitFor({ timeout: UI_TIMEOUT });
    // Validation runs within a second of a document opening (debounce 300 ms): give the saved side time to be reported, if it were.
    await page.waitForTimeout(3_000);
    await workbench.showProblems();
    assert.equal(await visibleCount(rows), 0, 'the saved side (the file as it was) must not bring the fixed problem back');
    await session().screenshot('issue10-compare-with-saved');

    // Revert in the compare editor: the file's own editor goes back to the saved text, and its problem with it.
    await workbench.runCommand('File: Revert File');
    await waitForCount(rows, 1);
    await workbench.runCommand('View: Close Editor');
  });

  it('(3) opens the rule page in the Markdown preview from the rule code in the Problems panel', async () => {
    await workbench.quickOpen('broken-failure-logged-not-routed.json');
    await workbench.showProblems();
    const row = workbench.problem('failure-not-routed').first();
    await row.waitFor({ timeout: UI_TIMEOUT });
    await row.locator('a, .monaco-link', { hasText: 'failure-not-routed' }).first().click();
    await page.locator('.tabs-container .tab.active', { hasText: 'Preview failure-not-routed.md' }).waitFor({ timeout: UI_TIMEOUT });
    // The preview renders the page: its title and its fix section.
    const preview = page.frameLocator('.webview.ready').frameLocator('#active-frame');
    await preview.locator('h1').first().waitFor({ timeout: UI_TIMEOUT });
    await preview.getByText('How to fix it').first().waitFor({ timeout: UI_TIMEOUT });
    await session().screenshot('issue10-rule-page');
    await workbench.runCommand('View: Close Editor');
  });

  it('(7) offers "Rename to failure" and "Add to dff.validation.failurePorts" for a FAILURE port named otherwise', async () => {
    const file = 'broken-failure-port-function-nifi2.json';
    await workbench.quickOpen(file);
    await workbench.showProblems();
    const rows = problemsOf(workbench, file);
    await waitForCount(rows, 2);
    const settingFix = 'Add "errors" to dff.validation.failurePorts';

    // F8 twice: the second problem is the port's (the first, on the group, is failure-port-missing).
    await workbench.goToFirstProblem();
    await page.keyboard.press('F8');
    await page.locator('.marker-widget', { hasText: 'Output port "errors" is marked as a failure port' }).waitFor({ timeout: UI_TIMEOUT });
    const rename = await workbench.showQuickFix('Rename to failure');
    await page.locator('.action-widget .monaco-list-row', { hasText: settingFix }).waitFor({ timeout: UI_TIMEOUT });
    await session().screenshot('issue10-failure-port-fixes');
    await rename.click();
    // Renamed, the port is a failure port by name: both problems go.
    await waitForCount(rows, 0);
    await workbench.runCommand('File: Revert File');
    await waitForCount(rows, 2);

    // The setting instead: the file stays as it is, and the port counts as a failure port in this workspace.
    await workbench.goToFirstProblem();
    await page.keyboard.press('F8');
    await page.locator('.marker-widget', { hasText: 'Output port "errors" is marked as a failure port' }).waitFor({ timeout: UI_TIMEOUT });
    await (await workbench.showQuickFix(settingFix)).click();
    await waitForCount(rows, 0);
    const settingsFile = path.join(session().workspace, '.vscode', 'settings.json');
    assert.deepEqual(JSON.parse(fs.readFileSync(settingsFile, 'utf8'))['dff.validation.failurePorts'], ['errors']);
    assert.equal(await page.locator('.tabs-container .tab.active.dirty').count(), 0, 'the file is not edited');
    // The later tests' workspace has no such setting: removed, and the problems come back.
    fs.rmSync(path.dirname(settingsFile), { recursive: true, force: true });
    await waitForCount(rows, 2);
  });

  describe('CDP credentials', () => {
    let fake: FakeCatalog;
    let key: TestAccessKey;

    before(async () => {
      fake = await startFakeCatalog();
      key = generateEd25519AccessKey();
      fake.addKey(key.accessKeyId, key.publicKey);
      fake.seedFlow('UxFlow', [{ fileText: flowText('UxFlow'), comments: 'First version' }]);
    });

    after(async () => {
      await fake?.close();
    });

    it('(12) Add CDP Access Key refuses a malformed key ID as it is typed, then checks and uses a good one', async () => {
      await workbench.quickOpen('ready-s3-to-sqs.json');
      await workbench.runCommand('Add CDP Access Key');
      await answerInput(page, 'A name for this profile', 'ux');
      const widget = page.locator('.quick-input-widget');
      await widget.filter({ hasText: 'Access key ID' }).first().waitFor({ timeout: UI_TIMEOUT });
      const input = widget.locator('input.input, .quick-input-box input').first();
      // A key ID one hex digit short: refused as typed, and Enter does not move on.
      await input.fill(key.accessKeyId.slice(0, -1));
      const message = widget.locator('.quick-input-message', { hasText: 'A CDP access key ID is 36 characters' });
      await message.waitFor({ timeout: UI_TIMEOUT });
      await session().screenshot('issue10-access-key-id-refused');
      await page.keyboard.press('Enter');
      await page.waitForTimeout(500);
      assert.ok(await message.isVisible(), 'still asking for the key ID');
      // The whole ID is accepted.
      await input.fill(key.accessKeyId);
      await message.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
      await page.keyboard.press('Enter');
      await answerInput(page, 'Private key', key.privateKey);
      await answerInput(page, 'CDP control plane region', 'us-west-1');
      await answerInput(page, 'API endpoint URL', fake.url);
      await page.locator('.notification-toast', { hasText: 'Access key works: 1 flow visible (profile ux)' }).waitFor({ timeout: UI_TIMEOUT });
      await page.locator('.statusbar-item', { hasText: 'CDP: ux (us-west-1)' }).waitFor({ timeout: UI_TIMEOUT });
    });

    it('(10) the CDP status item names the profile at start-up, before the Catalog view is opened', async () => {
      if (await page.locator('.part.sidebar').isVisible()) {
        await workbench.runCommand('View: Close Primary Side Bar');
        await page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
      }
      await workbench.runCommand('Developer: Reload Window');
      await page.waitForLoadState('load');
      await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60_000 });
      await workbench.activeTab('ready-s3-to-sqs.json').waitFor({ timeout: 60_000 });
      const item = page.locator('.statusbar-item', { hasText: /CDP: / });
      await item.first().waitFor({ timeout: UI_TIMEOUT });
      assert.match(await item.first().innerText(), /CDP: ux \(us-west-1\)/);
      assert.doesNotMatch(await item.first().innerText(), /choose profile/i);
      assert.equal(await page.locator('.part.sidebar').isVisible(), false, 'the Catalog view stayed closed');
      await session().screenshot('issue10-cdp-status-at-start-up');
    });

    it('removes the key again', async () => {
      await workbench.runCommand('Remove Stored CDP Access Key');
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'ux' }).first();
      await row.waitFor({ timeout: UI_TIMEOUT });
      await row.click();
      await page.locator('.notification-toast', { hasText: 'Removed the CDP access key "ux"' }).waitFor({ timeout: UI_TIMEOUT });
    });
  });

  it('shows the DataFlow Functions walkthrough from Help: Get Started', async () => {
    await workbench.runCommand('Welcome: Open Walkthrough...');
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Get Started with DataFlow Functions' }).first();
    await row.waitFor({ timeout: UI_TIMEOUT });
    await row.click();
    await page.locator('.gettingStartedContainer', { hasText: 'Open a flow definition' }).first().waitFor({ timeout: UI_TIMEOUT });
    await page.waitForTimeout(1_000);
    await session().screenshot('issue10-walkthrough');
    await workbench.runCommand('View: Close Editor');
  });
});

/** The Problems panel's rows for a sample's problems as read from disk: one locator per problem, found by its message. */
function problemsOf(workbench: Workbench, file: string): Locator[] {
  const text = fs.readFileSync(path.join(session().workspace, file), 'utf8');
  return validateText(text).findings.map((finding) => workbench.problem(shortMessage(finding.message).slice(0, 80)).first());
}

/** Waits until `count` of the problems show in the Problems panel. */
async function waitForCount(rows: Locator[], count: number): Promise<void> {
  const deadline = Date.now() + UI_TIMEOUT;
  for (;;) {
    let now = 0;
    for (const row of rows) if (await row.isVisible()) now++;
    if (now === count) return;
    if (Date.now() > deadline) assert.equal(now, count, 'problems shown in the Problems panel');
    await rows[0].page().waitForTimeout(250);
  }
}

async function visibleCount(rows: Locator[]): Promise<number> {
  let now = 0;
  for (const row of rows) if (await row.isVisible()) now++;
  return now;
}

/**
 * File: Toggle Auto Save, from VS Code for the Web's default (after a delay) to off and back. (6) proves it is off:
 * the fixed file's tab stays dirty.
 */
async function toggleAutoSave(workbench: Workbench): Promise<void> {
  await workbench.runCommand('File: Toggle Auto Save');
  await workbench.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
}

