import * as assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDeploy, type DeployCliDeps } from '../../../src/cli/deploy';
import { runDff } from '../../../src/cli/main';
import type { CliIo } from '../../../src/cli/io';
import { startHarness, type FakeCatalogHarness } from '../../fakes/catalog/harness';
import { writeCdpFiles } from '../../fakes/catalog/testKeys';
import { startAwsCli, type AwsCliFixture } from './awsHarness';
import { REPO_ROOT } from './fakeIo';

const FLOW_FIXTURE = join(REPO_ROOT, 'test/fixtures/flows/valid-minimal.json');
const VERSION_CRN = 'crn:cdp:df:us-west-1:9d74eee4-1cad-45d7-b645-7ccf9edbb73d:flow:S3ToSqs/v.3';
const SECRET_VALUE = 'sensitive-value-never-shown-42';
const PRIVATE_KEY = 'PRIVATE-KEY-never-shown-Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA==';
const ACCESS_KEY = 'a1b2c3d4-0000-4000-8000-00000000abcd';

function targetJson(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    functionName: 's3-to-sqs',
    executionRole: { create: 's3-to-sqs-role' },
    code: { s3: 's3://dff-binaries/naaf-aws-lambda-1.0-bin.zip' },
    flowVersion: VERSION_CRN,
    triggers: [{ bucket: 'landing-bucket', prefix: 'incoming/' }],
    ...overrides,
  };
}

