// The core's read side against the AWS stand-in (real SDK clients, SigV4, real wire shapes).
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { CreateAliasCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { PutBucketNotificationConfigurationCommand } from '@aws-sdk/client-s3';
import { PutSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { AwsClientFactory, type AwsCallEvent } from '../../../../src/core/aws/clientFactory';
import { credentialProvider } from '../../../../src/core/aws/credentials';
import { describeAwsError } from '../../../../src/core/aws/errors';
import { describeFunction } from '../../../../src/core/aws/functionDetails';
import { DFF_HANDLER, listFunctionPages, type FunctionSummary } from '../../../../src/core/aws/functions';
import { whoAmI } from '../../../../src/core/aws/identity';
import { invokeFunction, s3ObjectCreatedEvent } from '../../../../src/core/aws/invoke';
import { followLogs, readLogs, type LogEvent } from '../../../../src/core/aws/logs';
import { listAwsProfiles, type AwsProfileSummary } from '../../../../src/core/aws/profiles';
import { functionWarnings } from '../../../../src/core/aws/warnings';
import { startAwsHarness, type AwsHarness } from '../../../fakes/aws/harness';

const FLOW = 'crn:cdp:df:us-west-1:558bc1d2-8867-4357-8524-311d51259233:flow:orders';
const PRIVATE_KEY = 'dff-private-key-value-that-must-never-show';

function dffEnvironment(version: number): Record<string, string> {
  return { DF_ACCESS_KEY: 'a1b2c3d4-access-key-id', DF_PRIVATE_KEY: PRIVATE_KEY, FLOW_CRN: `${FLOW}/v.${version}`, bucket: 'out-bucket' };
}

async function allPages(lambda: LambdaClient, all: boolean): Promise<FunctionSummary[][]> {
  const pages: FunctionSummary[][] = [];
  for await (const page of listFunctionPages(lambda, { all })) pages.push(page);
  return pages;
}

function staticProfile(name: string): AwsProfileSummary {
  return { name, kind: 'static' };
}

describe('AWS core against the stand-in', function () {
  this.timeout(20000);
  let harness: AwsHarness;
  let factory: AwsClientFactory;
  let events: AwsCallEvent[];
  const saved: Record<string, string | undefined> = {};

  function setEnv(name: string, value: string | undefined): void {
    if (!(name in saved)) saved[name] = process.env[name];
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }

  beforeEach(async () => {
    harness = await startAwsHarness();
    events = [];
    factory = new AwsClientFactory(
      { profile: staticProfile('test'), region: harness.fake.region, credentials: async () => harness.credentials, endpointUrl: harness.fake.url },
      { onCall: (event) => events.push(event), maxAttempts: 1 },
    );
  });

  afterEach(async () => {
    factory.destroy();
    await harness.close();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
      delete saved[name];
    }
  });

  describe('client factory', () => {
    it("uses the chosen profile's endpoint_url although AWS_PROFILE names another profile", async () => {
      writeFileSync(
        harness.configFile,
        `[profile elsewhere]\nregion = us-east-1\nendpoint_url = http://127.0.0.1:9\n[profile ${harness.profile}]\nregion = ${harness.fake.region}\nendpoint_url = ${harness.fake.url}\n`,
      );
      writeFileSync(
        harness.credentialsFile,
        `[elsewhere]\naws_access_key_id = AKIAEXAMPLEELSEWHERE\naws_secret_access_key = x\n[${harness.profile}]\naws_access_key_id = ${harness.credentials.accessKeyId}\naws_secret_access_key = ${harness.credentials.secretAccessKey}\n`,
      );
      setEnv('AWS_PROFILE', 'elsewhere');
      setEnv('AWS_CONFIG_FILE', harness.configFile);
      setEnv('AWS_SHARED_CREDENTIALS_FILE', harness.credentialsFile);
      const env = { ...process.env };
      const profile = (await listAwsProfiles(env)).find((candidate) => candidate.name === harness.profile);
      assert.ok(profile);
      assert.equal(profile.endpointUrl, harness.fake.url);
      const own = new AwsClientFactory({ profile, region: harness.fake.region, credentials: credentialProvider(profile, { env }) }, { maxAttempts: 1 });
      try {
        const identity = await whoAmI(own.sts());
        assert.equal(identity.account, harness.fake.account);
        assert.match(identity.arn, /^arn:aws:iam::\d{12}:user\//);
        const pages = await allPages(own.lambda(), true);
        assert.deepEqual(pages, [[]]);
      } finally {
        own.destroy();
      }
    });

    it("does not send a profile without endpoint_url to AWS_PROFILE's endpoint", async () => {
      writeFileSync(harness.configFile, `[profile ${harness.profile}]\nregion = ${harness.fake.region}\nendpoint_url = ${harness.fake.url}\n[profile plain]\nregion = us-east-1\n`);
      setEnv('AWS_PROFILE', harness.profile);
      setEnv('AWS_CONFIG_FILE', harness.configFile);
      const plain = new AwsClientFactory({ profile: staticProfile('plain'), region: 'us-east-1', credentials: async () => harness.credentials }, { maxAttempts: 1 });
      harness.fake.resetCalls();
      try {
        await whoAmI(plain.sts(), AbortSignal.timeout(1500)).then(
          () => assert.fail('reached an STS with made-up credentials'),
          () => undefined,
        );
        assert.equal(harness.fake.calls.length, 0, 'the call went to the stand-in named by AWS_PROFILE');
      } finally {
        plain.destroy();
      }
    });

    it('makes each client once and reports each call by service, operation and target name, never by value', async () => {
      assert.equal(factory.lambda(), factory.lambda());
      assert.equal(factory.clients().secrets, factory.secrets());
      harness.fake.secrets.seedSecret('orders_params', { secretString: '{"password":"old"}' });
      await factory.secrets().send(new PutSecretValueCommand({ SecretId: 'orders_params', SecretString: '{"password":"hunter2"}' }));
      await whoAmI(factory.sts());
      harness.fake.inject({ service: 'lambda', operation: 'ListFunctions', kind: 'accessDenied' });
      await assert.rejects(allPages(factory.lambda(), true));
      assert.deepEqual(
        events.map(({ ms, ...event }) => {
          assert.ok(ms >= 0);
          return event;
        }),
        [
          { service: 'secretsmanager', operation: 'PutSecretValue', target: 'orders_params', outcome: 'ok', write: true },
          { service: 'sts', operation: 'GetCallerIdentity', outcome: 'ok', write: false },
          { service: 'lambda', operation: 'ListFunctions', outcome: 'AccessDeniedException', write: false },
        ],
      );
      assert.ok(!JSON.stringify(events).includes('hunter2'));
    });
  });

  describe('describeAwsError on the errors the SDK really throws', () => {
    async function problemOf(run: () => Promise<unknown>, action: string) {
      const error = await run().then(
        () => assert.fail(`${action} succeeded`),
        (failure: unknown) => failure,
      );
      return describeAwsError(error, { profile: 'test', action });
    }

    it('throttled, access denied with the action, expired token, rejected signature, not found', async () => {
      harness.fake.inject({ service: 'lambda', operation: 'ListFunctions', kind: 'throttle' });
      const throttled = await problemOf(() => allPages(factory.lambda(), true), 'list functions');
      assert.equal(throttled.kind, 'throttled');
      assert.equal(throttled.retryable, true);

      harness.fake.inject({ service: 'lambda', operation: 'ListFunctions', kind: 'accessDenied' });
      const denied = await problemOf(() => allPages(factory.lambda(), true), 'list functions');
      assert.equal(denied.kind, 'accessDenied');
      assert.equal(denied.deniedAction, 'lambda:ListFunctions');

      harness.fake.inject({ service: 'sts', operation: 'GetCallerIdentity', kind: 'expiredToken' });
      assert.equal((await problemOf(() => whoAmI(factory.sts()), 'check the credentials')).kind, 'expired');

      const wrongSecret = new AwsClientFactory(
        { profile: staticProfile('test'), region: harness.fake.region, credentials: async () => ({ ...harness.credentials, secretAccessKey: 'not-the-right-secret-key-0000000000000000' }), endpointUrl: harness.fake.url },
        { maxAttempts: 1 },
      );
      try {
        const rejected = await problemOf(() => whoAmI(wrongSecret.sts()), 'check the credentials');
        assert.equal(rejected.kind, 'rejected');
        assert.ok(!rejected.message.includes('not-the-right-secret'));
      } finally {
        wrongSecret.destroy();
      }

      const missing = await problemOf(() => invokeFunction(factory.lambda(), { name: 'nope', payload: '{}' }), 'invoke nope');
      assert.equal(missing.kind, 'notFound');
    });
  });

  describe('listFunctionPages', () => {
    function seed(count: number, handler = DFF_HANDLER, prefix = 'fn'): void {
      for (let index = 0; index < count; index++) {
        harness.fake.lambda.seedFunction({ name: `${prefix}-${String(index).padStart(3, '0')}`, handler, environment: dffEnvironment(1) });
      }
    }

    it('0 functions: one empty page', async () => {
      assert.deepEqual(await allPages(factory.lambda(), true), [[]]);
    });

    it('50 functions: one page, one call', async () => {
      seed(50);
      const pages = await allPages(factory.lambda(), true);
      assert.deepEqual(pages.map((page) => page.length), [50]);
      assert.equal(events.filter((event) => event.operation === 'ListFunctions').length, 1);
    });

    it('51 functions: a second page through NextMarker, every function once', async () => {
      seed(51);
      const pages = await allPages(factory.lambda(), true);
      assert.deepEqual(pages.map((page) => page.length), [50, 1]);
      const names = pages.flat().map((summary) => summary.name);
      assert.equal(new Set(names).size, 51);
      const first = pages[0].find((summary) => summary.name === 'fn-000');
      assert.ok(first);
      assert.equal(first.flow?.version, 1);
      assert.equal(first.logGroup, '/aws/lambda/fn-000');
      assert.deepEqual(first.envKeys, ['DF_ACCESS_KEY', 'DF_PRIVATE_KEY', 'FLOW_CRN', 'bucket']);
      assert.ok(!JSON.stringify(pages).includes(PRIVATE_KEY));
    });

    it('without all, only DataFlow Functions', async () => {
      seed(2);
      seed(3, 'index.handler', 'other');
      const pages = await allPages(factory.lambda(), false);
      assert.deepEqual(pages.flat().map((summary) => summary.name), ['fn-000', 'fn-001']);
    });
  });

  describe('describeFunction', () => {
    const account = () => harness.fake.account;
    const arn = (qualifier?: string) => `arn:aws:lambda:${harness.fake.region}:${account()}:function:orders${qualifier ? `:${qualifier}` : ''}`;

    beforeEach(async () => {
      harness.fake.lambda.seedFunction({
        name: 'orders',
        handler: DFF_HANDLER,
        environment: { ...dffEnvironment(3), DB_PASSWORD: 'db-secret-value' },
        versions: 3,
        aliases: { live: '3' },
        permissions: [
          { qualifier: 'live', statementId: 's3-in', principal: 's3.amazonaws.com', sourceArn: 'arn:aws:s3:::in-bucket', sourceAccount: account() },
          { qualifier: '2', statementId: 's3-old', principal: 's3.amazonaws.com', sourceArn: 'arn:aws:s3:::old-bucket', sourceAccount: account() },
        ],
      });
      harness.fake.s3.seedBucket('in-bucket');
      harness.fake.s3.seedBucket('old-bucket');
      const s3 = factory.s3();
      await s3.send(
        new PutBucketNotificationConfigurationCommand({
          Bucket: 'in-bucket',
          NotificationConfiguration: {
            LambdaFunctionConfigurations: [
              { Id: 'dff-live', LambdaFunctionArn: arn('live'), Events: ['s3:ObjectCreated:*'], Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'incoming/' }] } } },
            ],
          },
        }),
      );
      await s3.send(
        new PutBucketNotificationConfigurationCommand({
          Bucket: 'old-bucket',
          NotificationConfiguration: { LambdaFunctionConfigurations: [{ Id: 'dff-v2', LambdaFunctionArn: arn('2'), Events: ['s3:ObjectCreated:Put'] }] },
        }),
      );
      harness.fake.lambda.seedEventSourceMapping({ functionName: 'orders', qualifier: 'live', eventSourceArn: `arn:aws:sqs:${harness.fake.region}:${account()}:orders-queue` });
      harness.fake.secrets.seedSecret('orders_params', { secretString: JSON.stringify({ password: 'hunter2', region: 'eu-west-1' }) });
      events.length = 0;
    });

    it('finds the trigger on the alias and the one on an old version, and the warning names only the old one', async () => {
      const details = await describeFunction(factory.clients(), 'orders', { parameterContextName: 'orders_params', sensitiveKeys: ['password'] });
      assert.deepEqual(details.problems, []);
      assert.deepEqual(details.versions.map((version) => version.version), ['$LATEST', '1', '2', '3']);
      assert.equal(details.newestVersion, 3);
      assert.deepEqual(details.aliases, [{ name: 'live', arn: arn('live'), version: '3' }]);
      assert.deepEqual(
        details.triggers.map((trigger) => (trigger.type === 's3' ? [trigger.bucket, trigger.target.kind, trigger.target.qualifier, trigger.prefix] : [trigger.eventSourceArn, trigger.target.kind, trigger.target.qualifier])),
        [
          ['in-bucket', 'alias', 'live', 'incoming/'],
          ['old-bucket', 'version', '2', undefined],
          [`arn:aws:sqs:${harness.fake.region}:${account()}:orders-queue`, 'alias', 'live'],
        ],
      );
      assert.deepEqual(details.environment, [
        { key: 'DB_PASSWORD', masked: true },
        { key: 'DF_ACCESS_KEY', value: 'a1b2c3d4-access-key-id', masked: false },
        { key: 'DF_PRIVATE_KEY', masked: true },
        { key: 'FLOW_CRN', value: `${FLOW}/v.3`, masked: false },
        { key: 'bucket', value: 'out-bucket', masked: false },
      ]);
      assert.deepEqual(details.secret?.keys, ['password', 'region']);
      assert.equal(details.secret?.name, 'orders_params');
      assert.equal(details.calls, events.length, 'calls counts every AWS call made');
      assert.ok(events.every((event) => !event.write), 'describing writes nothing');
      const text = JSON.stringify(details);
      for (const secret of ['hunter2', PRIVATE_KEY, 'db-secret-value']) assert.ok(!text.includes(secret), secret);

      const warnings = functionWarnings(details.summary ?? (assert.fail('no summary') as never), details, {
        latestCatalogVersion: 3,
        flowParameters: [
          { name: 'bucket', sensitive: false },
          { name: 'password', sensitive: true },
          { name: 'missing_one', sensitive: false },
        ],
      });
      assert.deepEqual(
        warnings.map((warning) => warning.code),
        ['trigger-on-old-version', 'parameter-not-supplied'],
      );
      assert.match(warnings[0].message, /old-bucket is bound to version 2, not the newest version 3/);
      assert.match(warnings[1].message, /missing_one/);
    });

    it('a failing part is reported on its own and the rest still shows', async () => {
      harness.fake.inject({ service: 's3', operation: 'GetBucketNotificationConfiguration', kind: 'accessDenied' });
      const details = await describeFunction(factory.clients(), 'orders', { secretName: 'no-such-secret', profile: 'test' });
      assert.equal(details.problems.length, 1);
      assert.equal(details.problems[0].part, 'bucketNotifications');
      assert.equal(details.problems[0].problem.kind, 'accessDenied');
      assert.equal(details.triggers.filter((trigger) => trigger.type === 's3').length, 1, 'the other bucket is still read');
      assert.equal(details.aliases.length, 1);
      assert.deepEqual(details.secret, { name: 'no-such-secret', note: 'not found' });
    });

    it('a permission missing for every resource policy read is one problem, not one per version', async () => {
      harness.fake.inject({ service: 'lambda', operation: 'GetPolicy', kind: 'accessDenied', times: 10 });
      const details = await describeFunction(factory.clients(), 'orders', {});
      assert.deepEqual(
        details.problems.map((problem) => [problem.part, problem.problem.kind, problem.problem.deniedAction]),
        [['policies', 'accessDenied', 'lambda:GetPolicy']],
      );
      assert.equal(details.versions.length, 4);
    });

    it('a function that does not exist gives per-part notFound problems, not a throw', async () => {
      const details = await describeFunction(factory.clients(), 'nope', {});
      assert.deepEqual([...new Set(details.problems.map((problem) => problem.problem.kind))], ['notFound']);
      assert.equal(details.summary, undefined);
    });
  });

  describe('logs', () => {
    const group = '/aws/lambda/orders';
    const today = () => new Date().toISOString().slice(0, 10).replace(/-/g, '/');

    it('reads a time range page by page, oldest first, up to the limit', async () => {
      const base = Date.now() - 60_000;
      for (let index = 0; index < 25; index++) harness.fake.logs.append(group, `${today()}/[$LATEST]aaaa`, [`line ${index}`], base + index);
      const pages: LogEvent[][] = [];
      for await (const page of readLogs(factory.logs(), { group, startTime: base - 1, pageSize: 10 })) pages.push(page);
      assert.deepEqual(pages.map((page) => page.length), [10, 10, 5]);
      assert.deepEqual(pages.flat().map((event) => event.message), Array.from({ length: 25 }, (_, index) => `line ${index}`));
      const limited: LogEvent[] = [];
      for await (const page of readLogs(factory.logs(), { group, startTime: base - 1, pageSize: 10, limit: 12 })) limited.push(...page);
      assert.equal(limited.length, 12);
    });

    it("reads only an alias's version streams", async () => {
      harness.fake.lambda.seedFunction({ name: 'orders', handler: DFF_HANDLER, environment: dffEnvironment(2), versions: 2 });
      await factory.lambda().send(new CreateAliasCommand({ FunctionName: 'orders', Name: 'live', FunctionVersion: '2' }));
      const at = Date.now() - 1000;
      harness.fake.logs.append(group, `${today()}/[1]old`, ['from version 1'], at);
      harness.fake.logs.append(group, `${today()}/[2]new`, ['from version 2'], at);
      harness.fake.logs.append(group, `${today()}/[$LATEST]dev`, ['from latest'], at);
      const read: string[] = [];
      const lambda = factory.lambda();
      for await (const page of readLogs(factory.logs(), { group, startTime: at - 10_000, qualifier: 'live', lambda, functionName: 'orders' })) {
        read.push(...page.map((event) => event.message));
      }
      assert.deepEqual(read, ['from version 2']);
    });

    it('follows new events, each once, until aborted', async () => {
      const start = Date.now() - 5000;
      harness.fake.logs.append(group, `${today()}/[$LATEST]a`, ['START RequestId: 1', '2024 ERROR boom'], start);
      const controller = new AbortController();
      let polls = 0;
      const batches: string[][] = [];
      const sleep = async () => {
        polls++;
        if (polls === 1) harness.fake.logs.append(group, `${today()}/[$LATEST]a`, ['END RequestId: 1'], start + 10);
        if (polls === 3) controller.abort();
      };
      for await (const batch of followLogs(factory.logs(), { group, since: start - 1, signal: controller.signal, sleep })) {
        batches.push(batch.map((event) => `${event.level}:${event.message}`));
      }
      assert.deepEqual(batches, [['report:START RequestId: 1', 'error:2024 ERROR boom'], ['report:END RequestId: 1']]);
      assert.equal(polls, 3);
    });
  });

  describe('invokeFunction', () => {
    it('returns the status, executed version, payload and decoded log tail', async () => {
      harness.fake.lambda.seedFunction({
        name: 'echo',
        handler: DFF_HANDLER,
        environment: dffEnvironment(1),
        versions: 1,
        invokeResult: (event) => ({ payload: { got: (event as { Records: { s3: { object: { key: string } } }[] }).Records[0].s3.object.key }, logLines: ['INFO handled'] }),
      });
      const payload = JSON.stringify(s3ObjectCreatedEvent({ bucket: 'in', key: 'a b.json', region: harness.fake.region }));
      const outcome = await invokeFunction(factory.lambda(), { name: 'echo', qualifier: '1', payload });
      assert.equal(outcome.statusCode, 200);
      assert.equal(outcome.executedVersion, '1');
      assert.equal(outcome.functionError, undefined);
      assert.deepEqual(JSON.parse(outcome.payload), { got: 'a+b.json' });
      assert.match(outcome.logTail ?? '', /INFO handled/);
      assert.match(outcome.logTail ?? '', /REPORT RequestId/);
    });

    it('reports a function error', async () => {
      harness.fake.lambda.seedFunction({ name: 'broken', handler: DFF_HANDLER, environment: { FLOW_CRN: `${FLOW}/v.1` } });
      const outcome = await invokeFunction(factory.lambda(), { name: 'broken', payload: '{}' });
      assert.equal(outcome.statusCode, 200);
      assert.equal(outcome.functionError, 'Unhandled');
      assert.match(outcome.payload, /DF_ACCESS_KEY/);
    });
  });
});
