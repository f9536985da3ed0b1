// Issue 11: the Flow Preview beside a flow with a problem, in the browser. Screenshots are also
// copied to test-results/preview/ (run.ts empties test-results/e2e/ on every run).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { session } from './session';
import { Workbench } from './workbench';

// The page's getComputedStyle, written out inside each evaluate (it runs in the page; the tests compile without the DOM library).
type Styles = (element: unknown) => { stroke: string; color: string; backgroundColor: string };

// samples/README.md: "Send to queue" auto-terminates "failure"; the other failures go to the "failure" port.
// A copy of its own, made by run.ts: other UI tests apply quick fixes to the sample itself.
const sample = 'preview-broken-failure-auto-terminated.json';
const UI_TIMEOUT = 30_000;
const previewShots = path.join(__dirname, '..', '..', '..', 'test-results', 'preview');

/** The preview's document, inside code-server's two webview iframes. */
function previewFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

async function shot(name: string): Promise<void> {
  const file = await session().screenshot(name);
  if (fs.existsSync(file)) {
    fs.mkdirSync(previewShots, { recursive: true });
    fs.copyFileSync(file, path.join(previewShots, path.basename(file)));
  }
}

/** The 1-based line of the first line of the sample that contains the text. */
function lineOf(text: string): number {
  const lines = fs.readFileSync(path.join(session().workspace, sample), 'utf8').split('\n');
  const index = lines.findIndex((line) => line.includes(text));
  assert.ok(index >= 0, text);
  return index + 1;
}

async function goToLine(workbench: Workbench, line: number, column: number): Promise<void> {
  // The preview's group may be the active one: the JSON is in the first group.
  await workbench.runCommand('View: Focus First Editor Group');
  await workbench.page.locator('.editor-group-container.active .monaco-editor.focused').waitFor({ timeout: UI_TIMEOUT });
  await workbench.runCommand('Go to Line/Column');
  const input = workbench.page.locator('.quick-input-widget input');
  await input.fill(`:${line}:${column}`);
  await workbench.page.keyboard.press('Enter');
  await workbench.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
}

/** Picks a colour theme with Ctrl+K Ctrl+T, as a user does; resolves when the preview's body carries the theme kind's class. */
async function setTheme(frame: FrameLocator, theme: string, kind: 'vscode-light' | 'vscode-dark' | 'vscode-high-contrast'): Promise<void> {
  const page = session().page;
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+T');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: UI_TIMEOUT });
  await input.fill(theme);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: theme }).first().waitFor({ timeout: UI_TIMEOUT });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
  await frame.locator(`body.${kind}`).waitFor({ state: 'attached', timeout: UI_TIMEOUT });
}

