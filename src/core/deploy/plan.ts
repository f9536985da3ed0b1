// Desired state + what exists -> the steps that take one to the other, in the order apply runs
// them, with every reason to refuse found while comparing. Pure: no AWS call here (readState reads).
import { functionArn as arnOfFunction, roleArn as arnOfRole } from './arns';
import type { DeployWarning, DesiredDeployment } from './desired';
import type { DeployPlan, PlanOptions, PlanStep } from './planTypes';
import type { DeployState } from './state';
import { planAlias } from './steps/alias';
import { planBucketNotifications } from './steps/bucketNotification';
import type { PlanContext } from './steps/context';
import { planFunction } from './steps/function';
import { planPermissions } from './steps/permission';
import { planPublish } from './steps/publish';
import { planRole } from './steps/role';
import { planRolePolicy } from './steps/rolePolicy';
import { planSecret } from './steps/secret';
import { planUploadCode } from './steps/uploadCode';
import { planWaitActive } from './steps/waitActive';

export function planDeployment(desired: DesiredDeployment, state: DeployState, options: PlanOptions, warnings: DeployWarning[] = []): DeployPlan {
  const functionArn = state.function?.arn.replace(/:\$LATEST$/, '') ?? arnOfFunction(options.region, options.account, desired.functionName);
  const context: PlanContext = {
    desired,
    state,
    options,
    refusals: [],
    warnings: [...warnings],
    functionArn,
    aliasArn: `${functionArn}:${desired.alias}`,
    roleArn: desired.role.kind === 'existing' ? desired.role.arn : state.role?.arn ?? arnOfRole(options.account, desired.role.name),
  };
  const steps: PlanStep[] = [];
  steps.push(planRole(context));
  steps.push(planRolePolicy(context));
  const secret = planSecret(context);
  if (secret.step) steps.push(secret.step);
  const upload = planUploadCode(context);
  if (upload) steps.push(upload);
  const fn = planFunction(context);
  steps.push(...fn.steps);
  const functionWrites = fn.steps.some((step) => step.change !== 'none');
  if (functionWrites) steps.push(planWaitActive(desired.functionName));
  const publish = planPublish(context, functionWrites);
  steps.push(publish.step);
  steps.push(planAlias(context, publish.step.change !== 'none', publish.aliasTarget));
  steps.push(...planPermissions(context));
  steps.push(...planBucketNotifications(context));
  return {
    account: options.account,
    region: options.region,
    flowName: desired.flowName,
    flowPath: desired.flowPath,
    targetName: desired.targetName,
    versionCrn: desired.versionCrn,
    functionName: desired.functionName,
    functionArn,
    alias: desired.alias,
    aliasArn: context.aliasArn,
    steps,
    refusals: context.refusals,
    warnings: context.warnings,
    environment: fn.environment,
    secretName: desired.secret?.name,
    secretKeys: secret.keys,
    aliasTarget: publish.aliasTarget ?? state.alias?.version,
    desired,
    state,
  };
}
