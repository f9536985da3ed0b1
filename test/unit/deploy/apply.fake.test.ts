// Plan and apply against the AWS stand-in, with the real SDK clients.
import * as assert from 'node:assert/strict';
import { GetBucketNotificationConfigurationCommand } from '@aws-sdk/client-s3';
import { DeployStepError } from '../../../src/core/deploy/apply';
import { planToJson } from '../../../src/core/deploy/planJson';
import { renderPlanText } from '../../../src/core/deploy/renderPlan';
import { LANDING_BUCKET, startDeployWorld, type DeployWorld } from './harness';
import { PRIVATE_KEY, SECRET_VALUE, target } from './fixtures';

const TRIGGERED = target({ triggers: [{ bucket: LANDING_BUCKET, suffix: '.csv' }] });

async function notifications(world: DeployWorld) {
  return world.clients.s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: LANDING_BUCKET }));
}

describe('deploy: plan and apply against the AWS stand-in', function () {
  this.timeout(20000);
  let world: DeployWorld;

  beforeEach(async () => {
    world = await startDeployWorld();
  });

  afterEach(async () => {
    await world.close();
  });

  it('first deploy: role, rights, secret, function, version 1 behind alias live, S3 trigger on the alias', async () => {
    const { fake } = world.harness;
    const { plan, result } = await world.deploy({ target: TRIGGERED });
    assert.deepEqual(plan.refusals, []);
    assert.equal(result.version, '1');
    assert.equal(result.aliasArn, `arn:aws:lambda:${fake.region}:${fake.account}:function:s3-to-sqs:live`);

    const fn = fake.lambda.function('s3-to-sqs');
    assert.ok(fn);
    assert.equal(fn.latest.environment?.S3_BUCKET, 'example-landing-bucket');
    assert.equal(fn.latest.environment?.DF_PRIVATE_KEY, PRIVATE_KEY);
    assert.equal(fn.latest.environment?.FAILURE_PORTS, 'failure');
    assert.equal(fn.latest.environment?.S3_SECRET_KEY, undefined, 'the sensitive value never becomes an env var');
    assert.equal(fn.aliases.get('live')?.functionVersion, '1');

    const secret = fake.secrets.secret('S3ToSqsParams');
    assert.deepEqual(JSON.parse(fake.secrets.currentValue('S3ToSqsParams') ?? '{}'), { S3_SECRET_KEY: SECRET_VALUE });
    assert.ok(secret?.tags.some((tag) => tag.Key === 'dff:managed-by' && tag.Value === 'dataflow-functions'));

    const role = fake.iam.role('s3-to-sqs-role');
    assert.ok(role?.attachedPolicyArns.includes('arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'));
    const inline = JSON.parse(role?.inlinePolicies.get('dff-s3-to-sqs') ?? '{}');
    const read = inline.Statement.find((statement: { Sid: string }) => statement.Sid === 'ReadFlowParameterSecret');
    assert.equal(read.Resource, `arn:aws:secretsmanager:${fake.region}:${fake.account}:secret:S3ToSqsParams-??????`);
    assert.ok(!JSON.stringify(inline).includes('SecretsManagerReadWrite'));

    const config = await notifications(world);
    assert.equal(config.LambdaFunctionConfigurations?.length, 1);
    assert.equal(config.LambdaFunctionConfigurations?.[0].LambdaFunctionArn, result.aliasArn);
  });

  it('a second deploy with nothing changed makes no write call', async () => {
    await world.deploy({ target: TRIGGERED });
    world.harness.fake.resetCalls();
    const { plan, result } = await world.deploy({ target: TRIGGERED });
    assert.deepEqual(world.writes(), []);
    assert.equal(planToJson(plan).changes, 0);
    assert.equal(result.version, '1');
    assert.match(renderPlanText(plan), /Steps: nothing to change\./);
  });

  it('changing one parameter: one configuration update, one publish, the alias moved, the trigger untouched', async () => {
    await world.deploy({ target: TRIGGERED });
    world.harness.fake.resetCalls();
    const { result } = await world.deploy({ target: target({ ...TRIGGERED, parameters: { S3_REGION: 'eu-west-1' } }) });
    assert.deepEqual(world.writes(), ['lambda:UpdateFunctionConfiguration', 'lambda:PublishVersion', 'lambda:UpdateAlias']);
    assert.equal(result.version, '2');
    const fn = world.harness.fake.lambda.function('s3-to-sqs');
    assert.equal(fn?.aliases.get('live')?.functionVersion, '2');
    assert.equal(fn?.latest.environment?.S3_REGION, 'eu-west-1');
    assert.equal((await notifications(world)).LambdaFunctionConfigurations?.[0].LambdaFunctionArn, result.aliasArn);
  });

  it('never shows the private key or a sensitive value in the plan text or JSON', async () => {
    const plan = await world.plan({ target: TRIGGERED });
    const text = renderPlanText(plan);
    const json = JSON.stringify(planToJson(plan));
    for (const output of [text, json]) {
      assert.ok(!output.includes(PRIVATE_KEY), 'private key shown');
      assert.ok(!output.includes(SECRET_VALUE), 'sensitive value shown');
    }
    assert.match(text, /\+ DF_PRIVATE_KEY = \*{8}/);
    assert.match(text, new RegExp(`Account: +${world.harness.fake.account}`));
    assert.match(text, /S3_SECRET_KEY/);
  });

  it('names the failed step and the denied IAM action, and a re-run finishes the deploy', async () => {
    world.harness.fake.inject({ service: 'lambda', operation: 'PublishVersion', kind: 'accessDenied' });
    await assert.rejects(world.deploy({ target: TRIGGERED }), (error: unknown) => {
      assert.ok(error instanceof DeployStepError, String(error));
      assert.equal(error.step.kind, 'publish');
      assert.equal(error.deniedAction, 'lambda:PublishVersion');
      assert.match(error.message, /Deploying again resumes/);
      return true;
    });
    const { result } = await world.deploy({ target: TRIGGERED });
    assert.equal(result.version, '1');
  });

  it('retries throttling with backoff through the injected sleep', async () => {
    world.harness.fake.inject({ service: 'lambda', operation: 'CreateFunction', kind: 'throttle', times: 2 });
    const { result } = await world.deploy({ target: TRIGGERED });
    assert.equal(result.version, '1');
    assert.ok(world.slept.includes(1000) && world.slept.includes(2000), `slept ${world.slept.join(', ')}`);
  });

  it('publishes on request even when nothing changed (Publish Version), and refuses a new function without a CDP key', async () => {
    await world.deploy({ target: TRIGGERED });
    world.harness.fake.resetCalls();
    const forced = await world.plan({ target: TRIGGERED }, { forcePublish: true });
    assert.deepEqual(forced.steps.filter((step) => step.change !== 'none').map((step) => step.kind), ['publish', 'alias']);

    const other = await world.plan({ target: target({ functionName: 'no-key-fn' }), functionKey: undefined });
    assert.deepEqual(other.refusals.map((refusal) => refusal.code), ['function-key-missing']);
    const existing = await world.plan({ target: TRIGGERED, functionKey: undefined });
    assert.deepEqual(existing.refusals, [], 'an existing function keeps the key it has');
    assert.deepEqual(world.writes(), []);
  });

  it('waits out IAM propagation: a new role Lambda cannot assume yet is retried with backoff', async () => {
    world.harness.fake.iam.propagationDelayMs = 5000;
    const lines: string[] = [];
    const { result } = await world.deploy({ target: TRIGGERED }, {}, { log: (line) => lines.push(line) });
    assert.equal(result.version, '1');
    assert.ok(lines.some((line) => /^lambda:CreateFunction s3-to-sqs: InvalidParameterValueException \(the new execution role is not assumable by Lambda yet\); retrying in \d+ ms$/.test(line)), lines.join('\n'));
    assert.ok(lines.every((line) => !line.includes(PRIVATE_KEY) && !line.includes(SECRET_VALUE)));
  });
});
