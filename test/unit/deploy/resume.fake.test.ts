// Every write step failing in turn, then a re-run: the end state must be that of a clean deploy.
import * as assert from 'node:assert/strict';
import { GetBucketNotificationConfigurationCommand } from '@aws-sdk/client-s3';
import { GetPolicyCommand } from '@aws-sdk/client-lambda';
import { DeployStepError } from '../../../src/core/deploy/apply';
import { LANDING_BUCKET, startDeployWorld, type DeployWorld } from './harness';
import { target } from './fixtures';

const TRIGGERED = target({ triggers: [{ bucket: LANDING_BUCKET, suffix: '.csv' }], kmsKeyArn: undefined });

async function endState(world: DeployWorld): Promise<unknown> {
  const { fake } = world.harness;
  const fn = fake.lambda.function('s3-to-sqs');
  const role = fake.iam.role('s3-to-sqs-role');
  const policy = await world.clients.lambda.send(new GetPolicyCommand({ FunctionName: 's3-to-sqs', Qualifier: 'live' }));
  const bucket = await world.clients.s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: LANDING_BUCKET }));
  return {
    environment: fn?.latest.environment,
    role: fn?.latest.role,
    runtime: fn?.latest.runtime,
    versions: fn?.versions.length,
    alias: fn?.aliases.get('live')?.functionVersion,
    secret: fake.secrets.currentValue('S3ToSqsParams'),
    secretTags: fake.secrets.secret('S3ToSqsParams')?.tags,
    attached: role?.attachedPolicyArns,
    inline: [...(role?.inlinePolicies.entries() ?? [])],
    statements: JSON.parse(policy.Policy ?? '{}').Statement.map((statement: { Sid: string; Condition: unknown }) => [statement.Sid, statement.Condition]),
    notifications: bucket.LambdaFunctionConfigurations,
  };
}

describe('deploy: a failure at any write step, then deploying again', function () {
  this.timeout(60000);
  let clean: unknown;
  let writeOperations: string[];

  before(async () => {
    const world = await startDeployWorld();
    try {
      await world.deploy({ target: TRIGGERED });
      writeOperations = world.writes();
      clean = await endState(world);
    } finally {
      await world.close();
    }
  });

  it('a first deploy writes each kind of resource once', () => {
    assert.deepEqual(writeOperations, [
      'iam:CreateRole', 'iam:AttachRolePolicy', 'iam:PutRolePolicy', 'secretsmanager:CreateSecret', 'lambda:CreateFunction',
      'lambda:PublishVersion', 'lambda:CreateAlias', 'lambda:AddPermission', 's3:PutBucketNotificationConfiguration',
    ]);
  });

  for (const operation of [
    'iam:CreateRole', 'iam:AttachRolePolicy', 'iam:PutRolePolicy', 'secretsmanager:CreateSecret', 'lambda:CreateFunction',
    'lambda:PublishVersion', 'lambda:CreateAlias', 'lambda:AddPermission', 's3:PutBucketNotificationConfiguration',
  ]) {
    it(`${operation} denied: the error names the step and the action; a re-run reaches the clean end state`, async () => {
      const world = await startDeployWorld();
      try {
        const [service, name] = operation.split(':');
        world.harness.fake.inject({ service: service as never, operation: name, kind: 'accessDenied' });
        await assert.rejects(world.deploy({ target: TRIGGERED }), (error: unknown) => {
          assert.ok(error instanceof DeployStepError, String(error));
          assert.equal(error.cancelled, false);
          const expectedAction = operation === 's3:PutBucketNotificationConfiguration' ? 's3:PutBucketNotification' : operation;
          assert.equal(error.deniedAction, expectedAction, error.message);
          assert.match(error.message, new RegExp(`^Step \\d+ of \\d+ failed \\(${error.step.title}\\)`));
          return true;
        });
        await world.deploy({ target: TRIGGERED });
        assert.deepEqual(await endState(world), clean);
        world.harness.fake.resetCalls();
        await world.deploy({ target: TRIGGERED });
        assert.deepEqual(world.writes(), [], 'and a third deploy writes nothing');
      } finally {
        await world.close();
      }
    });
  }
});
