// S3 listings in the stand-in, through the real SDK client: ListObjectsV2 (fields, UTF-8 byte order,
// MaxKeys/ContinuationToken paging, Prefix, Delimiter, StartAfter, S3's refusals) and ListBuckets
// paged with MaxBuckets/ContinuationToken and filtered by Prefix and BucketRegion.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { ListBucketsCommand, ListObjectsV2Command, PutObjectCommand, type ListBucketsCommandInput, type ListObjectsV2CommandInput } from '@aws-sdk/client-s3';
import { rejection, startStorage, type StorageSetup } from './setup';

const BUCKET = 'dff-artifacts';

describe('AWS stand-in: S3 listings', () => {
  let setup: StorageSetup;

  beforeEach(async () => {
    setup = await startStorage();
  });
  afterEach(() => setup.close());

  const list = (input: Partial<ListObjectsV2CommandInput> = {}) => setup.s3Client().send(new ListObjectsV2Command({ Bucket: BUCKET, ...input }));

  /** Keys (and common prefixes, marked "prefix:") page by page, following NextContinuationToken. */
  async function pages(input: Partial<ListObjectsV2CommandInput>): Promise<string[][]> {
    const result: string[][] = [];
    let token: string | undefined;
    do {
      const answer = await list({ ...input, ...(token ? { ContinuationToken: token } : {}) });
      const entries = [...(answer.Contents ?? []).map((object) => object.Key ?? ''), ...(answer.CommonPrefixes ?? []).map((common) => `prefix:${common.Prefix}`)];
      assert.equal(answer.KeyCount, entries.length, 'KeyCount counts keys and common prefixes');
      assert.equal(answer.IsTruncated === true, answer.NextContinuationToken !== undefined, 'a NextContinuationToken comes exactly with IsTruncated');
      assert.equal(answer.ContinuationToken, token, 'the token given is echoed');
      result.push(entries);
      token = answer.NextContinuationToken;
    } while (token);
    return result;
  }

  describe('ListObjectsV2', () => {
    it('answers each object’s key, last modified time, quoted MD5 ETag, size and storage class, and the listing’s name, prefix and counts', async () => {
      setup.s3.seedBucket(BUCKET);
      setup.s3.seedObject(BUCKET, 'naaf-aws-lambda-1.0.0-bin.zip', 'PK binaries', Date.UTC(2025, 0, 2, 3, 4, 5, 678));
      setup.s3.seedObject(BUCKET, 'README.txt', 'read me');
      const answer = await list();
      assert.equal(answer.Name, BUCKET);
      assert.equal(answer.Prefix, '', 'S3 always answers the prefix, empty when none was given');
      assert.equal(answer.MaxKeys, 1000);
      assert.equal(answer.KeyCount, 2);
      assert.equal(answer.IsTruncated, false);
      assert.equal(answer.NextContinuationToken, undefined);
      // UTF-8 byte order: upper case before lower case.
      assert.deepEqual(answer.Contents?.map((object) => object.Key), ['README.txt', 'naaf-aws-lambda-1.0.0-bin.zip']);
      const zip = answer.Contents?.[1];
      assert.deepEqual(zip?.LastModified, new Date(Date.UTC(2025, 0, 2, 3, 4, 5, 678)));
      assert.equal(zip?.ETag, `"${createHash('md5').update('PK binaries').digest('hex')}"`);
      assert.equal(zip?.Size, 'PK binaries'.length);
      assert.equal(zip?.StorageClass, 'STANDARD');
      assert.equal(zip?.Owner, undefined, 'the owner only with FetchOwner');
      assert.ok((await list({ FetchOwner: true })).Contents?.[0].Owner?.ID);
    });

    it('orders keys by their UTF-8 bytes, not by UTF-16 code units', async () => {
      // U+FF01 is EF BC 81 in UTF-8, before U+1F600's F0…; in UTF-16 the surrogate D83D comes first.
      setup.s3.seedBucket(BUCKET, { objects: { '\u{1F600}.zip': 'a', '\uFF01.zip': 'b', 'z.zip': 'c' } });
      assert.deepEqual(await pages({}), [['z.zip', '\uFF01.zip', '\u{1F600}.zip']]);
    });

    it('says which checksum an object was uploaded with', async () => {
      setup.s3.seedBucket(BUCKET);
      await setup.s3Client().send(new PutObjectCommand({ Bucket: BUCKET, Key: 'with-crc.zip', Body: 'PK', ChecksumAlgorithm: 'CRC32' }));
      const object = (await list()).Contents?.[0];
      assert.deepEqual(object?.ChecksumAlgorithm, ['CRC32']);
      assert.equal(object?.ChecksumType, 'FULL_OBJECT');
    });

    it('pages by MaxKeys: a full last page is not truncated, one key more is', async () => {
      setup.s3.seedBucket(BUCKET, { objects: { a: '1', b: '2', c: '3', d: '4' } });
      assert.deepEqual(await pages({ MaxKeys: 4 }), [['a', 'b', 'c', 'd']]);
      assert.deepEqual(await pages({ MaxKeys: 3 }), [['a', 'b', 'c'], ['d']]);
      assert.deepEqual(await pages({ MaxKeys: 1 }), [['a'], ['b'], ['c'], ['d']]);
      const first = await list({ MaxKeys: 3 });
      assert.equal(first.MaxKeys, 3);
    });

    it('answers at most 1000 keys a page whatever MaxKeys asks', async () => {
      const objects: Record<string, string> = {};
      for (let n = 0; n < 1001; n++) objects[`k${String(n).padStart(4, '0')}`] = '';
      setup.s3.seedBucket(BUCKET, { objects });
      const sizes = (await pages({ MaxKeys: 5000 })).map((page) => page.length);
      assert.deepEqual(sizes, [1000, 1]);
      assert.deepEqual((await pages({})).map((page) => page.length), [1000, 1]);
    });

    it('lists only keys under Prefix, echoes it, and starts after StartAfter', async () => {
      setup.s3.seedBucket(BUCKET, { objects: { 'dff/1.0.zip': '', 'dff/1.1.zip': '', 'dff/2.0.zip': '', 'other/x.zip': '', dff: '' } });
      assert.deepEqual(await pages({ Prefix: 'dff/' }), [['dff/1.0.zip', 'dff/1.1.zip', 'dff/2.0.zip']]);
      assert.equal((await list({ Prefix: 'dff/' })).Prefix, 'dff/');
      const after = await list({ Prefix: 'dff/', StartAfter: 'dff/1.0.zip' });
      assert.deepEqual(after.Contents?.map((object) => object.Key), ['dff/1.1.zip', 'dff/2.0.zip']);
      assert.equal(after.StartAfter, 'dff/1.0.zip');
      // StartAfter need not be a key.
      assert.deepEqual((await list({ StartAfter: 'dff/1.5' })).Contents?.map((object) => object.Key), ['dff/2.0.zip', 'other/x.zip']);
    });

    it('rolls keys up to the delimiter into common prefixes, each counted once in MaxKeys and never repeated on the next page', async () => {
      setup.s3.seedBucket(BUCKET, { objects: { 'a/1.zip': '', 'a/2.zip': '', 'a/3.zip': '', 'b.zip': '', 'c/1.zip': '', 'd.zip': '' } });
      assert.deepEqual(await pages({ Delimiter: '/' }), [['b.zip', 'd.zip', 'prefix:a/', 'prefix:c/']]);
      assert.deepEqual(await pages({ Delimiter: '/', MaxKeys: 1 }), [['prefix:a/'], ['b.zip'], ['prefix:c/'], ['d.zip']]);
      assert.deepEqual(await pages({ Delimiter: '/', MaxKeys: 2 }), [['b.zip', 'prefix:a/'], ['d.zip', 'prefix:c/']]);
      assert.equal((await list({ Delimiter: '/' })).Delimiter, '/');
      assert.deepEqual(await pages({ Delimiter: '/', Prefix: 'a/' }), [['a/1.zip', 'a/2.zip', 'a/3.zip']]);
    });

    it('refuses a continuation token it did not give and a negative MaxKeys, with S3’s InvalidArgument', async () => {
      setup.s3.seedBucket(BUCKET, { objects: { a: '' } });
      const token = await rejection(list({ ContinuationToken: 'bm90LWEtdG9rZW4=' }));
      assert.equal(token.name, 'InvalidArgument');
      assert.equal(token.$metadata?.httpStatusCode, 400);
      assert.equal(token.message, 'The continuation token provided is incorrect');
      const negative = await rejection(list({ MaxKeys: -1 }));
      assert.equal(negative.name, 'InvalidArgument');
      assert.equal((await list({ MaxKeys: 0 })).KeyCount, 0);
    });

    it('answers NoSuchBucket, AccessDenied for another account’s bucket, and a redirect for a bucket in another region', async () => {
      setup.s3.seedBucket('someone-elses', { account: '210987654321', objects: { 'x.zip': '' } });
      setup.s3.seedBucket('eu-artifacts', { region: 'eu-west-1', objects: { 'x.zip': '' } });
      assert.equal((await rejection(list())).name, 'NoSuchBucket');
      assert.equal((await rejection(list({ Bucket: 'someone-elses' }))).name, 'AccessDenied');
      const moved = await rejection(list({ Bucket: 'eu-artifacts' }));
      assert.equal(moved.name, 'PermanentRedirect');
      assert.equal(moved.$metadata?.httpStatusCode, 301);
      const fromItsRegion = await setup.s3Client('eu-west-1').send(new ListObjectsV2Command({ Bucket: 'eu-artifacts' }));
      assert.deepEqual(fromItsRegion.Contents?.map((object) => object.Key), ['x.zip']);
    });

    it('answers an injected denial and then lists again', async () => {
      setup.s3.seedBucket(BUCKET, { objects: { 'a.zip': '' } });
      setup.aws.inject({ service: 's3', operation: 'ListObjectsV2', kind: 'accessDenied' });
      const denied = await rejection(list());
      assert.equal(denied.name, 'AccessDenied');
      assert.equal(denied.$metadata?.httpStatusCode, 403);
      assert.deepEqual(await pages({}), [['a.zip']]);
    });
  });

  describe('ListBuckets', () => {
    const listBuckets = (input: ListBucketsCommandInput = {}) => setup.s3Client().send(new ListBucketsCommand(input));

    async function bucketPages(input: ListBucketsCommandInput): Promise<string[][]> {
      const result: string[][] = [];
      let token: string | undefined;
      do {
        const answer = await listBuckets({ ...input, ...(token ? { ContinuationToken: token } : {}) });
        result.push((answer.Buckets ?? []).map((bucket) => bucket.Name ?? ''));
        token = answer.ContinuationToken;
      } while (token);
      return result;
    }

    beforeEach(() => {
      setup.s3.seedBucket('dff-a');
      setup.s3.seedBucket('dff-b');
      setup.s3.seedBucket('dff-eu', { region: 'eu-west-1' });
      setup.s3.seedBucket('logs');
    });

    it('answers every bucket without MaxBuckets, and pages by MaxBuckets: a full last page has no token, one bucket more has', async () => {
      assert.deepEqual(await bucketPages({}), [['dff-a', 'dff-b', 'dff-eu', 'logs']]);
      assert.deepEqual(await bucketPages({ MaxBuckets: 4 }), [['dff-a', 'dff-b', 'dff-eu', 'logs']]);
      assert.deepEqual(await bucketPages({ MaxBuckets: 3 }), [['dff-a', 'dff-b', 'dff-eu'], ['logs']]);
    });

    it('filters by Prefix and BucketRegion, and refuses MaxBuckets 0 and 10001', async () => {
      assert.deepEqual(await bucketPages({ Prefix: 'dff-' }), [['dff-a', 'dff-b', 'dff-eu']]);
      assert.equal((await listBuckets({ Prefix: 'dff-' })).Prefix, 'dff-');
      assert.deepEqual(await bucketPages({ BucketRegion: 'eu-west-1' }), [['dff-eu']]);
      assert.deepEqual(await bucketPages({ MaxBuckets: 10000 }), [['dff-a', 'dff-b', 'dff-eu', 'logs']]);
      for (const MaxBuckets of [0, 10001]) assert.equal((await rejection(listBuckets({ MaxBuckets }))).name, 'InvalidArgument');
    });
  });
});
