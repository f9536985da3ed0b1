// The listings a new deploy target is chosen from (roles Lambda may assume, the region's buckets, the
// zips of a bucket), against the AWS stand-in with the product's client factory and the real SDK.
import * as assert from 'node:assert/strict';
import { AwsClientFactory } from '../../../../src/core/aws/clientFactory';
import { describeAwsError } from '../../../../src/core/aws/errors';
import { listBucketNames, listLambdaRoles, listZipObjects, MAX_KEYS_SCANNED, MAX_ZIP_OBJECTS } from '../../../../src/core/aws/listings';
import { trustsLambda } from '../../../../src/core/aws/trustPolicy';
import { startAwsHarness, type AwsHarness } from '../../../fakes/aws/harness';

function trust(...statements: Record<string, unknown>[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}
const allow = (principal: unknown, action: unknown = 'sts:AssumeRole', extra: Record<string, unknown> = {}) => ({ Effect: 'Allow', Principal: principal, Action: action, ...extra });
const LAMBDA = { Service: 'lambda.amazonaws.com' };
const EC2 = { Service: 'ec2.amazonaws.com' };

describe('AWS core: listings for a new deploy target', function () {
  this.timeout(30000);

  describe('trustsLambda', () => {
    it('accepts a trust policy that lets lambda.amazonaws.com assume the role, URL-encoded as IAM answers it or not', () => {
      assert.equal(trustsLambda(encodeURIComponent(trust(allow(LAMBDA)))), true);
      assert.equal(trustsLambda(trust(allow(LAMBDA))), true);
      assert.equal(trustsLambda(trust(allow({ Service: ['ec2.amazonaws.com', 'lambda.amazonaws.com'] }))), true);
      // A single statement need not be in a list.
      assert.equal(trustsLambda(JSON.stringify({ Version: '2012-10-17', Statement: allow(LAMBDA) })), true);
      assert.equal(trustsLambda(trust(allow('*'))), true);
      assert.equal(trustsLambda(trust(allow({ AWS: '*' }))), true);
    });

    it('matches the action as IAM does: wildcards and any case, NotAction that leaves sts:AssumeRole in', () => {
      for (const action of ['sts:*', '*', 'STS:assumerole', ['sts:TagSession', 'sts:AssumeRole'], 'sts:Assume?ole']) {
        assert.equal(trustsLambda(trust(allow(LAMBDA, action))), true, JSON.stringify(action));
      }
      for (const action of ['sts:AssumeRoleWithSAML', 'sts:TagSession', 'sts:AssumeRole*x']) {
        assert.equal(trustsLambda(trust(allow(LAMBDA, action))), false, JSON.stringify(action));
      }
      const notAction = (value: unknown) => trust({ Effect: 'Allow', Principal: LAMBDA, NotAction: value });
      assert.equal(trustsLambda(notAction('sts:TagSession')), true);
      assert.equal(trustsLambda(notAction('sts:Assume*')), false);
    });

    it('refuses other services, edgelambda alone, an unconditional Deny, and documents that are not policies', () => {
      assert.equal(trustsLambda(trust(allow(EC2))), false);
      assert.equal(trustsLambda(trust(allow({ Service: 'edgelambda.amazonaws.com' }))), false);
      assert.equal(trustsLambda(trust(allow(LAMBDA), { Effect: 'Deny', Principal: LAMBDA, Action: 'sts:AssumeRole' })), false);
      // A Deny under a condition is not evaluated: the role is offered, deploy says if Lambda cannot assume it.
      assert.equal(trustsLambda(trust(allow(LAMBDA), { Effect: 'Deny', Principal: LAMBDA, Action: 'sts:AssumeRole', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })), true);
      assert.equal(trustsLambda(trust({ Effect: 'Allow', NotPrincipal: LAMBDA, Action: 'sts:AssumeRole' })), false);
      for (const document of [undefined, '', '%7B', encodeURIComponent('{"Version":'), '[]', 'null', encodeURIComponent(JSON.stringify({ Statement: ['x', null] }))]) {
        assert.equal(trustsLambda(document), false, String(document));
      }
    });
  });

  describe('against the stand-in', () => {
    let harness: AwsHarness;
    let factory: AwsClientFactory;

    beforeEach(async () => {
      harness = await startAwsHarness();
      factory = new AwsClientFactory(
        { profile: { name: 'test', kind: 'static' }, region: harness.fake.region, credentials: async () => harness.credentials, endpointUrl: harness.fake.url },
        { maxAttempts: 1 },
      );
    });
    afterEach(async () => {
      factory.destroy();
      await harness.close();
    });

    const callsTo = (operation: string) => harness.fake.calls.filter((call) => call.operation === operation).length;

    describe('listLambdaRoles', () => {
      it('lists the roles Lambda may assume, by name in any case, with their ARNs, and leaves out the others', async () => {
        const iam = harness.fake.iam;
        iam.seedRole('zeta-exec');
        iam.seedRole('Beta-exec', { path: '/service-role/' });
        iam.seedRole('alpha-both', { assumeRolePolicyDocument: trust(allow({ Service: ['ec2.amazonaws.com', 'lambda.amazonaws.com'] })) });
        iam.seedRole('ec2-only', { assumeRolePolicyDocument: trust(allow(EC2)) });
        iam.seedRole('denied', { assumeRolePolicyDocument: trust(allow(LAMBDA), { Effect: 'Deny', Principal: LAMBDA, Action: 'sts:AssumeRole' }) });
        iam.seedRole('other-account', { account: '210987654321' });
        const account = harness.fake.account;
        assert.deepEqual(await listLambdaRoles(factory.iam()), [
          { name: 'alpha-both', arn: `arn:aws:iam::${account}:role/alpha-both` },
          { name: 'Beta-exec', arn: `arn:aws:iam::${account}:role/service-role/Beta-exec` },
          { name: 'zeta-exec', arn: `arn:aws:iam::${account}:role/zeta-exec` },
        ]);
      });

      it('reads every page: 1000 roles in one call, 1001 in two, none listed twice', async () => {
        for (let n = 0; n < 1000; n++) harness.fake.iam.seedRole(`role-${String(n).padStart(4, '0')}`, n % 2 ? {} : { assumeRolePolicyDocument: trust(allow(EC2)) });
        harness.fake.resetCalls();
        assert.equal((await listLambdaRoles(factory.iam())).length, 500);
        assert.equal(callsTo('ListRoles'), 1);
        harness.fake.iam.seedRole('role-1000');
        harness.fake.resetCalls();
        const names = (await listLambdaRoles(factory.iam())).map((role) => role.name);
        assert.equal(callsTo('ListRoles'), 2);
        assert.equal(names.length, 501);
        assert.equal(new Set(names).size, 501);
        assert.equal(names.at(-1), 'role-1000');
      });

      it('lets a denial through for the caller to describe: the missing permission is iam:ListRoles', async () => {
        harness.fake.inject({ service: 'iam', operation: 'ListRoles', kind: 'accessDenied' });
        const error = await listLambdaRoles(factory.iam()).then(
          () => assert.fail('the denial was swallowed'),
          (caught: unknown) => caught,
        );
        const problem = describeAwsError(error, { action: 'list roles', profile: 'test' });
        assert.equal(problem.kind, 'accessDenied');
        assert.equal(problem.deniedAction, 'iam:ListRoles');
      });

      it('stops when cancelled', async () => {
        harness.fake.iam.seedRole('dff-exec');
        const controller = new AbortController();
        controller.abort();
        const error = await listLambdaRoles(factory.iam(), controller.signal).then(
          () => assert.fail('a cancelled listing finished'),
          (caught: unknown) => caught,
        );
        assert.equal(describeAwsError(error).kind, 'cancelled');
      });
    });

    describe('listBucketNames', () => {
      it('lists the buckets of the client’s region by name, not those of other regions or accounts', async () => {
        const s3 = harness.fake.s3;
        s3.seedBucket('dff-artifacts');
        s3.seedBucket('incoming-legacy');
        s3.seedBucket('archive');
        s3.seedBucket('eu-artifacts', { region: 'eu-west-1' });
        s3.seedBucket('their-bucket', { account: '210987654321' });
        assert.deepEqual(await listBucketNames(factory.s3()), ['archive', 'dff-artifacts', 'incoming-legacy']);
      });

      it('pages by 1000: 1000 buckets in one call, 1001 in two', async () => {
        for (let n = 0; n < 1000; n++) harness.fake.s3.seedBucket(`bucket-${String(n).padStart(4, '0')}`);
        harness.fake.resetCalls();
        assert.equal((await listBucketNames(factory.s3())).length, 1000);
        assert.equal(callsTo('ListBuckets'), 1);
        harness.fake.s3.seedBucket('bucket-1000');
        harness.fake.resetCalls();
        const names = await listBucketNames(factory.s3());
        assert.equal(callsTo('ListBuckets'), 2);
        assert.equal(new Set(names).size, 1001);
      });
    });

    describe('listZipObjects', () => {
      const BUCKET = 'dff-artifacts';
      const at = (minute: number) => Date.UTC(2025, 5, 1, 12, minute);

      it('lists the .zip objects (any case), the newest first, with size, time and ETag; other keys are left out', async () => {
        const s3 = harness.fake.s3;
        s3.seedBucket(BUCKET);
        s3.seedObject(BUCKET, 'naaf-aws-lambda-1.0.0-bin.zip', 'PK old', at(1));
        s3.seedObject(BUCKET, 'releases/naaf-aws-lambda-2.0.0-bin.ZIP', 'PK newest', at(3));
        s3.seedObject(BUCKET, 'naaf-aws-lambda-1.5.0-bin.zip', 'PK middle', at(2));
        s3.seedObject(BUCKET, 'notes.txt', 'text', at(4));
        s3.seedObject(BUCKET, 'zip', 'not a zip', at(5));
        const listed = await listZipObjects(factory.s3(), BUCKET);
        assert.equal(listed.more, false);
        assert.deepEqual(
          listed.objects.map((object) => object.key),
          ['releases/naaf-aws-lambda-2.0.0-bin.ZIP', 'naaf-aws-lambda-1.5.0-bin.zip', 'naaf-aws-lambda-1.0.0-bin.zip'],
        );
        const newest = listed.objects[0];
        assert.equal(newest.size, 'PK newest'.length);
        assert.deepEqual(newest.lastModified, new Date(at(3)));
        assert.equal(newest.etag, s3.object(BUCKET, 'releases/naaf-aws-lambda-2.0.0-bin.ZIP')?.etag);
      });

      it('puts the higher key first among zips of the same time', async () => {
        harness.fake.s3.seedBucket(BUCKET);
        for (const key of ['dff-1.0.1.zip', 'dff-1.0.3.zip', 'dff-1.0.2.zip']) harness.fake.s3.seedObject(BUCKET, key, 'PK', at(1));
        assert.deepEqual((await listZipObjects(factory.s3(), BUCKET)).objects.map((object) => object.key), ['dff-1.0.3.zip', 'dff-1.0.2.zip', 'dff-1.0.1.zip']);
      });

      it(`lists ${MAX_ZIP_OBJECTS} zips without "more", and with one more lists the newest ${MAX_ZIP_OBJECTS} and says there are more`, async () => {
        harness.fake.s3.seedBucket(BUCKET);
        for (let n = 0; n < MAX_ZIP_OBJECTS; n++) harness.fake.s3.seedObject(BUCKET, `v${String(n).padStart(3, '0')}.zip`, 'PK', at(10) + n * 1000);
        const full = await listZipObjects(factory.s3(), BUCKET);
        assert.equal(full.objects.length, MAX_ZIP_OBJECTS);
        assert.equal(full.more, false);
        // One older than all the others: it is the one left out.
        harness.fake.s3.seedObject(BUCKET, 'oldest.zip', 'PK', at(0));
        const over = await listZipObjects(factory.s3(), BUCKET);
        assert.equal(over.objects.length, MAX_ZIP_OBJECTS);
        assert.equal(over.more, true);
        assert.ok(!over.objects.some((object) => object.key === 'oldest.zip'));
        assert.equal(over.objects[0].key, `v${String(MAX_ZIP_OBJECTS - 1).padStart(3, '0')}.zip`);
      });

      it(`reads ${MAX_KEYS_SCANNED} keys to the end, and stops at ${MAX_KEYS_SCANNED} in a bigger bucket, saying there may be more`, async () => {
        const objects: Record<string, string> = {};
        for (let n = 0; n < MAX_KEYS_SCANNED - 1; n++) objects[`data/${String(n).padStart(5, '0')}.json`] = '';
        // Keys sort after data/: the zip is the last key read.
        objects['zz-last.zip'] = 'PK';
        harness.fake.s3.seedBucket(BUCKET, { objects });
        harness.fake.resetCalls();
        const all = await listZipObjects(factory.s3(), BUCKET);
        assert.deepEqual(all.objects.map((object) => object.key), ['zz-last.zip']);
        assert.equal(all.more, false);
        assert.equal(callsTo('ListObjectsV2'), MAX_KEYS_SCANNED / 1000);

        harness.fake.s3.seedObject(BUCKET, 'zzz-unread.zip', 'PK');
        harness.fake.resetCalls();
        const capped = await listZipObjects(factory.s3(), BUCKET);
        assert.deepEqual(capped.objects.map((object) => object.key), ['zz-last.zip']);
        assert.equal(capped.more, true);
        assert.equal(callsTo('ListObjectsV2'), MAX_KEYS_SCANNED / 1000);
      });

      it('lets S3’s refusals through: a missing bucket, and a bucket of another region', async () => {
        harness.fake.s3.seedBucket('eu-artifacts', { region: 'eu-west-1', objects: { 'a.zip': 'PK' } });
        const missing = await listZipObjects(factory.s3(), 'missing').then(() => assert.fail('listed a missing bucket'), (caught: unknown) => caught);
        assert.equal(describeAwsError(missing).kind, 'notFound');
        const elsewhere = await listZipObjects(factory.s3(), 'eu-artifacts').then(() => assert.fail('listed a bucket of another region'), (caught: unknown) => caught);
        assert.equal((elsewhere as Error).name, 'PermanentRedirect');
      });
    });
  });
});
