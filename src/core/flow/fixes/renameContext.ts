import type { FixSpec } from '../finding';
import type { FlowModel } from '../model';
import type { TextEdit } from '../textEdit';
import { renameKey, replaceValue } from './jsonEdits';
import type { TextDraft } from './textDraft';

type RenameContext = Extract<FixSpec, { kind: 'renameContext' }>;

/** Renames a parameter context: its key and name, the groups that use it and the contexts that inherit it. */
export function renameContext(draft: TextDraft, model: FlowModel, fix: RenameContext): void {
  const context = model.contexts.get(fix.contextName);
  if (!context || !fix.newName || fix.newName === fix.contextName) return;
  const declared = model.root.parameterContexts as Record<string, unknown>;
  if (model.contexts.has(fix.newName) || Object.prototype.hasOwnProperty.call(declared, fix.newName)) return;
  const doc = draft.doc;
  const edits: (TextEdit | undefined)[] = [renameKey(doc, context.path, fix.newName)];
  const raw = declared[context.key] as Record<string, unknown>;
  if (typeof raw.name === 'string') edits.push(replaceValue(doc, [...context.path, 'name'], fix.newName));
  for (const group of model.groups) {
    if (group.parameterContextName === fix.contextName) {
      edits.push(replaceValue(doc, [...group.path, 'parameterContextName'], fix.newName));
    }
  }
  for (const other of model.contexts.values()) {
    const inherited = (declared[other.key] as Record<string, unknown>).inheritedParameterContexts;
    if (!Array.isArray(inherited)) continue;
    inherited.forEach((item: unknown, index) => {
      const path = [...other.path, 'inheritedParameterContexts', index];
      if (item === fix.contextName) edits.push(replaceValue(doc, path, fix.newName));
      else if (isNamed(item, fix.contextName)) edits.push(replaceValue(doc, [...path, 'name'], fix.newName));
    });
  }
  draft.apply(edits);
}

/** Some tools write an inherited context as {"name": ...} rather than as its name. */
function isNamed(item: unknown, name: string): boolean {
  return typeof item === 'object' && item !== null && (item as Record<string, unknown>).name === name;
}
