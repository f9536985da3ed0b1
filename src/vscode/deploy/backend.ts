import type { DesiredDeployment } from '../../core/deploy/desired';
import type { DeployPlan } from '../../core/deploy/planTypes';
import { loadAwsEngine } from '../lazy';
import { log } from '../shared/log';
import type { DeployConnection } from './connection';

// The one place the VS Code deploy talks to the deploy core (through the lazily loaded AWS engine):
// read what exists and plan, then apply the plan. Everything else in src/vscode/deploy is prompts.

export interface PlannedDeploy {
  desired: DesiredDeployment;
  /** renderPlanText: account, region, function, every step with before and after, secrets masked. */
  text: string;
  /** Reasons not to apply, found while reading what exists (foreign secret, role of another account…). */
  refusals: string[];
  warnings: string[];
  /** Steps that change something; 0 means a deploy would write nothing. */
  changes: number;
  /** One line per changing step, for the confirmation. */
  summary: string[];
  /** The core's plan, handed back to apply. Holds secret values: never shown or logged. */
  plan: DeployPlan;
}

export interface AppliedDeploy {
  version: string;
  alias: string;
  functionArn: string;
  aliasArn: string;
}

/** A step that failed (or was cancelled) while applying. */
export class StepFailure extends Error {
  constructor(
    readonly step: string,
    readonly index: number,
    readonly total: number,
    readonly reason: string,
    readonly deniedAction: string | undefined,
    readonly cancelled: boolean,
  ) {
    super(`Step ${index} of ${total} (${step}) ${cancelled ? 'was cancelled' : `failed: ${reason}`}`);
  }
}

export interface PlanOptions {
  signal?: AbortSignal;
  confirmForeignSecret?: boolean;
  forcePublish?: boolean;
}

export async function planDeploy(connection: DeployConnection, desired: DesiredDeployment, options: PlanOptions): Promise<PlannedDeploy> {
  const engine = loadAwsEngine();
  const state = await engine.readState(connection.clients, desired, { signal: options.signal });
  const plan = engine.planDeployment(desired, state, {
    account: connection.account,
    region: connection.region,
    confirmForeignSecret: options.confirmForeignSecret ?? false,
    forcePublish: options.forcePublish ?? false,
  });
  // Waits change nothing themselves: they are listed, but not counted as changes.
  const changing = engine.changingSteps(plan);
  return {
    desired,
    text: engine.renderPlanText(plan),
    refusals: plan.refusals.map((refusal) => refusal.message),
    warnings: plan.warnings.map((warning) => warning.message),
    changes: changing.filter((step) => step.change !== 'wait').length,
    summary: changing.map((step) => step.title),
    plan,
  };
}

export interface ApplyOptions {
  signal?: AbortSignal;
  onStep(index: number, total: number, title: string): void;
}

export async function applyPlanned(connection: DeployConnection, planned: PlannedDeploy, options: ApplyOptions): Promise<AppliedDeploy> {
  const engine = loadAwsEngine();
  try {
    const result = await engine.applyPlan(connection.clients, planned.plan, {
      signal: options.signal,
      profile: connection.profile,
      log: (line) => log().info(`Deploy ${planned.desired.functionName}: ${line}`),
      onProgress: (progress) => options.onStep(progress.index, progress.total, progress.title),
    });
    return { version: result.version, alias: result.alias, functionArn: result.functionArn, aliasArn: result.aliasArn };
  } catch (error) {
    if (error instanceof engine.DeployStepError) {
      throw new StepFailure(error.step.title, error.index, error.total, error.reason, error.deniedAction, error.cancelled);
    }
    throw error;
  }
}
