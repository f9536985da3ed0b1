// Reading AWS and planning: the account (STS), what exists (readState), the steps (planDeployment).
import type { DeployPlan, DeployWarning, DesiredDeployment, Refusal } from '../../core/aws/engine';
import type { AwsSession } from '../aws/connection';

export function deployClients(session: AwsSession) {
  const { factory } = session;
  return { lambda: factory.lambda(), iam: factory.iam(), s3: factory.s3(), secrets: factory.secrets() };
}

export async function makePlan(
  session: AwsSession,
  desired: DesiredDeployment,
  warnings: DeployWarning[],
  options: { adoptSecret: boolean; signal: AbortSignal },
): Promise<DeployPlan> {
  const { engine } = session;
  const { account } = await engine.whoAmI(session.factory.sts(), options.signal);
  const state = await engine.readState(deployClients(session), desired, { signal: options.signal });
  return engine.planDeployment(desired, state, { account, region: session.region, confirmForeignSecret: options.adoptSecret }, warnings);
}

/** What the CLI knows of a deploy refused before AWS was read (the flow, its target, the values). */
export interface EarlyRefusal {
  flowPath: string;
  flowName?: string;
  targetName: string;
  functionName: string;
  versionCrn: string;
  region?: string;
  refusals: Refusal[];
  warnings: DeployWarning[];
}

/** The same text layout as the core's renderPlanText, for a deploy refused before any plan was made. */
export function renderEarlyRefusal(early: EarlyRefusal): string {
  const lines = [`Deploy "${early.flowName ?? ''}" (${early.flowPath}) to target ${early.targetName}`];
  lines.push(`  Function:      ${early.functionName}`);
  lines.push(`  Flow version:  ${early.versionCrn}`);
  lines.push('');
  lines.push(`REFUSED: ${early.refusals.length === 1 ? '1 reason' : `${early.refusals.length} reasons`}; nothing will be changed:`);
  for (const refusal of early.refusals) lines.push(...`- ${refusal.message} [${refusal.code}]`.split('\n').map((line, index) => (index === 0 ? `  ${line}` : `    ${line}`)));
  if (early.warnings.length) {
    lines.push('', 'Warnings:');
    for (const warning of early.warnings) lines.push(`  - ${warning.message}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The plan JSON (format 1, see planToJson) of a deploy refused before AWS was read: the same fields,
 * with account and ARNs null, no steps, no environment and no secret.
 */
export function earlyRefusalJson(early: EarlyRefusal, formatVersion: number): Record<string, unknown> {
  return {
    formatVersion,
    ok: false,
    changes: 0,
    account: null,
    region: early.region ?? null,
    flow: { path: early.flowPath, name: early.flowName ?? null, versionCrn: early.versionCrn },
    target: early.targetName,
    function: { name: early.functionName, arn: null, alias: null, aliasArn: null },
    refusals: early.refusals.map(({ code, message }) => ({ code, message })),
    warnings: early.warnings.map(({ code, message }) => ({ code, message })),
    steps: [],
    environment: [],
    secret: null,
  };
}
