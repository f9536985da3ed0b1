import * as assert from 'node:assert/strict';
import { InvalidParameterValueException, ResourceConflictException, ResourceNotFoundException, TooManyRequestsException } from '@aws-sdk/client-lambda';
import { EntityAlreadyExistsException, NoSuchEntityException } from '@aws-sdk/client-iam';
import { ExpiredTokenException } from '@aws-sdk/client-sts';
import { CredentialsProviderError, TokenProviderError } from '@smithy/core/config';
import { describeAwsError } from '../../../../src/core/aws/errors';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLETOKENvalueThatIsLongerThanFortyCharacters==';

function serviceError(name: string, message: string, status: number, fault: 'client' | 'server' = 'client'): Error {
  return Object.assign(new Error(message), { name, $fault: fault, $metadata: { httpStatusCode: status } });
}

function networkError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:1`), { code });
}

const metadata = { $metadata: { httpStatusCode: 400 } };

describe('describeAwsError', () => {
  it('SSO expiry from the SSO credential provider and the token provider: tells the aws sso login command', () => {
    for (const error of [
      new CredentialsProviderError("The SSO session associated with this profile has expired. To refresh this SSO session run 'aws sso login' with the corresponding profile."),
      new TokenProviderError("Token is expired. To refresh this SSO session run 'aws sso login' with the corresponding profile.", false),
      new TokenProviderError("The SSO session token associated with profile=dev was not found or is invalid. To refresh this SSO session run 'aws sso login' with the corresponding profile.", false),
    ]) {
      const problem = describeAwsError(error, { profile: 'dev' });
      assert.equal(problem.kind, 'ssoExpired', error.message);
      assert.equal(problem.message, 'The SSO session of profile dev has expired: run `aws sso login --profile dev`.');
      assert.equal(problem.loginCommand, 'aws sso login --profile dev');
      assert.equal(problem.retryable, false);
    }
  });

  it('other credential provider failures are noCredentials, with the reason', () => {
    const problem = describeAwsError(new CredentialsProviderError('Could not resolve credentials using profile: [empty] in configuration/credentials file(s).'), { profile: 'empty' });
    assert.equal(problem.kind, 'noCredentials');
    assert.match(problem.message, /^No AWS credentials for profile empty \(Could not resolve credentials using profile: \[empty\]/);
  });

  it('expired session credentials (STS ExpiredTokenException, S3 ExpiredToken)', () => {
    const sts = new ExpiredTokenException({ message: 'The security token included in the request is expired', ...metadata });
    assert.equal(describeAwsError(sts, { profile: 'dev' }).kind, 'expired');
    const s3 = serviceError('ExpiredToken', 'The provided token has expired.', 400);
    const problem = describeAwsError(s3, { profile: 'dev' });
    assert.equal(problem.kind, 'expired');
    assert.equal(problem.message, 'The AWS credentials of profile dev have expired: renew them (log in again or refresh the session token) and retry.');
  });

  it('rejected credentials, without echoing a canonical request that carries the session token', () => {
    for (const name of ['UnrecognizedClientException', 'InvalidClientTokenId', 'SignatureDoesNotMatch', 'InvalidSignatureException']) {
      const error = serviceError(name, `The request signature we calculated does not match. The Canonical String for this request should have been 'POST\n/\nx-amz-security-token:${TOKEN}'`, 403);
      const problem = describeAwsError(error, { profile: 'dev' });
      assert.equal(problem.kind, 'rejected', name);
      assert.ok(!problem.message.includes(TOKEN));
      assert.match(problem.message, new RegExp(`AWS rejected the credentials of profile dev \\(${name}\\)`));
    }
    assert.match(describeAwsError(serviceError('InvalidSignatureException', 'Signature expired: 20240101T000000Z is now earlier than ...', 403)).message, /clock/);
  });

  it('access denied: parses the denied action from AWS wording', () => {
    const error = serviceError(
      'AccessDeniedException',
      'User: arn:aws:iam::123456789012:user/dev is not authorized to perform: lambda:CreateFunction on resource: arn:aws:lambda:eu-west-1:123456789012:function:orders because no identity-based policy allows the lambda:CreateFunction action',
      403,
    );
    const problem = describeAwsError(error, { profile: 'dev', action: 'create function orders' });
    assert.equal(problem.kind, 'accessDenied');
    assert.equal(problem.deniedAction, 'lambda:CreateFunction');
    assert.equal(problem.message, 'Could not create function orders with profile dev: the permission lambda:CreateFunction is missing; ask an administrator to grant it or choose another profile.');
    const iam = describeAwsError(serviceError('AccessDenied', 'User: arn:aws:sts::123456789012:assumed-role/x/y is not authorized to perform: iam:PassRole on resource: arn:aws:iam::123456789012:role/r', 403));
    assert.equal(iam.deniedAction, 'iam:PassRole');
    const vague = describeAwsError(serviceError('AccessDenied', 'Access Denied', 403));
    assert.equal(vague.kind, 'accessDenied');
    assert.equal(vague.deniedAction, undefined);
  });

  it('throttling is retryable, whatever service says it', () => {
    const lambda = new TooManyRequestsException({ message: 'Rate exceeded', $metadata: { httpStatusCode: 429 } });
    for (const error of [lambda, serviceError('ThrottlingException', 'Rate exceeded', 400), serviceError('Throttling', 'Rate exceeded', 400), serviceError('SlowDown', 'Please reduce your request rate.', 503, 'server')]) {
      const problem = describeAwsError(error, { action: 'list functions' });
      assert.equal(problem.kind, 'throttled', error.name);
      assert.equal(problem.retryable, true);
    }
  });

  it('not found, conflict and invalid requests', () => {
    const missing = new ResourceNotFoundException({ message: 'Function not found: arn:aws:lambda:eu-west-1:123456789012:function:orders', $metadata: { httpStatusCode: 404 } });
    assert.equal(describeAwsError(missing, { action: 'read function orders', region: 'eu-west-1' }).message, 'Could not read function orders: Function not found: arn:aws:lambda:eu-west-1:123456789012:function:orders in eu-west-1; check the name, the region and the profile.');
    assert.equal(describeAwsError(new NoSuchEntityException({ message: 'The role with name r cannot be found.', $metadata: {} })).kind, 'notFound');

    const busy = describeAwsError(new ResourceConflictException({ message: 'The operation cannot be performed at this time. An update is in progress for resource: arn:...', $metadata: { httpStatusCode: 409 } }));
    assert.equal(busy.kind, 'conflict');
    assert.equal(busy.retryable, true);
    const exists = describeAwsError(new EntityAlreadyExistsException({ message: 'Role with name r already exists.', $metadata: { httpStatusCode: 409 } }));
    assert.equal(exists.kind, 'conflict');
    assert.equal(exists.retryable, false);

    const invalid = describeAwsError(new InvalidParameterValueException({ message: 'The role defined for the function cannot be assumed by Lambda.', $metadata: { httpStatusCode: 400 } }), { action: 'create function orders' });
    assert.equal(invalid.kind, 'invalid');
    assert.equal(invalid.message, 'Could not create function orders: AWS refused the request (InvalidParameterValueException: The role defined for the function cannot be assumed by Lambda).');
  });

  it("never repeats the environment Lambda echoes in its size error, nor values the caller marks secret", () => {
    const error = new InvalidParameterValueException({
      message: `Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit. String measured: {"DF_PRIVATE_KEY":"${SECRET}","DB_PASSWORD":"hunter2"}`,
      $metadata: { httpStatusCode: 400 },
    });
    const problem = describeAwsError(error, { action: 'update function orders' });
    assert.ok(!problem.message.includes(SECRET));
    assert.ok(!problem.message.includes('hunter2'));
    assert.match(problem.message, /exceeded the 4KB limit\)\.$/);
    const echoed = describeAwsError(serviceError('ValidationException', 'Value hunter2 at secretString failed', 400), { secrets: ['hunter2'] });
    assert.ok(!echoed.message.includes('hunter2'));
    const noisy = describeAwsError(serviceError('SomeError', `bad key ${SECRET} given`, 400));
    assert.ok(!noisy.message.includes(SECRET));
  });

  it('network failures and timeouts are retryable network problems', () => {
    for (const error of [networkError('ECONNREFUSED'), networkError('ENOTFOUND'), networkError('ETIMEDOUT'), Object.assign(new Error('socket timed out'), { name: 'TimeoutError' })]) {
      const problem = describeAwsError(error, { action: 'list functions', profile: 'dev' });
      assert.equal(problem.kind, 'network', error.message);
      assert.equal(problem.retryable, true);
      assert.match(problem.message, /^Could not list functions: AWS could not be reached/);
    }
  });

  it('cancelled calls, and unknown errors (server faults retryable, client ones not)', () => {
    const abort = Object.assign(new Error('Request aborted'), { name: 'AbortError' });
    assert.deepEqual(describeAwsError(abort, { action: 'list functions' }), { kind: 'cancelled', message: 'List functions was cancelled.', retryable: false, code: 'AbortError' });
    const server = describeAwsError(serviceError('ServiceException', 'Internal error', 500, 'server'));
    assert.equal(server.kind, 'other');
    assert.equal(server.retryable, true);
    assert.equal(describeAwsError('plain string').kind, 'other');
    assert.equal(describeAwsError(new Error('boom')).retryable, false);
  });
});
