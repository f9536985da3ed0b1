// What deploy must not lose or do: hand-added env vars, secret keys, role policies and other bucket
// notifications stay; triggers on an old version move to the alias; refused plans write nothing.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { GetBucketNotificationConfigurationCommand } from '@aws-sdk/client-s3';
import { applyPlan, DeployStepError, PlanRefusedError } from '../../../src/core/deploy/apply';
import { buildDesired } from '../../../src/core/deploy/desired';
import { CancelledError } from '../../../src/core/deploy/runtime';
import { BINARIES_BUCKET, LANDING_BUCKET, startDeployWorld, type DeployWorld } from './harness';
import { desiredInput, target } from './fixtures';

const TRIGGERED = target({ triggers: [{ bucket: LANDING_BUCKET, suffix: '.csv' }] });
const LAMBDA_TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
const MANAGED = [{ Key: 'dff:managed-by', Value: 'dataflow-functions' }];

function functionArn(world: DeployWorld, name: string, qualifier?: string): string {
  const { fake } = world.harness;
  return `arn:aws:lambda:${fake.region}:${fake.account}:function:${name}${qualifier ? `:${qualifier}` : ''}`;
}

function notificationXml(entries: string): string {
  return `<NotificationConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${entries}</NotificationConfiguration>`;
}

