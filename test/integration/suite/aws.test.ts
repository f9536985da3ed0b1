import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DffExtensionApi } from '../../../src/extension';
import type { AwsApi } from '../../../src/vscode/aws/register';
import type { AwsStatus } from '../../../src/vscode/aws/statusBar';
import type { FunctionNode, FunctionsNode, GroupNode } from '../../../src/vscode/aws/functionNodes';
import { newTestCredentials, type TestAwsCredentials } from '../../fakes/aws/harness';
import { logStreamName } from '../../fakes/aws/lambdaInvoke';
import { SAMPLE_DF_PRIVATE_KEY, seedSampleFunctions, type SampleSeed } from '../../fakes/aws/seed';
import { startFakeAws, type FakeAws } from '../../fakes/aws/server';
import { MessageCapture } from '../messageCapture';

// The AWS status bar item, the Functions view, logs and invocations against the AWS stand-in,
// started in this extension host. The extension reads AWS_CONFIG_FILE and
// AWS_SHARED_CREDENTIALS_FILE from the environment whenever it lists profiles, so the test points
// them at files whose profiles name the stand-in in endpoint_url.

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { publisher: string; name: string };
const extensionId = `${manifest.publisher}.${manifest.name}`;
const PROFILE = 'dff-it';
const OTHER_PROFILE = 'dff-it-other';
const OTHER_ACCOUNT = '210987654321';
const EXPIRED_PROFILE = 'dff-it-expired';
const SECRET_VALUE = 'sqs-secret-value-never-shown';
const AWS_ENV = ['AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_PROFILE', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'];

describe('AWS: status bar, Functions view, logs and invoke', function () {
  this.timeout(60_000);
  let fake: FakeAws;
  let seed: SampleSeed;
  let aws: AwsApi;
  let logUri: vscode.Uri;
  const secretKeys: string[] = [];
  let tmp: string;
  let beforeUse: { status: AwsStatus; engineLoaded: boolean };
  let flowFile: vscode.Uri | undefined;
  const messages = new MessageCapture();
  const savedEnv: Record<string, string | undefined> = {};

  before(async () => {
    fake = await startFakeAws();
    const main = newTestCredentials();
    fake.addCredentials({ ...main, userName: 'dev' });
    const other = newTestCredentials();
    fake.addCredentials({ ...other, account: OTHER_ACCOUNT, userName: 'ops' });
    const expired = newTestCredentials(true);
    fake.addCredentials({ ...expired, userName: 'expired' });
    fake.expireCredentials(expired.accessKeyId);
    secretKeys.push(main.secretAccessKey, other.secretAccessKey, expired.secretAccessKey, expired.sessionToken ?? '');
    seed = seedSampleFunctions(fake);
    fake.lambda.seedFunction({
      name: 'dff-broken',
      handler: 'com.cloudera.naaf.aws.lambda.StatelessNiFiFunctionHandler::handleRequest',
      role: seed.roleArn,
      environment: { DF_ACCESS_KEY: 'id', FLOW_CRN: 'crn:cdp:df:us-west-1:acc:flow:Broken' },
      state: 'Failed',
      stateReason: 'The role defined for the function cannot be assumed by Lambda.',
    });
    fake.lambda.seedFunction({
      name: 'dff-no-key',
      handler: 'com.cloudera.naaf.aws.lambda.StatelessNiFiFunctionHandler::handleRequest',
      role: seed.roleArn,
      environment: { DF_ACCESS_KEY: 'id', FLOW_CRN: 'crn:cdp:df:us-west-1:acc:flow:NoKey/v.1' },
    });
    fake.secretsManager.seedSecret('S3ToSqsParams', { secretString: JSON.stringify({ SqsSecret: SECRET_VALUE }) });

    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dff-aws-test-'));
    const files = writeProfiles(tmp, fake, [
      { name: PROFILE, credentials: main, region: fake.region },
      { name: OTHER_PROFILE, credentials: other, region: 'eu-west-1' },
      { name: EXPIRED_PROFILE, credentials: expired, region: fake.region },
    ]);
    for (const name of AWS_ENV) {
      savedEnv[name] = process.env[name];
      delete process.env[name];
    }
    process.env.AWS_CONFIG_FILE = files.configFile;
    process.env.AWS_SHARED_CREDENTIALS_FILE = files.credentialsFile;

    const extension = vscode.extensions.getExtension<DffExtensionApi>(extensionId);
    assert.ok(extension, `${extensionId} is not loaded in this VS Code`);
    ({ aws, logUri } = await extension.activate());
    beforeUse = { status: aws.status(), engineLoaded: aws.engineLoaded() || Object.keys(require.cache).some((file) => /[\\/]aws-engine\.js$/.test(file)) };
    messages.install();
    assert.equal(await vscode.commands.executeCommand('dff.aws.selectProfile', PROFILE, fake.region), PROFILE);
  });

  after(async () => {
    messages.uninstall();
    await vscode.workspace.getConfiguration('dff.functions').update('showAll', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('dff.functions').update('pageSize', undefined, vscode.ConfigurationTarget.Global);
    if (flowFile) await vscode.workspace.fs.delete(flowFile).then(undefined, () => undefined);
    for (const [name, value] of Object.entries(savedEnv)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await fake?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('loads no AWS code before AWS is used, then shows profile, region and account in the status bar', () => {
    assert.equal(beforeUse.engineLoaded, false, 'the AWS engine was loaded at activation');
    // Whether it shows depends on the open tabs and views (statusVisibility); what it says does not.
    assert.equal(beforeUse.status.text, '$(cloud) AWS: choose profile');
    const status = aws.status();
    assert.equal(status.text, `$(cloud) AWS: ${PROFILE} · ${fake.region}`);
    assert.equal(status.warning, false);
    assert.match(status.tooltip, new RegExp(`Account ${fake.account}`));
    assert.equal(status.command, 'dff.aws.selectProfile');
  });

  it('switches profile and region: the status bar shows the other account, and STS is asked once per switch', async () => {
    try {
      fake.resetCalls();
      await vscode.commands.executeCommand('dff.aws.selectProfile', OTHER_PROFILE);
      const status = aws.status();
      assert.equal(status.text, `$(cloud) AWS: ${OTHER_PROFILE} · eu-west-1`);
      assert.match(status.tooltip, new RegExp(`Account ${OTHER_ACCOUNT}`));
      assert.equal(fake.calls.filter((call) => call.operation === 'GetCallerIdentity').length, 1);
      assert.equal(await vscode.commands.executeCommand('dff.aws.selectRegion', 'us-west-2'), 'us-west-2');
      assert.equal(aws.status().text, `$(cloud) AWS: ${OTHER_PROFILE} · us-west-2`);
      assert.equal(aws.session.connection?.region, 'us-west-2');
    } finally {
      await vscode.commands.executeCommand('dff.aws.selectProfile', PROFILE, fake.region);
    }
    assert.equal(aws.status().text, `$(cloud) AWS: ${PROFILE} · ${fake.region}`);
  });

  it('turns the status bar to a warning for expired credentials, and the view says why with the fixes', async () => {
    try {
      await vscode.commands.executeCommand('dff.aws.selectProfile', EXPIRED_PROFILE);
      const status = aws.status();
      assert.equal(status.warning, true);
      assert.equal(status.text, `$(warning) AWS: ${EXPIRED_PROFILE} · ${fake.region}`);
      assert.match(status.tooltip, /expired/i);
      const rows = await aws.children();
      const labels = rows.map((row) => String(aws.treeItem(row).label));
      assert.equal(rows[0].kind, 'error');
      assert.match(labels[0], /expired/i);
      assert.ok(labels.includes('Choose AWS Profile…'), labels.join(' | '));
      assert.ok(labels.includes('Show Log'), labels.join(' | '));
    } finally {
      await vscode.commands.executeCommand('dff.aws.selectProfile', PROFILE, fake.region);
    }
    assert.equal(aws.status().warning, false);
  });

  it('lists only DataFlow Functions by default, every function with dff.functions.showAll', async () => {
    assert.deepEqual(names(await functionRows(aws)), ['dff-broken', 'dff-no-key', seed.staleTrigger.name, seed.healthy.name].sort());
    await vscode.workspace.getConfiguration('dff.functions').update('showAll', true, vscode.ConfigurationTarget.Global);
    try {
      await waitFor(async () => names(await functionRows(aws)).includes(seed.plain.name), 'the plain function to be listed');
    } finally {
      await vscode.workspace.getConfiguration('dff.functions').update('showAll', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor(async () => !names(await functionRows(aws)).includes(seed.plain.name), 'the plain function to be left out again');
  });

  it('pages through ListFunctions: one page at once, "Load more…" for the rest, one call per page', async () => {
    const settings = vscode.workspace.getConfiguration('dff.functions');
    await settings.update('pageSize', 1, vscode.ConfigurationTarget.Global);
    try {
      await vscode.commands.executeCommand('dff.functions.refresh');
      fake.resetCalls();
      let rows = await aws.children();
      assert.equal(rows.filter((node) => node.kind === 'function').length, 1);
      assert.equal(rows[rows.length - 1].kind, 'loadMore');
      assert.equal(aws.treeItem(rows[rows.length - 1]).label, 'Load more…');
      for (let clicks = 0; rows.some((node) => node.kind === 'loadMore'); clicks++) {
        assert.ok(clicks < 10, 'Load more never ends');
        await vscode.commands.executeCommand('dff.functions.loadMore');
        rows = await aws.children();
      }
      assert.deepEqual(names(rows.filter((node): node is FunctionNode => node.kind === 'function')), ['dff-broken', 'dff-no-key', seed.staleTrigger.name, seed.healthy.name].sort());
      // Five functions (one of them not a DataFlow Function), one per page: five ListFunctions calls.
      assert.equal(fake.calls.filter((call) => call.operation === 'ListFunctions').length, 5);
    } finally {
      await settings.update('pageSize', undefined, vscode.ConfigurationTarget.Global);
    }
    // With the default page size everything fits on one page: no "Load more…".
    await waitFor(async () => !(await aws.children()).some((node) => node.kind === 'loadMore'), 'one page without Load more');
  });

  it('shows each function\'s flow name and version, runtime and memory; a Failed state as a badge', async () => {
    const rows = await functionRows(aws);
    const healthy = byName(rows, seed.healthy.name);
    const item = aws.treeItem(healthy);
    assert.match(String(item.description), /^S3ToSqs v2 · java11 · 1024 MB · /);
    assert.equal(item.contextValue, 'dff.function.flow');

    const broken = byName(rows, 'dff-broken');
    await aws.children(broken);
    const brokenItem = aws.treeItem(broken);
    assert.match(String(brokenItem.description), /^\[Failed\] /);
    assert.match(tooltipText(brokenItem), /cannot be assumed/);
  });

  it('expands a function to its versions, aliases, triggers, environment (secrets masked) and the secret\'s keys', async () => {
    // The flow file in the workspace names the parameter context, so the secret S3ToSqsParams is read.
    flowFile = await writeWorkspaceFile('S3ToSqs.json', flowDefinition());
    await vscode.commands.executeCommand('dff.functions.refresh');
    const healthy = byName(await functionRows(aws), seed.healthy.name);
    const children = await aws.children(healthy);
    const groups = children.filter((node): node is GroupNode => node.kind === 'group');
    assert.deepEqual(groups.map((group) => group.label), ['Versions', 'Aliases', 'Triggers', 'Environment', 'Secret S3ToSqsParams']);
    const rowsOf = (label: string) => groupOf(groups, label).children.map((node) => row(aws, node));

    assert.deepEqual(rowsOf('Versions'), ['$LATEST S3ToSqs v2', 'Version 2 newest · ← live · S3ToSqs v2', 'Version 1 S3ToSqs v2']);
    assert.deepEqual(rowsOf('Aliases'), ['live → version 2']);
    assert.deepEqual(rowsOf('Triggers'), [`S3 ${seed.healthy.bucket} s3:ObjectCreated:* (prefix incoming/) → alias live`]);
    const environment = rowsOf('Environment');
    assert.ok(environment.includes('DF_PRIVATE_KEY •••••• (hidden)'), environment.join(' | '));
    assert.ok(environment.includes('DF_ACCESS_KEY 00000000-1111-2222-3333-444444444444'), environment.join(' | '));
    assert.deepEqual(rowsOf('Secret S3ToSqsParams'), ['SqsSecret value not shown']);
    // No secret value anywhere in what the view shows.
    const everything = JSON.stringify(children.flatMap((node) => [node, ...(node.kind === 'group' ? node.children : [])]).map((node) => aws.treeItem(node)));
    assert.ok(!everything.includes(SAMPLE_DF_PRIVATE_KEY), 'the DF_PRIVATE_KEY value is shown');
    assert.ok(!everything.includes(SECRET_VALUE), 'a secret value is shown');
    // QueueUrl is an env var, SqsSecret a key of the secret; Missing comes from neither.
    const warnings = children.filter((node) => node.kind === 'detail' && node.warning).map((node) => row(aws, node));
    assert.deepEqual(warnings, ['Parameter Missing has no value: no environment variable of that name and the secret S3ToSqsParams has no such key.']);
  });

  it('warns about a trigger left on an old version, as a row and as the function\'s decoration', async () => {
    const stale = byName(await functionRows(aws), seed.staleTrigger.name);
    const children = await aws.children(stale);
    const warnings = children.filter((node) => node.kind === 'detail' && node.warning).map((node) => row(aws, node));
    assert.ok(
      warnings.some((text) => text.startsWith(`The S3 trigger of bucket ${seed.staleTrigger.bucket} is bound to version 2, not the newest version 3`)),
      warnings.join(' | '),
    );
    const decoration = aws.decoration(seed.staleTrigger.name);
    assert.ok(decoration, 'the function has no decoration');
    assert.match(String(decoration.tooltip), /bound to version 2/);
    const triggers = groupOf(children.filter((node): node is GroupNode => node.kind === 'group'), 'Triggers');
    assert.match(row(aws, triggers.children[0]), /→ version 2 \(not the newest version\)$/);
    // The healthy function (trigger on its alias) has no such warning.
    assert.ok(!String(aws.decoration(seed.healthy.name)?.tooltip ?? '').includes('bound to version'));
  });

  it('shows the logs of the last 30 minutes with the ERROR line, then follows a new event', async () => {
    const uri = await aws.showLogs({ functionName: seed.staleTrigger.name }, { sinceMinutes: 30 });
    assert.ok(uri, 'no log document');
    const document = await vscode.workspace.openTextDocument(uri);
    const text = document.getText();
    assert.match(text, /ERROR \[main\] .* FlowFile routed to failure port failure: PutS3Object failed: Access Denied/);
    assert.equal(document.languageId, 'dff-log');
    assert.ok(aws.isFollowingLogs(uri));
    const marker = `INFO a new event ${Date.now()}`;
    fake.logs.append(`/aws/lambda/${seed.staleTrigger.name}`, logStreamName(Date.now(), '3'), [marker]);
    await waitFor(async () => document.getText().includes(marker), 'the followed event', 15_000);
    await vscode.commands.executeCommand('dff.functions.stopFollowingLogs', uri);
    assert.equal(aws.isFollowingLogs(uri), false);
  });

  it('shows the logs of an alias (its version only) and of a filter pattern (matching events only)', async () => {
    const healthy = byName(await functionRows(aws), seed.healthy.name);
    const aliases = groupOf((await aws.children(healthy)).filter((node): node is GroupNode => node.kind === 'group'), 'Aliases');
    const live = aliases.children.find((node) => node.kind === 'qualifier' && node.qualifier === 'live');
    assert.ok(live, 'no alias live');
    const aliasUri = await aws.showLogs(live, { sinceMinutes: 120, follow: false });
    assert.ok(aliasUri);
    const aliasText = (await vscode.workspace.openTextDocument(aliasUri)).getText();
    // Invocations of version 2 (30 and 5 minutes ago) but not that of version 1 (95 minutes ago).
    assert.equal(aliasText.match(/START RequestId: \S+ Version: 2/g)?.length, 2, aliasText);
    assert.doesNotMatch(aliasText, /Version: 1/);
    assert.equal(aws.isFollowingLogs(aliasUri), false);

    const filteredUri = await aws.showLogs({ functionName: seed.staleTrigger.name }, { sinceMinutes: 30, filterPattern: 'ERROR', follow: false });
    assert.ok(filteredUri);
    const filtered = (await vscode.workspace.openTextDocument(filteredUri)).getText();
    assert.match(filtered, /filter "ERROR"/);
    assert.match(filtered, /PutS3Object failed/);
    assert.doesNotMatch(filtered, /Running flow/);
  });

  it('opens the configuration as read-only JSON with secret values hidden, and copies a function\'s or alias\'s ARN', async () => {
    const healthy = byName(await functionRows(aws), seed.healthy.name);
    const uri = await vscode.commands.executeCommand<vscode.Uri>('dff.functions.openConfiguration', healthy);
    assert.ok(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    assert.equal(document.languageId, 'json');
    const configuration = JSON.parse(document.getText()) as { FunctionName: string; Handler: string; Environment: { Variables: Record<string, string> } };
    assert.equal(configuration.FunctionName, seed.healthy.name);
    assert.equal(configuration.Environment.Variables.DF_PRIVATE_KEY, '(hidden: a secret)');
    assert.match(configuration.Environment.Variables.FLOW_CRN, /flow:S3ToSqs\/v\.2$/);
    assert.ok(!document.getText().includes(SAMPLE_DF_PRIVATE_KEY));

    assert.equal(await vscode.commands.executeCommand('dff.functions.copyArn', healthy), healthy.summary.arn);
    assert.equal(await vscode.env.clipboard.readText(), healthy.summary.arn);
    const aliases = groupOf((await aws.children(healthy)).filter((node): node is GroupNode => node.kind === 'group'), 'Aliases');
    assert.equal(await vscode.commands.executeCommand('dff.functions.copyArn', aliases.children[0]), `${healthy.summary.arn}:live`);
  });

  it('invokes with an S3 test event and shows status, payload and the decoded log tail; a function error too', async () => {
    const healthy = byName(await functionRows(aws), seed.healthy.name);
    const result = await aws.invoke(healthy, { event: 's3', bucket: seed.healthy.bucket, key: 'incoming/new file.json' });
    assert.ok(result, 'no invocation result');
    assert.equal(result.outcome.statusCode, 200);
    assert.equal(result.outcome.functionError, undefined);
    assert.match(result.outcome.payload, /"status":"success"/);
    const text = (await vscode.workspace.openTextDocument(result.uri)).getText();
    assert.match(text, /^# Status: 200/m);
    assert.match(text, /"status": "success"/);
    assert.match(text, /Flow completed: 1 FlowFile transferred/);

    const broken = await aws.invoke({ functionName: 'dff-no-key' }, { event: 'empty' });
    assert.equal(broken?.outcome.functionError, 'Unhandled');
    const brokenText = (await vscode.workspace.openTextDocument(broken.uri)).getText();
    assert.match(brokenText, /^# ERROR: function error: Unhandled/m);
    assert.match(brokenText, /Environment variable DF_PRIVATE_KEY is required/);

    // Lambda refuses to invoke a Failed function: an error message says so (the command does not wait for it).
    const refused = await aws.invoke({ functionName: 'dff-broken' }, { event: 'empty' });
    assert.equal(refused, undefined);
    assert.ok(messages.shown.some((shown) => shown.severity === 'error' && /dff-broken/.test(shown.message) && /Failed/.test(shown.message)), JSON.stringify(messages.shown));
  });

  it('shows AccessDenied as an error row naming the denied action, with Retry', async () => {
    fake.inject({ service: 'lambda', operation: 'ListFunctions', kind: 'accessDenied' });
    await vscode.commands.executeCommand('dff.functions.refresh');
    const rows = await aws.children();
    assert.equal(rows[0].kind, 'error');
    const item = aws.treeItem(rows[0]);
    assert.match(String(item.label), /lambda:ListFunctions/);
    assert.equal(item.command?.command, 'dff.functions.refresh');
    assert.ok(rows.some((node) => aws.treeItem(node).label === 'Show Log'));
    await vscode.commands.executeCommand('dff.functions.refresh');
    assert.equal((await aws.children())[0].kind, 'function');
  });

  it('logs what it did (profile, invocations) and never a secret: no secret access key, private key or secret value', async () => {
    assert.ok(aws.callCount() > 0, 'no AWS call was reported');
    const log = await waitForLog(logUri, /Invoked s3-to-sqs: status 200/);
    assert.match(log, new RegExp(`AWS profile ${PROFILE} · ${fake.region} at ${escapeRegExp(fake.url)}, account ${fake.account}`));
    for (const [what, secret] of [['a secret access key', secretKeys[0]], ['another secret access key', secretKeys[1]], ['an expired secret access key', secretKeys[2]], ['a session token', secretKeys[3]], ['DF_PRIVATE_KEY', SAMPLE_DF_PRIVATE_KEY], ['a secret value', SECRET_VALUE]]) {
      // The message names the kind, never the value.
      assert.ok(!secret || !log.includes(secret), `the log contains ${what}`);
    }
  });
});

async function waitForLog(folder: vscode.Uri, expected: RegExp): Promise<string> {
  const deadline = Date.now() + 10_000;
  let text = '';
  while (Date.now() < deadline) {
    text = await readFolder(folder);
    if (expected.test(text)) return text;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return assert.fail(`the DataFlow Functions log in ${folder.fsPath} never said ${expected} (${text.length} characters read)`);
}

async function readFolder(folder: vscode.Uri): Promise<string> {
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(folder);
  } catch {
    return '';
  }
  const texts = await Promise.all(
    entries.map(async ([name, type]) => {
      const uri = vscode.Uri.joinPath(folder, name);
      if (type === vscode.FileType.Directory) return readFolder(uri);
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    }),
  );
  return texts.join('\n');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface ProfileFile {
  name: string;
  credentials: TestAwsCredentials;
  region: string;
}

function writeProfiles(dir: string, fake: FakeAws, profiles: ProfileFile[]): { configFile: string; credentialsFile: string } {
  const configFile = path.join(dir, 'config');
  const credentialsFile = path.join(dir, 'credentials');
  fs.writeFileSync(configFile, profiles.map((p) => `[profile ${p.name}]\nregion = ${p.region}\nendpoint_url = ${fake.url}\n`).join('\n'), { mode: 0o600 });
  fs.writeFileSync(
    credentialsFile,
    profiles
      .map((p) => `[${p.name}]\naws_access_key_id = ${p.credentials.accessKeyId}\naws_secret_access_key = ${p.credentials.secretAccessKey}\n${p.credentials.sessionToken ? `aws_session_token = ${p.credentials.sessionToken}\n` : ''}`)
      .join('\n'),
    { mode: 0o600 },
  );
  return { configFile, credentialsFile };
}

function flowDefinition(): string {
  return JSON.stringify({
    flowContents: { identifier: 'g', name: 'S3ToSqs', processors: [], parameterContextName: 'S3ToSqsParams' },
    parameterContexts: {
      S3ToSqsParams: {
        name: 'S3ToSqsParams',
        parameters: [
          { name: 'QueueUrl', sensitive: false, value: 'https://sqs.example/queue' },
          { name: 'SqsSecret', sensitive: true },
          { name: 'Missing', sensitive: false, value: 'x' },
        ],
      },
    },
  }, null, 2);
}

async function writeWorkspaceFile(name: string, text: string): Promise<vscode.Uri> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder');
  const uri = vscode.Uri.joinPath(folder.uri, name);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text));
  return uri;
}

async function functionRows(aws: AwsApi): Promise<FunctionNode[]> {
  return (await aws.children()).filter((node): node is FunctionNode => node.kind === 'function');
}

function names(rows: FunctionNode[]): string[] {
  return rows.map((node) => node.summary.name).sort();
}

function byName(rows: FunctionNode[], name: string): FunctionNode {
  const found = rows.find((node) => node.summary.name === name);
  assert.ok(found, `${name} is not listed: ${names(rows).join(', ')}`);
  return found;
}

function groupOf(groups: GroupNode[], label: string): GroupNode {
  const found = groups.find((group) => group.label === label);
  assert.ok(found, `no group ${label}: ${groups.map((group) => group.label).join(', ')}`);
  return found;
}

/** A row as a user reads it: label, then description. */
function row(aws: AwsApi, node: FunctionsNode): string {
  const item = aws.treeItem(node);
  return [item.label, item.description].filter((part) => part !== undefined && part !== '').join(' ');
}

function tooltipText(item: vscode.TreeItem): string {
  return typeof item.tooltip === 'string' ? item.tooltip : (item.tooltip?.value ?? '');
}

async function waitFor(condition: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) assert.fail(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
