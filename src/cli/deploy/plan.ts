// `dff deploy plan <flow> --target <name> [--json]`: what a deploy would change; changes nothing.
import type { DeployPlan } from '../../core/aws/engine';
import type { AwsSession } from '../aws/connection';
import { EXIT_FINDINGS, EXIT_OK, type CliIo } from '../io';
import { makePlan } from './planned';
import type { DesiredOk } from './refused';

export async function runPlan(
  options: { json: boolean; adoptSecret: boolean },
  ok: DesiredOk,
  session: AwsSession,
  io: CliIo,
  signal: AbortSignal,
): Promise<number> {
  const plan = await makePlan(session, ok.desired, ok.warnings, { adoptSecret: options.adoptSecret, signal });
  printPlan(plan, options.json, session, io);
  return plan.refusals.length > 0 ? EXIT_FINDINGS : EXIT_OK;
}

export function printPlan(plan: DeployPlan, json: boolean, session: AwsSession, io: CliIo): void {
  io.stdout(json ? `${JSON.stringify(session.engine.planToJson(plan), null, 2)}\n` : session.engine.renderPlanText(plan));
}
