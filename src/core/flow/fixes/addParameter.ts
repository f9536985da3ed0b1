import type { FixSpec } from '../finding';
import type { FlowModel, JsonPath } from '../model';
import { ParameterResolver, usedContexts } from '../parameterScope';
import { isDffName, reservedReason, suggestParameterName, MIN_ENV_KEY_LENGTH } from '../rules/naming';
import { readReferences, referenceSyntax, rewriteReference } from '../rules/propertyReferences';
import type { TextEdit } from '../textEdit';
import { appendToArray, replaceInString } from './jsonEdits';
import type { TextDraft } from './textDraft';

type AddParameter = Extract<FixSpec, { kind: 'addParameter' }>;

/** What the added parameter's description tells the user still to do. */
function addedParameterDescription(sensitive: boolean): string {
  return sensitive
    ? 'Added by a quick fix: supply the value of this sensitive parameter when you deploy the function.'
    : 'Added by a quick fix with an empty value: set the value this flow needs before you deploy it.';
}

/** Whether DataFlow Functions can turn a parameter of that name into an environment variable. */
export function suitsDff(name: string): boolean {
  return isDffName(name) && name.length >= MIN_ENV_KEY_LENGTH && reservedReason(name) === undefined;
}

/**
 * Appends an empty parameter; a sensitive one has no value, as in NiFi's exports. A name DataFlow
 * Functions refuses (spaces, '.', '-', too short, reserved) would trade the undefined reference for
 * another error: the parameter gets a name it accepts instead, and the references to the name
 * written that do not resolve in groups using the context are rewritten to it.
 */
export function addParameter(draft: TextDraft, model: FlowModel, fix: AddParameter): void {
  const context = model.contexts.get(fix.contextName);
  if (!context || !fix.parameterName) return;
  if (context.parameters.some((parameter) => parameter.name === fix.parameterName)) return;
  const name = suitsDff(fix.parameterName) ? fix.parameterName : dffNameFor(model, fix.parameterName);
  const parameter = {
    name,
    description: addedParameterDescription(fix.sensitive),
    sensitive: fix.sensitive,
    provided: false,
    value: fix.sensitive ? undefined : '',
  };
  const edits: (TextEdit | undefined)[] = [appendToArray(draft.doc, [...context.path, 'parameters'], parameter)];
  if (name !== fix.parameterName) edits.push(...pointReferences(draft, model, fix.contextName, fix.parameterName, name));
  draft.apply(edits);
}

function dffNameFor(model: FlowModel, name: string): string {
  const taken = new Set<string>();
  for (const context of usedContexts(model)) for (const parameter of context.parameters) taken.add(parameter.name);
  return suggestParameterName(name, (candidate) => taken.has(candidate));
}

/** Edits that make the unresolved references to `name` in groups using the context reference `newName`. */
function pointReferences(draft: TextDraft, model: FlowModel, contextName: string, name: string, newName: string): (TextEdit | undefined)[] {
  const syntax = referenceSyntax(model);
  const resolver = new ParameterResolver(model);
  const edits: (TextEdit | undefined)[] = [];
  for (const group of model.groups) {
    if (group.parameterContextName !== contextName || resolver.forGroup(group)?.has(name)) continue;
    const pointIn = (value: unknown, path: JsonPath, expressionLanguage: boolean): void => {
      if (typeof value !== 'string' || value.indexOf('#{') === -1) return;
      for (const reference of readReferences(value, syntax, expressionLanguage)) {
        if (reference.name !== name) continue;
        edits.push(replaceInString(draft.doc, path, { start: reference.start, length: reference.length }, rewriteReference(reference, newName, syntax)));
      }
    };
    for (const component of [...group.processors, ...group.controllerServices]) {
      for (const [property, value] of Object.entries(component.properties)) pointIn(value, [...component.path, 'properties', property], true);
    }
    for (const processor of group.processors) pointIn(processor.raw.schedulingPeriod, [...processor.path, 'schedulingPeriod'], false);
  }
  return edits;
}
