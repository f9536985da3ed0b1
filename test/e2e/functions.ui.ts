import type { Locator, Page } from 'playwright-core';
import { E2E_AWS_PROFILE, E2E_EMPTY_REGION, e2eAws } from './awsStandIn';
import { session } from './session';
import { Workbench } from './workbench';

// The Functions view as a user meets it: the AWS profile 'default' (a region where nothing is
// deployed) is in use at first; the status bar switches to the 'e2e' profile, whose region holds
// the sample functions of the AWS stand-in; a function is expanded to read its warning (an S3
// trigger left on an old version), and its logs are shown with the ERROR line.

const UI_TIMEOUT = 30_000;

describe('The Functions view', () => {
  it('switches AWS profile from the status bar, browses a function, reads its warning and shows its logs', async () => {
    const { page } = session();
    const { seed } = e2eAws();
    const workbench = new Workbench(page);
    // A dialog or quick input an earlier test left open would make the workbench inert.
    await workbench.dismissLeftovers();
    const sideBar = await showDataFlowContainer(workbench);
    const functions = functionsPane(sideBar);

    // The view becoming visible loads AWS: the default profile, in a region with no functions.
    const status = page.locator('.statusbar-item', { hasText: `AWS: default · ${E2E_EMPTY_REGION}` });
    await status.waitFor({ timeout: UI_TIMEOUT });
    await functions.getByText(`No DataFlow Functions in default · ${E2E_EMPTY_REGION}`).waitFor({ timeout: UI_TIMEOUT });

    await status.click();
    const choice = page.locator('.quick-input-list .monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^${E2E_AWS_PROFILE}$`) }) });
    await choice.waitFor({ timeout: UI_TIMEOUT });
    await choice.click();
    await page.locator('.statusbar-item', { hasText: `AWS: ${E2E_AWS_PROFILE} · us-east-1` }).waitFor({ timeout: UI_TIMEOUT });
    const stale = treeRow(functions, seed.staleTrigger.name);
    await stale.waitFor({ timeout: UI_TIMEOUT });
    await treeRow(functions, seed.healthy.name).waitFor({ timeout: UI_TIMEOUT });
    await stale.getByText('KafkaToS3 v1').waitFor({ timeout: UI_TIMEOUT });
    await session().screenshot('functions-1-listed');

    await stale.click();
    const warning = functions.locator('.monaco-list-row', { hasText: `The S3 trigger of bucket ${seed.staleTrigger.bucket} is bound to version 2, not the newest version 3` });
    await warning.waitFor({ timeout: UI_TIMEOUT });
    await session().screenshot('functions-2-warning');

    // The row's inline action (the same command as its context menu's Show Logs).
    await stale.hover();
    const showLogs = stale.locator('.actions .action-label[aria-label="Show Logs"]');
    await showLogs.waitFor({ timeout: UI_TIMEOUT });
    await showLogs.click();
    await workbench.activeTab(`${seed.staleTrigger.name}.dff-log`).waitFor({ timeout: UI_TIMEOUT });
    await page.locator('.monaco-editor .view-lines', { hasText: 'PutS3Object failed: Access Denied' }).waitFor({ timeout: UI_TIMEOUT });
    await page.locator('.monaco-editor .view-lines', { hasText: 'Following new events' }).waitFor({ timeout: UI_TIMEOUT });
    await session().screenshot('functions-3-logs');
    await workbench.runCommand('Stop Following Logs');
    await page.locator('.monaco-editor .view-lines', { hasText: 'Stopped following' }).waitFor({ timeout: UI_TIMEOUT });
  });
});

/** Opens the DataFlow Functions side bar; clicking its icon while it is open would close it. */
async function showDataFlowContainer(workbench: Workbench): Promise<Locator> {
  const sideBar = workbench.page.locator('.part.sidebar');
  if (await sideBar.locator('.composite.title', { hasText: 'DataFlow Functions' }).isVisible()) return sideBar;
  return workbench.openViewContainer('DataFlow Functions');
}

/** The Functions view's pane (expanded if it was collapsed). */
function functionsPane(sideBar: Locator): Locator {
  return sideBar.locator('.pane', { has: sideBar.page().locator('.pane-header', { hasText: /^Functions/ }) });
}

function treeRow(container: Locator | Page, label: string): Locator {
  const page = 'page' in container ? container.page() : container;
  return container.locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) });
}
