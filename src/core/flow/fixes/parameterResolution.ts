import type { FlowModel, Group, ParameterContext } from '../model';

/**
 * The context that supplies parameter `name` to a group: the group's own context first, then its
 * inherited contexts in order (highest precedence first), each with its own inherited ones.
 * Undefined when the group has no context or no context in its chain defines the name.
 */
export function contextResolving(model: FlowModel, group: Group, name: string): ParameterContext | undefined {
  if (group.parameterContextName === undefined) return undefined;
  return search(model, group.parameterContextName, name, new Set());
}

function search(model: FlowModel, contextName: string, name: string, visited: Set<string>): ParameterContext | undefined {
  if (visited.has(contextName)) return undefined;
  visited.add(contextName);
  const context = model.contexts.get(contextName);
  if (!context) return undefined;
  if (context.parameters.some((parameter) => parameter.name === name)) return context;
  for (const inherited of context.inheritedParameterContexts) {
    const found = search(model, inherited, name, visited);
    if (found) return found;
  }
  return undefined;
}
