// The deploy half of the AWS benchmark: a first deploy of a sample flow and a no-op re-deploy,
// against the stand-in, as the shells run them (desired -> readState -> plan -> apply). The
// stand-in's Pending/InProgress time is set to 0 so the figures are this code's calls, not waiting.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { applyPlan } from '../../src/core/deploy/apply';
import { buildDesired } from '../../src/core/deploy/desired';
import { loadDeployFile, targetsForFlow } from '../../src/core/deploy/loadTargets';
import { planDeployment } from '../../src/core/deploy/plan';
import { changingSteps } from '../../src/core/deploy/planTypes';
import { readState } from '../../src/core/deploy/readState';
import { seedSampleFunctions } from '../../test/fakes/aws/seed';
import type { BenchConnection } from './aws';

// Bundled into bench-data/ and run from the repository root (scripts/bench.mjs sets cwd).
const samples = path.resolve('samples');
const FLOW = 'ready-s3-to-sqs.json';
const TARGET = 'sandbox';

export async function benchDeploy(connection: BenchConnection, oneCallMs: number): Promise<void> {
  const { fake } = connection;
  seedSampleFunctions(fake);
  fake.lambda.updateDelayMs = 0;
  const deployFile = loadDeployFile(readFileSync(path.join(samples, 'dff.deploy.json'), 'utf8'), path.join(samples, 'dff.deploy.json'));
  if (!deployFile.ok) throw new Error(`samples/dff.deploy.json: ${deployFile.problems.map((problem) => problem.message).join('; ')}`);
  const target = targetsForFlow(deployFile.file, path.join(samples, FLOW)).find((named) => named.name === TARGET)?.target;
  if (!target) throw new Error(`samples/dff.deploy.json has no target ${TARGET} for ${FLOW}`);
  const built = buildDesired({
    flowText: readFileSync(path.join(samples, FLOW), 'utf8'),
    flowPath: path.join(samples, FLOW),
    targetName: TARGET,
    target,
    deployFileDir: samples,
    versionCrn: 'crn:cdp:df:us-west-1:00000000-0000-0000-0000-000000000000:flow:S3ToSqs/v.1',
    sensitiveValues: { AwsAccessKeyId: 'bench-access-key-id', AwsSecretAccessKey: 'bench-secret' },
    functionKey: { accessKeyId: '11111111-2222-3333-4444-555555555555', privateKey: 'bench-private-key' },
    today: new Date(),
  });
  if (!built.ok) throw new Error(`the sample deploy is refused: ${built.refusals.map((refusal) => refusal.message).join('; ')}`);
  const factory = connection.factory();
  const clients = { lambda: factory.lambda(), iam: factory.iam(), s3: factory.s3(), secrets: factory.secrets() };

  console.log(`== Deploy ${FLOW} (target ${TARGET}: role, secret, function, version, alias, S3 trigger) to the stand-in`);
  for (const label of ['first deploy', 'no-op re-deploy']) {
    fake.resetCalls();
    const started = performance.now();
    const state = await readState(clients, built.desired);
    const plan = planDeployment(built.desired, state, { account: fake.account, region: fake.region }, built.warnings);
    const planned = performance.now() - started;
    await applyPlan(clients, plan, { sleep: async (ms) => fake.advanceClock(ms) });
    const total = performance.now() - started;
    const reads = fake.calls.filter((call) => !call.write);
    const writes = fake.calls.filter((call) => call.write);
    console.log(`  ${label.padEnd(16)} ${changingSteps(plan).length} steps changing; ${reads.length} read calls, ${writes.length} write calls`);
    console.log(`    wall time      ${total.toFixed(1)} ms (${(total / oneCallMs).toFixed(1)} x one GetFunction round trip), of which read + plan ${planned.toFixed(1)} ms`);
    if (writes.length) console.log(`    writes         ${summarize(writes.map((call) => `${call.service}:${call.operation}`))}`);
    console.log(`    reads          ${summarize(reads.map((call) => `${call.service}:${call.operation}`))}`);
  }
  console.log(`  baseline         one GetFunction round trip with a bare SDK client: ${oneCallMs.toFixed(2)} ms (median of 20)`);
  factory.destroy();
}

function summarize(names: string[]): string {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts].map(([name, count]) => (count > 1 ? `${name} x${count}` : name)).join(', ');
}
