// The execution role: use the given one (same account, trusts Lambda), or create one by name
// (trust lambda.amazonaws.com, tagged as created by this extension), or reuse it when it exists.
import { CreateRoleCommand, GetRoleCommand } from '@aws-sdk/client-iam';
import { parseRoleArn } from '../arns';
import { LAMBDA_TRUST_POLICY, MANAGED_BY_TAG, MANAGED_BY_VALUE } from '../policies';
import type { PlanStep } from '../planTypes';
import type { ApplyRuntime } from '../runtime';
import { refuse, warn, type PlanContext } from './context';

export function planRole(context: PlanContext): PlanStep {
  const { desired, state, options } = context;
  if (desired.role.kind === 'existing') {
    const parsed = parseRoleArn(desired.role.arn);
    if (parsed && parsed.account !== options.account) {
      refuse(context, 'role-other-account', `Execution role ${desired.role.arn} is in account ${parsed.account}, but this deploy goes to account ${options.account}: Lambda can only use a role of its own account.`);
    } else if (!state.role) {
      refuse(context, 'role-not-found', `Execution role ${desired.role.arn} does not exist (or this profile cannot read it with iam:GetRole).`);
    } else if (!state.role.trustsLambda) {
      refuse(context, 'role-untrusted', `Execution role ${desired.role.arn} does not let lambda.amazonaws.com assume it: add Lambda to its trust policy, or let deploy create a role.`);
    }
    return { id: 'role', kind: 'role', change: 'none', title: `Use execution role ${parsed?.name ?? desired.role.arn}`, resource: desired.role.arn, details: [] };
  }
  const name = desired.role.name;
  if (state.role) {
    if (!state.role.trustsLambda) {
      refuse(context, 'role-untrusted', `Role ${name} exists but does not let lambda.amazonaws.com assume it: choose another role name, or fix its trust policy.`);
    } else if (state.role.tags[MANAGED_BY_TAG] !== MANAGED_BY_VALUE) {
      warn(context, 'role-not-tagged', `Role ${name} exists and was not created by DataFlow Functions: deploy reuses it and adds its own inline policy to it.`);
    }
    return { id: 'role', kind: 'role', change: 'none', title: `Reuse execution role ${name}`, resource: state.role.arn, details: [] };
  }
  return {
    id: 'role',
    kind: 'role',
    change: 'create',
    title: `Create execution role ${name}`,
    resource: context.roleArn,
    details: [
      { field: 'trust', after: 'lambda.amazonaws.com may assume it' },
      { field: 'tag', after: `${MANAGED_BY_TAG}=${MANAGED_BY_VALUE}` },
    ],
  };
}

export async function runRole(step: PlanStep, runtime: ApplyRuntime): Promise<void> {
  const { desired } = runtime.plan;
  if (desired.role.kind !== 'create') return;
  const name = desired.role.name;
  try {
    const created = await runtime.call(`iam:CreateRole ${name}`, (options) => runtime.clients.iam.send(new CreateRoleCommand({
      RoleName: name,
      AssumeRolePolicyDocument: JSON.stringify(LAMBDA_TRUST_POLICY),
      Description: `Execution role of the DataFlow Function ${desired.functionName}`,
      Tags: [{ Key: MANAGED_BY_TAG, Value: MANAGED_BY_VALUE }],
    }), options));
    runtime.resolved.roleArn = created.Role?.Arn ?? step.resource;
  } catch (error) {
    // Made by an earlier run that failed later: that is the role this step wanted.
    if ((error as { name?: string }).name !== 'EntityAlreadyExistsException') throw error;
    const found = await runtime.call(`iam:GetRole ${name}`, (options) => runtime.clients.iam.send(new GetRoleCommand({ RoleName: name }), options));
    runtime.resolved.roleArn = found.Role?.Arn ?? step.resource;
  }
}
