// `dff deploy apply <flow> --target <name> [--yes] [--json]`: shows the plan, asks (or takes --yes),
// runs the steps with progress on stderr, and says what was deployed or which step failed.
import type { ApplyResult, DeployPlan } from '../../core/aws/engine';
import type { AwsSession } from '../aws/connection';
import { interruptSignal } from '../aws/interrupt';
import { EXIT_CANNOT_RUN, EXIT_FINDINGS, EXIT_OK, type CliIo } from '../io';
import type { ConfirmingIo } from './confirm';
import type { DeployCliDeps } from './deps';
import { deployClients, makePlan } from './planned';
import { printPlan } from './plan';
import type { DesiredOk } from './refused';

export interface ApplyCommandOptions {
  json: boolean;
  yes: boolean;
  adoptSecret: boolean;
}

function resultJson(result: ApplyResult): Record<string, unknown> {
  return { version: result.version, alias: result.alias, functionArn: result.functionArn, aliasArn: result.aliasArn, ran: result.ran };
}

/** The documented --json output of apply (format 1). */
function applyJson(session: AwsSession, plan: DeployPlan, outcome: { applied: boolean; result?: ApplyResult; failure?: Record<string, unknown> }): string {
  return `${JSON.stringify(
    {
      formatVersion: 1,
      plan: session.engine.planToJson(plan),
      applied: outcome.applied,
      result: outcome.result ? resultJson(outcome.result) : null,
      failure: outcome.failure ?? null,
    },
    null,
    2,
  )}\n`;
}

async function confirmed(options: ApplyCommandOptions, plan: DeployPlan, writes: number, io: CliIo & ConfirmingIo): Promise<boolean | 'cannotAsk'> {
  if (options.yes) return true;
  if (options.json || !io.confirm) return 'cannotAsk';
  return io.confirm(`Apply ${writes === 1 ? '1 change' : `${writes} changes`} to function ${plan.functionName} in account ${plan.account}, region ${plan.region}?`);
}

export async function runApply(
  options: ApplyCommandOptions,
  ok: DesiredOk,
  session: AwsSession,
  io: CliIo & ConfirmingIo,
  deps: DeployCliDeps,
  signal: AbortSignal,
): Promise<number> {
  const plan = await makePlan(session, ok.desired, ok.warnings, { adoptSecret: options.adoptSecret, signal });
  if (!options.json) printPlan(plan, false, session, io);
  if (plan.refusals.length > 0) {
    if (options.json) io.stdout(applyJson(session, plan, { applied: false }));
    io.stderr('dff deploy apply: the plan was refused (see above); nothing was changed.\n');
    return EXIT_FINDINGS;
  }
  const writes = plan.steps.filter((step) => step.change === 'create' || step.change === 'update').length;
  if (writes > 0) {
    const answer = await confirmed(options, plan, writes, io);
    if (answer === 'cannotAsk') {
      io.stderr('dff deploy apply: not applied: this run cannot ask for confirmation (not a terminal). Review the plan with "dff deploy plan", then pass --yes.\n');
      return EXIT_CANNOT_RUN;
    }
    if (!answer) {
      io.stderr('Not applied; nothing was changed.\n');
      return EXIT_FINDINGS;
    }
  }
  const engine = session.engine;
  const interrupt = interruptSignal(signal, deps.signal);
  try {
    const result = await engine.applyPlan(deployClients(session), plan, {
      signal: interrupt.signal,
      sleep: deps.sleep,
      retry: deps.retry,
      wait: deps.wait,
      profile: session.profile.name,
      onProgress: (progress) => io.stderr(`[${progress.index}/${progress.total}] ${progress.title}\n`),
    });
    if (options.json) io.stdout(applyJson(session, plan, { applied: true, result }));
    else if (writes === 0) io.stdout(`\nNothing to change: ${plan.functionName} already runs ${plan.versionCrn} as asked (alias ${result.alias} -> version ${result.version}).\n`);
    else io.stdout(`\nDeployed ${plan.functionName}: version ${result.version} behind alias ${result.alias}\n  ${result.aliasArn}\n`);
    return EXIT_OK;
  } catch (error) {
    if (!(error instanceof engine.DeployStepError)) throw error;
    if (options.json) {
      const failure = {
        step: error.step.id,
        title: error.step.title,
        index: error.index,
        total: error.total,
        reason: error.reason,
        deniedAction: error.deniedAction ?? null,
        cancelled: error.cancelled,
        retryable: error.retryable,
      };
      io.stdout(applyJson(session, plan, { applied: false, failure }));
    }
    io.stderr(`dff deploy apply: ${error.message}\n`);
    return EXIT_FINDINGS;
  } finally {
    interrupt.dispose();
  }
}
