// F2 on a #{parameter} reference or on a parameter's name in parameterContexts: renames the parameter and
// every reference that resolves to it, with the engine of the rename quick fix (fixes/renameParameter.ts).
import { computeFix } from '../fixes';
import type { JsonLocator } from '../locate';
import type { FlowModel, Parameter } from '../model';
import type { TextEdit } from '../textEdit';
import { referenceAt } from './referenceAt';

export interface RenameTarget {
  parameter: Parameter;
  /** What the rename box replaces: the reference or the name's string, raw text offsets. */
  startOffset: number;
  endOffset: number;
}

export type RenameOutcome = { edits: TextEdit[] } | { error: string };

/** The parameter the cursor is on, through a reference that resolves or its own "name"; undefined elsewhere. */
export function renameTargetAt(model: FlowModel, locator: JsonLocator, offset: number): RenameTarget | undefined {
  const hit = referenceAt(model, locator, offset);
  if (hit) return hit.parameter ? { parameter: hit.parameter, startOffset: hit.startOffset, endOffset: hit.endOffset } : undefined;
  for (const context of model.contexts.values()) {
    for (const parameter of context.parameters) {
      const found = locator.find([...parameter.path, 'name']);
      if (found && found.valueStart <= offset && offset <= found.valueEnd) {
        return { parameter, startOffset: found.valueStart, endOffset: found.valueEnd };
      }
    }
  }
  return undefined;
}

export function renameParameterTo(model: FlowModel, target: RenameTarget, newName: string): RenameOutcome {
  const { parameter } = target;
  if (newName.trim() === '') return { error: 'A parameter needs a name.' };
  if (newName === parameter.name) return { edits: [] };
  if (parameter.context.parameters.some((other) => other.name === newName)) {
    return { error: `Parameter context "${parameter.context.name}" already has a parameter "${newName}".` };
  }
  // NiFi's own rule for parameter names (DataFlow Functions' stricter one is a finding after the rename).
  if (!/^[A-Za-z0-9 ._-]+$/.test(newName)) {
    return { error: 'NiFi parameter names hold only letters, digits, spaces and the characters ".", "-" and "_".' };
  }
  const edits = computeFix(model.text, model, {
    kind: 'renameParameter', contextName: parameter.context.name, parameterName: parameter.name, newName,
  });
  return edits.length > 0 ? { edits } : { error: `Parameter "${parameter.name}" could not be renamed here.` };
}
