// Parameter contexts: the flow's group has one, every name used resolves, and names suit DFF.
import type { Anchor, Finding } from '../finding';
import type { Configurable, FlowModel, Group, JsonPath } from '../model';
import type { ValidationOptions } from '../options';
import { isDffName, suggestContextName } from './naming';
import { usedContexts } from '../parameterScope';
import { contextNameAnchor } from './contextNameAnchor';
import { exportsRootCanvas } from './exportedGroup';
import { readReferences, referenceSyntax, type ReferenceSyntax } from './propertyReferences';
import { quoteName, shortText } from '../quoteName';
import { GroupName, quotedGroupName } from './groupName';

export function checkContexts(model: FlowModel, _options: ValidationOptions): Finding[] {
  return [...missingContext(model), ...unknownContexts(model), ...unknownInherited(model), ...invalidNames(model)];
}

/**
 * The top group needs a context only for what it references itself: without one, its references
 * cannot resolve and NiFi marks those processors invalid; without references, nothing breaks.
 * (A child group neither inherits nor needs the top group's context: its references are checked
 * against its own.)
 */
function missingContext(model: FlowModel): Finding[] {
  const { top } = model;
  // On a root canvas export, root-canvas-exported already says which group to export instead.
  if (top.parameterContextName !== undefined || exportsRootCanvas(model)) return [];
  const references = referencesIn(top, referenceSyntax(model));
  if (references.length === 0) return [];
  const [first] = references;
  const count = references.length === 1 ? 'a parameter reference' : `${references.length} parameter references`;
  return [{
    code: 'context-missing',
    severity: 'error',
    message: `${GroupName(top)} has no parameter context, yet it holds ${count} (the first: ${shortText(first.text)} in ` +
      `${first.where}), which cannot resolve without one: NiFi marks those processors invalid and the function cannot ` +
      'run them. DataFlow Functions takes every value that differs between environments from the parameter context of ' +
      `the exported group. In NiFi, set a parameter context on ${quotedGroupName(top)} (Configure > General > Process Group Parameter ` +
      'Context) and download the flow definition again.',
    at: { path: [...top.path, 'name'] },
    componentId: top.id,
    componentName: top.name,
    related: references.slice(0, MAX_RELATED).map((reference) => ({
      at: reference.at,
      message: `${reference.text} in ${reference.where}`,
    })),
  }];
}

const MAX_RELATED = 5;

interface ReferenceSite {
  text: string;
  where: string;
  at: Anchor;
}

/** The parameter references a group's own processors and controller services hold (properties and run schedules). */
function referencesIn(group: Group, syntax: ReferenceSyntax): ReferenceSite[] {
  const sites: ReferenceSite[] = [];
  const add = (value: unknown, path: JsonPath, where: string, expressionLanguage = true): void => {
    if (typeof value !== 'string' || value.indexOf('#{') === -1) return;
    for (const reference of readReferences(value, syntax, expressionLanguage)) {
      sites.push({
        text: value.slice(reference.start, reference.start + reference.length),
        where,
        at: { path, slice: { start: reference.start, length: reference.length } },
      });
    }
  };
  const addComponent = (component: Configurable): void => {
    const kind = component.kind === 'PROCESSOR' ? 'processor' : 'controller service';
    for (const property in component.properties) {
      add(component.properties[property], [...component.path, 'properties', property], `${kind} ${quoteName(component.name)}`);
    }
  };
  for (const processor of group.processors) {
    addComponent(processor);
    add(processor.raw.schedulingPeriod, [...processor.path, 'schedulingPeriod'], `the run schedule of processor ${quoteName(processor.name)}`, false);
  }
  group.controllerServices.forEach(addComponent);
  return sites;
}

function unknownContexts(model: FlowModel): Finding[] {
  const findings: Finding[] = [];
  for (const group of model.groups) {
    const contextName = group.parameterContextName;
    if (contextName === undefined || model.contexts.has(contextName)) continue;
    findings.push({
      code: 'context-not-found',
      severity: 'error',
      message: `${GroupName(group)} uses parameter context ${quoteName(contextName)}, which is not in this file's ` +
        '"parameterContexts". Download the flow definition again from NiFi (it includes the contexts the flow uses), ' +
        'or add the context to "parameterContexts".',
      at: { path: [...group.path, 'parameterContextName'] },
      componentId: group.id,
      componentName: group.name,
    });
  }
  return findings;
}

function unknownInherited(model: FlowModel): Finding[] {
  const findings: Finding[] = [];
  for (const context of model.contexts.values()) {
    context.inheritedParameterContexts.forEach((inherited, index) => {
      if (model.contexts.has(inherited)) return;
      findings.push({
        code: 'inherited-context-not-found',
        severity: 'error',
        message: `Parameter context ${quoteName(context.name)} inherits from ${quoteName(inherited)}, which is not in this file's ` +
          '"parameterContexts", so its parameters cannot be resolved. Download the flow definition again from NiFi, ' +
          `or add ${quoteName(inherited)} to "parameterContexts".`,
        at: { path: [...context.path, 'inheritedParameterContexts', index] },
      });
    });
  }
  return findings;
}

function invalidNames(model: FlowModel): Finding[] {
  const findings: Finding[] = [];
  const suggested = new Set<string>();
  const isTaken = (candidate: string): boolean => model.contexts.has(candidate) || suggested.has(candidate);
  for (const context of usedContexts(model)) {
    if (isDffName(context.name)) continue;
    const newName = suggestContextName(context.name, isTaken);
    suggested.add(newName);
    findings.push({
      code: 'context-name-invalid',
      severity: 'error',
      message: `Parameter context name ${quoteName(context.name)} is not valid for DataFlow Functions: it becomes the name of ` +
        'the AWS Secrets Manager secret that holds the parameters, and must start with a letter and contain only ' +
        `letters, digits and "_". Rename the context, e.g. to ${quoteName(newName)}.`,
      at: contextNameAnchor(model, context),
      fixes: [{ kind: 'renameContext', contextName: context.name, newName }],
    });
  }
  return findings;
}
