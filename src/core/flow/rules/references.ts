// #{parameter} references in processor and controller service properties and in processors' run
// schedules: each resolves in the context of its own group (no inheritance from parent groups), with
// matching sensitivity; and parameters nothing references are pointed out.
import type { Finding, FixSpec } from '../finding';
import { closeNames } from '../fixes/closeNames';
import type { Configurable, FlowModel, Group, JsonPath, Parameter } from '../model';
import type { ValidationOptions } from '../options';
import { isNiFiParameterName } from '../references';
import { ParameterResolver, usedContexts } from '../parameterScope';
import { exportsRootCanvas, isNotInlined } from './exportedGroup';
import { readReferences, referenceSyntax, type PropertyReference } from './propertyReferences';
import { quoteName } from '../quoteName';
import { GroupName, groupName, quotedGroupName } from './groupName';

/** A name NiFi 1.x read with the quotes written around it. */
const QUOTED_NAME = /^'(.+)'$/;

export function checkReferences(model: FlowModel, _options: ValidationOptions): Finding[] {
  const resolver = new ParameterResolver(model);
  const referenced = new Set<Parameter>();
  // Names referenced where no context resolves them: the group is missing its context, not the parameter its use.
  const namedWithoutContext = new Set<string>();
  const findings: Finding[] = [];
  const syntax = referenceSyntax(model);
  // Big flows repeat the same values (the same parameter in thousands of processors): parse each once,
  // as a property (Expression Language aware) or as a run schedule.
  const parsed = { property: new Map<string, PropertyReference[]>(), schedule: new Map<string, PropertyReference[]>() };
  // Undefined names repeat too; suggestions depend only on the context, the name and the sensitivity.
  const suggested = new Map<string, Parameter[]>();
  const suggestionsFor = (contextName: string, lookup: ReadonlyMap<string, Parameter>, name: string, sensitive: boolean): Parameter[] => {
    const key = `${sensitive ? 's' : 'p'}\u0000${contextName}\u0000${name}`;
    let close = suggested.get(key);
    if (!close) {
      // A parameter of the other sensitivity would trade this finding for a sensitivity mismatch.
      const matching = [...lookup.values()].filter((parameter) => parameter.sensitive === sensitive);
      close = closeNames(name, matching);
      // NiFi 1.x reads #{'name'} with its quotes: the parameter inside them is the one meant.
      const unquoted = QUOTED_NAME.exec(name)?.[1];
      const meant = unquoted === undefined ? undefined : lookup.get(unquoted);
      if (meant) close = [meant, ...close.filter((parameter) => parameter !== meant)];
      suggested.set(key, close);
    }
    return close;
  };
  for (const group of model.groups) {
    const contextName = group.parameterContextName;
    // A context that is named but missing is reported by the contexts rule; its references cannot be checked.
    const lookup = contextName === undefined ? undefined : resolver.resolve(contextName);
    if (contextName !== undefined && !lookup) continue;
    // One cause, the group's missing context, for every reference in the group: one finding for all of them,
    // which keeps only what it shows (thousands of references may share its cause).
    const unresolvable: Unresolvable = { count: 0, names: new Set(), shown: [] };
    const checkValue = (value: string, component: Configurable, property: string | undefined, sensitive: boolean): void => {
      const cache = property === undefined ? parsed.schedule : parsed.property;
      let references = cache.get(value);
      if (!references) cache.set(value, references = readReferences(value, syntax, property !== undefined));
      for (const reference of references) {
        if (!lookup) {
          unresolvable.count++;
          unresolvable.names.add(reference.name);
          if (unresolvable.shown.length <= MAX_RELATED) unresolvable.shown.push({ component, property, sensitive, reference });
          continue;
        }
        const parameter = lookup.get(reference.name);
        if (!parameter) {
          const site = siteOf(group, { component, property, sensitive, reference });
          const close = suggestionsFor(contextName!, lookup, reference.name, sensitive);
          findings.push(undefinedParameter(site, contextName!, close, references));
          continue;
        }
        referenced.add(parameter);
        // The usual case, matching sensitivity, without building a site.
        if (sensitive === parameter.sensitive) continue;
        findings.push(sensitivityMismatch(siteOf(group, { component, property, sensitive, reference }), parameter));
      }
    };
    const check = (component: Configurable): void => {
      const { properties } = component;
      for (const property in properties) {
        const value = properties[property];
        if (value === null || value.indexOf('#{') === -1) continue;
        checkValue(value, component, property, component.descriptors[property]?.sensitive === true);
      }
    };
    for (const processor of group.processors) {
      check(processor);
      // NiFi also reads parameters in a processor's run schedule (StandardProcessorNode.setSchedulingPeriod).
      const schedule = processor.raw.schedulingPeriod;
      if (typeof schedule === 'string' && schedule.indexOf('#{') !== -1) checkValue(schedule, processor, undefined, false);
    }
    group.controllerServices.forEach(check);
    // The top group's missing context is context-missing's finding (unless the top group is the root canvas, which it does not check).
    const reportedAsContextMissing = group === model.top && !exportsRootCanvas(model);
    if (unresolvable.count > 0 && !reportedAsContextMissing) findings.push(withoutContext(group, unresolvable));
    for (const name of unresolvable.names) namedWithoutContext.add(name);
  }
  // A version-controlled group left out of the file may reference any parameter: nothing is known to be unused.
  if (!model.groups.some(isNotInlined)) for (const finding of unusedParameters(model, referenced, namedWithoutContext)) findings.push(finding);
  return findings;
}

