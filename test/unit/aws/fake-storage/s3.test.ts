import * as assert from 'node:assert/strict';
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  GetBucketLocationCommand,
  GetBucketNotificationConfigurationCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  PutBucketNotificationConfigurationCommand,
  PutObjectCommand,
  type Event,
  type NotificationConfiguration,
} from '@aws-sdk/client-s3';
import { AddPermissionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { rejection, startStorage, type StorageSetup } from './setup';

const FUNCTION = 'arn:aws:lambda:us-east-1:123456789012:function:dff-orders';
const OTHER_FUNCTION = 'arn:aws:lambda:us-east-1:123456789012:function:dff-audit';
const QUEUE = 'arn:aws:sqs:us-east-1:123456789012:uploads';
const TOPIC = 'arn:aws:sns:us-east-1:123456789012:uploads';

const EXISTING_NOTIFICATION = `<NotificationConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <QueueConfiguration><Id>user-queue</Id><Queue>${QUEUE}</Queue><Event>s3:ObjectRemoved:*</Event></QueueConfiguration>
  <CloudFunctionConfiguration><Id>old-trigger</Id><CloudFunction>${OTHER_FUNCTION}</CloudFunction><Event>s3:ObjectCreated:*</Event></CloudFunctionConfiguration>
</NotificationConfiguration>`;

describe('AWS stand-in: S3', () => {
  let setup: StorageSetup;
  /** Functions the stand-in's Lambda would say exist, and the buckets each lets S3 invoke it from. */
  let invokers: Map<string, string[]>;

  beforeEach(async () => {
    setup = await startStorage();
    invokers = new Map();
    setup.aws.world.functions = {
      allowsS3Invoke: (functionArn, bucketArn) => ({ exists: invokers.has(functionArn), allowed: invokers.get(functionArn)?.includes(bucketArn) ?? false }),
    };
  });
  afterEach(() => setup.close());

  const putNotification = (Bucket: string, NotificationConfiguration: NotificationConfiguration) =>
    setup.s3Client().send(new PutBucketNotificationConfigurationCommand({ Bucket, NotificationConfiguration }));
  const getNotification = (Bucket: string) => setup.s3Client().send(new GetBucketNotificationConfigurationCommand({ Bucket }));

  describe('buckets', () => {
    it('knows a seeded bucket’s region: HeadBucket and GetBucketLocation answer it', async () => {
      setup.s3.seedBucket('uploads');
      setup.s3.seedBucket('eu-uploads', { region: 'eu-west-1' });
      assert.equal((await setup.s3Client().send(new HeadBucketCommand({ Bucket: 'uploads' }))).BucketRegion, 'us-east-1');
      // us-east-1 is the empty location constraint, as S3 answers it.
      assert.equal((await setup.s3Client().send(new GetBucketLocationCommand({ Bucket: 'uploads' }))).LocationConstraint, undefined);
      assert.equal((await setup.s3Client().send(new GetBucketLocationCommand({ Bucket: 'eu-uploads' }))).LocationConstraint, 'eu-west-1');
      assert.equal((await setup.s3Client('eu-west-1').send(new HeadBucketCommand({ Bucket: 'eu-uploads' }))).BucketRegion, 'eu-west-1');
    });

    it('refuses a bucket addressed from another region with a permanent redirect naming its region', async () => {
      setup.s3.seedBucket('eu-uploads', { region: 'eu-west-1' });
      const error = await rejection(getNotification('eu-uploads'));
      assert.equal(error.name, 'PermanentRedirect');
      assert.equal(error.$metadata?.httpStatusCode, 301);
    });

    it('answers NoSuchBucket with the bucket name, and a bare 404 to HEAD', async () => {
      const error = await rejection(getNotification('missing'));
      assert.equal(error.name, 'NoSuchBucket');
      assert.equal(error.$metadata?.httpStatusCode, 404);
      assert.equal((error as unknown as { BucketName?: string }).BucketName, 'missing');
      const head = await rejection(setup.s3Client().send(new HeadBucketCommand({ Bucket: 'missing' })));
      assert.equal(head.name, 'NotFound');
    });

    it('lists the caller’s buckets with their regions, not another account’s, and refuses access to another account’s bucket', async () => {
      setup.s3.seedBucket('uploads');
      setup.s3.seedBucket('eu-uploads', { region: 'eu-west-1' });
      setup.s3.seedBucket('someone-elses', { account: '210987654321' });
      const listed = await setup.s3Client().send(new ListBucketsCommand({}));
      assert.deepEqual(
        listed.Buckets?.map((b) => [b.Name, b.BucketRegion]),
        [
          ['eu-uploads', 'eu-west-1'],
          ['uploads', 'us-east-1'],
        ],
      );
      const denied = await rejection(getNotification('someone-elses'));
      assert.equal(denied.name, 'AccessDenied');
      assert.equal(denied.$metadata?.httpStatusCode, 403);
    });
  });

  describe('objects', () => {
    it('stores the bytes of a single PUT (with the SDK’s CRC32 checksum) and HeadObject describes them', async () => {
      setup.s3.seedBucket('uploads');
      const body = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0x10]);
      const put = await setup.s3Client().send(new PutObjectCommand({ Bucket: 'uploads', Key: 'dff/orders.zip', Body: body, ContentType: 'application/zip', Metadata: { flow: 'orders' } }));
      assert.match(put.ETag ?? '', /^"[0-9a-f]{32}"$/);
      assert.ok(put.ChecksumCRC32, 'the SDK sent a CRC32 and S3 echoes it');
      assert.deepEqual(setup.s3.object('uploads', 'dff/orders.zip')?.body, body);
      const head = await setup.s3Client().send(new HeadObjectCommand({ Bucket: 'uploads', Key: 'dff/orders.zip' }));
      assert.equal(head.ContentLength, body.length);
      assert.equal(head.ContentType, 'application/zip');
      assert.equal(head.ETag, put.ETag);
      assert.deepEqual(head.Metadata, { flow: 'orders' });
    });

    it('decodes a streamed upload (aws-chunked with a checksum trailer) to the file’s bytes', async () => {
      setup.s3.seedBucket('uploads');
      const dir = mkdtempSync(join(tmpdir(), 'fake-s3-'));
      try {
        const file = join(dir, 'flow.zip');
        const bytes = Buffer.alloc(200_000, 7);
        bytes.write('PK', 0);
        writeFileSync(file, bytes);
        await setup.s3Client().send(new PutObjectCommand({ Bucket: 'uploads', Key: 'flow.zip', Body: createReadStream(file), ContentLength: bytes.length }));
        assert.deepEqual(setup.s3.object('uploads', 'flow.zip')?.body, bytes);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('refuses a body whose checksum does not match (BadDigest) and keeps nothing', async () => {
      setup.s3.seedBucket('uploads');
      const error = await rejection(setup.s3Client().send(new PutObjectCommand({ Bucket: 'uploads', Key: 'x.zip', Body: Buffer.from('abc'), ChecksumCRC32: 'AAAAAA==' })));
      assert.equal(error.name, 'BadDigest');
      assert.equal(setup.s3.object('uploads', 'x.zip'), undefined);
      const missing = await rejection(setup.s3Client().send(new HeadObjectCommand({ Bucket: 'uploads', Key: 'x.zip' })));
      assert.equal(missing.name, 'NotFound');
    });
  });

  describe('notification configuration', () => {
    it('is empty on a new bucket', async () => {
      setup.s3.seedBucket('uploads');
      const got = await getNotification('uploads');
      assert.equal(got.LambdaFunctionConfigurations, undefined);
      assert.equal(got.QueueConfigurations, undefined);
    });

    it('is replaced whole by PUT, keeping queue, topic and EventBridge entries exactly as given', async () => {
      setup.s3.seedBucket('uploads', { notificationXml: EXISTING_NOTIFICATION });
      invokers.set(FUNCTION, ['arn:aws:s3:::uploads']);
      const given: NotificationConfiguration = {
        QueueConfigurations: [{ Id: 'user-queue', QueueArn: QUEUE, Events: ['s3:ObjectRemoved:*'] }],
        TopicConfigurations: [{ Id: 'user-topic', TopicArn: TOPIC, Events: ['s3:ObjectRestore:Completed'], Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'archive/' }] } } }],
        LambdaFunctionConfigurations: [
          { Id: 'dff-orders', LambdaFunctionArn: FUNCTION, Events: ['s3:ObjectCreated:*'], Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'in/' }, { Name: 'suffix', Value: '.csv' }] } } },
        ],
        EventBridgeConfiguration: {},
      };
      await putNotification('uploads', given);
      const got = await getNotification('uploads');
      assert.deepEqual(got.QueueConfigurations, given.QueueConfigurations);
      assert.deepEqual(got.TopicConfigurations, given.TopicConfigurations);
      assert.deepEqual(got.LambdaFunctionConfigurations, given.LambdaFunctionConfigurations, 'the old trigger on dff-audit is gone: PUT replaces');
      assert.deepEqual(got.EventBridgeConfiguration, {});
      const seen = setup.s3.notification('uploads');
      assert.deepEqual(
        seen?.entries.map((e) => [e.kind, e.id]),
        [
          ['Topic', 'user-topic'],
          ['Queue', 'user-queue'],
          ['CloudFunction', 'dff-orders'],
        ],
      );
      assert.equal(seen?.eventBridge, true);
    });

    it('names a configuration given without an Id', async () => {
      setup.s3.seedBucket('uploads');
      invokers.set(FUNCTION, ['arn:aws:s3:::uploads']);
      await putNotification('uploads', { LambdaFunctionConfigurations: [{ LambdaFunctionArn: FUNCTION, Events: ['s3:ObjectCreated:Put'] }] });
      const [entry] = (await getNotification('uploads')).LambdaFunctionConfigurations ?? [];
      assert.ok(entry.Id && entry.Id.length > 0);
    });

    it('refuses a function that does not allow S3 to invoke it from this bucket, naming only that one, and keeps the old configuration', async () => {
      setup.s3.seedBucket('uploads', { notificationXml: EXISTING_NOTIFICATION });
      invokers.set(FUNCTION, ['arn:aws:s3:::uploads']);
      invokers.set(OTHER_FUNCTION, ['arn:aws:s3:::another-bucket']);
      const before = setup.s3.notification('uploads')?.xml;
      const error = await rejection(
        putNotification('uploads', {
          LambdaFunctionConfigurations: [
            { Id: 'allowed', LambdaFunctionArn: FUNCTION, Events: ['s3:ObjectCreated:*'] },
            { Id: 'refused', LambdaFunctionArn: OTHER_FUNCTION, Events: ['s3:ObjectRemoved:*'] },
          ],
        }),
      );
      assert.equal(error.name, 'InvalidArgument');
      assert.equal(error.$metadata?.httpStatusCode, 400);
      assert.equal(error.message, 'Unable to validate the following destination configurations');
      const details = error as unknown as Record<string, string>;
      assert.equal(details.ArgumentName1, `${OTHER_FUNCTION}, refused`);
      assert.equal(details.ArgumentValue1, `Not authorized to invoke function [${OTHER_FUNCTION}]`);
      assert.equal(details.ArgumentName2, undefined);
      assert.equal(setup.s3.notification('uploads')?.xml, before);
    });

    it('asks the stand-in’s Lambda: refused until AddPermission lets s3.amazonaws.com invoke the alias from this bucket', async () => {
      setup.aws.world.functions = setup.aws.lambda;
      setup.s3.seedBucket('uploads');
      const fn = setup.aws.lambda.seedFunction({ name: 'dff-orders', versions: 1, aliases: { live: '1' } });
      const alias = `arn:aws:lambda:${setup.aws.region}:${setup.aws.account}:function:${fn.name}:live`;
      const configuration = { LambdaFunctionConfigurations: [{ Id: 'dff', LambdaFunctionArn: alias, Events: ['s3:ObjectCreated:*' as const] }] };
      assert.equal((await rejection(putNotification('uploads', configuration))).message, 'Unable to validate the following destination configurations');
      const lambda = new LambdaClient({ endpoint: setup.aws.url, region: setup.aws.region, credentials: (await setup.s3Client().config.credentials()), maxAttempts: 1 });
      try {
        await lambda.send(
          new AddPermissionCommand({ FunctionName: fn.name, Qualifier: 'live', StatementId: 's3-uploads', Action: 'lambda:InvokeFunction', Principal: 's3.amazonaws.com', SourceArn: 'arn:aws:s3:::uploads' }),
        );
      } finally {
        lambda.destroy();
      }
      await putNotification('uploads', configuration);
      assert.deepEqual(setup.s3.notification('uploads')?.entries.map((e) => e.destination), [alias]);
    });

    it('refuses a function that does not exist', async () => {
      setup.s3.seedBucket('uploads');
      const error = await rejection(putNotification('uploads', { LambdaFunctionConfigurations: [{ LambdaFunctionArn: FUNCTION, Events: ['s3:ObjectCreated:*'] }] }));
      assert.equal(error.message, 'Unable to validate the following destination configurations');
    });

    it('refuses configurations that share an event type on overlapping keys, and takes ones whose suffixes cannot both match', async () => {
      setup.s3.seedBucket('uploads');
      invokers.set(FUNCTION, ['arn:aws:s3:::uploads']);
      invokers.set(OTHER_FUNCTION, ['arn:aws:s3:::uploads']);
      const trigger = (Id: string, arn: string, event: Event, prefix: string, suffix?: string) => ({
        Id,
        LambdaFunctionArn: arn,
        Events: [event],
        Filter: { Key: { FilterRules: [{ Name: 'prefix' as const, Value: prefix }, ...(suffix ? [{ Name: 'suffix' as const, Value: suffix }] : [])] } },
      });
      const overlap = await rejection(
        putNotification('uploads', { LambdaFunctionConfigurations: [trigger('a', FUNCTION, 's3:ObjectCreated:*', 'in/'), trigger('b', OTHER_FUNCTION, 's3:ObjectCreated:Put', 'in/orders/')] }),
      );
      assert.equal(overlap.name, 'InvalidArgument');
      assert.equal(overlap.message, 'Configurations overlap. Configurations on the same bucket cannot share a common event type.');
      assert.deepEqual(setup.s3.notification('uploads')?.entries, []);
      await putNotification('uploads', {
        LambdaFunctionConfigurations: [trigger('a', FUNCTION, 's3:ObjectCreated:*', 'in/', '.csv'), trigger('b', OTHER_FUNCTION, 's3:ObjectCreated:Put', 'in/orders/', '.json')],
      });
      assert.equal(setup.s3.notification('uploads')?.entries.length, 2);
    });

    it('refuses a function in another region than the bucket', async () => {
      setup.s3.seedBucket('uploads');
      const elsewhere = 'arn:aws:lambda:eu-west-1:123456789012:function:dff-orders';
      invokers.set(elsewhere, ['arn:aws:s3:::uploads']);
      const error = await rejection(putNotification('uploads', { LambdaFunctionConfigurations: [{ LambdaFunctionArn: elsewhere, Events: ['s3:ObjectCreated:*'] }] }));
      assert.equal(error.name, 'InvalidArgument');
      assert.match(error.message, /region is not valid/);
    });
  });

  it('answers injected faults with S3’s own errors', async () => {
    setup.s3.seedBucket('uploads');
    const expected: [Parameters<StorageSetup['aws']['inject']>[0]['kind'], string, number][] = [
      ['throttle', 'SlowDown', 503],
      ['accessDenied', 'AccessDenied', 403],
      ['expiredToken', 'ExpiredToken', 400],
      ['internal', 'InternalError', 500],
    ];
    for (const [kind, name, status] of expected) {
      setup.aws.inject({ service: 's3', operation: 'GetBucketNotificationConfiguration', kind });
      const error = await rejection(getNotification('uploads'));
      assert.deepEqual([error.name, error.$metadata?.httpStatusCode], [name, status]);
      if (kind === 'accessDenied') assert.equal(error.message, 'Access Denied');
    }
    assert.deepEqual((await getNotification('uploads')).LambdaFunctionConfigurations, undefined);
  });
});
