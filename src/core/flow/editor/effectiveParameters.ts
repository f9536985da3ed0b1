// The parameters a process group can reference, in NiFi's precedence order, resolved the same
// way the reference rules resolve them (ParameterResolver).
import type { FlowModel, Group, Parameter } from '../model';
import { ParameterResolver } from '../rules/paramsScope';

export function effectiveParameters(model: FlowModel, group: Group): Parameter[] {
  const contextName = group.parameterContextName;
  if (contextName === undefined) return [];
  return [...(new ParameterResolver(model).resolve(contextName)?.values() ?? [])];
}

export function resolveParameter(model: FlowModel, group: Group, name: string): Parameter | undefined {
  const contextName = group.parameterContextName;
  if (contextName === undefined) return undefined;
  return new ParameterResolver(model).resolve(contextName)?.get(name);
}
