// Hover text in a flow definition: a #{parameter} reference's parameter, and the detail of the findings under
// the cursor (the Problems panel shows only their first sentence, see shortMessage.ts). VS Code shows the
// diagnostic's own sentence above this hover, so nothing here says again what that sentence says.
import type { ResolvedFinding } from '../finding';
import type { JsonLocator } from '../locate';
import type { FlowModel } from '../model';
import { describeParameter } from './describeParameter';
import { escapeMarkdown, inlineCode } from './markdown';
import { referenceAt } from './referenceAt';
import { messageDetail } from './shortMessage';

export interface HoverData {
  markdown: string;
  startOffset: number;
  endOffset: number;
}

/**
 * `findings` are the findings shown as diagnostics: those under the cursor add their detail, and an undefined
 * reference that one of them reports is not explained a second time.
 */
export function hoverAt(model: FlowModel, locator: JsonLocator, offset: number, findings: readonly ResolvedFinding[] = []): HoverData | undefined {
  const covering = findings.filter((finding) => finding.range.startOffset <= offset && offset <= finding.range.endOffset);
  const parts: string[] = [];
  const hit = referenceAt(model, locator, offset);
  let range: { startOffset: number; endOffset: number } | undefined;
  if (hit) {
    range = hit;
    const own = referenceText(hit, covering.length > 0);
    if (own) parts.push(own);
  }
  for (const finding of covering) {
    const detail = messageDetail(finding.message);
    if (!detail) continue;
    parts.push(escapeMarkdown(capitalized(detail)));
    range ??= finding.range;
  }
  if (parts.length === 0 || !range) return undefined;
  return { markdown: parts.join('\n\n---\n\n'), startOffset: range.startOffset, endOffset: range.endOffset };
}

function referenceText(hit: NonNullable<ReturnType<typeof referenceAt>>, reported: boolean): string | undefined {
  const { component, sensitive } = hit.property;
  const group = component.group!;
  if (hit.parameter) return describeParameter(hit.parameter, group, sensitive);
  // The diagnostic on this reference already says that it does not resolve.
  if (reported) return undefined;
  const name = inlineCode(hit.reference.name);
  const contextName = group.parameterContextName;
  if (!contextName) {
    return `${name} cannot resolve: process group ${inlineCode(group.name)} has no parameter context. ` +
      'Set its "parameterContextName" to a context that defines the parameter.';
  }
  return `${name} is not defined in context ${inlineCode(contextName)} or the contexts it inherits. ` +
    'Add the parameter to that context or fix the name.';
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
