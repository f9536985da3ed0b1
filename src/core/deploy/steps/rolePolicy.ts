// The role's rights: AWSLambdaBasicExecutionRole (logs) on a role deploy creates, and deploy's own
// least-privilege inline policy (read the one secret, decrypt it, send to the dead-letter queue).
// Other policies on the role are never touched.
import { AttachRolePolicyCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { secretPolicyResource } from '../arns';
import { accessStatements, BASIC_EXECUTION_POLICY_ARN, inlinePolicyName, sameJson, type PolicyDocument } from '../policies';
import type { PlanStep, StepDetail } from '../planTypes';
import type { ApplyRuntime } from '../runtime';
import type { PlanContext } from './context';
import type { DesiredDeployment } from '../desired';
import { parseRoleArn } from '../arns';

export function inlinePolicyFor(desired: DesiredDeployment, account: string, region: string): PolicyDocument | undefined {
  const secretResource = desired.secret ? secretPolicyResource(region, account, desired.secret.name) : undefined;
  const statements = accessStatements(desired, secretResource);
  return statements.length > 0 ? { Version: '2012-10-17', Statement: statements } : undefined;
}

export function planRolePolicy(context: PlanContext): PlanStep {
  const { desired, state, options } = context;
  const roleName = roleNameOf(desired);
  const details: StepDetail[] = [];
  const attachBasic = desired.role.kind === 'create' && !(state.role?.attachedPolicyArns.includes(BASIC_EXECUTION_POLICY_ARN) ?? false);
  if (attachBasic) details.push({ field: 'managed policy', before: 'not attached', after: 'AWSLambdaBasicExecutionRole (CloudWatch Logs)' });
  const document = inlinePolicyFor(desired, options.account, options.region);
  const policyName = inlinePolicyName(desired.functionName);
  if (document && !sameJson(state.role?.inlinePolicy, document)) {
    details.push({
      field: `inline policy ${policyName}`,
      before: state.role?.inlinePolicy === undefined ? 'absent' : 'different rights',
      after: describePolicy(document),
    });
  }
  const existed = state.role !== undefined && (state.role.inlinePolicy !== undefined || !attachBasic);
  return {
    id: 'rolePolicy',
    kind: 'rolePolicy',
    change: details.length === 0 ? 'none' : existed ? 'update' : 'create',
    title: details.length === 0 ? `Role ${roleName} already has the rights the function needs` : `Grant role ${roleName} the rights the function needs`,
    resource: roleName,
    details,
  };
}

export async function runRolePolicy(step: PlanStep, runtime: ApplyRuntime): Promise<void> {
  const { desired, account, region } = runtime.plan;
  const roleName = roleNameOf(desired);
  if (step.details.some((detail) => detail.field === 'managed policy')) {
    await runtime.call(`iam:AttachRolePolicy ${roleName}`, (options) => runtime.clients.iam.send(new AttachRolePolicyCommand({ RoleName: roleName, PolicyArn: BASIC_EXECUTION_POLICY_ARN }), options));
  }
  const document = inlinePolicyFor(desired, account, region);
  if (document && step.details.some((detail) => detail.field.startsWith('inline policy'))) {
    const policyName = inlinePolicyName(desired.functionName);
    await runtime.call(`iam:PutRolePolicy ${roleName}/${policyName}`, (options) => runtime.clients.iam.send(new PutRolePolicyCommand({
      RoleName: roleName,
      PolicyName: policyName,
      PolicyDocument: JSON.stringify(document),
    }), options));
  }
}

function roleNameOf(desired: DesiredDeployment): string {
  return desired.role.kind === 'create' ? desired.role.name : parseRoleArn(desired.role.arn)?.name ?? desired.role.arn;
}

function describePolicy(document: PolicyDocument): string {
  return document.Statement.map((statement) => {
    const actions = ([] as string[]).concat(statement.Action).join(', ');
    return `${actions} on ${String(statement.Resource)}`;
  }).join('; ');
}
