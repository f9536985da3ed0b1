// Go to definition: from a #{parameter} reference to the parameter's name in parameterContexts.
import type { TextSpan } from '../finding';
import type { JsonLocator } from '../locate';
import type { FlowModel } from '../model';
import { referenceAt } from './referenceAt';

export interface DefinitionData {
  /** The reference the cursor is on (the link's origin). */
  origin: { startOffset: number; endOffset: number };
  /** The parameter's "name" value. */
  target: TextSpan;
}

export function definitionAt(model: FlowModel, locator: JsonLocator, offset: number): DefinitionData | undefined {
  const hit = referenceAt(model, locator, offset);
  if (!hit?.parameter) return undefined;
  return {
    origin: { startOffset: hit.startOffset, endOffset: hit.endOffset },
    target: locator.span({ path: [...hit.parameter.path, 'name'] }),
  };
}
