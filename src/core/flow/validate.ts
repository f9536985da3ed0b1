// Text -> findings with text ranges: the one entry point the shells and the CLI call.
import type { Anchor, Finding, ResolvedFinding } from './finding';
import { JsonLocator } from './locate';
import type { FlowModel } from './model';
import type { ValidationOptions } from './options';
import { parseFlow } from './parse';
import { rules } from './rules';

export interface Validation {
  /** False when the text is not a flow definition: no findings, leave the file alone. */
  isFlow: boolean;
  findings: ResolvedFinding[];
  /** Present when the text parsed into a flow. */
  model?: FlowModel;
  locator: JsonLocator;
}

export function validateText(text: string, options: ValidationOptions = {}): Validation {
  const outcome = parseFlow(text);
  if (outcome.kind === 'notFlow') return { isFlow: false, findings: [], locator: new JsonLocator(text) };
  if (outcome.kind === 'broken') {
    const locator = new JsonLocator(text);
    return { isFlow: true, findings: [resolve(outcome.finding, locator)], locator };
  }
  const findings: Finding[] = [];
  for (const rule of rules) {
    for (const finding of rule(outcome.model, options)) findings.push(finding);
  }
  // The root's member order lets the locator reach members after flowContents from the end of the text.
  const locator = new JsonLocator(text, Object.keys(outcome.model.root));
  return { isFlow: true, findings: resolveAll(findings, locator), model: outcome.model, locator };
}

/** Every finding's ranges, the same as resolve() gives for each, with all their paths found in one pass over the text. */
export function resolveAll(findings: readonly Finding[], locator: JsonLocator): ResolvedFinding[] {
  const anchors: Anchor[] = [];
  for (const finding of findings) {
    anchors.push(finding.at);
    if (finding.related) for (const item of finding.related) anchors.push(item.at);
  }
  const spans = locator.spans(anchors);
  let next = 0;
  return findings.map((finding) => {
    const { at, related, ...rest } = finding;
    const range = spans[next++];
    return { ...rest, range, related: (related ?? []).map((item) => ({ message: item.message, range: spans[next++] })) };
  });
}

export function resolve(finding: Finding, locator: JsonLocator): ResolvedFinding {
  const { at, related, ...rest } = finding;
  return {
    ...rest,
    range: locator.span(at),
    related: (related ?? []).map((item) => ({ message: item.message, range: locator.span(item.at) })),
  };
}
