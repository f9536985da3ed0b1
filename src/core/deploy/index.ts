// What the deploy core offers the shells; re-exported by the AWS engine bundle (src/core/aws/engine.ts).
export * from './target';
export { loadDeployFile, targetsForFlow, flowKeyFor, deployFilePathFor, parseS3Url } from './loadTargets';
export { setTargetInDeployFile, DEPLOY_SCHEMA_URL } from './writeTargets';
export { buildDesired } from './desired';
export type {
  DesiredInput, DesiredDeployment, DesiredResult, DesiredParameter, DesiredSecret, DesiredTrigger, DeployWarning,
  FunctionKey, ParameterSource, Refusal, RefusalCode, WarningCode,
} from './desired';
export { environmentBytes, LAMBDA_ENV_LIMIT_BYTES, SENSITIVE_VARIABLES } from './environment';
export { CODE_SOURCE_TAG } from './codeSource';
export { runtimeWarning, deprecationDate } from './runtimes';
export { readState, parseSecretValues } from './readState';
export type { DeployClients, ReadOptions } from './readState';
export type { DeployState, FunctionSnapshot, RoleState, SecretState, CodeState, BucketState } from './state';
export { planDeployment } from './plan';
export { changingSteps } from './planTypes';
export type {
  DeployPlan, PlanStep, PlanOptions, StepKind, StepChange, StepDetail, EnvironmentChange, EnvironmentChangeKind, SecretKeyChange,
} from './planTypes';
export { applyPlan, DeployStepError, PlanRefusedError } from './apply';
export type { ApplyOptions, ApplyProgress, ApplyResult } from './apply';
export type { RetryPolicy, WaitPolicy, Sleep } from './runtime';
export { renderPlanText } from './renderPlan';
export { planToJson, PLAN_JSON_FORMAT_VERSION } from './planJson';
export { exportCloudFormation } from './cloudformation';
export type { CloudFormationExport } from './cloudformation';
