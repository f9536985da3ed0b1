// S3 may invoke the alias only with a resource-policy statement: principal s3.amazonaws.com,
// action lambda:InvokeFunction, SourceArn the bucket and SourceAccount the account (so a bucket of
// the same name in another account cannot).
import { AddPermissionCommand, GetPolicyCommand } from '@aws-sdk/client-lambda';
import { bucketArn } from '../arns';
import { parsePolicy, type PolicyStatement } from '../policies';
import type { PlanStep } from '../planTypes';
import type { ApplyRuntime } from '../runtime';
import type { PlanContext } from './context';

export function statementId(bucket: string): string {
  return `dff-s3-${bucket}`.slice(0, 100);
}

/** Whether a statement lets S3 invoke from this bucket of this account. */
export function allowsS3(statement: PolicyStatement, bucket: string, account: string): boolean {
  if (statement.Effect !== 'Allow') return false;
  const actions = ([] as string[]).concat(statement.Action ?? []);
  if (!actions.some((action) => action === 'lambda:InvokeFunction' || action === 'lambda:*')) return false;
  const service = (statement.Principal as { Service?: string | string[] } | undefined)?.Service;
  if (!([] as string[]).concat(service ?? []).includes('s3.amazonaws.com')) return false;
  const condition = (statement.Condition ?? {}) as Record<string, Record<string, unknown>>;
  const values = (key: string): unknown[] => Object.values(condition).flatMap((operator) => ([] as unknown[]).concat(operator?.[key] ?? []));
  return values('AWS:SourceArn').includes(bucketArn(bucket)) && values('AWS:SourceAccount').includes(account);
}

export function planPermissions(context: PlanContext): PlanStep[] {
  const { desired, state, options } = context;
  const buckets = [...new Set(desired.triggers.map((trigger) => trigger.bucket))];
  return buckets.map((bucket) => {
    const allowed = state.aliasPolicy.some((statement) => allowsS3(statement, bucket, options.account));
    return {
      id: `permission:${bucket}`,
      kind: 'permission' as const,
      change: allowed ? 'none' as const : 'create' as const,
      title: allowed ? `S3 bucket ${bucket} may already invoke alias ${desired.alias}` : `Allow S3 bucket ${bucket} to invoke alias ${desired.alias}`,
      resource: bucket,
      details: allowed ? [] : [{ field: 'statement', after: `s3.amazonaws.com → lambda:InvokeFunction, SourceArn ${bucketArn(bucket)}, SourceAccount ${options.account}` }],
    };
  });
}

export async function runPermission(step: PlanStep, runtime: ApplyRuntime): Promise<void> {
  const { desired, account } = runtime.plan;
  const bucket = step.resource;
  const lambda = runtime.clients.lambda;
  try {
    await runtime.call(`lambda:AddPermission ${desired.functionName}:${desired.alias}`, (options) => lambda.send(new AddPermissionCommand({
      FunctionName: desired.functionName,
      Qualifier: desired.alias,
      StatementId: statementId(bucket),
      Action: 'lambda:InvokeFunction',
      Principal: 's3.amazonaws.com',
      SourceArn: bucketArn(bucket),
      SourceAccount: account,
    }), options));
  } catch (error) {
    const value = error as { name?: string; message?: string };
    if (!(value.name === 'ResourceConflictException' && /already exist/i.test(value.message ?? ''))) throw error;
    // Added by an earlier run: fine if it says what this step wants.
    const policy = await runtime.call(`lambda:GetPolicy ${desired.functionName}:${desired.alias}`, (options) =>
      lambda.send(new GetPolicyCommand({ FunctionName: desired.functionName, Qualifier: desired.alias }), options));
    const statements = parsePolicy(policy.Policy)?.Statement ?? [];
    if (!statements.some((statement) => allowsS3(statement, bucket, account))) {
      throw new Error(`The alias's policy already has a statement "${statementId(bucket)}" that does not allow bucket ${bucket}; remove it (aws lambda remove-permission) and deploy again.`);
    }
  }
}
