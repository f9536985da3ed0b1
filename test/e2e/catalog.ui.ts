import type { Locator, Page } from 'playwright-core';
import { startFakeCatalog, type FakeCatalog } from '../fakes/catalog/server';
import { generateEd25519AccessKey, type TestAccessKey } from '../fakes/catalog/testKeys';
import { session } from './session';
import { answerInput, Workbench } from './workbench';

// The Catalog view as a user meets it: no credentials, "Add CDP Access Key" from the welcome view
// (the key pointed at a fake catalog started by this test), the flows listed, a flow expanded to
// its versions, and the stored key removed again.

const UI_TIMEOUT = 30_000;
const flowText = (name: string) => JSON.stringify({ flowContents: { identifier: 'g', name, processors: [] }, parameterContexts: {} });

describe('The Catalog view', () => {
  let fake: FakeCatalog;
  let key: TestAccessKey;

  before(async () => {
    fake = await startFakeCatalog();
    key = generateEd25519AccessKey();
    fake.addKey(key.accessKeyId, key.publicKey);
    fake.seedFlow('S3ToSqs', [
      { fileText: flowText('S3ToSqs'), comments: 'First version' },
      { fileText: flowText('S3ToSqs'), comments: 'Send to SQS' },
    ]);
    fake.seedFlow('KafkaToS3', [{ fileText: flowText('KafkaToS3'), comments: 'Initial import' }]);
  });

  after(async () => {
    await fake?.close();
  });

  it('lists the flows once an access key is added, and expands a flow to its versions', async () => {
    const { page } = session();
    const workbench = new Workbench(page);
    const sideBar = await showDataFlowContainer(workbench);
    await sideBar.getByText('No CDP credentials found').waitFor({ timeout: UI_TIMEOUT });

    await sideBar.locator('.welcome-view-content a, .welcome-view-content .monaco-button', { hasText: 'Add CDP Access Key' }).first().click();
    await answerInput(page, 'A name for this profile', 'e2e');
    await answerInput(page, 'Access key ID', key.accessKeyId);
    await answerInput(page, 'Private key', key.privateKey);
    await answerInput(page, 'CDP control plane region', 'us-west-1');
    await answerInput(page, 'API endpoint URL', fake.url);

    const flow = treeRow(sideBar, 'S3ToSqs');
    await flow.waitFor({ timeout: UI_TIMEOUT });
    await treeRow(sideBar, 'KafkaToS3').waitFor({ timeout: UI_TIMEOUT });
    await flow.getByText('2 versions').waitFor({ timeout: UI_TIMEOUT });
    await page.locator('.statusbar-item', { hasText: 'CDP: e2e (us-west-1)' }).waitFor({ timeout: UI_TIMEOUT });

    await flow.click();
    await treeRow(sideBar, 'v2').waitFor({ timeout: UI_TIMEOUT });
    await treeRow(sideBar, 'v1').waitFor({ timeout: UI_TIMEOUT });
    await session().screenshot('5-catalog-flow-versions');
  });

  it('pushes the open flow file from the command palette and reveals the new version in the Catalog view', async () => {
    const { page } = session();
    const workbench = new Workbench(page);
    await workbench.quickOpen('ready-s3-to-sqs.json');
    await workbench.runCommand('Push to DataFlow Catalog');
    // The name picker ranks the catalog's S3ToSqs first (a near-identical name); the flow's own name, as a new flow, comes next.
    await acceptChoice(page, 'Flow name in the catalog', 'S3 to SQS', 'new flow');
    await answerInput(page, 'Comments for this version', 'Pushed from the UI test');
    const toast = page.locator('.notification-toast', { hasText: 'Pushed S3 to SQS v1' });
    await toast.waitFor({ timeout: UI_TIMEOUT });
    await toast.getByRole('button', { name: 'Reveal in Catalog' }).click();
    const sideBar = page.locator('.part.sidebar');
    await sideBar.locator('.monaco-list-row.selected', { hasText: 'v1' }).waitFor({ timeout: UI_TIMEOUT });
    await treeRow(sideBar, 'S3 to SQS').waitFor({ timeout: UI_TIMEOUT });
    await session().screenshot('6-catalog-pushed-version');
    const pushed = [...fake.flows.values()].find((flow) => flow.name === 'S3 to SQS');
    if (pushed?.versions[0]?.comments !== 'Pushed from the UI test') throw new Error('the fake catalog did not receive the pushed version');
  });

  it('shows the last used CDP profile in the status bar after a reload, before the Catalog view is opened', async () => {
    const { page } = session();
    const workbench = new Workbench(page);
    await workbench.runCommand('View: Close Primary Side Bar');
    await page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
    await workbench.runCommand('Developer: Reload Window');
    // The flow file's editor comes back and activates the extension; the Catalog view stays closed.
    await page.waitForLoadState('load');
    await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60_000 });
    await workbench.activeTab('ready-s3-to-sqs.json').waitFor({ timeout: 60_000 });
    await page.locator('.statusbar-item', { hasText: 'CDP: e2e (us-west-1)' }).waitFor({ timeout: UI_TIMEOUT });
    if (await page.locator('.part.sidebar').isVisible()) throw new Error('the side bar came back after the reload, so the test proves nothing');
    await session().screenshot('7-status-bar-after-reload');
    await showDataFlowContainer(workbench);
  });

  it('shows the welcome view again after the stored access key is removed', async () => {
    const { page } = session();
    const workbench = new Workbench(page);
    await workbench.runCommand('Remove Stored CDP Access Key');
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'e2e' }).first();
    await row.waitFor({ timeout: UI_TIMEOUT });
    await row.click();
    const sideBar = page.locator('.part.sidebar');
    await sideBar.getByText('No CDP credentials found').waitFor({ timeout: UI_TIMEOUT });
    await treeRow(sideBar, 'S3ToSqs').waitFor({ state: 'detached', timeout: UI_TIMEOUT });
  });
});

/** Opens the DataFlow Functions side bar; clicking its icon while it is open would close it. */
async function showDataFlowContainer(workbench: Workbench): Promise<Locator> {
  const sideBar = workbench.page.locator('.part.sidebar');
  if (await sideBar.locator('.composite.title', { hasText: 'DataFlow Functions' }).isVisible()) return sideBar;
  return workbench.openViewContainer('DataFlow Functions');
}


/** Waits for the quick pick whose placeholder mentions `prompt` to show `label` with `description` as its first row, Enter. */
async function acceptChoice(page: Page, prompt: string, label: string, description: string): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  await widget.locator(`input[placeholder*="${prompt}"]`).first().waitFor({ timeout: UI_TIMEOUT });
  const row = widget.locator('.quick-input-list .monaco-list-row').filter({ hasText: label }).filter({ hasText: description }).first();
  await row.waitFor({ timeout: UI_TIMEOUT });
  await row.click();
}

function treeRow(container: Locator, label: string): Locator {
  return container.locator('.monaco-list-row', { has: container.page().locator('.label-name', { hasText: new RegExp(`^${label}$`) }) });
}