/** Where a reference is: a property of a processor or controller service, or a processor's run schedule. */
interface Site {
  group: Group;
  component: Configurable;
  /** JSON path of the string value that holds the reference. */
  path: JsonPath;
  /** Set for a property (fixes that rewrite one reference need it); undefined for the run schedule. */
  property: string | undefined;
  /** What the value is, for messages: 'property "URL" of processor "Call API"'. */
  where: string;
  /** A sensitive property; the run schedule never is. */
  sensitive: boolean;
  reference: PropertyReference;
}

/** A reference before its site is built: only the references a finding shows get one. */
interface Place {
  component: Configurable;
  /** Undefined for a processor's run schedule. */
  property: string | undefined;
  sensitive: boolean;
  reference: PropertyReference;
}

function siteOf(group: Group, place: Place): Site {
  const { component, property, sensitive, reference } = place;
  if (property === undefined) {
    return {
      group, component, property, sensitive, reference,
      path: [...component.path, 'schedulingPeriod'],
      where: `the run schedule ("schedulingPeriod") of processor ${quoteName(component.name)}`,
    };
  }
  const kind = component.kind === 'PROCESSOR' ? 'processor' : 'controller service';
  return {
    group, component, property, sensitive, reference,
    path: [...component.path, 'properties', property],
    where: `property ${quoteName(property)} of ${kind} ${quoteName(component.name)}`,
  };
}

function siteFinding(site: Site, code: string, message: string): Finding {
  const { component, reference } = site;
  return {
    code,
    severity: 'error',
    message,
    at: { path: site.path, slice: { start: reference.start, length: reference.length } },
    componentId: component.id,
    componentName: component.name,
  };
}

/**
 * How many places a reference-without-context finding relates: enough to see the pattern, where
 * thousands of rows (a few hundred groups of twenty) would bury the Problems view; the message counts them all.
 */
const MAX_RELATED = 10;

/** The references of a group without a parameter context: how many, to which names, and the first few. */
interface Unresolvable {
  count: number;
  /** In the order first met. */
  names: Set<string>;
  /** The first MAX_RELATED + 1: the finding's own place and the places it relates. */
  shown: Place[];
}

function withoutContext(group: Group, unresolvable: Unresolvable): Finding {
  const { count, shown: places } = unresolvable;
  const first = siteOf(group, places[0]);
  const names = [...unresolvable.names];
  const shown = names.slice(0, 3).map((name) => quoteName(name)).join(', ');
  const parameters = names.length === 1 ? `parameter ${shown}` : `${names.length} parameters (${shown}${names.length > 3 ? ', …' : ''})`;
  const references = count === 1 ? `a reference to ${parameters}` : `${count} references to ${parameters}`;
  const finding = siteFinding(first, 'reference-without-context',
    `${GroupName(group)} has no parameter context, yet it holds ${references}, first in ${first.where}: none of ` +
    'them can be resolved (a group does not inherit the context of its parent), so NiFi marks those components invalid. ' +
    `Set a parameter context on ${quotedGroupName(group)} in NiFi and download the flow definition again.`);
  finding.componentId = group.id;
  finding.componentName = group.name;
  if (places.length > 1) {
    finding.related = () => places.slice(1, MAX_RELATED + 1).map((place) => {
      const site = siteOf(group, place);
      return {
        at: { path: site.path, slice: { start: site.reference.start, length: site.reference.length } },
        message: `Parameter ${quoteName(site.reference.name)} is also referenced in ${site.where}`,
      };
    });
  }
  return finding;
}

