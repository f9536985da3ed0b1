import * as assert from 'node:assert/strict';
import { lambdaConsoleUrl } from '../../../../src/core/aws/consoleUrl';
import { isSecretEnvKey, maskEnvironment, s3SourceBuckets, triggerTarget } from '../../../../src/core/aws/functionDetails';
import { isDataFlowFunction, summarizeFunction, DFF_HANDLER } from '../../../../src/core/aws/functions';
import { s3EventKey, s3ObjectCreatedEvent } from '../../../../src/core/aws/invoke';
import { classifyLogLine, logGroupName, parseSince, versionStreamPrefixes } from '../../../../src/core/aws/logs';

const ARN = 'arn:aws:lambda:eu-west-1:123456789012:function:orders';

describe('S3 test event', () => {
  it('encodes the key as S3 does in notifications: space as +, + as %2B, / kept', () => {
    assert.equal(s3EventKey('red flower.jpg'), 'red+flower.jpg');
    assert.equal(s3EventKey('in/2024/a b+c.json'), 'in/2024/a+b%2Bc.json');
    assert.equal(s3EventKey('x=1&y=(2)!~*\''), 'x%3D1%26y%3D%282%29%21%7E%2A%27');
    assert.equal(s3EventKey('été.csv'), '%C3%A9t%C3%A9.csv');
    assert.equal(s3EventKey('plain-name_1.txt'), 'plain-name_1.txt');
  });

  it('builds an ObjectCreated:Put record with bucket ARN, region, size and time', () => {
    const event = s3ObjectCreatedEvent({ bucket: 'in', key: 'a b.json', region: 'eu-west-1', size: 12, eventTime: '2024-05-01T10:00:00.000Z' });
    assert.equal(event.Records.length, 1);
    const record = event.Records[0] as { eventSource: string; awsRegion: string; eventName: string; eventTime: string; s3: { bucket: { name: string; arn: string }; object: { key: string; size: number } } };
    assert.equal(record.eventSource, 'aws:s3');
    assert.equal(record.awsRegion, 'eu-west-1');
    assert.equal(record.eventName, 'ObjectCreated:Put');
    assert.equal(record.eventTime, '2024-05-01T10:00:00.000Z');
    assert.deepEqual(record.s3.bucket, { name: 'in', ownerIdentity: { principalId: 'EXAMPLE' }, arn: 'arn:aws:s3:::in' });
    assert.equal(record.s3.object.key, 'a+b.json');
    assert.equal(record.s3.object.size, 12);
  });
});

describe('log helpers', () => {
  it('classifies DFF Java log lines and Lambda platform lines', () => {
    assert.equal(classifyLogLine('2024-05-01 10:00:00,123 ERROR [main] o.a.n.p.PutS3Object Failed to put'), 'error');
    assert.equal(classifyLogLine('java.lang.IllegalStateException: no flow'), 'error');
    assert.equal(classifyLogLine('\tat org.apache.nifi.Foo.bar(Foo.java:12)'), 'error');
    assert.equal(classifyLogLine('2024-05-01 10:00:00,123 WARN [main] o.a.n.c.Something slow'), 'warn');
    assert.equal(classifyLogLine('START RequestId: 1f2e Version: $LATEST'), 'report');
    assert.equal(classifyLogLine('END RequestId: 1f2e'), 'report');
    assert.equal(classifyLogLine('REPORT RequestId: 1f2e\tDuration: 1200.00 ms\tBilled Duration: 1200 ms'), 'report');
    assert.equal(classifyLogLine('REPORT RequestId: 1f2e\tDuration: 300000.00 ms\tStatus: timeout'), 'error');
    assert.equal(classifyLogLine('2024-05-01T10:00:00.000Z 1f2e Task timed out after 300.00 seconds'), 'error');
    assert.equal(classifyLogLine('2024-05-01 10:00:00,123 INFO [main] Flow loaded'), 'info');
    assert.equal(classifyLogLine('Errors in this sentence are words, not levels'), 'info');
  });

  it('parses --since as minutes, hours, days or an ISO date', () => {
    const now = Date.parse('2024-05-02T12:00:00Z');
    assert.equal(parseSince('30m', now), now - 30 * 60_000);
    assert.equal(parseSince('2h', now), now - 2 * 3_600_000);
    assert.equal(parseSince('1d', now), now - 86_400_000);
    assert.equal(parseSince('2024-05-01T10:00:00Z', now), Date.parse('2024-05-01T10:00:00Z'));
    assert.equal(parseSince('2024-05-01', now), Date.parse('2024-05-01'));
    for (const bad of ['', '30', 'm', '-1h', '1y', 'yesterday', '2024-13-45']) assert.equal(parseSince(bad, now), undefined, bad);
  });

  it('the log group is LoggingConfig.LogGroup, else /aws/lambda/<name>', () => {
    assert.equal(logGroupName({ FunctionName: 'orders' }), '/aws/lambda/orders');
    assert.equal(logGroupName({ FunctionName: 'orders', LoggingConfig: { LogGroup: '/shared/dff' } }), '/shared/dff');
    assert.equal(logGroupName({ name: 'orders', logGroup: '/custom' }, '3'), '/custom');
    assert.equal(logGroupName({ FunctionName: `${ARN}:live` }), '/aws/lambda/orders');
  });

  it('stream prefixes per UTC day and version, across midnight', () => {
    const start = Date.parse('2024-05-01T23:30:00Z');
    const end = Date.parse('2024-05-02T00:10:00Z');
    assert.deepEqual(versionStreamPrefixes(['3'], start, end), ['2024/05/01/[3]', '2024/05/02/[3]']);
    assert.deepEqual(versionStreamPrefixes(['$LATEST', '4'], start, start), ['2024/05/01/[$LATEST]', '2024/05/01/[4]']);
  });
});

