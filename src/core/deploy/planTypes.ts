// The plan: every step with what it changes (before and after), the reasons to refuse it, and the
// warnings. Plain data: the CLI prints it, VS Code shows it, planToJson serialises it, apply runs it.
import type { DeployWarning, DesiredDeployment, Refusal } from './desired';
import type { DeployState } from './state';

export type StepKind =
  | 'role'
  | 'rolePolicy'
  | 'secret'
  | 'uploadCode'
  | 'function'
  | 'functionConfiguration'
  | 'waitActive'
  | 'publish'
  | 'alias'
  | 'permission'
  | 'bucketNotification';

/** 'wait' only reads (waits for the function to be ready); 'none' means already as asked. */
export type StepChange = 'create' | 'update' | 'wait' | 'none';

export interface StepDetail {
  field: string;
  before?: string;
  after?: string;
}

export interface PlanStep {
  /** Stable id, e.g. 'role', 'permission:my-bucket'. */
  id: string;
  kind: StepKind;
  change: StepChange;
  /** One line, e.g. 'Create execution role s3-to-sqs-role'. */
  title: string;
  /** The resource the step acts on: a name or ARN. */
  resource: string;
  details: StepDetail[];
}

export type EnvironmentChangeKind = 'add' | 'update' | 'remove' | 'same' | 'kept';

export interface EnvironmentChange {
  key: string;
  /** kept: set by hand on the function, not by this deploy, and left as it is. */
  change: EnvironmentChangeKind;
  /** Values are undefined for sensitive variables. */
  before?: string;
  after?: string;
  sensitive: boolean;
}

export interface SecretKeyChange {
  name: string;
  /** kept: a key already in the secret that this deploy does not set. */
  change: 'add' | 'update' | 'same' | 'kept';
}

export interface DeployPlan {
  account: string;
  region: string;
  flowName: string;
  flowPath: string;
  targetName: string;
  versionCrn: string;
  functionName: string;
  functionArn: string;
  alias: string;
  aliasArn: string;
  steps: PlanStep[];
  refusals: Refusal[];
  warnings: DeployWarning[];
  environment: EnvironmentChange[];
  secretName?: string;
  secretKeys: SecretKeyChange[];
  /** The version the alias points at after the deploy when no new version is published. */
  aliasTarget?: string;
  /** What the plan was made from; apply reads it. Holds secret values: never serialise it (planToJson leaves it out). */
  desired: DesiredDeployment;
  state: DeployState;
}

export interface PlanOptions {
  /** The caller's account (STS GetCallerIdentity) and the region the clients use. */
  account: string;
  region: string;
  /** Use an existing secret of that name that this extension did not create. */
  confirmForeignSecret?: boolean;
  /** Publish a version even when nothing changed. */
  forcePublish?: boolean;
}

export function changingSteps(plan: DeployPlan): PlanStep[] {
  return plan.steps.filter((step) => step.change !== 'none');
}
