import type { FixSpec } from '../finding';
import type { FlowModel, JsonPath } from '../model';
import { ParameterResolver } from '../parameterScope';
import { readReferences, referenceSyntax, rewriteReference } from '../rules/propertyReferences';
import type { TextEdit } from '../textEdit';
import { replaceInString, replaceValue } from './jsonEdits';
import type { TextDraft } from './textDraft';

type RenameParameter = Extract<FixSpec, { kind: 'renameParameter' }>;

/**
 * Renames the parameter and every reference that resolves to it: references in groups whose
 * context chain finds the name in another context first are left alone, and so are escapes (##{x})
 * and text in expression string literals (${'#{x}'}). References are read as the file's NiFi reads
 * them (names with spaces, quoted names only from NiFi 2.0 on, references inside expressions), in
 * properties and in processors' run schedules, and written in a form that NiFi reads alike.
 */
export function renameParameter(draft: TextDraft, model: FlowModel, fix: RenameParameter): void {
  const context = model.contexts.get(fix.contextName);
  const parameter = context?.parameters.find((candidate) => candidate.name === fix.parameterName);
  if (!context || !parameter || !fix.newName || fix.newName === fix.parameterName) return;
  if (context.parameters.some((candidate) => candidate.name === fix.newName)) return;
  const doc = draft.doc;
  const syntax = referenceSyntax(model);
  const edits: (TextEdit | undefined)[] = [replaceValue(doc, [...parameter.path, 'name'], fix.newName)];
  const resolver = new ParameterResolver(model);
  for (const group of model.groups) {
    if (resolver.forGroup(group)?.get(fix.parameterName) !== parameter) continue;
    const renameIn = (value: unknown, path: JsonPath, expressionLanguage: boolean): void => {
      if (typeof value !== 'string' || value.indexOf('#{') === -1) return;
      for (const reference of readReferences(value, syntax, expressionLanguage)) {
        if (reference.name !== fix.parameterName) continue;
        const slice = { start: reference.start, length: reference.length };
        edits.push(replaceInString(doc, path, slice, rewriteReference(reference, fix.newName, syntax)));
      }
    };
    for (const component of [...group.processors, ...group.controllerServices]) {
      for (const [property, value] of Object.entries(component.properties)) renameIn(value, [...component.path, 'properties', property], true);
    }
    // NiFi reads parameters in a processor's run schedule too, without Expression Language.
    for (const processor of group.processors) renameIn(processor.raw.schedulingPeriod, [...processor.path, 'schedulingPeriod'], false);
  }
  draft.apply(edits);
}