function undefinedParameter(site: Site, contextName: string, close: readonly Parameter[], references: readonly PropertyReference[]): Finding {
  const { group, component, property, reference } = site;
  const { sensitive } = site;
  const names = close.map((parameter) => parameter.name);
  const quotes = QUOTED_NAME.test(reference.name)
    ? ' The NiFi that wrote this file (1.x) reads quotes as part of the name: only NiFi 2.0 and later read #{\'name\'} as name.'
    : '';
  const guess = names.length === 0 ? quotes : `${quotes} Did you mean ${orList(names)}?`;
  const finding = siteFinding(site, 'parameter-undefined',
    `${capitalize(site.where)} references parameter ${quoteName(reference.name)}, which parameter context ${quoteName(contextName)} of ` +
    `${groupName(group, 'group')} does not define, nor do the contexts it inherits.${guess} Correct the reference, or add ` +
    `${sensitive ? 'a sensitive' : 'a'} parameter ${quoteName(reference.name)} to ${quoteName(contextName)} and ` +
    `${sensitive ? 'supply its value when you deploy the function' : 'set its value'}.`);
  const occurrence = references.filter((other) => other.name === reference.name).indexOf(reference);
  const replacements: FixSpec[] = property === undefined ? [] : names.map((newName) => ({
    kind: 'replaceReference', componentId: component.id, componentPath: component.path, property, parameterName: reference.name,
    occurrence, newName,
  }));
  // NiFi refuses a parameter whose name has other characters than letters, digits, space, '.', '_' and '-'.
  const additions: FixSpec[] = isNiFiParameterName(reference.name)
    ? [{ kind: 'addParameter', contextName, parameterName: reference.name, sensitive }]
    : [];
  const fixes = [...replacements, ...additions];
  if (fixes.length > 0) finding.fixes = fixes;
  return finding;
}

/** "a", "a or b", "a, b or c". */
function orList(names: readonly string[]): string {
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

function sensitivityMismatch(site: Site, parameter: Parameter): Finding {
  const name = parameter.name;
  const context = parameter.context.name;
  const finding = site.property === undefined
    ? siteFinding(site, 'plain-property-sensitive-parameter',
      `${capitalize(site.where)} references parameter ${quoteName(name)} of context ${quoteName(context)}, which is sensitive: NiFi lets ` +
      'no processor setting outside its properties reference a sensitive parameter. Reference a non-sensitive parameter ' +
      `here, or make ${quoteName(name)} non-sensitive if its value is not a secret.`)
    : site.sensitive
    ? siteFinding(site, 'sensitive-property-plain-parameter',
      `${capitalize(site.where)} is sensitive, but parameter ${quoteName(name)} of context ${quoteName(context)} is not: NiFi lets a ` +
      `sensitive property reference only sensitive parameters. Mark ${quoteName(name)} sensitive, or reference a sensitive parameter.`)
    : siteFinding(site, 'plain-property-sensitive-parameter',
      `${capitalize(site.where)} is not sensitive, but parameter ${quoteName(name)} of context ${quoteName(context)} is: NiFi lets only ` +
      `sensitive properties reference sensitive parameters. Reference a non-sensitive parameter here, or make ${quoteName(name)} ` +
      'non-sensitive if its value is not a secret.');
  finding.related = [{ at: { path: [...parameter.path, 'name'] }, message: `Parameter ${quoteName(name)} of context ${quoteName(context)}` }];
  return finding;
}

function unusedParameters(model: FlowModel, referenced: ReadonlySet<Parameter>, namedWithoutContext: ReadonlySet<string>): Finding[] {
  const winners = new Map<string, Parameter>();
  for (const parameter of referenced) if (!winners.has(parameter.name)) winners.set(parameter.name, parameter);
  const findings: Finding[] = [];
  for (const context of usedContexts(model)) {
    for (const parameter of context.parameters) {
      if (referenced.has(parameter)) continue;
      const winner = winners.get(parameter.name);
      if (!winner && namedWithoutContext.has(parameter.name)) continue;
      const why = winner
        ? `references to ${quoteName(parameter.name)} resolve to the one in context ${quoteName(winner.context.name)}, which takes precedence`
        : 'nothing in this flow references it';
      findings.push({
        code: 'parameter-unused',
        severity: 'hint',
        message: `Parameter ${quoteName(parameter.name)} of context ${quoteName(context.name)} is never used: ${why}. ` +
          'Remove it from the context if nothing else needs it.',
        at: { path: [...parameter.path, 'name'] },
      });
    }
  }
  return findings;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
