// Hover text for a #{parameter} reference inside a property value.
import type { JsonLocator } from '../locate';
import type { FlowModel } from '../model';
import { describeParameter } from './describeParameter';
import { inlineCode } from './markdown';
import { referenceAt } from './referenceAt';

export interface HoverData {
  markdown: string;
  startOffset: number;
  endOffset: number;
}

export function hoverAt(model: FlowModel, locator: JsonLocator, offset: number): HoverData | undefined {
  const hit = referenceAt(model, locator, offset);
  if (!hit) return undefined;
  const { component, property } = hit.property;
  const group = component.group!;
  const name = inlineCode(hit.reference.name);
  const contextName = group.parameterContextName;
  let markdown: string;
  if (hit.parameter) {
    const sensitiveProperty = component.descriptors[property]?.sensitive === true;
    markdown = describeParameter(hit.parameter, group, sensitiveProperty);
  } else if (!contextName) {
    markdown = `${name} cannot resolve: process group ${inlineCode(group.name)} has no parameter context. ` +
      'Set its "parameterContextName" to a context that defines the parameter.';
  } else {
    markdown = `${name} is not defined in context ${inlineCode(contextName)} or the contexts it inherits. ` +
      'Add the parameter to that context or fix the name.';
  }
  return { markdown, startOffset: hit.startOffset, endOffset: hit.endOffset };
}