describe('Flow Preview', () => {
  let workbench: Workbench;
  let frame: FrameLocator;
  before(() => {
    workbench = new Workbench(session().page);
    frame = previewFrame(session().page);
  });

  it('opens beside the flow with its components, roles, failure paths and a badge', async () => {
    await workbench.quickOpen(sample);
    // The editor title's button appears once validation has found the file to be a flow (dff.isFlowFile).
    await session().page.locator('.editor-group-container.active .editor-actions .action-label[aria-label^="Open Flow Preview to the Side"]')
      .click({ timeout: UI_TIMEOUT });
    await frame.locator('.node.processor[aria-label*="Send to queue"]').waitFor({ timeout: 60_000 });
    assert.equal(await frame.locator('.node.processor').count(), 3);
    assert.equal(await frame.locator('.node.role-entry[aria-label*="S3 event"]').count(), 1);
    assert.equal(await frame.locator('.node.role-failure[aria-label*="failure"]').count(), 1);
    assert.equal(await frame.locator('.node.role-success[aria-label*="success"]').count(), 1);
    // Both routed failures (Read bucket and key, Fetch new object -> failure) in the failure path's colour.
    const failurePaths = frame.locator('.edge.failurePath .line');
    assert.equal(await failurePaths.count(), 2);
    const [pathColour, plainColour, expected] = await failurePaths.first().evaluate((line) => {
      const plain = line.ownerDocument.querySelector('.edge.plain .line')!;
      const probe = line.ownerDocument.createElement('span');
      probe.style.color = 'var(--failure-path)';
      line.ownerDocument.body.append(probe);
      const colour = (globalThis as unknown as { getComputedStyle: Styles }).getComputedStyle(probe).color;
      probe.remove();
      return [(globalThis as unknown as { getComputedStyle: Styles }).getComputedStyle(line).stroke, (globalThis as unknown as { getComputedStyle: Styles }).getComputedStyle(plain).stroke, colour];
    });
    assert.equal(pathColour, expected);
    assert.notEqual(pathColour, plainColour);
    // The auto-terminated failure: an error badge on "Send to queue" with the message on hover, and the warning tag.
    const send = frame.locator('.node.processor[aria-label*="Send to queue"]');
    assert.equal(await send.locator('.badge.error text').textContent(), '1');
    assert.match(await send.locator('.badges > title').textContent() ?? '', /auto-terminates/);
    assert.match(await send.locator('.terminated text').textContent() ?? '', /auto-terminates failure/);
    assert.equal(await frame.locator('.node.processor[aria-label*="Fetch new object"] .badge').count(), 0);
    await shot('preview-1-opened');
  });

  it('reveals a clicked component in the JSON, and highlights the component at the cursor', async () => {
    await frame.locator('.node.processor[aria-label*="Fetch new object"] .body').click();
    await workbench.runCommand('View: Focus First Editor Group');
    const nameLine = lineOf('"name" : "Fetch new object"');
    await session().page.locator('.statusbar-item', { hasText: new RegExp(`^Ln ${nameLine}, Col \\d+`) }).first()
      .waitFor({ timeout: UI_TIMEOUT });
    await goToLine(workbench, lineOf('"name" : "Read bucket and key"') + 2, 8);
    await frame.locator('.node.highlighted[aria-label*="Read bucket and key"]').waitFor({ timeout: UI_TIMEOUT });
    await shot('preview-2-cursor-highlight');
  });

  it('follows edits, keeps the zoom, and keeps the last drawing with a banner while the JSON is broken', async () => {
    await frame.locator('button[data-action="zoomIn"]').click();
    const scale = await frame.locator('body').getAttribute('data-scale');
    const line = lineOf('"name" : "Fetch new object"');
    await goToLine(workbench, line, '      "name" : "Fetch new object'.length + 1);
    await session().page.keyboard.type(' v2');
    await frame.locator('.node.processor[aria-label*="Fetch new object v2"]').waitFor({ timeout: UI_TIMEOUT });
    assert.equal(await frame.locator('body').getAttribute('data-scale'), scale);
    await session().page.keyboard.type('"');
    await frame.locator('.banner', { hasText: 'does not parse' }).waitFor({ timeout: UI_TIMEOUT });
    assert.equal(await frame.locator('.node.processor').count(), 3);
    await shot('preview-3-broken-banner');
    await session().page.keyboard.press('Control+Z');
    await frame.locator('.banner').waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
  });

  it('follows the theme: light, dark and high contrast', async () => {
    await frame.locator('button[data-action="fit"]').click();
    const background = () => frame.locator('body').evaluate((body) => (globalThis as unknown as { getComputedStyle: Styles }).getComputedStyle(body).backgroundColor);
    await setTheme(frame, 'Light Modern', 'vscode-light');
    await session().page.waitForTimeout(500);
    const light = await background();
    await shot('preview-4-light');
    await setTheme(frame, 'Dark High Contrast', 'vscode-high-contrast');
    await session().page.waitForTimeout(500);
    await shot('preview-5-high-contrast');
    await setTheme(frame, 'Dark Modern', 'vscode-dark');
    await session().page.waitForTimeout(500);
    const dark = await background();
    assert.notEqual(light, dark);
    await shot('preview-6-dark');
    await setTheme(frame, 'Light Modern', 'vscode-light');
    await workbench.runCommand('File: Revert File');
  });
});
