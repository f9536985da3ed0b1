// Deploy against the AWS stand-in: real SDK clients, a sleep that moves the stand-in's clock (so
// Pending/InProgress states and IAM propagation pass without real waiting), and one call that goes
// desired -> readState -> plan -> apply as the shells do.
import { IAMClient } from '@aws-sdk/client-iam';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { applyPlan, type ApplyOptions, type ApplyResult } from '../../../src/core/deploy/apply';
import { buildDesired, type DesiredInput } from '../../../src/core/deploy/desired';
import { planDeployment } from '../../../src/core/deploy/plan';
import type { DeployPlan, PlanOptions } from '../../../src/core/deploy/planTypes';
import { readState, type DeployClients } from '../../../src/core/deploy/readState';
import { startAwsHarness, type AwsHarness } from '../../fakes/aws/harness';
import { desiredInput } from './fixtures';

export const BINARIES_BUCKET = 'dff-binaries';
export const BINARIES_KEY = 'naaf-aws-lambda-1.0-bin.zip';
export const LANDING_BUCKET = 'landing-bucket';

export interface DeployWorld {
  harness: AwsHarness;
  clients: DeployClients;
  /** Sleeps no real time: moves the stand-in's clock instead. */
  sleep: (ms: number) => Promise<void>;
  slept: number[];
  plan(overrides?: Partial<DesiredInput>, options?: Partial<PlanOptions>): Promise<DeployPlan>;
  deploy(overrides?: Partial<DesiredInput>, options?: Partial<PlanOptions>, apply?: ApplyOptions): Promise<{ plan: DeployPlan; result: ApplyResult }>;
  writes(): string[];
  close(): Promise<void>;
}

export async function startDeployWorld(): Promise<DeployWorld> {
  const harness = await startAwsHarness();
  const { fake } = harness;
  fake.s3.seedBucket(BINARIES_BUCKET, { objects: { [BINARIES_KEY]: Buffer.from('PK\u0003\u0004 DFF binaries stand-in') } });
  fake.s3.seedBucket(LANDING_BUCKET);
  const config = { ...harness.clientConfig, maxAttempts: 1 };
  const clients: DeployClients = {
    lambda: new LambdaClient(config),
    iam: new IAMClient(config),
    s3: new S3Client(config),
    secrets: new SecretsManagerClient(config),
  };
  const slept: number[] = [];
  const sleep = async (ms: number): Promise<void> => {
    slept.push(ms);
    fake.advanceClock(ms);
  };
  const plan = async (overrides: Partial<DesiredInput> = {}, options: Partial<PlanOptions> = {}): Promise<DeployPlan> => {
    const built = buildDesired(desiredInput(overrides));
    if (!built.ok) throw new Error(`refused: ${built.refusals.map((refusal) => refusal.message).join('; ')}`);
    const state = await readState(clients, built.desired);
    return planDeployment(built.desired, state, { account: fake.account, region: fake.region, ...options }, built.warnings);
  };
  return {
    harness,
    clients,
    sleep,
    slept,
    plan,
    async deploy(overrides = {}, options = {}, apply = {}) {
      const made = await plan(overrides, options);
      const result = await applyPlan(clients, made, { sleep, ...apply });
      return { plan: made, result };
    },
    writes: () => fake.calls.filter((call) => call.write).map((call) => `${call.service}:${call.operation}`),
    async close() {
      for (const client of Object.values(clients)) client.destroy();
      await harness.close();
    },
  };
}
