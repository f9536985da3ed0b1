import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PushResult } from '../../../src/core/catalog/push';
import type { DffExtensionApi } from '../../../src/extension';
import type { AwsApi } from '../../../src/vscode/aws/register';
import type { CatalogApi } from '../../../src/vscode/catalog/register';
import type { VersionNode } from '../../../src/vscode/catalog/treeItems';
import type { DeployApi } from '../../../src/vscode/deploy/register';
import type { DeployOptions, DeployOutcome } from '../../../src/vscode/deploy/options';
import { startAwsHarness, type AwsHarness } from '../../fakes/aws/harness';
import { startFakeCatalog, type FakeCatalog } from '../../fakes/catalog/server';
import { generateEd25519AccessKey, writeCdpFiles, type TestAccessKey } from '../../fakes/catalog/testKeys';
import { MessageCapture } from '../messageCapture';
import { labels, QuickInputDriver } from '../quickInputDriver';

// "Deploy to Lambda" in the real extension host, against the catalog and AWS stand-ins started
// here: the sample's sandbox target (samples/dff.deploy.json), run the way the Explorer's context
// menu runs it, the modal confirmation answered, then what the stand-in holds afterwards; a second
// deploy changes nothing and writes nothing; a flow with errors is refused before any AWS call.

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { publisher: string; name: string };
const extensionId = `${manifest.publisher}.${manifest.name}`;
const CDP_PROFILE = 'dff-deploy-integration';
const FUNCTION = 's3-to-sqs-sandbox';
const ARTIFACTS = 'dff-sandbox-artifacts';
const ZIP_KEY = 'naaf-aws-lambda-1.0.0-bin.zip';
const INCOMING = 'dff-sandbox-incoming';
const ARCHIVE = 'dff-sandbox-archive';
const OTHER_TEAM_QUEUE = 'arn:aws:sqs:us-east-1:123456789012:other-team-audit';
const SENSITIVE = { AwsAccessKeyId: 'AKIASENSITIVEVALUE01', AwsSecretAccessKey: 'sensitive-secret-value-do-not-show' };
const ENV_NAMES = ['CDP_SHARED_CREDENTIALS_FILE', 'CDP_CONFIG_FILE', 'CDP_PROFILE', 'CDP_REGION', 'CDP_ACCESS_KEY_ID', 'CDP_PRIVATE_KEY', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_PROFILE', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'];

