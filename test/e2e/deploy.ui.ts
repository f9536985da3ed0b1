import * as fs from 'node:fs';
import * as path from 'node:path';
import { startFakeCatalog, type FakeCatalog } from '../fakes/catalog/server';
import { generateEd25519AccessKey, type TestAccessKey } from '../fakes/catalog/testKeys';
import { E2E_AWS_PROFILE, e2eAws } from './awsStandIn';
import { session } from './session';
import { answerInput, Workbench } from './workbench';

// Deploying a sample flow as a newcomer does: a CDP key for the catalog stand-in, a function access
// key, the flow pushed, then right-click in the Explorer -> Deploy to Lambda…, the sensitive values
// typed in password boxes, the plan read in its document, the modal confirmed, the result seen.
// The sample's sandbox target is pointed at this run's AWS profile (the stand-in run.ts started).

const UI_TIMEOUT = 30_000;
const CDP_PROFILE = 'deploy-e2e';
const FUNCTION = 's3-to-sqs-sandbox';
const FLOW_NAME = 'S3ToSqsE2E';

describe('Deploy to Lambda', () => {
  let catalog: FakeCatalog;
  let cdpKey: TestAccessKey;

  before(async () => {
    catalog = await startFakeCatalog();
    cdpKey = generateEd25519AccessKey();
    catalog.addKey(cdpKey.accessKeyId, cdpKey.publicKey);
    const deployFile = path.join(session().workspace, 'dff.deploy.json');
    fs.writeFileSync(deployFile, fs.readFileSync(deployFile, 'utf8').replace('"profile": "sandbox"', `"profile": "${E2E_AWS_PROFILE}"`));
  });

  after(async () => {
    await catalog?.close();
  });

  it('deploys a sample flow from the Explorer: plan document, modal confirmation, result notification', async () => {
    const { page } = session();
    const workbench = new Workbench(page);
    // Opening a flow file activates the extension (its commands are then in the palette).
    await workbench.quickOpen('ready-s3-to-sqs.json');

    await workbench.runCommand('Add CDP Access Key');
    await answerInput(page, 'A name for this profile', CDP_PROFILE);
    await answerInput(page, 'Access key ID', cdpKey.accessKeyId);
    await answerInput(page, 'Private key', cdpKey.privateKey);
    await answerInput(page, 'CDP control plane region', 'us-west-1');
    await answerInput(page, 'API endpoint URL', catalog.url);
    await page.locator('.statusbar-item', { hasText: `CDP: ${CDP_PROFILE}` }).waitFor({ timeout: UI_TIMEOUT });

    const functionKey = generateEd25519AccessKey();
    await workbench.runCommand('Set Function Access Key');
    await answerInput(page, 'Access key ID of the CDP machine user', functionKey.accessKeyId);
    await answerInput(page, 'Its private key', functionKey.privateKey);
    await page.locator('.notification-toast', { hasText: `Function access key ${functionKey.accessKeyId} set` }).waitFor({ timeout: UI_TIMEOUT });

    await workbench.runCommand('Push to DataFlow Catalog');
    await answerInput(page, 'Flow name in the catalog', FLOW_NAME);
    await answerInput(page, 'Comments for this version', 'Pushed before the deploy UI test');
    await page.locator('.notification-toast', { hasText: `Pushed ${FLOW_NAME} v1` }).waitFor({ timeout: UI_TIMEOUT });

    await workbench.runCommand('View: Show Explorer');
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: /^ready-s3-to-sqs\.json$/ }).first();
    await row.waitFor({ timeout: UI_TIMEOUT });
    await row.click({ button: 'right' });
    const menuItem = page.locator('.monaco-menu .action-label', { hasText: /^Deploy to Lambda…$/ });
    await menuItem.waitFor({ timeout: UI_TIMEOUT });
    await menuItem.click();
    // Under load the menu can take the click as a hover only; the item is then highlighted: Enter runs it.
    const menu = page.locator('.context-view .monaco-menu');
    if (await menu.isVisible() && !(await menu.waitFor({ state: 'hidden', timeout: 2_000 }).then(() => true, () => false))) {
      await page.keyboard.press('Enter');
    }

    await answerInput(page, 'Value of AwsAccessKeyId', 'AKIAUITESTVALUE00001');
    await answerInput(page, 'Value of AwsSecretAccessKey', 'ui-test-secret-value');

    // The plan, in its read-only document beside the modal.
    await workbench.activeTab(`${FUNCTION} sandbox plan.txt`).waitFor({ timeout: UI_TIMEOUT });
    const planText = page.locator('.editor-group-container.active .monaco-editor .view-lines');
    for (const part of [`Account:       ${e2eAws().fake.account}`, 'Region:        us-east-1', `Function:      ${FUNCTION} (alias live)`, 'Create function', 'DF_PRIVATE_KEY = ********']) {
      await planText.getByText(part, { exact: false }).first().waitFor({ timeout: UI_TIMEOUT });
    }
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.getByText(`Deploy S3 to SQS to ${FUNCTION} in account ${e2eAws().fake.account}, region us-east-1?`).waitFor({ timeout: UI_TIMEOUT });
    await session().screenshot('deploy-1-plan-and-confirmation');
    await dialog.getByRole('button', { name: 'Deploy', exact: true }).click();

    const result = page.locator('.notification-toast', { hasText: `Deployed S3 to SQS to ${FUNCTION}: version 1, alias live (us-east-1)` });
    await result.waitFor({ timeout: 60_000 });
    await session().screenshot('deploy-2-result');
    const fn = e2eAws().fake.lambda.function(FUNCTION);
    if (fn?.aliases.get('live')?.functionVersion !== '1') throw new Error('the AWS stand-in has no function with alias live on version 1');
    if (!catalog.flows.size) throw new Error('the catalog stand-in received no flow');
  });
});

