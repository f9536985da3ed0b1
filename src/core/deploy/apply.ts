// Runs a plan's changing steps in order. Every step is idempotent (it re-reads what it merges and
// accepts what an earlier, interrupted run already made), so deploying again after a failure
// resumes. A plan with nothing to change makes no call at all.
import { describeAwsError } from '../aws/errors';
import type { DeployClients } from './readState';
import type { DeployPlan, PlanStep, StepKind } from './planTypes';
import {
  CancelledError, DEFAULT_RETRY, DEFAULT_WAIT, makeCall, realSleep, type ApplyRuntime, type RetryPolicy, type Sleep, type WaitPolicy,
} from './runtime';
import { runAlias } from './steps/alias';
import { runBucketNotification } from './steps/bucketNotification';
import { runFunction, runFunctionConfiguration } from './steps/function';
import { runPermission } from './steps/permission';
import { runPublish } from './steps/publish';
import { runRole } from './steps/role';
import { runRolePolicy } from './steps/rolePolicy';
import { runSecret } from './steps/secret';
import { runUploadCode } from './steps/uploadCode';
import { runWaitActive } from './steps/waitActive';

export interface ApplyProgress {
  /** 1-based, among the steps that change something. */
  index: number;
  total: number;
  title: string;
  step: PlanStep;
}

export interface ApplyOptions {
  signal?: AbortSignal;
  /** Injectable for tests; default a real timer. */
  sleep?: Sleep;
  /** One line per AWS call and retry (names and outcomes, never values). */
  log?: (line: string) => void;
  onProgress?: (progress: ApplyProgress) => void;
  retry?: Partial<RetryPolicy>;
  wait?: Partial<WaitPolicy>;
  /** For error messages: the AWS profile in use. */
  profile?: string;
}

export interface ApplyResult {
  /** The version the alias points at. */
  version: string;
  alias: string;
  functionArn: string;
  aliasArn: string;
  /** Titles of the steps that ran. */
  ran: string[];
}

const RUNNERS: Record<StepKind, (step: PlanStep, runtime: ApplyRuntime) => Promise<void>> = {
  role: runRole,
  rolePolicy: runRolePolicy,
  secret: runSecret,
  uploadCode: runUploadCode,
  function: runFunction,
  functionConfiguration: runFunctionConfiguration,
  waitActive: runWaitActive,
  publish: runPublish,
  alias: runAlias,
  permission: runPermission,
  bucketNotification: runBucketNotification,
};

/** A step that failed or was cancelled: which one, why, and (for AccessDenied) the IAM action refused. */
export class DeployStepError extends Error {
  constructor(
    readonly step: PlanStep,
    readonly index: number,
    readonly total: number,
    readonly reason: string,
    readonly deniedAction: string | undefined,
    readonly cancelled: boolean,
    readonly retryable: boolean,
  ) {
    super(cancelled
      ? `Deploy cancelled at step ${index} of ${total} (${step.title}). Deploying again resumes: every step is safe to repeat.`
      : `Step ${index} of ${total} failed (${step.title}): ${reason.replace(/[.\s]+$/, '')}${deniedAction ? ` (denied: ${deniedAction})` : ''}. ` +
        'Deploying again resumes from here: every step is safe to repeat.');
    this.name = 'DeployStepError';
  }
}

export class PlanRefusedError extends Error {
  constructor(readonly plan: DeployPlan) {
    super(`The deploy plan was refused: ${plan.refusals.map((refusal) => refusal.message).join(' ')}`);
    this.name = 'PlanRefusedError';
  }
}

export async function applyPlan(clients: DeployClients, plan: DeployPlan, options: ApplyOptions = {}): Promise<ApplyResult> {
  if (plan.refusals.length > 0) throw new PlanRefusedError(plan);
  const base = {
    clients,
    plan,
    signal: options.signal,
    sleep: options.sleep ?? realSleep,
    log: options.log ?? (() => undefined),
    retry: { ...DEFAULT_RETRY, ...options.retry },
    wait: { ...DEFAULT_WAIT, ...options.wait },
    resolved: {} as ApplyRuntime['resolved'],
  };
  const runtime: ApplyRuntime = { ...base, call: makeCall(base) };
  const changing = plan.steps.filter((step) => step.change !== 'none');
  const secrets = [...Object.values(plan.desired.secret?.values ?? {}), ...Object.values(plan.desired.environment)];
  for (let index = 0; index < changing.length; index++) {
    const step = changing[index];
    const position = index + 1;
    options.onProgress?.({ index: position, total: changing.length, title: step.title, step });
    try {
      if (options.signal?.aborted) throw new CancelledError();
      await RUNNERS[step.kind](step, runtime);
    } catch (error) {
      if (error instanceof CancelledError || options.signal?.aborted) {
        throw new DeployStepError(step, position, changing.length, 'cancelled', undefined, true, true);
      }
      const problem = describeAwsError(error, { profile: options.profile, region: plan.region, action: lowerFirst(step.title), secrets });
      const reason = isAwsError(error) ? problem.message : scrub(error instanceof Error ? error.message : String(error), secrets);
      const denied = problem.kind === 'accessDenied' ? problem.deniedAction ?? runtime.resolved.failedAction : undefined;
      throw new DeployStepError(step, position, changing.length, reason, denied, false, problem.retryable);
    }
  }
  const version = runtime.resolved.version ?? plan.aliasTarget ?? '';
  return { version, alias: plan.alias, functionArn: plan.functionArn, aliasArn: plan.aliasArn, ran: changing.map((step) => step.title) };
}

function isAwsError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && ('$metadata' in error || '$fault' in error || (error as { name?: string }).name === 'AbortError');
}

function scrub(text: string, secrets: string[]): string {
  let result = text;
  for (const secret of secrets) if (secret.length >= 8) result = result.split(secret).join('***');
  return result;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
