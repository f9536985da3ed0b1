import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runFunctions } from '../../../src/cli/functions';
import { runDff } from '../../../src/cli/main';
import { seedSampleFunctions, SAMPLE_DF_PRIVATE_KEY, type SampleSeed } from '../../fakes/aws/seed';
import { DFF_HANDLER } from '../../fakes/aws/lambdaInvoke';
import { startAwsCli, type AwsCliFixture } from './awsHarness';

describe('dff functions', () => {
  let aws: AwsCliFixture;
  let seed: SampleSeed;
  let folder: string;

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'dff-cli-functions-'));
    aws = await startAwsCli(folder);
    seed = seedSampleFunctions(aws.harness.fake);
  });
  afterEach(async () => {
    await aws.harness.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const dff = async (...argv: string[]): Promise<{ code: number; out: string; err: string }> => {
    const io = aws.io();
    const code = await runDff(['functions', ...argv], io);
    return { code, out: io.out, err: io.err };
  };

  describe('list', () => {
    it('lists only DataFlow Functions, with flow, version, runtime, memory and state', async () => {
      const run = await dff('list');
      assert.equal(run.code, 0, run.err);
      const lines = run.out.trimEnd().split('\n');
      assert.match(lines[0], /^NAME\s+FLOW\s+VERSION\s+RUNTIME\s+MEMORY\s+STATE\s+LAST MODIFIED\s+WARNINGS$/);
      assert.deepEqual(lines.slice(1).map((line) => line.split(/\s{2,}/).slice(0, 6)), [
        ['kafka-to-s3', 'KafkaToS3', 'v.1', 'java11', '1024 MB', 'Active'],
        ['s3-to-sqs', 'S3ToSqs', 'v.2', 'java11', '1024 MB', 'Active'],
      ]);
      assert.ok(!run.out.includes(seed.plain.name));
    });

    it('lists every function with --all, a plain one without a flow', async () => {
      const run = await dff('list', '--all');
      assert.equal(run.code, 0, run.err);
      assert.match(run.out, /^orders-api\s+-\s+-\s+nodejs20\.x\s+256 MB\s+Active\s/m);
      assert.equal(run.out.trimEnd().split('\n').length, 4);
    });

    it('prints the documented JSON shape with --json, never an environment value', async () => {
      const run = await dff('list', '--json', '--all');
      assert.equal(run.code, 0, run.err);
      const shown = JSON.parse(run.out) as { profile: string; region: string; functions: Record<string, unknown>[] };
      assert.equal(shown.profile, 'dev');
      assert.equal(shown.region, aws.harness.fake.region);
      const byName = new Map(shown.functions.map((fn) => [fn.name, fn]));
      const healthy = byName.get('s3-to-sqs') as Record<string, unknown>;
      assert.deepEqual(Object.keys(healthy), [
        'name', 'arn', 'dataflowFunction', 'flow', 'runtime', 'handler', 'memoryMb', 'timeoutSeconds', 'state', 'lastUpdateStatus', 'lastModified', 'logGroup', 'warnings',
      ]);
      assert.equal(healthy.dataflowFunction, true);
      assert.deepEqual(healthy.flow, {
        name: 'S3ToSqs',
        version: 2,
        crn: 'crn:cdp:df:us-west-1:9d74eee4-1cad-45d7-b645-7ccf9edbb73d:flow:S3ToSqs',
        versionCrn: 'crn:cdp:df:us-west-1:9d74eee4-1cad-45d7-b645-7ccf9edbb73d:flow:S3ToSqs/v.2',
      });
      assert.equal(healthy.state, 'Active');
      assert.equal(healthy.logGroup, '/aws/lambda/s3-to-sqs');
      assert.deepEqual(healthy.warnings, []);
      assert.deepEqual(byName.get('orders-api')?.flow, null);
      assert.equal(byName.get('orders-api')?.dataflowFunction, false);
      assert.ok(!run.out.includes(SAMPLE_DF_PRIVATE_KEY));
    });

    it('shows warnings of a function that lacks its private key, and none for a healthy one', async () => {
      aws.harness.fake.lambda.seedFunction({
        name: 'half-configured',
        handler: DFF_HANDLER,
        runtime: 'java11',
        role: seed.roleArn,
        environment: { DF_ACCESS_KEY: 'id', FLOW_CRN: 'crn:cdp:df:us-west-1:acc:flow:Half/v.3' },
      });
      const run = await dff('list');
      assert.equal(run.code, 0, run.err);
      assert.match(run.out, /^half-configured\s+Half\s+v\.3\s.*\s1$/m);
      assert.match(run.out, /^s3-to-sqs\s.*Active\s+\S+ \S+ UTC$/m, 'no warning count for the healthy function');
      assert.match(run.out, /\nWarnings:\n {2}half-configured: .*DF_PRIVATE_KEY/);
      assert.ok(!/^ {2}s3-to-sqs:/m.test(run.out));
    });

    it('says so when the region has no DataFlow Functions', async () => {
      const run = await dff('list', '--region', 'eu-central-1');
      assert.equal(run.code, 0, run.err);
      assert.match(run.out, /^No DataFlow Functions in eu-central-1 \(profile dev\)\./);
    });
  });

  describe('logs', () => {
    it('prints the events since --since, oldest first, and not older ones', async () => {
      const run = await dff('logs', 's3-to-sqs', '--since', '10m');
      assert.equal(run.code, 0, run.err);
      assert.equal((run.out.match(/START RequestId/g) ?? []).length, 1, run.out);
      const wider = await dff('logs', 's3-to-sqs', '--since', '1h');
      assert.equal((wider.out.match(/START RequestId/g) ?? []).length, 2, wider.out);
      assert.match(wider.out, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} {3}START RequestId/m);
    });

    it('marks ERROR lines with "!" and counts them', async () => {
      const run = await dff('logs', 'kafka-to-s3', '--since', '1h');
      assert.equal(run.code, 0, run.err);
      assert.match(run.out, /^\S+ \S+ ! .* ERROR \[main\] .*FlowFile routed to failure port/m);
      assert.match(run.out, /^\S+ \S+ {3}.* INFO \[main\]/m);
      assert.match(run.err, /^1 of 5 lines are errors/m);
    });

    it('reads one version\'s streams for name:version, and an alias\'s version for name:alias', async () => {
      const v1 = await dff('logs', 's3-to-sqs:1', '--since', '2h');
      assert.equal(v1.code, 0, v1.err);
      assert.equal((v1.out.match(/START RequestId: \S+ Version: 1/g) ?? []).length, 1);
      assert.ok(!v1.out.includes('Version: 2'));
      const live = await dff('logs', 's3-to-sqs:live', '--since', '2h');
      assert.equal((live.out.match(/START RequestId: \S+ Version: 2/g) ?? []).length, 2, live.out);
      assert.ok(!live.out.includes('Version: 1'));
    });

    it('applies --filter', async () => {
      const run = await dff('logs', 's3-to-sqs', '--since', '2h', '--filter', 'REPORT');
      assert.equal(run.code, 0, run.err);
      assert.equal(run.out.trimEnd().split('\n').length, 3);
      assert.ok(run.out.split('\n').filter(Boolean).every((line) => line.includes('REPORT RequestId')));
    });

    it('exits 1 for an unknown function and 2 for a --since it cannot read', async () => {
      const unknown = await dff('logs', 'no-such-function');
      assert.equal(unknown.code, 1);
      assert.match(unknown.err, /^dff functions logs: Could not read the logs of no-such-function: .*no-such-function/);
      const since = await dff('logs', 's3-to-sqs', '--since', 'yesterday');
      assert.equal(since.code, 2);
      assert.match(since.err, /--since "yesterday" is neither a duration/);
    });

    it('says the function has no logs yet when its log group does not exist', async () => {
      const run = await dff('logs', seed.plain.name);
      assert.equal(run.code, 0, run.err);
      assert.equal(run.out, '');
      assert.match(run.err, /No logs for orders-api yet: its log group \/aws\/lambda\/orders-api does not exist/);
    });

    it('--follow prints new events as they come, each once, until stopped', async () => {
      const { fake } = aws.harness;
      const controller = new AbortController();
      let polls = 0;
      const io = aws.io();
      const sleep = async (): Promise<void> => {
        polls++;
        if (polls === 1) {
          const invoked = await runDff(['functions', 'invoke', 's3-to-sqs:live', '--event', 'empty'], aws.io());
          assert.equal(invoked, 0);
        }
        if (polls === 3) controller.abort();
      };
      const code = await runFunctions(['logs', 's3-to-sqs', '--since', '10m', '--follow'], io, { signal: controller.signal, sleep });
      assert.equal(code, 0, io.err);
      assert.equal((io.out.match(/START RequestId/g) ?? []).length, 2, io.out);
      assert.match(io.out, /Flow completed/);
      assert.match(io.err, /^Following \/aws\/lambda\/s3-to-sqs; press Ctrl\+C to stop\./);
      assert.ok(fake.calls.filter((call) => call.operation === 'FilterLogEvents').length >= 3);
    });
  });

  describe('invoke', () => {
    it('sends the S3 event of a key with a space, URL-encoded as S3 does, and prints status, payload and log tail', async () => {
      let received: unknown;
      aws.harness.fake.lambda.seedFunction({
        name: 'echo',
        handler: DFF_HANDLER,
        runtime: 'java11',
        role: seed.roleArn,
        invokeResult: (event) => {
          received = event;
          return { payload: { ok: true }, logLines: ['INFO all good', 'ERROR but this line is bad'] };
        },
      });
      const run = await dff('invoke', 'echo', '--event', 's3', '--bucket', 'in-bucket', '--key', 'incoming/my file.json');
      assert.equal(run.code, 0, run.err);
      const record = (received as { Records: { eventSource: string; awsRegion: string; s3: { bucket: { name: string; arn: string }; object: { key: string } } }[] }).Records[0];
      assert.equal(record.eventSource, 'aws:s3');
      assert.equal(record.awsRegion, aws.harness.fake.region);
      assert.deepEqual(record.s3.bucket, { ...record.s3.bucket, name: 'in-bucket', arn: 'arn:aws:s3:::in-bucket' });
      assert.equal(record.s3.object.key, 'incoming/my+file.json');
      assert.match(run.out, /^Status: 200 \(version \$LATEST\)\nPayload:\n\{\n {2}"ok": true\n\}\nLog tail \(the last 4 KB\):\n/);
      assert.match(run.out, /^! ERROR but this line is bad$/m);
      assert.match(run.out, /^ {2}INFO all good$/m);
      assert.equal(run.err, '');
    });

    it('exits 1 and shows the function error when the function fails', async () => {
      aws.harness.fake.lambda.seedFunction({
        name: 'no-key',
        handler: DFF_HANDLER,
        runtime: 'java11',
        role: seed.roleArn,
        environment: { DF_ACCESS_KEY: 'id', FLOW_CRN: 'crn:cdp:df:us-west-1:acc:flow:F/v.1' },
      });
      const run = await dff('invoke', 'no-key', '--event', 'empty');
      assert.equal(run.code, 1);
      assert.match(run.out, /^Status: 200 \(version \$LATEST\)\nFunction error: Unhandled\nPayload:\n/);
      assert.match(run.out, /DF_PRIVATE_KEY is required/);
      assert.match(run.err, /no-key failed \(Unhandled\)/);
    });

    it('invokes an alias, and prints JSON with --json', async () => {
      const run = await dff('invoke', 's3-to-sqs:live', '--event', 'empty', '--json');
      assert.equal(run.code, 0, run.err);
      const shown = JSON.parse(run.out) as Record<string, unknown>;
      assert.deepEqual(Object.keys(shown), ['statusCode', 'executedVersion', 'payload', 'logTail']);
      assert.equal(shown.executedVersion, '2');
      assert.match(String(shown.logTail), /START RequestId: \S+ Version: 2/);
    });

    it('sends a payload file, and refuses one that is not JSON', async () => {
      writeFileSync(join(folder, 'event.json'), '{"hello": "world"}');
      writeFileSync(join(folder, 'broken.json'), '{"hello": ');
      let received: unknown;
      aws.harness.fake.lambda.seedFunction({ name: 'echo', handler: 'index.handler', runtime: 'nodejs20.x', role: seed.roleArn, invokeResult: (event) => ((received = event), { payload: null }) });
      const ok = await dff('invoke', 'echo', '--payload', 'event.json');
      assert.equal(ok.code, 0, ok.err);
      assert.deepEqual(received, { hello: 'world' });
      const broken = await dff('invoke', 'echo', '--payload', 'broken.json');
      assert.equal(broken.code, 2);
      assert.equal(broken.err, 'dff functions invoke: broken.json is not JSON; Lambda takes a JSON event as the payload.\n');
    });

    it('exits 1 for an unknown function, 2 for a missing option', async () => {
      const unknown = await dff('invoke', 'no-such-function', '--event', 'empty');
      assert.equal(unknown.code, 1);
      assert.match(unknown.err, /^dff functions invoke: Could not invoke no-such-function: /);
      const missing = await dff('invoke', 's3-to-sqs', '--event', 's3', '--bucket', 'b');
      assert.equal(missing.code, 2);
      assert.match(missing.err, /--event s3 needs --key <object key>/);
      const nothing = await dff('invoke', 's3-to-sqs');
      assert.equal(nothing.code, 2);
      assert.match(nothing.err, /say what to send: --event s3/);
    });
  });
});