describe('Deploy to Lambda', function () {
  this.timeout(120_000);
  let catalog: FakeCatalog;
  let aws: AwsHarness;
  let deployApi: DeployApi;
  let awsApi: AwsApi;
  let catalogApi: CatalogApi;
  let cdpKey: TestAccessKey;
  let functionKey: TestAccessKey;
  let tmp: string;
  let pushed: PushResult;
  const messages = new MessageCapture();
  const savedEnv: Record<string, string | undefined> = {};

  before(async () => {
    catalog = await startFakeCatalog();
    cdpKey = generateEd25519AccessKey();
    catalog.addKey(cdpKey.accessKeyId, cdpKey.publicKey);
    aws = await startAwsHarness({ profile: 'sandbox' });
    aws.fake.s3.seedBucket(ARTIFACTS, { objects: { [ZIP_KEY]: 'PK\u0003\u0004 DataFlow Functions binaries (stand-in)' } });
    // Another team's entry on the trigger bucket, which deploy must keep (on other events: S3 refuses overlapping entries).
    aws.fake.s3.seedBucket(INCOMING, {
      notificationXml:
        '<NotificationConfiguration><QueueConfiguration><Id>other-team</Id><Queue>' +
        OTHER_TEAM_QUEUE +
        '</Queue><Event>s3:ObjectRemoved:*</Event></QueueConfiguration></NotificationConfiguration>',
    });

    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dff-deploy-test-'));
    for (const name of ENV_NAMES) {
      savedEnv[name] = process.env[name];
      delete process.env[name];
    }
    Object.assign(process.env, writeCdpFiles(tmp, CDP_PROFILE, cdpKey, catalog.url).env, {
      AWS_CONFIG_FILE: aws.configFile,
      AWS_SHARED_CREDENTIALS_FILE: aws.credentialsFile,
      AWS_PROFILE: aws.profile,
    });

    const extension = vscode.extensions.getExtension<DffExtensionApi>(extensionId);
    assert.ok(extension, `${extensionId} is not loaded in this VS Code`);
    ({ deploy: deployApi, aws: awsApi, catalog: catalogApi } = await extension.activate());
    messages.install();
    assert.equal(await vscode.commands.executeCommand('dff.cdp.selectProfile', CDP_PROFILE), CDP_PROFILE);
    await vscode.commands.executeCommand('dff.aws.reloadCredentials');
    functionKey = generateEd25519AccessKey();
    await vscode.commands.executeCommand('dff.deploy.setFunctionKey', { accessKeyId: functionKey.accessKeyId, privateKey: functionKey.privateKey });

    const result = await vscode.commands.executeCommand<PushResult | undefined>('dff.catalog.push', workspaceFile('ready-s3-to-sqs.json'), {
      name: 'ReadyS3ToSqsDeploy',
      comments: 'For the deploy test',
    });
    assert.ok(result, 'the sample flow could not be pushed to the catalog stand-in');
    pushed = result;
  });

  after(async () => {
    messages.uninstall();
    await vscode.commands.executeCommand('dff.deploy.removeFunctionKey');
    for (const [name, value] of Object.entries(savedEnv)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await aws?.close();
    await catalog?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('offers Deploy to Lambda beside Push to Catalog in the CodeLens of a flow file', async () => {
    const uri = workspaceFile('ready-s3-to-sqs.json');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const lenses = await waitFor(async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100);
      return found.some((lens) => lens.command?.command === 'dff.deploy.deploy') ? found : undefined;
    }, 'the Deploy to Lambda lens');
    const titles = lenses.map((lens) => lens.command?.title);
    assert.deepEqual(titles.slice(0, 3), ['$(check) Ready for DataFlow Functions', '$(cloud-upload) Push to Catalog', '$(rocket) Deploy to Lambda']);
    const deploy = lenses.find((lens) => lens.command?.command === 'dff.deploy.deploy');
    assert.equal(String(deploy?.command?.arguments?.[0]), uri.toString());
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('deploys the sample to its sandbox target after the modal confirmation, and the stand-in holds the function, alias, secret and trigger', async () => {
    const from = messages.shown.length;
    messages.modalAnswers.push('Deploy');
    const outcome = await deployFromExplorer('ready-s3-to-sqs.json', { target: 'sandbox', sensitiveValues: SENSITIVE });
    assert.equal(outcome?.status, 'deployed', JSON.stringify({ outcome, messages: messages.since(from) }));
    assert.equal(outcome.version, '1');
    assert.equal(outcome.alias, 'live');

    // The modal named the account, the region and the function.
    const modal = messages.since(from).find((message) => message.modal);
    assert.ok(modal, 'no modal confirmation was shown');
    for (const part of [aws.fake.account, aws.fake.region, FUNCTION]) assert.ok(modal.message.includes(part), `the confirmation lacks ${part}: ${modal.message}`);

    // The plan document: account, region, function; no secret value.
    const plan = outcome.planText ?? '';
    assert.equal(deployApi.plansShown().at(-1), plan);
    for (const part of [aws.fake.account, aws.fake.region, FUNCTION, 'DF_PRIVATE_KEY', 'AwsSecretAccessKey']) assert.ok(plan.includes(part), `the plan lacks ${part}:\n${plan}`);
    for (const secret of [functionKey.privateKey, SENSITIVE.AwsAccessKeyId, SENSITIVE.AwsSecretAccessKey]) assert.ok(!plan.includes(secret), 'the plan shows a secret value');

    const fn = aws.fake.lambda.function(FUNCTION);
    assert.ok(fn, 'the function was not created');
    const env = fn.latest.environment ?? {};
    assert.equal(env.FLOW_CRN, pushed.versionCrn);
    assert.equal(env.DF_ACCESS_KEY, functionKey.accessKeyId);
    assert.equal(env.DF_PRIVATE_KEY, functionKey.privateKey);
    assert.equal(env.QueueUrl, 'https://sqs.us-east-1.amazonaws.com/123456789012/new-objects');
    assert.ok(!('AwsSecretAccessKey' in env) && !('AwsAccessKeyId' in env), 'a sensitive parameter became an environment variable');
    assert.equal(fn.latest.handler, 'com.cloudera.naaf.aws.lambda.StatelessNiFiFunctionHandler::handleRequest');
    assert.equal(fn.aliases.get('live')?.functionVersion, '1');

    const secret = aws.fake.secretsManager.secret('s3_to_sqs');
    assert.ok(secret, 'the secret s3_to_sqs was not created');
    assert.deepEqual(JSON.parse(aws.fake.secretsManager.currentValue('s3_to_sqs') ?? '{}'), SENSITIVE);

    const notification = aws.fake.s3.notification(INCOMING);
    const destinations = notification?.entries.map((entry) => entry.destination).sort();
    assert.deepEqual(destinations, [outcome.aliasArn, OTHER_TEAM_QUEUE].sort(), 'the trigger is not on the alias, or the other team\'s entry was lost');

    const deployed = messages.since(from).find((message) => message.severity === 'information' && message.message.startsWith('Deployed'));
    assert.ok(deployed, `no result notification: ${JSON.stringify(messages.since(from))}`);
    assert.match(deployed.message, /version 1, alias live/);

    // The log tells what was done, and no secret value.
    const logText = await waitFor(async () => {
      const text = await readLog();
      return text.includes(`Deployed ${FUNCTION} version 1`) ? text : undefined;
    }, 'the deploy in the log');
    for (const secret of [functionKey.privateKey, SENSITIVE.AwsSecretAccessKey, aws.credentials.secretAccessKey]) assert.ok(!logText.includes(secret), 'the log holds a secret value');
  });

  it('says "No changes" on a second deploy and makes no write call', async () => {
    aws.fake.resetCalls();
    const from = messages.shown.length;
    const outcome = await deployFromExplorer('ready-s3-to-sqs.json', { target: 'sandbox', sensitiveValues: SENSITIVE });
    assert.equal(outcome?.status, 'noChanges', JSON.stringify({ outcome, messages: messages.since(from) }));
    const writes = aws.fake.calls.filter((call) => call.write);
    assert.deepEqual(writes.map((call) => `${call.service} ${call.operation}`), []);
    assert.ok(aws.fake.calls.length > 0, 'the second deploy did not read what exists');
    assert.ok(!messages.since(from).some((message) => message.modal), 'a deploy with no changes asked for confirmation');
    assert.ok(messages.since(from).some((message) => message.message.startsWith('No changes')), JSON.stringify(messages.since(from)));
  });

  it('refuses a flow with validation errors before any AWS call, after writing the new target the guided input gave', async () => {
    aws.fake.resetCalls();
    const from = messages.shown.length;
    const outcome = await deployFromExplorer('broken-two-input-ports.json', {
      newTarget: { name: 'dev', functionName: 'two-inputs', role: { create: 'two-inputs-role' }, code: `s3://${ARTIFACTS}/${ZIP_KEY}`, alias: 'live' },
      sensitiveValues: {},
    });
    assert.equal(outcome?.status, 'refused', JSON.stringify(outcome));
    assert.ok(outcome.refusals?.some((reason) => /validation error/.test(reason)), JSON.stringify(outcome.refusals));
    assert.deepEqual(aws.fake.calls, [], 'a refused deploy called AWS');
    assert.ok(messages.since(from).some((message) => message.severity === 'error' && message.message.startsWith('Not deployed')));

    const written = JSON.parse(fs.readFileSync(workspaceFile('dff.deploy.json').fsPath, 'utf8')) as { flows: Record<string, { targets: Record<string, unknown> }> };
    assert.deepEqual(Object.keys(written.flows).sort(), ['broken-two-input-ports.json', 'ready-s3-to-sqs.json']);
    assert.deepEqual(written.flows['broken-two-input-ports.json'].targets.dev, {
      functionName: 'two-inputs',
      executionRole: { create: 'two-inputs-role' },
      code: { s3: `s3://${ARTIFACTS}/${ZIP_KEY}` },
    });
  });

  it('names the failed step and the denied IAM action, and deploying again resumes to the same end state', async () => {
    aws.fake.inject({ service: 'lambda', operation: 'UpdateFunctionConfiguration', kind: 'accessDenied' });
    const from = messages.shown.length;
    messages.modalAnswers.push('Deploy');
    const newQueue = 'https://sqs.us-east-1.amazonaws.com/123456789012/renamed-queue';
    // Update Parameters on the function (as the Functions view passes it), the new value given as the command's argument.
    const failed = await vscode.commands.executeCommand<DeployOutcome | undefined>(
      'dff.deploy.updateParameters',
      FUNCTION,
      { parameters: { QueueUrl: newQueue }, sensitive: {} },
      { sensitiveValues: {} },
    );
    assert.equal(failed?.status, 'failed', JSON.stringify(failed));
    const error = messages.since(from).find((message) => message.severity === 'error');
    assert.ok(error, 'no failure message');
    assert.match(error.message, /failed at step \d+ of \d+/);
    assert.match(error.message, /lambda:UpdateFunctionConfiguration/);
    assert.match(error.message, /Deploying again resumes/);
    assert.equal(aws.fake.lambda.function(FUNCTION)?.aliases.get('live')?.functionVersion, '1', 'the alias moved although the update failed');

    // The value was written to the target, so a plain deploy (what Retry runs) finishes the job.
    messages.modalAnswers.push('Deploy');
    const resumed = await deployFromExplorer('ready-s3-to-sqs.json', { target: 'sandbox', sensitiveValues: {} });
    assert.equal(resumed?.status, 'deployed', JSON.stringify(resumed));
    assert.equal(resumed.version, '2');
    const fn = aws.fake.lambda.function(FUNCTION);
    assert.equal(fn?.latest.environment?.QueueUrl, newQueue);
    assert.equal(fn?.aliases.get('live')?.functionVersion, '2');
    // The secret kept the values given on the first deploy: none was asked for now.
    assert.deepEqual(JSON.parse(aws.fake.secretsManager.currentValue('s3_to_sqs') ?? '{}'), SENSITIVE);
    const written = JSON.parse(fs.readFileSync(workspaceFile('dff.deploy.json').fsPath, 'utf8')) as { flows: Record<string, { targets: Record<string, { parameters?: unknown }> }> };
    assert.deepEqual(written.flows['ready-s3-to-sqs.json'].targets.sandbox.parameters, { QueueUrl: newQueue });
  });

  it('adds an S3 trigger to the function from the Functions view: written to the target, bound to the alias', async () => {
    aws.fake.s3.seedBucket(ARCHIVE);
    awsApi.refreshFunctions();
    const node = (await awsApi.children()).find((item) => item.kind === 'function' && item.summary.name === FUNCTION);
    assert.ok(node, 'the Functions view does not list the deployed function');
    messages.modalAnswers.push('Deploy');
    const outcome = await vscode.commands.executeCommand<DeployOutcome | undefined>(
      'dff.deploy.addS3Trigger',
      node,
      { bucket: ARCHIVE, suffix: '.csv' },
      { sensitiveValues: {} },
    );
    assert.equal(outcome?.status, 'deployed', JSON.stringify(outcome));
    const entries = aws.fake.s3.notification(ARCHIVE)?.entries ?? [];
    assert.deepEqual(entries.map((entry) => [entry.destination, entry.filterRules]), [[outcome.aliasArn, [{ name: 'suffix', value: '.csv' }]]]);
    // The first trigger stayed.
    assert.ok(aws.fake.s3.notification(INCOMING)?.entries.some((entry) => entry.destination === outcome.aliasArn));
    const written = JSON.parse(fs.readFileSync(workspaceFile('dff.deploy.json').fsPath, 'utf8')) as { flows: Record<string, { targets: Record<string, { triggers?: unknown[] }> }> };
    assert.deepEqual(written.flows['ready-s3-to-sqs.json'].targets.sandbox.triggers, [
      { bucket: INCOMING, prefix: 'incoming/', suffix: '.json' },
      { bucket: ARCHIVE, suffix: '.csv' },
    ]);
  });

  it('deploys the version chosen in the Catalog view ("Deploy this Version") with the targets of the file it was pushed from', async () => {
    const second = await vscode.commands.executeCommand<PushResult | undefined>('dff.catalog.push', workspaceFile('ready-s3-to-sqs.json'), {
      name: 'ReadyS3ToSqsDeploy',
      comments: 'Second version',
    });
    assert.equal(second?.version, 2);
    await vscode.commands.executeCommand('dff.catalog.refresh');
    const flow = (await catalogApi.children()).find((node) => node.kind === 'flow' && node.flow.name === 'ReadyS3ToSqsDeploy');
    assert.ok(flow, 'the Catalog view does not list the pushed flow');
    const first = (await catalogApi.children(flow)).find((node): node is VersionNode => node.kind === 'version' && node.version.version === 1);
    assert.ok(first, 'the Catalog view does not list version 1');

    const outcome = await vscode.commands.executeCommand<DeployOutcome | undefined>('dff.deploy.deployVersion', first, undefined, { sensitiveValues: {} });
    assert.equal(outcome?.status, 'noChanges', `version 1 is what runs already: ${JSON.stringify(outcome)}`);

    // The file's own default is the version last pushed from it: version 2.
    messages.modalAnswers.push('Deploy');
    const latest = await deployFromExplorer('ready-s3-to-sqs.json', { target: 'sandbox', sensitiveValues: {} });
    assert.equal(latest?.status, 'deployed', JSON.stringify(latest));
    assert.equal(aws.fake.lambda.function(FUNCTION)?.latest.environment?.FLOW_CRN, second.versionCrn);

    messages.modalAnswers.push('Deploy');
    const back = await vscode.commands.executeCommand<DeployOutcome | undefined>('dff.deploy.deployVersion', first, undefined, { sensitiveValues: {} });
    assert.equal(back?.status, 'deployed', JSON.stringify(back));
    assert.equal(aws.fake.lambda.function(FUNCTION)?.latest.environment?.FLOW_CRN, pushed.versionCrn);
    assert.match(back.planText ?? '', new RegExp(`Flow version: +${escapeRegExp(pushed.versionCrn)}`));
    assert.deepEqual(messages.modalAnswers, [], 'a confirmation the test answered was never asked');
  });

  describe('the guided input that creates a target', () => {
    const EC2_TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
    const NEWER_ZIP = 'naaf-aws-lambda-1.1.0-bin.zip';
    const EU_BUCKET = 'wizard-eu-artifacts';
    let quick: QuickInputDriver;
    let lambdaRoleArn: string;

    beforeEach(() => {
      const fake = aws.fake;
      if (!fake.lambda.function('wizard-existing')) fake.lambda.seedFunction({ name: 'wizard-existing' });
      lambdaRoleArn = fake.iam.role('wizard-etl-exec')?.arn ?? fake.iam.seedRole('wizard-etl-exec').arn;
      if (!fake.iam.role('wizard-ec2-web')) fake.iam.seedRole('wizard-ec2-web', { assumeRolePolicyDocument: EC2_TRUST });
      if (!fake.s3.bucket(EU_BUCKET)) fake.s3.seedBucket(EU_BUCKET, { region: 'eu-west-1' });
      // Newer than the seeded binaries: offered first.
      fake.s3.seedObject(ARTIFACTS, NEWER_ZIP, 'PK\u0003\u0004 newer binaries (stand-in)', fake.world.now() + 60_000);
      fake.s3.seedObject(ARTIFACTS, 'notes/readme.txt', 'not a zip');
      quick = new QuickInputDriver();
      quick.install();
    });

    afterEach(async () => {
      quick.uninstall();
      // A test that failed half-way leaves its quick input open: close it, which cancels the deploy.
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    });

    it('offers the account’s functions, the roles Lambda can assume, the region’s buckets and the newest zips; Back works; a denied listing says why and takes a typed key', async () => {
      aws.fake.resetCalls();
      const running = deployFromExplorer('broken-two-success-ports.json', { sensitiveValues: {} });

      const targetName = await quick.inputBox();
      assert.equal(targetName.value, 'dev');
      await quick.enter(targetName);

      const functions = await quick.pick();
      assert.ok(labels(functions).includes('wizard-existing'), `the account's function is not offered: ${labels(functions).join(', ')}`);
      await quick.type(functions, 'wizard-fn');

      const roles = await quick.pick();
      assert.equal(labels(roles)[0], '$(add) Create a new role…');
      assert.ok(labels(roles).includes('wizard-etl-exec'), `the Lambda role is not offered: ${labels(roles).join(', ')}`);
      assert.ok(!labels(roles).includes('wizard-ec2-web'), 'a role Lambda cannot assume is offered');
      await quick.choose(roles, 'wizard-etl-exec');

      const buckets = await quick.pick();
      for (const bucket of [ARTIFACTS, INCOMING]) assert.ok(labels(buckets).includes(bucket), `${bucket} is not offered: ${labels(buckets).join(', ')}`);
      assert.ok(!labels(buckets).includes(EU_BUCKET), 'a bucket of another region is offered');
      assert.ok(buckets.items.some((item) => item.kind === vscode.QuickPickItemKind.Separator && item.label === `Buckets in ${aws.fake.region}`));
      await quick.choose(buckets, ARTIFACTS);

      const zips = await quick.pick();
      assert.deepEqual(labels(zips), [NEWER_ZIP, ZIP_KEY], 'the zips, newest first, and nothing else');

      // Back to the buckets; this time S3 refuses to list the bucket.
      await quick.back();
      const bucketsAgain = await quick.pick();
      assert.ok(labels(bucketsAgain).includes(ARTIFACTS));
      aws.fake.inject({ service: 's3', operation: 'ListObjectsV2', kind: 'accessDenied' });
      await quick.choose(bucketsAgain, ARTIFACTS);
      const denied = await quick.pick();
      assert.deepEqual(labels(denied), []);
      assert.match(denied.placeholder ?? '', new RegExp(`^The zips in ${ARTIFACTS} could not be listed \\(access denied\\): type the key`));
      await quick.type(denied, ZIP_KEY);

      const alias = await quick.inputBox();
      assert.equal(alias.value, 'live');
      await quick.enter(alias);

      const trigger = await quick.pick();
      assert.equal(labels(trigger)[0], 'No S3 trigger');
      assert.ok(labels(trigger).includes(INCOMING));
      await quick.choose(trigger, INCOMING);
      await quick.enter(await quick.inputBox(), 'drop/*.csv');

      const outcome = await running;
      assert.equal(outcome?.status, 'refused', JSON.stringify(outcome));
      const written = JSON.parse(fs.readFileSync(workspaceFile('dff.deploy.json').fsPath, 'utf8')) as { flows: Record<string, { targets: Record<string, unknown> }> };
      assert.deepEqual(written.flows['broken-two-success-ports.json'].targets.dev, {
        functionName: 'wizard-fn',
        executionRole: { arn: lambdaRoleArn },
        code: { s3: `s3://${ARTIFACTS}/${ZIP_KEY}` },
        triggers: [{ bucket: INCOMING, prefix: 'drop/', suffix: '.csv' }],
      });
      assert.deepEqual(aws.fake.calls.filter((call) => call.write).map((call) => call.operation), [], 'the guided input wrote to AWS');
      // The buckets were listed once for the binaries and the trigger steps.
      assert.equal(aws.fake.calls.filter((call) => call.operation === 'ListBuckets').length, 1);
    });

    it('takes a zip on this computer and the bucket to upload it to, and offers to create a role when roles cannot be listed', async () => {
      const zip = workspaceFile('wizard-binaries.zip');
      fs.writeFileSync(zip.fsPath, 'PK\u0003\u0004 local binaries (stand-in)');
      const window = vscode.window as unknown as { showOpenDialog: typeof vscode.window.showOpenDialog };
      const showOpenDialog = window.showOpenDialog;
      let dialogs = 0;
      window.showOpenDialog = async () => {
        dialogs++;
        return [zip];
      };
      try {
        aws.fake.inject({ service: 'iam', operation: 'ListRoles', kind: 'accessDenied' });
        const running = deployFromExplorer('broken-undefined-reference.json', { sensitiveValues: {} });
        await quick.enter(await quick.inputBox());
        await quick.type(await quick.pick(), 'wizard-local');

        const roles = await quick.pick();
        assert.deepEqual(labels(roles), ['$(add) Create a new role…']);
        assert.match(roles.placeholder ?? '', /^Roles could not be listed \(no permission iam:ListRoles\): paste a role ARN, or create a role/);
        await quick.choose(roles, '$(add) Create a new role…');
        const roleName = await quick.inputBox();
        assert.equal(roleName.value, 'wizard-local-role');
        await quick.enter(roleName);

        const local = '$(file-zip) A zip on this computer…';
        await quick.choose(await quick.pick(), local);
        const upload = await quick.pick();
        assert.match(upload.placeholder ?? '', /uploads wizard-binaries\.zip to/);
        // Back from the upload bucket: the zip is asked for again.
        await quick.back();
        await quick.choose(await quick.pick(), local);
        assert.equal(dialogs, 2);
        await quick.choose(await quick.pick(), ARTIFACTS);

        await quick.enter(await quick.inputBox());
        await quick.choose(await quick.pick(), 'No S3 trigger');

        const outcome = await running;
        assert.equal(outcome?.status, 'refused', JSON.stringify(outcome));
        const deployFile = workspaceFile('dff.deploy.json').fsPath;
        const written = JSON.parse(fs.readFileSync(deployFile, 'utf8')) as { flows: Record<string, { targets: Record<string, { code?: { localZip?: string } }> }> };
        const target = written.flows['broken-undefined-reference.json'].targets.dev;
        assert.deepEqual(Object.keys(target).sort(), ['code', 'executionRole', 'functionName']);
        assert.deepEqual({ ...target, code: { ...target.code, localZip: undefined } }, {
          functionName: 'wizard-local',
          executionRole: { create: 'wizard-local-role' },
          code: { localZip: undefined, uploadBucket: ARTIFACTS },
        });
        // Relative to dff.deploy.json, so the file works on every machine that checks it out.
        assert.ok(!path.isAbsolute(target.code?.localZip ?? ''), `localZip is absolute: ${target.code?.localZip}`);
        assert.equal(path.resolve(path.dirname(deployFile), target.code?.localZip ?? ''), zip.fsPath);
      } finally {
        window.showOpenDialog = showOpenDialog;
      }
    });
  });

  /** Runs the command as the Explorer's context menu does (the file, then the selection), with the test's answers. */
  async function deployFromExplorer(file: string, options: DeployOptions): Promise<DeployOutcome | undefined> {
    const uri = workspaceFile(file);
    const outcome = await vscode.commands.executeCommand<DeployOutcome | undefined>('dff.deploy.deploy', uri, options);
    assert.deepEqual(deployApi.lastOutcome(), outcome);
    return outcome;
  }
});

function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder (runInCodeServer opens a copy of samples/)');
  return vscode.Uri.joinPath(folder.uri, name);
}

async function readLog(): Promise<string> {
  const extension = vscode.extensions.getExtension<DffExtensionApi>(extensionId);
  const logUri = extension?.exports.logUri;
  if (!logUri) return '';
  const texts: string[] = [];
  const entries = await vscode.workspace.fs.readDirectory(logUri).then(undefined, () => [] as [string, vscode.FileType][]);
  for (const [name, type] of entries) {
    if (type !== vscode.FileType.File) continue;
    texts.push(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(logUri, name))));
  }
  return texts.join('\n');
}

async function waitFor<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
