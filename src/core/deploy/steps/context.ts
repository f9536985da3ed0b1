// What every step planner reads, and how it refuses or warns.
import type { DeployWarning, DesiredDeployment, Refusal } from '../desired';
import type { PlanOptions } from '../planTypes';
import type { DeployState } from '../state';

export interface PlanContext {
  desired: DesiredDeployment;
  state: DeployState;
  options: PlanOptions;
  refusals: Refusal[];
  warnings: DeployWarning[];
  /** Unqualified function ARN, known before the function exists. */
  functionArn: string;
  aliasArn: string;
  /** The role ARN the function will use (the created role's ARN is deterministic). */
  roleArn: string;
}

export function refuse(context: PlanContext, code: Refusal['code'], message: string): void {
  context.refusals.push({ code, message });
}

export function warn(context: PlanContext, code: DeployWarning['code'], message: string): void {
  context.warnings.push({ code, message });
}
