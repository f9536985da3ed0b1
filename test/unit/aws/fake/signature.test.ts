import * as assert from 'node:assert/strict';
import { FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { MAX_CLOCK_SKEW_MS } from '../../../fakes/aws/sigv4';
import { newTestCredentials } from '../../../fakes/aws/harness';
import { rejection, startSetup, type FakeSetup } from './setup';

describe('AWS stand-in: signatures', () => {
  let setup: FakeSetup;
  beforeEach(async () => {
    setup = await startSetup();
  });
  afterEach(() => setup.close());

  it('answers GetCallerIdentity with the signing identity', async () => {
    const identity = await setup.sts.send(new GetCallerIdentityCommand({}));
    assert.equal(identity.Account, '123456789012');
    assert.equal(identity.Arn, 'arn:aws:iam::123456789012:user/dev');
    assert.match(identity.UserId ?? '', /^AIDA[A-Z2-7]{17}$/);
  });

  it('refuses a wrong secret in each service own words, and records the refusal', async () => {
    const wrong = setup.clientsWith({ ...setup.harness.credentials, secretAccessKey: 'not-the-secret' });
    const lambda = await rejection(wrong.lambda.send(new ListFunctionsCommand({})));
    assert.equal(lambda.name, 'InvalidSignatureException');
    assert.equal(lambda.$metadata?.httpStatusCode, 403);
    assert.match(lambda.message, /signature we calculated does not match/);
    assert.equal((await rejection(wrong.sts.send(new GetCallerIdentityCommand({})))).name, 'SignatureDoesNotMatch');
    const logs = await rejection(wrong.logs.send(new FilterLogEventsCommand({ logGroupName: '/aws/lambda/x' })));
    assert.equal(logs.name, 'InvalidSignatureException');
    assert.equal(logs.$metadata?.httpStatusCode, 400);
    assert.deepEqual(
      setup.harness.fake.calls.map((c) => [c.service, c.operation, c.status]),
      [
        ['lambda', 'ListFunctions', 403],
        ['sts', 'GetCallerIdentity', 403],
        ['logs', 'FilterLogEvents', 400],
      ],
    );
    assert.ok(!lambda.message.includes('not-the-secret'));
  });

  it('refuses an unknown access key', async () => {
    const stranger = setup.clientsWith(newTestCredentials());
    const lambda = await rejection(stranger.lambda.send(new ListFunctionsCommand({})));
    assert.equal(lambda.name, 'UnrecognizedClientException');
    assert.equal(lambda.message, 'The security token included in the request is invalid.');
    const sts = await rejection(stranger.sts.send(new GetCallerIdentityCommand({})));
    assert.equal(sts.name, 'InvalidClientTokenId');
    assert.equal(sts.message, 'The security token included in the request is invalid.');
  });

  it('refuses an expired key, and only that key', async () => {
    const other = newTestCredentials();
    setup.harness.fake.addCredentials(other);
    setup.harness.fake.expireCredentials(setup.harness.credentials.accessKeyId);
    const lambda = await rejection(setup.lambda.send(new ListFunctionsCommand({})));
    assert.equal(lambda.name, 'ExpiredTokenException');
    assert.equal(lambda.message, 'The security token included in the request is expired');
    assert.equal((await rejection(setup.sts.send(new GetCallerIdentityCommand({})))).name, 'ExpiredToken');
    assert.equal((await rejection(setup.logs.send(new FilterLogEventsCommand({ logGroupName: 'g' })))).name, 'ExpiredTokenException');
    const fine = await setup.clientsWith(other).sts.send(new GetCallerIdentityCommand({}));
    assert.equal(fine.Account, '123456789012');
  });

  it('checks the session token of temporary credentials', async () => {
    const temporary = await startSetup({ sessionToken: true });
    try {
      const identity = await temporary.sts.send(new GetCallerIdentityCommand({}));
      assert.equal(identity.Account, '123456789012');
      const withoutToken = temporary.clientsWith({ accessKeyId: temporary.harness.credentials.accessKeyId, secretAccessKey: temporary.harness.credentials.secretAccessKey });
      assert.equal((await rejection(withoutToken.lambda.send(new ListFunctionsCommand({})))).name, 'UnrecognizedClientException');
      const wrongToken = temporary.clientsWith({ ...temporary.harness.credentials, sessionToken: 'other-token' });
      assert.equal((await rejection(wrongToken.sts.send(new GetCallerIdentityCommand({})))).name, 'InvalidClientTokenId');
    } finally {
      await temporary.close();
    }
  });

  it('accepts a request time up to 15 minutes from its clock and refuses one beyond', async () => {
    // The SDK corrects its clock from the Date header of any answer, so each step uses a fresh client.
    setup.harness.fake.advanceClock(MAX_CLOCK_SKEW_MS - 5_000);
    await setup.clientsWith(setup.harness.credentials).lambda.send(new ListFunctionsCommand({}));
    setup.harness.fake.advanceClock(10_000);
    const skewed = await rejection(setup.clientsWith(setup.harness.credentials).lambda.send(new ListFunctionsCommand({})));
    assert.equal(skewed.name, 'InvalidSignatureException');
    assert.match(skewed.message, /^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 15 min\.\)$/);
  });

  it('refuses requests without a signature in the service shape', async () => {
    const response = await fetch(`${setup.harness.fake.url}/2015-03-31/functions`);
    assert.equal(response.status, 403);
    assert.equal(response.headers.get('x-amzn-errortype'), 'MissingAuthenticationTokenException');
  });
});
