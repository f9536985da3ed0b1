import * as assert from 'node:assert/strict';
import { parseFunctionRef, parseFunctionsArgs } from '../../../src/cli/functions/args';
import { UsageError } from '../../../src/cli/usage';

describe('dff functions arguments', () => {
  it('reads name, name:version, name:alias, name:$LATEST and a function ARN with or without qualifier', () => {
    assert.deepEqual(parseFunctionRef('s3-to-sqs'), { name: 's3-to-sqs' });
    assert.deepEqual(parseFunctionRef('s3-to-sqs:3'), { name: 's3-to-sqs', qualifier: '3' });
    assert.deepEqual(parseFunctionRef('s3-to-sqs:live'), { name: 's3-to-sqs', qualifier: 'live' });
    assert.deepEqual(parseFunctionRef('s3-to-sqs:$LATEST'), { name: 's3-to-sqs', qualifier: '$LATEST' });
    assert.deepEqual(parseFunctionRef('arn:aws:lambda:eu-west-1:123456789012:function:s3-to-sqs'), { name: 's3-to-sqs' });
    assert.deepEqual(parseFunctionRef('arn:aws:lambda:eu-west-1:123456789012:function:s3-to-sqs:live'), { name: 's3-to-sqs', qualifier: 'live' });
  });

  it('takes a 64-character name and refuses 65, and refuses a qualifier a shell mangled', () => {
    assert.deepEqual(parseFunctionRef('a'.repeat(64)), { name: 'a'.repeat(64) });
    assert.throws(() => parseFunctionRef('a'.repeat(65)), UsageError);
    assert.throws(() => parseFunctionRef('s3-to-sqs:'), /is not a version or alias .*quote it/);
    assert.throws(() => parseFunctionRef('arn:aws:s3:::bucket'), /not a Lambda function ARN/);
  });

  it('knows which options each command takes', () => {
    assert.throws(() => parseFunctionsArgs(['list', '--follow']), /list does not take --follow/);
    assert.throws(() => parseFunctionsArgs(['logs', 'a', 'b']), /logs takes one function; got 2 arguments/);
    assert.throws(() => parseFunctionsArgs(['invoke', 'f', '--event', 's3', '--key', 'k']), /--event s3 needs --bucket <bucket>$/);
    assert.throws(() => parseFunctionsArgs(['invoke', 'f', '--event', 's3']), /--event s3 needs --bucket <bucket> and --key <object key>/);
    assert.throws(() => parseFunctionsArgs(['invoke', 'f', '--event', 'empty', '--bucket', 'b']), /go with --event s3/);
    assert.throws(() => parseFunctionsArgs(['invoke', 'f', '--event', 'empty', '--payload', 'e.json']), /either --event or --payload/);
    assert.throws(() => parseFunctionsArgs(['invoke', 'f', '--event', 'sqs']), /unknown event "sqs"/);
    assert.throws(() => parseFunctionsArgs(['list', '--profile', '']), /--profile needs a value/);
    assert.deepEqual(parseFunctionsArgs(['logs', 'f:live']), { kind: 'logs', target: { name: 'f', qualifier: 'live' }, since: '30m', filter: undefined, follow: false, profile: undefined, region: undefined });
  });
});
