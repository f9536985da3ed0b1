// What the editor says about a parameter, in hover and completion. A sensitive value is never shown.
import type { Group, Parameter } from '../model';
import { escapeMarkdown, inlineCode } from './markdown';

const MAX_VALUE_LENGTH = 200;
export const SENSITIVE_PLACEHOLDER = '(sensitive: value supplied at deploy time)';

/** Where the parameter comes from, e.g. "context `orders`" or "context `shared`, inherited by `orders`". */
export function parameterOrigin(parameter: Parameter, group: Group): string {
  const own = group.parameterContextName;
  const from = `context ${inlineCode(parameter.context.name)}`;
  return own && own !== parameter.context.name ? `${from}, inherited by ${inlineCode(own)}` : from;
}

/**
 * The value as it may be shown. `hideValue` is set when the property itself is sensitive: its
 * parameter's value is then a secret even if the parameter forgot to say so.
 */
export function displayedValue(parameter: Parameter, hideValue = false): string {
  if (parameter.sensitive || hideValue) return `*${SENSITIVE_PLACEHOLDER}*`;
  if (parameter.value === null || parameter.value === undefined) return '*(no value)*';
  const value = parameter.value.length > MAX_VALUE_LENGTH ? `${parameter.value.slice(0, MAX_VALUE_LENGTH)}…` : parameter.value;
  return inlineCode(value);
}

export function describeParameter(parameter: Parameter, group: Group, hideValue = false): string {
  const lines = [`Parameter ${inlineCode(parameter.name)} from ${parameterOrigin(parameter, group)}`];
  if (parameter.description) lines.push(escapeMarkdown(parameter.description));
  lines.push(`Value: ${displayedValue(parameter, hideValue)}`);
  return lines.join('\n\n');
}
