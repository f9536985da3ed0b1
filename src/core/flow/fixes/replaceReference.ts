import type { FixSpec } from '../finding';
import type { Configurable, FlowModel } from '../model';
import { resolveParameter } from '../parameterScope';
import { readReferences, referenceSyntax, rewriteReference } from '../rules/propertyReferences';
import { replaceInString } from './jsonEdits';
import { targetComponent } from './targetComponent';
import type { TextDraft } from './textDraft';

type ReplaceReference = Extract<FixSpec, { kind: 'replaceReference' }>;

/**
 * Points one undefined reference at an existing parameter. Does nothing once the old name resolves
 * (the user defined it since) or the new one no longer does.
 */
export function replaceReference(draft: TextDraft, model: FlowModel, fix: ReplaceReference): void {
  const component = targetComponent(model, fix.componentId, fix.componentPath,
    (candidate): candidate is Configurable =>
      (candidate.kind === 'PROCESSOR' || candidate.kind === 'CONTROLLER_SERVICE') &&
      typeof (candidate as Configurable).properties[fix.property] === 'string');
  const group = component?.group;
  if (!component || !group) return;
  if (resolveParameter(model, group, fix.parameterName) || !resolveParameter(model, group, fix.newName)) return;
  const value = component.properties[fix.property] as string;
  const syntax = referenceSyntax(model);
  const sameName = readReferences(value, syntax, true).filter((item) => item.name === fix.parameterName);
  // Fixing another reference of the same name first shifts the later ones down: the first left stands in.
  const reference = sameName[fix.occurrence] ?? sameName[0];
  if (!reference) return;
  const slice = { start: reference.start, length: reference.length };
  draft.apply([replaceInString(draft.doc, [...component.path, 'properties', fix.property], slice,
    rewriteReference(reference, fix.newName, syntax))]);
}
