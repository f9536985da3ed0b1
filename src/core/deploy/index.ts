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
export { runtimeWarning, deprecationDate } from './runtimes';