describe('deploy: what is kept, moved and refused', function () {
  this.timeout(20000);
  let world: DeployWorld;

  beforeEach(async () => {
    world = await startDeployWorld();
  });

  afterEach(async () => {
    await world.close();
  });

  it('keeps hand-added env vars, secret keys, role policies and other notifications on the bucket', async () => {
    const { fake } = world.harness;
    fake.iam.seedRole('s3-to-sqs-role', { assumeRolePolicyDocument: LAMBDA_TRUST, tags: MANAGED, inlinePolicies: { 'team-policy': JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' }] }) } });
    fake.secrets.seedSecret('S3ToSqsParams', { secretString: JSON.stringify({ TEAM_KEY: 'team-value', S3_SECRET_KEY: 'old' }), tags: MANAGED });
    fake.lambda.seedFunction({
      name: 's3-to-sqs',
      role: `arn:aws:iam::${fake.account}:role/s3-to-sqs-role`,
      runtime: 'java11',
      environment: { HAND_ADDED: 'keep me', OLD_FLAG: 'remove me' },
    });
    fake.lambda.seedFunction({
      name: 'other-team-fn',
      permissions: [{ statementId: 's3', principal: 's3.amazonaws.com', sourceArn: `arn:aws:s3:::${LANDING_BUCKET}`, sourceAccount: fake.account }],
    });
    fake.s3.seedBucket(LANDING_BUCKET, {
      notificationXml: notificationXml(
        `<QueueConfiguration><Id>team-queue</Id><Queue>arn:aws:sqs:${fake.region}:${fake.account}:team-queue</Queue><Event>s3:ObjectTagging:*</Event>` +
        '<Filter><S3Key><FilterRule><Name>prefix</Name><Value>images/</Value></FilterRule></S3Key></Filter></QueueConfiguration>' +
        `<CloudFunctionConfiguration><Id>other-team</Id><CloudFunction>${functionArn(world, 'other-team-fn')}</CloudFunction><Event>s3:ObjectRemoved:*</Event></CloudFunctionConfiguration>`,
      ),
    });

    const { plan } = await world.deploy({ target: target({ ...TRIGGERED, removeEnvironment: ['OLD_FLAG'] }) });
    assert.deepEqual(plan.refusals, []);
    const kept = plan.environment.find((item) => item.key === 'HAND_ADDED');
    assert.equal(kept?.change, 'kept');

    const fn = fake.lambda.function('s3-to-sqs');
    assert.equal(fn?.latest.environment?.HAND_ADDED, 'keep me');
    assert.equal(fn?.latest.environment?.OLD_FLAG, undefined, 'removed only because the target lists it');
    assert.deepEqual(JSON.parse(fake.secrets.currentValue('S3ToSqsParams') ?? '{}'), { TEAM_KEY: 'team-value', S3_SECRET_KEY: 'sensitive-value-never-shown-42' });
    assert.deepEqual([...(fake.iam.role('s3-to-sqs-role')?.inlinePolicies.keys() ?? [])].sort(), ['dff-s3-to-sqs', 'team-policy']);

    const config = await world.clients.s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: LANDING_BUCKET }));
    assert.deepEqual(config.QueueConfigurations?.map((entry) => entry.Id), ['team-queue']);
    assert.deepEqual(config.QueueConfigurations?.[0].Filter?.Key?.FilterRules?.map((rule) => rule.Value), ['images/']);
    assert.deepEqual(config.LambdaFunctionConfigurations?.map((entry) => entry.LambdaFunctionArn), [
      functionArn(world, 'other-team-fn'),
      functionArn(world, 's3-to-sqs', 'live'),
    ]);
  });

  it('moves a trigger left on an old version onto the alias, keeping its id, without adding a second one', async () => {
    const { fake } = world.harness;
    fake.iam.seedRole('s3-to-sqs-role', { assumeRolePolicyDocument: LAMBDA_TRUST, tags: MANAGED });
    fake.lambda.seedFunction({
      name: 's3-to-sqs',
      role: `arn:aws:iam::${fake.account}:role/s3-to-sqs-role`,
      versions: 1,
      permissions: [{ qualifier: '1', statementId: 's3-v1', principal: 's3.amazonaws.com', sourceArn: `arn:aws:s3:::${LANDING_BUCKET}`, sourceAccount: fake.account }],
    });
    fake.s3.seedBucket(LANDING_BUCKET, {
      notificationXml: notificationXml(
        `<CloudFunctionConfiguration><Id>legacy-csv</Id><CloudFunction>${functionArn(world, 's3-to-sqs', '1')}</CloudFunction><Event>s3:ObjectCreated:*</Event>` +
        '<Filter><S3Key><FilterRule><Name>suffix</Name><Value>.csv</Value></FilterRule></S3Key></Filter></CloudFunctionConfiguration>',
      ),
    });
    const { plan, result } = await world.deploy({ target: TRIGGERED });
    const bucketStep = plan.steps.find((step) => step.kind === 'bucketNotification');
    assert.deepEqual(bucketStep?.details, [{ field: 'move legacy-csv', before: 'version 1', after: 'alias live' }]);
    assert.equal(result.version, '2');
    const config = await world.clients.s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: LANDING_BUCKET }));
    assert.deepEqual(config.LambdaFunctionConfigurations?.map((entry) => [entry.Id, entry.LambdaFunctionArn]), [['legacy-csv', functionArn(world, 's3-to-sqs', 'live')]]);
  });

  it('refuses, before any write, a secret of that name this extension did not create; with confirmation it merges into it', async () => {
    const { fake } = world.harness;
    fake.secrets.seedSecret('S3ToSqsParams', { secretString: JSON.stringify({ SOMEONE_ELSES: 'x' }) });
    const plan = await world.plan({ target: TRIGGERED });
    assert.deepEqual(plan.refusals.map((refusal) => refusal.code), ['secret-foreign']);
    fake.resetCalls();
    await assert.rejects(applyPlan(world.clients, plan, { sleep: world.sleep }), PlanRefusedError);
    assert.equal(fake.calls.length, 0);
    await world.deploy({ target: TRIGGERED }, { confirmForeignSecret: true });
    assert.deepEqual(Object.keys(JSON.parse(fake.secrets.currentValue('S3ToSqsParams') ?? '{}')).sort(), ['S3_SECRET_KEY', 'SOMEONE_ELSES']);
  });

  it('refuses a role ARN of another account, and a sensitive value that no source supplies', async () => {
    const plan = await world.plan({ target: target({ executionRole: { arn: 'arn:aws:iam::999999999999:role/theirs' } }), sensitiveValues: {} });
    assert.deepEqual(plan.refusals.map((refusal) => refusal.code).sort(), ['parameter-unsupplied', 'role-other-account']);
    assert.equal(world.writes().length, 0);
  });

  it('refuses an environment that only passes 4 KB with the variables the function already has, before any write', async () => {
    world.harness.fake.lambda.seedFunction({ name: 's3-to-sqs', environment: { BIG: 'x'.repeat(3800) } });
    const plan = await world.plan({ target: TRIGGERED });
    assert.deepEqual(plan.refusals.map((refusal) => refusal.code), ['environment-too-large']);
    assert.deepEqual(world.writes(), []);
  });

  it('refuses reserved and oversized env in the target without calling AWS at all', () => {
    const reserved = buildDesired(desiredInput({ target: target({ environment: { AWS_LAMBDA_EXEC_WRAPPER: '/x' } }) }));
    assert.equal(reserved.ok, false);
    const oversized = buildDesired(desiredInput({ target: target({ environment: { BIG: 'x'.repeat(4096) } }) }));
    assert.equal(oversized.ok, false);
    assert.equal(world.harness.fake.calls.length, 0);
  });

  it('cancels during a wait for the function, naming the step; deploying again finishes', async () => {
    const controller = new AbortController();
    await assert.rejects(world.deploy({ target: TRIGGERED }, {}, {
      signal: controller.signal,
      sleep: async (_ms, signal) => {
        controller.abort();
        if (signal?.aborted) throw new CancelledError();
      },
    }), (error: unknown) => {
      assert.ok(error instanceof DeployStepError);
      assert.equal(error.cancelled, true);
      assert.match(error.message, /cancelled at step \d+ of \d+/);
      return true;
    });
    const { result } = await world.deploy({ target: TRIGGERED });
    assert.equal(result.version, '1');
  });

  it('uploads a local zip once, under its SHA-256, and the function runs exactly that code', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dff-zip-'));
    try {
      const zip = Buffer.from('PK\u0003\u0004 local DFF binaries');
      writeFileSync(path.join(dir, 'naaf.zip'), zip);
      const local = target({ code: { localZip: 'naaf.zip', uploadBucket: BINARIES_BUCKET } });
      const { plan } = await world.deploy({ target: local, deployFileDir: dir });
      const sha = createHash('sha256').update(zip);
      const hex = sha.copy().digest('hex');
      assert.ok(plan.steps.some((step) => step.kind === 'uploadCode' && step.change === 'create'));
      assert.ok(world.harness.fake.s3.object(BINARIES_BUCKET, `dataflow-functions/s3-to-sqs/${hex}.zip`));
      assert.equal(world.harness.fake.lambda.function('s3-to-sqs')?.latest.codeSha256, sha.digest('base64'));
      world.harness.fake.resetCalls();
      await world.deploy({ target: local, deployFileDir: dir });
      assert.deepEqual(world.writes(), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('deploy: a trigger that would overlap another team\'s notification', function () {
  this.timeout(20000);

  it('is refused before any write, naming the entry it overlaps; a disjoint one beside it is not', async () => {
    const world = await startDeployWorld();
    try {
      const { fake } = world.harness;
      fake.s3.seedBucket(LANDING_BUCKET, {
        notificationXml: notificationXml(
          `<QueueConfiguration><Id>team-queue</Id><Queue>arn:aws:sqs:${fake.region}:${fake.account}:team-queue</Queue><Event>s3:ObjectCreated:Put</Event>` +
          '<Filter><S3Key><FilterRule><Name>prefix</Name><Value>images/</Value></FilterRule></S3Key></Filter></QueueConfiguration>',
        ),
      });
      const overlapping = await world.plan({ target: target({ triggers: [{ bucket: LANDING_BUCKET, suffix: '.csv' }] }) });
      assert.deepEqual(overlapping.refusals.map((refusal) => refusal.code), ['trigger-overlap']);
      assert.match(overlapping.refusals[0].message, /team-queue/);
      const disjoint = await world.plan({ target: target({ triggers: [{ bucket: LANDING_BUCKET, prefix: 'csv/' }, { bucket: LANDING_BUCKET, prefix: 'images/', events: ['s3:ObjectRemoved:*'] }] }) });
      assert.deepEqual(disjoint.refusals, []);
      assert.deepEqual(world.writes(), []);
    } finally {
      await world.close();
    }
  });
});
