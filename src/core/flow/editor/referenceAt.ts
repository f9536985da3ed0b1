// The #{parameter} reference under a text offset, and the parameter it resolves to. References are read
// as the rules read them (rules/propertyReferences.ts), in properties and run schedules: NiFi 1.x reads no
// quoted names, and a property holding ${...} is read as Expression Language aware NiFi reads it (nothing
// inside its string literals).
import type { JsonLocator } from '../locate';
import type { FlowModel, Parameter } from '../model';
import { resolveParameter } from '../parameterScope';
import { readReferences, referenceSyntax, type PropertyReference } from '../rules/propertyReferences';
import { decodedIndexAt, rawOffsetOf } from './jsonString';
import { propertyAt, type PropertyHit } from './propertyAt';

export interface ReferenceHit {
  property: PropertyHit;
  reference: PropertyReference;
  /** Undefined when the group's contexts do not define the name. */
  parameter: Parameter | undefined;
  /** Raw text offsets of the whole reference, #{ to }. */
  startOffset: number;
  endOffset: number;
}

export function referenceAt(model: FlowModel, locator: JsonLocator, offset: number): ReferenceHit | undefined {
  const property = propertyAt(model, locator, offset);
  if (!property || property.value.indexOf('#{') === -1) return undefined;
  const index = decodedIndexAt(model.text, property.quoteOffset, offset);
  // A cursor just after the closing brace still counts as on the reference.
  const reference = readReferences(property.value, referenceSyntax(model), property.expressionLanguage)
    .find((item) => index >= item.start && index <= item.start + item.length);
  if (!reference) return undefined;
  const group = property.component.group;
  return {
    property,
    reference,
    parameter: group ? resolveParameter(model, group, reference.name) : undefined,
    startOffset: rawOffsetOf(model.text, property.quoteOffset, reference.start),
    endOffset: rawOffsetOf(model.text, property.quoteOffset, reference.start + reference.length),
  };
}
