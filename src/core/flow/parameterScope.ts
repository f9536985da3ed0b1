// Parameter scope, as NiFi resolves it: which contexts the flow uses, which parameters a context
// or a process group can reference, and which context supplies a name. Used by the rules, the
// fixes and the editor helpers so they all agree.
import type { FlowModel, Group, ParameterContext, Parameter } from './model';

/**
 * The contexts the flow uses: every group's own context and, transitively, the contexts they
 * inherit; each once, in the order first met. Names that match no context are left out.
 */
export function usedContexts(model: FlowModel): ParameterContext[] {
  const seen = new Set<string>();
  const used: ParameterContext[] = [];
  const visit = (name: string): void => {
    if (seen.has(name)) return;
    seen.add(name);
    const context = model.contexts.get(name);
    if (!context) return;
    used.push(context);
    for (const inherited of context.inheritedParameterContexts) visit(inherited);
  };
  for (const group of model.groups) {
    if (group.parameterContextName !== undefined) visit(group.parameterContextName);
  }
  return used;
}

/**
 * The parameters a context offers by name, as NiFi resolves them: its own first, then those of
 * each inherited context in list order (highest precedence first), each with its own inheritance.
 * Each context is resolved once and cached.
 */
export class ParameterResolver {
  private readonly cache = new Map<string, ReadonlyMap<string, Parameter>>();

  constructor(private readonly model: FlowModel) {}

  /** Undefined when no context has that name. */
  resolve(contextName: string): ReadonlyMap<string, Parameter> | undefined {
    if (!this.model.contexts.has(contextName)) return undefined;
    return this.resolveWithin(contextName, new Set()).lookup;
  }

  /** The parameters a group can reference, by name; undefined when the group has no context or its context is missing. */
  forGroup(group: Group): ReadonlyMap<string, Parameter> | undefined {
    const contextName = group.parameterContextName;
    return contextName === undefined ? undefined : this.resolve(contextName);
  }

  /** `complete` is false when an inheritance cycle (which NiFi forbids) cut the resolution short: such a result is not cached. */
  private resolveWithin(contextName: string, resolving: Set<string>): { lookup: ReadonlyMap<string, Parameter>; complete: boolean } {
    const cached = this.cache.get(contextName);
    if (cached) return { lookup: cached, complete: true };
    const context = this.model.contexts.get(contextName);
    if (!context) return { lookup: new Map(), complete: true };
    if (resolving.has(contextName)) return { lookup: new Map(), complete: false };
    resolving.add(contextName);
    const lookup = new Map<string, Parameter>();
    let complete = true;
    for (const parameter of context.parameters) {
      if (!lookup.has(parameter.name)) lookup.set(parameter.name, parameter);
    }
    for (const inherited of context.inheritedParameterContexts) {
      const resolved = this.resolveWithin(inherited, resolving);
      complete &&= resolved.complete;
      for (const [name, parameter] of resolved.lookup) {
        if (!lookup.has(name)) lookup.set(name, parameter);
      }
    }
    resolving.delete(contextName);
    // The outermost context of a cycle has seen everything: the cycle only leads back to it.
    if (complete || resolving.size === 0) this.cache.set(contextName, lookup);
    return { lookup, complete };
  }
}

/** The parameters a group can reference, highest precedence first. */
export function effectiveParameters(model: FlowModel, group: Group): Parameter[] {
  return [...(new ParameterResolver(model).forGroup(group)?.values() ?? [])];
}

/** The parameter `name` resolves to in a group; undefined when nothing in its context chain defines it. */
export function resolveParameter(model: FlowModel, group: Group, name: string): Parameter | undefined {
  return new ParameterResolver(model).forGroup(group)?.get(name);
}
