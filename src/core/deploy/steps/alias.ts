// The alias (default "live") points at the version just published; triggers point at the alias, so
// they follow every publish.
import { CreateAliasCommand, GetAliasCommand, UpdateAliasCommand } from '@aws-sdk/client-lambda';
import type { PlanStep } from '../planTypes';
import { isNotFound } from '../readState';
import type { ApplyRuntime } from '../runtime';
import type { PlanContext } from './context';

export function planAlias(context: PlanContext, publishing: boolean, aliasTarget: string | undefined): PlanStep {
  const { state, desired } = context;
  const after = publishing ? 'the version published above' : `version ${aliasTarget}`;
  if (!state.alias) {
    return { id: 'alias', kind: 'alias', change: 'create', title: `Create alias ${desired.alias} → ${after}`, resource: context.aliasArn, details: [{ field: 'version', after }] };
  }
  if (publishing || aliasTarget !== state.alias.version) {
    return {
      id: 'alias',
      kind: 'alias',
      change: 'update',
      title: `Move alias ${desired.alias} to ${after}`,
      resource: state.alias.arn,
      details: [{ field: 'version', before: state.alias.version, after }],
    };
  }
  return { id: 'alias', kind: 'alias', change: 'none', title: `Alias ${desired.alias} already points at version ${state.alias.version}`, resource: state.alias.arn, details: [] };
}

export async function runAlias(_step: PlanStep, runtime: ApplyRuntime): Promise<void> {
  const { desired } = runtime.plan;
  const version = runtime.resolved.version ?? runtime.plan.aliasTarget;
  if (!version) throw new Error(`No version to point alias ${desired.alias} at.`);
  const lambda = runtime.clients.lambda;
  const current = await runtime.call(`lambda:GetAlias ${desired.functionName}:${desired.alias}`, (options) =>
    lambda.send(new GetAliasCommand({ FunctionName: desired.functionName, Name: desired.alias }), options))
    .catch((error) => { if (isNotFound(error)) return undefined; throw error; });
  if (current?.FunctionVersion === version) return;
  if (current) {
    await runtime.call(`lambda:UpdateAlias ${desired.functionName}:${desired.alias}`, (options) =>
      lambda.send(new UpdateAliasCommand({ FunctionName: desired.functionName, Name: desired.alias, FunctionVersion: version }), options));
    return;
  }
  await runtime.call(`lambda:CreateAlias ${desired.functionName}:${desired.alias}`, (options) => lambda.send(new CreateAliasCommand({
    FunctionName: desired.functionName,
    Name: desired.alias,
    FunctionVersion: version,
    Description: 'Points at the version DataFlow Functions deployed last; S3 triggers invoke it.',
  }), options));
}