describe('function summaries and details helpers', () => {
  it('keeps env keys and FLOW_CRN, drops every other value', () => {
    const summary = summarizeFunction({
      FunctionName: 'orders',
      FunctionArn: ARN,
      Handler: DFF_HANDLER,
      Environment: { Variables: { FLOW_CRN: 'crn:cdp:df:us-west-1:acc:flow:orders/v.2', DF_PRIVATE_KEY: 'very-secret', DF_ACCESS_KEY: 'id' } },
    });
    assert.deepEqual(summary.envKeys, ['DF_ACCESS_KEY', 'DF_PRIVATE_KEY', 'FLOW_CRN']);
    assert.equal(summary.flow?.version, 2);
    assert.equal(summary.logGroup, '/aws/lambda/orders');
    assert.ok(!JSON.stringify(summary).includes('very-secret'));
    assert.equal(isDataFlowFunction(summary), true);
    assert.equal(isDataFlowFunction({ Handler: 'index.handler' }), false);
  });

  it('masks DF_PRIVATE_KEY, the given sensitive keys and keys that look secret, but not DF_ACCESS_KEY', () => {
    const entries = maskEnvironment({ DF_ACCESS_KEY: 'id', DF_PRIVATE_KEY: 'pk', db_pwd: 'x', DB_PASSWORD: 'p', api_key: 'k', KEYSPACE: 'ks', bucket: 'b', MY_TOKEN: 't' }, ['db_pwd']);
    assert.deepEqual(entries, [
      { key: 'DB_PASSWORD', masked: true },
      { key: 'DF_ACCESS_KEY', value: 'id', masked: false },
      { key: 'DF_PRIVATE_KEY', masked: true },
      { key: 'KEYSPACE', value: 'ks', masked: false },
      { key: 'MY_TOKEN', masked: true },
      { key: 'api_key', masked: true },
      { key: 'bucket', value: 'b', masked: false },
      { key: 'db_pwd', masked: true },
    ]);
    assert.equal(isSecretEnvKey('SECRET_NAME'), true);
  });

  it('finds S3 buckets allowed by a resource policy (principal s3.amazonaws.com, SourceArn of a bucket)', () => {
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'a', Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Action: 'lambda:InvokeFunction', Resource: ARN, Condition: { ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::in-bucket' }, StringEquals: { 'AWS:SourceAccount': '123456789012' } } },
        { Sid: 'b', Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' }, Action: 'lambda:InvokeFunction', Resource: ARN, Condition: { ArnLike: { 'AWS:SourceArn': 'arn:aws:sns:eu-west-1:123456789012:t' } } },
        { Sid: 'c', Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Action: 'lambda:InvokeFunction', Resource: ARN, Condition: { ArnEquals: { 'aws:sourceArn': 'arn:aws:s3:::other' } } },
      ],
    });
    assert.deepEqual(s3SourceBuckets(policy), ['in-bucket', 'other']);
    assert.deepEqual(s3SourceBuckets('not json'), []);
  });

  it('tells whether a trigger ARN targets the function, a version or an alias, and ignores other functions', () => {
    assert.deepEqual(triggerTarget(ARN, ARN), { kind: 'function', arn: ARN });
    assert.deepEqual(triggerTarget(`${ARN}:7`, ARN), { kind: 'version', qualifier: '7', arn: `${ARN}:7` });
    assert.deepEqual(triggerTarget(`${ARN}:live`, ARN), { kind: 'alias', qualifier: 'live', arn: `${ARN}:live` });
    assert.equal(triggerTarget(`${ARN}-copy:live`, ARN), undefined);
    assert.equal(triggerTarget('arn:aws:lambda:us-east-1:123456789012:function:orders', ARN), undefined);
  });
});

describe('lambdaConsoleUrl', () => {
  it('links to the function, a version or an alias', () => {
    assert.equal(lambdaConsoleUrl('eu-west-1', 'orders'), 'https://eu-west-1.console.aws.amazon.com/lambda/home?region=eu-west-1#/functions/orders');
    assert.equal(lambdaConsoleUrl('eu-west-1', 'orders', '3'), 'https://eu-west-1.console.aws.amazon.com/lambda/home?region=eu-west-1#/functions/orders/versions/3');
    assert.equal(lambdaConsoleUrl('eu-west-1', 'orders', 'live'), 'https://eu-west-1.console.aws.amazon.com/lambda/home?region=eu-west-1#/functions/orders/aliases/live');
    assert.equal(lambdaConsoleUrl('eu-west-1', 'orders', '$LATEST'), 'https://eu-west-1.console.aws.amazon.com/lambda/home?region=eu-west-1#/functions/orders');
    assert.equal(lambdaConsoleUrl('cn-north-1', 'orders'), 'https://cn-north-1.console.amazonaws.cn/lambda/home?region=cn-north-1#/functions/orders');
  });
});
