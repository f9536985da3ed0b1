import * as assert from 'node:assert/strict';
import { FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { GetRoleCommand } from '@aws-sdk/client-iam';
import { CreateFunctionCommand, GetFunctionCommand, LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { DFF_HANDLER, rejection, startSetup, type FakeSetup } from './setup';

describe('AWS stand-in: injected faults', () => {
  let setup: FakeSetup;
  beforeEach(async () => {
    setup = await startSetup();
    setup.harness.fake.lambda.seedFunction({ name: 'flow' });
    setup.harness.fake.logs.append('/aws/lambda/flow', 's', ['x'], 1000);
  });
  afterEach(() => setup.close());

  const fake = () => setup.harness.fake;

  it('throttles Lambda with TooManyRequestsException 429 and Retry-After', async () => {
    fake().inject({ service: 'lambda', kind: 'throttle' });
    const error = await rejection(setup.lambda.send(new ListFunctionsCommand({})));
    assert.equal(error.name, 'TooManyRequestsException');
    assert.equal(error.$metadata?.httpStatusCode, 429);
    assert.equal(error.retryAfterSeconds, '1');
    assert.equal((await setup.lambda.send(new ListFunctionsCommand({}))).Functions?.length, 1);
  });

  it('throttles STS and IAM with Throttling, Logs with ThrottlingException', async () => {
    fake().inject({ service: 'sts', kind: 'throttle' });
    fake().inject({ service: 'iam', kind: 'throttle' });
    fake().inject({ service: 'logs', kind: 'throttle' });
    assert.equal((await rejection(setup.sts.send(new GetCallerIdentityCommand({})))).name, 'Throttling');
    assert.equal((await rejection(setup.iam.send(new GetRoleCommand({ RoleName: 'test-lambda-role' })))).name, 'Throttling');
    assert.equal((await rejection(setup.logs.send(new FilterLogEventsCommand({ logGroupName: '/aws/lambda/flow' })))).name, 'ThrottlingException');
  });

  it('lets the SDK retry a throttle when it may, and counts both tries', async () => {
    const retrying = new LambdaClient({ ...setup.harness.clientConfig, maxAttempts: 2 });
    try {
      fake().inject({ service: 'lambda', operation: 'ListFunctions', kind: 'throttle' });
      const result = await retrying.send(new ListFunctionsCommand({}));
      assert.equal(result.$metadata.attempts, 2);
      assert.deepEqual(fake().calls.map((c) => c.status), [429, 200]);
    } finally {
      retrying.destroy();
    }
  });

  it('denies with the action and resource named as AWS names them', async () => {
    fake().inject({ service: 'lambda', operation: 'CreateFunction', kind: 'accessDenied' });
    const input = { FunctionName: 'denied', Runtime: 'java11' as const, Role: setup.roleArn, Handler: DFF_HANDLER, Code: { ZipFile: Buffer.from('z') } };
    const error = await rejection(setup.lambda.send(new CreateFunctionCommand(input)));
    assert.equal(error.name, 'AccessDeniedException');
    assert.equal(error.$metadata?.httpStatusCode, 403);
    assert.equal(
      error.message,
      'User: arn:aws:iam::123456789012:user/dev is not authorized to perform: lambda:CreateFunction on resource: arn:aws:lambda:us-east-1:123456789012:function:denied because no identity-based policy allows the lambda:CreateFunction action',
    );
    assert.equal(fake().lambda.function('denied'), undefined);
    fake().inject({ service: 'logs', kind: 'accessDenied' });
    const logs = await rejection(setup.logs.send(new FilterLogEventsCommand({ logGroupName: '/aws/lambda/flow' })));
    assert.equal(logs.name, 'AccessDeniedException');
    assert.match(logs.message, /not authorized to perform: logs:FilterLogEvents on resource: arn:aws:logs:us-east-1:123456789012:log-group:\/aws\/lambda\/flow/);
  });

  it('fails only the operation named, as many times as asked', async () => {
    fake().inject({ service: 'lambda', operation: 'GetFunction', kind: 'expiredToken', times: 2 });
    await setup.lambda.send(new ListFunctionsCommand({}));
    assert.equal((await rejection(setup.lambda.send(new GetFunctionCommand({ FunctionName: 'flow' })))).name, 'ExpiredTokenException');
    assert.equal((await rejection(setup.lambda.send(new GetFunctionCommand({ FunctionName: 'flow' })))).name, 'ExpiredTokenException');
    await setup.lambda.send(new GetFunctionCommand({ FunctionName: 'flow' }));
    assert.deepEqual(fake().pendingFaults(), []);
    assert.deepEqual(
      fake().calls.map((c) => [c.operation, c.write, c.status]),
      [
        ['ListFunctions', false, 200],
        ['GetFunction', false, 403],
        ['GetFunction', false, 403],
        ['GetFunction', false, 200],
      ],
    );
  });

  it('answers an internal fault as the service error of each protocol', async () => {
    fake().inject({ service: 'lambda', kind: 'internal' });
    fake().inject({ service: 'sts', kind: 'internal' });
    const lambda = await rejection(setup.lambda.send(new ListFunctionsCommand({})));
    assert.equal(lambda.name, 'ServiceException');
    assert.equal(lambda.$metadata?.httpStatusCode, 500);
    assert.equal((await rejection(setup.sts.send(new GetCallerIdentityCommand({})))).name, 'InternalFailure');
  });

  it('expired tokens reach STS as ExpiredToken and Logs as ExpiredTokenException', async () => {
    fake().inject({ service: 'sts', kind: 'expiredToken' });
    fake().inject({ service: 'logs', kind: 'expiredToken' });
    assert.equal((await rejection(setup.sts.send(new GetCallerIdentityCommand({})))).name, 'ExpiredToken');
    assert.equal((await rejection(setup.logs.send(new FilterLogEventsCommand({ logGroupName: '/aws/lambda/flow' })))).name, 'ExpiredTokenException');
  });
});