describe('dff deploy', () => {
  let aws: AwsCliFixture;
  let folder: string;
  let everything: string;

  const writeDeployFile = (targets: Record<string, Record<string, unknown>>): void => {
    writeFileSync(join(folder, 'dff.deploy.json'), JSON.stringify({ flows: { 'flow.json': { targets } } }, null, 2));
  };

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'dff-cli-deploy-'));
    aws = await startAwsCli(folder);
    const { fake } = aws.harness;
    fake.s3.seedBucket('dff-binaries', { objects: { 'naaf-aws-lambda-1.0-bin.zip': Buffer.from('PK\u0003\u0004 DFF binaries stand-in') } });
    fake.s3.seedBucket('landing-bucket');
    copyFileSync(FLOW_FIXTURE, join(folder, 'flow.json'));
    writeDeployFile({ dev: targetJson() });
    Object.assign(aws.env, { DFF_PARAM_S3_SECRET_KEY: SECRET_VALUE, DFF_FUNCTION_ACCESS_KEY: ACCESS_KEY, DFF_FUNCTION_PRIVATE_KEY: PRIVATE_KEY });
    everything = '';
  });
  afterEach(async () => {
    await aws.harness.close();
    rmSync(folder, { recursive: true, force: true });
    // Whatever a test printed, no secret value may be in it.
    for (const secret of [SECRET_VALUE, PRIVATE_KEY, aws.harness.credentials.secretAccessKey]) assert.ok(!everything.includes(secret), 'a secret value was printed');
  });

  const deps = (): DeployCliDeps => ({
    sleep: async (ms: number) => aws.harness.fake.advanceClock(ms),
    today: new Date('2025-06-01T00:00:00Z'),
  });

  const deploy = async (argv: string[], options: { confirm?: (question: string) => Promise<boolean> } = {}) => {
    const io: CliIo & { out: string; err: string; confirm?: (question: string) => Promise<boolean> } = aws.io();
    if (options.confirm) io.confirm = options.confirm;
    const code = await runDeploy(argv, io, deps());
    everything += io.out + io.err;
    return { code, out: io.out, err: io.err };
  };
  const writes = (): string[] => aws.harness.fake.calls.filter((call) => call.write).map((call) => `${call.service}:${call.operation}`);

  it('plan prints every step with the account and region, masking the private key, and changes nothing', async () => {
    const run = await deploy(['plan', 'flow.json', '--target', 'dev']);
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /^Deploy "S3ToSqs" \(.*flow\.json\) to target dev\n/);
    assert.match(run.out, new RegExp(`Account: +${aws.harness.fake.account}\n`));
    assert.match(run.out, new RegExp(`Region: +${aws.harness.fake.region}\n`));
    assert.match(run.out, /\+ Create function s3-to-sqs/);
    assert.match(run.out, /\+ DF_PRIVATE_KEY = \*{8}/);
    assert.match(run.out, /Secret S3ToSqsParams \(key names only; values never shown\):\n {2}\+ S3_SECRET_KEY/);
    assert.match(run.err, new RegExp(`^Flow version: ${VERSION_CRN.replace(/[./]/g, '\\$&')} \\(named by the target\\)\\.`, 'm'));
    assert.deepEqual(writes(), []);
  });

  it('plan --json prints the documented shape (format 1) without secret values', async () => {
    const run = await deploy(['plan', 'flow.json', '--target', 'dev', '--json']);
    assert.equal(run.code, 0, run.err);
    const plan = JSON.parse(run.out) as Record<string, any>;
    assert.deepEqual(Object.keys(plan), ['formatVersion', 'ok', 'changes', 'account', 'region', 'flow', 'target', 'function', 'refusals', 'warnings', 'steps', 'environment', 'secret']);
    assert.equal(plan.formatVersion, 1);
    assert.equal(plan.ok, true);
    assert.ok(plan.changes > 0);
    assert.equal(plan.account, aws.harness.fake.account);
    assert.deepEqual(plan.flow.versionCrn, VERSION_CRN);
    assert.equal(plan.function.name, 's3-to-sqs');
    assert.equal(plan.function.alias, 'live');
    const privateKey = (plan.environment as Record<string, unknown>[]).find((item) => item.key === 'DF_PRIVATE_KEY');
    assert.deepEqual(privateKey, { key: 'DF_PRIVATE_KEY', change: 'add', sensitive: true, before: null, after: null });
    assert.deepEqual(plan.secret, { name: 'S3ToSqsParams', keys: [{ name: 'S3_SECRET_KEY', change: 'add' }] });
  });

  it('apply without --yes where it cannot ask refuses with exit 2 before any write', async () => {
    const run = await deploy(['apply', 'flow.json', '--target', 'dev']);
    assert.equal(run.code, 2);
    assert.match(run.out, /Create function s3-to-sqs/, 'the plan is shown first');
    assert.match(run.err, /not applied: this run cannot ask for confirmation .* pass --yes\.\n$/);
    assert.deepEqual(writes(), []);
  });

  it('apply --yes deploys; a second apply prints no changes and makes no write call', async () => {
    const first = await deploy(['apply', 'flow.json', '--target', 'dev', '--yes']);
    assert.equal(first.code, 0, first.err);
    assert.match(first.err, /^\[1\/\d+\] /m);
    assert.match(first.out, /\nDeployed s3-to-sqs: version 1 behind alias live\n {2}arn:aws:lambda:[^:]+:\d{12}:function:s3-to-sqs:live\n$/);
    const fn = aws.harness.fake.lambda.function('s3-to-sqs');
    assert.ok(fn, 'the function exists in the stand-in');
    aws.harness.fake.resetCalls();
    const second = await deploy(['apply', 'flow.json', '--target', 'dev', '--yes']);
    assert.equal(second.code, 0, second.err);
    assert.match(second.out, /Steps: nothing to change\./);
    assert.match(second.out, /\nNothing to change: s3-to-sqs already runs .* \(alias live -> version 1\)\.\n$/);
    assert.deepEqual(writes(), []);
  });

  it('apply asks on a terminal: "no" changes nothing (exit 1), "yes" applies', async () => {
    const questions: string[] = [];
    const no = await deploy(['apply', 'flow.json', '--target', 'dev'], { confirm: async (question) => (questions.push(question), false) });
    assert.equal(no.code, 1);
    assert.deepEqual(writes(), []);
    assert.match(questions[0], new RegExp(`^Apply \\d+ changes to function s3-to-sqs in account ${aws.harness.fake.account}, region ${aws.harness.fake.region}\\?$`));
    const yes = await deploy(['apply', 'flow.json', '--target', 'dev'], { confirm: async () => true });
    assert.equal(yes.code, 0, yes.err);
    assert.ok(writes().includes('lambda:CreateFunction'));
  });

  it('apply --json --yes prints the plan and the result', async () => {
    const run = await deploy(['apply', 'flow.json', '--target', 'dev', '--yes', '--json']);
    assert.equal(run.code, 0, run.err);
    const shown = JSON.parse(run.out) as Record<string, any>;
    assert.deepEqual(Object.keys(shown), ['formatVersion', 'plan', 'applied', 'result', 'failure']);
    assert.equal(shown.applied, true);
    assert.equal(shown.plan.ok, true);
    assert.deepEqual({ version: shown.result.version, alias: shown.result.alias }, { version: '1', alias: 'live' });
    assert.equal(shown.failure, null);
  });

  it('a failed step exits 1 naming the step and the denied action; applying again completes', async () => {
    aws.harness.fake.inject({ service: 'lambda', operation: 'CreateFunction', kind: 'accessDenied' });
    const failed = await deploy(['apply', 'flow.json', '--target', 'dev', '--yes']);
    assert.equal(failed.code, 1);
    assert.match(failed.err, /dff deploy apply: Step \d+ of \d+ failed \(Create function s3-to-sqs\): .*\(denied: lambda:CreateFunction\)\. Deploying again resumes/);
    const again = await deploy(['apply', 'flow.json', '--target', 'dev', '--yes']);
    assert.equal(again.code, 0, again.err);
    assert.match(again.out, /Deployed s3-to-sqs: version 1 behind alias live/);
  });

  it('a plan refused before AWS is read exits 1, as text and as JSON', async () => {
    writeDeployFile({ dev: targetJson({ failurePorts: ['failure', 'no-such-port'] }) });
    const text = await deploy(['plan', 'flow.json', '--target', 'dev']);
    assert.equal(text.code, 1);
    assert.match(text.out, /REFUSED: 1 reason; nothing will be changed:\n {2}- Failure port "no-such-port" .* \[failure-port-unknown\]/);
    const json = await deploy(['plan', 'flow.json', '--target', 'dev', '--json']);
    assert.equal(json.code, 1);
    const plan = JSON.parse(json.out) as Record<string, any>;
    assert.equal(plan.ok, false);
    assert.equal(plan.account, null);
    assert.deepEqual(plan.refusals.map((refusal: { code: string }) => refusal.code), ['failure-port-unknown']);
    assert.deepEqual(aws.harness.fake.calls, []);
  });

  it('refuses a new secret whose sensitive value nobody gave, and takes it from --secret-values instead', async () => {
    delete aws.env.DFF_PARAM_S3_SECRET_KEY;
    const refused = await deploy(['plan', 'flow.json', '--target', 'dev']);
    assert.equal(refused.code, 1);
    assert.match(refused.out, /REFUSED: .*\n.*"S3_SECRET_KEY" has no value.*\[parameter-unsupplied\]/);
    writeFileSync(join(folder, 'values.json'), JSON.stringify({ S3_SECRET_KEY: SECRET_VALUE }));
    const given = await deploy(['apply', 'flow.json', '--target', 'dev', '--secret-values', 'values.json', '--yes']);
    assert.equal(given.code, 0, given.err);
    const stored = JSON.parse(aws.harness.fake.secrets.currentValue('S3ToSqsParams') ?? '{}') as Record<string, string>;
    assert.ok(stored.S3_SECRET_KEY === SECRET_VALUE, 'the value from the file went to the secret');
  });

  it('leaves out DFF_PARAM_ variables of other flows, naming them only', async () => {
    aws.env.DFF_PARAM_OTHER_FLOW_PASSWORD = 'other-value-not-ours';
    const run = await deploy(['plan', 'flow.json', '--target', 'dev']);
    assert.equal(run.code, 0, run.err);
    assert.match(run.err, /Note: DFF_PARAM_OTHER_FLOW_PASSWORD names no sensitive parameter of this flow; left out\./);
    assert.ok(!run.out.includes('other-value-not-ours') && !run.err.includes('other-value-not-ours'));
  });

  it('export writes a CloudFormation template without secret values', async () => {
    const run = await deploy(['export', 'flow.json', '--target', 'dev', '--format', 'cloudformation', '--out', 'stack.json']);
    assert.equal(run.code, 0, run.err);
    assert.match(run.err, /Wrote the CloudFormation template of target dev to stack\.json/);
    const text = readFileSync(join(folder, 'stack.json'), 'utf8');
    everything += text;
    const template = JSON.parse(text) as { Resources: Record<string, { Type: string }> };
    const types = Object.values(template.Resources).map((resource) => resource.Type);
    for (const type of ['AWS::Lambda::Function', 'AWS::IAM::Role', 'AWS::Lambda::Version', 'AWS::Lambda::Alias', 'AWS::Lambda::Permission']) assert.ok(types.includes(type), type);
    assert.deepEqual(aws.harness.fake.calls, [], 'export reads nothing from AWS');
  });

  it('exits 2 on a missing --target, an unknown target and half a function key', async () => {
    let run = await deploy(['plan', 'flow.json']);
    assert.equal(run.code, 2);
    assert.match(run.err, /give the target from dff\.deploy\.json: --target <name>/);
    run = await deploy(['plan', 'flow.json', '--target', 'prod']);
    assert.equal(run.code, 2);
    assert.match(run.err, /^dff deploy plan: dff\.deploy\.json has no target "prod" for flow\.json; its targets: dev\.\n$/);
    delete aws.env.DFF_FUNCTION_PRIVATE_KEY;
    run = await deploy(['plan', 'flow.json', '--target', 'dev']);
    assert.equal(run.code, 2);
    assert.match(run.err, /DFF_FUNCTION_ACCESS_KEY is set but DFF_FUNCTION_PRIVATE_KEY is not/);
  });

  it('exits 2 when the AWS credentials have expired', async () => {
    aws.harness.fake.expireCredentials(aws.harness.credentials.accessKeyId);
    const run = await deploy(['plan', 'flow.json', '--target', 'dev']);
    assert.equal(run.code, 2);
    assert.match(run.err, /^dff deploy plan: The AWS credentials of profile dev have expired/m);
  });

  it('shows its help, with the JSON formats and exit codes', async () => {
    const io = aws.io();
    assert.equal(await runDff(['deploy', '--help'], io), 0);
    assert.match(io.out, /plan --json prints \(format 1/);
    assert.match(io.out, /DFF_PARAM_<name>/);
    assert.match(io.out, /Exit codes: 0 done/);
  });

  describe('flow version from the catalog', () => {
    let catalog: FakeCatalogHarness;
    beforeEach(async () => {
      catalog = await startHarness();
      const files = writeCdpFiles(join(folder, '.cdp'), 'cdp-dev', catalog.key, catalog.catalog.url);
      Object.assign(aws.env, files.env);
    });
    afterEach(() => catalog.catalog.close());

    it('resolves "latest" to the newest version of the flow of that name, and refuses a version it lacks', async () => {
      const flowCrn = catalog.catalog.seedFlow('S3ToSqs', [{ fileText: '{}' }, { fileText: '{}' }]);
      writeDeployFile({ dev: targetJson({ flowVersion: 'latest' }) });
      const io = aws.io();
      const code = await runDeploy(['plan', 'flow.json', '--target', 'dev', '--cdp-profile', 'cdp-dev', '--json'], io, {
        ...deps(),
        catalogClientOptions: { sleep: catalog.sleep, timeoutMs: 5000 },
      });
      everything += io.out + io.err;
      assert.equal(code, 0, io.err);
      assert.equal((JSON.parse(io.out) as { flow: { versionCrn: string } }).flow.versionCrn, `${flowCrn}/v.2`);
      assert.match(io.err, /\(the newest in the catalog\)/);
      const missing = aws.io();
      const refused = await runDeploy(['plan', 'flow.json', '--target', 'dev', '--cdp-profile', 'cdp-dev', '--flow-version', '7'], missing, {
        ...deps(),
        catalogClientOptions: { sleep: catalog.sleep, timeoutMs: 5000 },
      });
      assert.equal(refused, 1);
      assert.match(missing.err, /the catalog flow "S3ToSqs" has no version 7 \(it has 2\)/);
      assert.ok(!existsSync(join(folder, 'stack.json')));
    });
  });
});
