import type { FixSpec } from '../finding';
import type { FlowModel, JsonPath } from '../model';
import { ParameterResolver } from '../parameterScope';
import { findReferences, quotedReferenceText, referenceText } from '../references';
import type { TextEdit } from '../textEdit';
import { replaceInString, replaceValue } from './jsonEdits';
import type { TextDraft } from './textDraft';

type RenameParameter = Extract<FixSpec, { kind: 'renameParameter' }>;

/**
 * Renames the parameter and every reference that resolves to it: references in groups whose
 * context chain finds the name in another context first are left alone, and so are escapes (##{x}).
 * References are read as NiFi reads them (names with spaces, quoted names), in properties and in
 * processors' run schedules.
 */
export function renameParameter(draft: TextDraft, model: FlowModel, fix: RenameParameter): void {
  const context = model.contexts.get(fix.contextName);
  const parameter = context?.parameters.find((candidate) => candidate.name === fix.parameterName);
  if (!context || !parameter || !fix.newName || fix.newName === fix.parameterName) return;
  if (context.parameters.some((candidate) => candidate.name === fix.newName)) return;
  const doc = draft.doc;
  const edits: (TextEdit | undefined)[] = [replaceValue(doc, [...parameter.path, 'name'], fix.newName)];
  const resolver = new ParameterResolver(model);
  for (const group of model.groups) {
    if (resolver.forGroup(group)?.get(fix.parameterName) !== parameter) continue;
    const renameIn = (value: unknown, path: JsonPath): void => {
      if (typeof value !== 'string') return;
      for (const reference of findReferences(value)) {
        if (reference.name !== fix.parameterName) continue;
        const slice = { start: reference.start, length: reference.length };
        // A quoted reference stays quoted (the file is read by NiFi 2.x); a bare one, which every version reads, stays bare.
        edits.push(replaceInString(doc, path, slice, reference.quoted ? quotedReferenceText(fix.newName) : referenceText(fix.newName)));
      }
    };
    for (const component of [...group.processors, ...group.controllerServices]) {
      for (const [property, value] of Object.entries(component.properties)) renameIn(value, [...component.path, 'properties', property]);
    }
    // NiFi reads parameters in a processor's run schedule too.
    for (const processor of group.processors) renameIn(processor.raw.schedulingPeriod, [...processor.path, 'schedulingPeriod']);
  }
  draft.apply(edits);
}
