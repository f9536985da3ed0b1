import type { FixSpec } from '../finding';
import type { FlowModel } from '../model';
import { ParameterResolver } from '../parameterScope';
import { findReferences, referenceText } from '../references';
import type { TextEdit } from '../textEdit';
import { replaceInString, replaceValue } from './jsonEdits';
import type { TextDraft } from './textDraft';

type RenameParameter = Extract<FixSpec, { kind: 'renameParameter' }>;

/**
 * Renames the parameter and every reference that resolves to it: references in groups whose
 * context chain finds the name in another context first are left alone, and so are escapes (##{x}).
 */
export function renameParameter(draft: TextDraft, model: FlowModel, fix: RenameParameter): void {
  const context = model.contexts.get(fix.contextName);
  const parameter = context?.parameters.find((candidate) => candidate.name === fix.parameterName);
  if (!context || !parameter || !fix.newName || fix.newName === fix.parameterName) return;
  if (context.parameters.some((candidate) => candidate.name === fix.newName)) return;
  const doc = draft.doc;
  const edits: (TextEdit | undefined)[] = [replaceValue(doc, [...parameter.path, 'name'], fix.newName)];
  const newReference = referenceText(fix.newName);
  const resolver = new ParameterResolver(model);
  for (const group of model.groups) {
    if (resolver.forGroup(group)?.get(fix.parameterName) !== parameter) continue;
    for (const component of [...group.processors, ...group.controllerServices]) {
      for (const [property, value] of Object.entries(component.properties)) {
        if (value === null) continue;
        for (const reference of findReferences(value)) {
          if (reference.name !== fix.parameterName) continue;
          const slice = { start: reference.start, length: reference.length };
          edits.push(replaceInString(doc, [...component.path, 'properties', property], slice, newReference));
        }
      }
    }
  }
  draft.apply(edits);
}
