// Text -> findings with text ranges: the one entry point the shells and the CLI call.
import type { Finding, RelatedPlace, ResolvedFinding } from './finding';
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

/**
 * When a caller reads the related places: `whenRead` finds them on the first read of any finding's
 * `related` (never, for a caller that only shows the findings' own places); `withFindings` finds them
 * together with the findings' own places, in the same pass over the text, which costs less than a
 * second pass for a caller that reads them all.
 */
export type RelatedResolution = 'whenRead' | 'withFindings';

export function validateText(text: string, options: ValidationOptions = {}, related: RelatedResolution = 'whenRead'): Validation {
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
  return { isFlow: true, findings: resolveAll(findings, locator, related), model: outcome.model, locator };
}

/**
 * Every finding's ranges, the same as resolve() gives for each. The findings' own ranges are found in
 * one pass over the text; their related places (thousands, when one cause explains many places) are
 * found in a second pass, on the first read of any finding's `related`: a caller that never reads
 * them (the CLI's text output) never pays for them. With `withFindings`, both in the same pass.
 */
export function resolveAll(findings: readonly Finding[], locator: JsonLocator, related: RelatedResolution = 'whenRead'): ResolvedFinding[] {
  if (related === 'withFindings') return resolveWithRelated(findings, locator);
  const spans = locator.spans(findings.map((finding) => finding.at));
  let resolvedRelated: ResolvedFinding['related'][] | undefined;
  // All findings' related places at once, on the first read of any: one pass over the text for all of them.
  const resolveRelated = (index: number): ResolvedFinding['related'] => {
    if (!resolvedRelated) {
      const places = findings.map(relatedPlaces);
      const placeSpans = locator.spans(places.flat().map((place) => place.at));
      let next = 0;
      resolvedRelated = places.map((list) => list.map((place) => ({ message: place.message, range: placeSpans[next++] })));
    }
    return resolvedRelated[index];
  };
  return findings.map((finding, index) => {
    const { at, related, ...rest } = finding;
    const resolved = { ...rest, range: spans[index] } as ResolvedFinding;
    if (!related || (typeof related !== 'function' && related.length === 0)) {
      resolved.related = [];
      return resolved;
    }
    return withLazyRelated(resolved, () => resolveRelated(index));
  });
}

/** Every finding's ranges and its related places' ranges, found in one pass over the text. */
function resolveWithRelated(findings: readonly Finding[], locator: JsonLocator): ResolvedFinding[] {
  const places = findings.map(relatedPlaces);
  const anchors = findings.map((finding) => finding.at);
  for (const list of places) for (const place of list) anchors.push(place.at);
  const spans = locator.spans(anchors);
  let next = findings.length;
  return findings.map((finding, index) => {
    const { at, related, ...rest } = finding;
    return {
      ...rest,
      range: spans[index],
      related: places[index].map((place) => ({ message: place.message, range: spans[next++] })),
    } as ResolvedFinding;
  });
}

function relatedPlaces(finding: Finding): RelatedPlace[] {
  const { related } = finding;
  if (!related) return [];
  return typeof related === 'function' ? related() : related;
}

/** Defines `related` as an enumerable property computed on its first read (spread, JSON.stringify and deepEqual read it too). */
function withLazyRelated(finding: ResolvedFinding, compute: () => ResolvedFinding['related']): ResolvedFinding {
  const settle = (value: ResolvedFinding['related']) =>
    Object.defineProperty(finding, 'related', { value, enumerable: true, writable: true, configurable: true });
  return Object.defineProperty(finding, 'related', {
    enumerable: true,
    configurable: true,
    get() {
      const value = compute();
      settle(value);
      return value;
    },
    set: settle,
  });
}

export function resolve(finding: Finding, locator: JsonLocator): ResolvedFinding {
  const { at, related, ...rest } = finding;
  return {
    ...rest,
    range: locator.span(at),
    related: relatedPlaces(finding).map((item) => ({ message: item.message, range: locator.span(item.at) })),
  };
}
