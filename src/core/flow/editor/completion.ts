// Completion of parameter names after "#{" inside a property value.
import type { JsonLocator } from '../locate';
import type { FlowModel } from '../model';
import { referenceText } from '../references';
import { describeParameter } from './describeParameter';
import { effectiveParameters } from '../parameterScope';
import { decodedIndexAt, jsonStringContent, rawOffsetOf } from './jsonString';
import { propertyAt } from './propertyAt';

export interface CompletionEntry {
  label: string;
  /** Raw JSON text replacing the range: the whole reference, e.g. #{name} or #{'a name'}. */
  insertText: string;
  filterText: string;
  /** Plain text: the context the parameter comes from. */
  detail: string;
  /** Markdown: description and value (never a sensitive value). */
  documentation: string;
  /** The group's own context's parameters first, then each inherited context's, by precedence. */
  sortText: string;
}

export interface CompletionData {
  /**
   * Raw offsets of the text the chosen entry replaces: from the '#' to the cursor, plus the closing
   * '}' (or "'}") right after the cursor; never the text that follows, such as the rest of a value.
   */
  startOffset: number;
  endOffset: number;
  entries: CompletionEntry[];
}

const BARE_PARTIAL = /^[^}'#{\s]*$/;
const QUOTED_PARTIAL = /^'[^']*$/;

export function completionsAt(model: FlowModel, locator: JsonLocator, offset: number): CompletionData | undefined {
  const hit = propertyAt(model, locator, offset);
  if (!hit?.component.group) return undefined;
  const cursor = decodedIndexAt(model.text, hit.quoteOffset, offset);
  const before = hit.value.slice(0, cursor);
  const hashAt = before.lastIndexOf('#{');
  if (hashAt === -1 || !isReferenceStart(before, hashAt)) return undefined;
  const partial = before.slice(hashAt + 2);
  const quoted = QUOTED_PARTIAL.test(partial);
  if (!quoted && !BARE_PARTIAL.test(partial)) return undefined;
  const rest = (quoted ? /^'?\}/ : /^\}/).exec(hit.value.slice(cursor))?.[0] ?? '';

  const group = hit.component.group;
  const sensitiveProperty = hit.component.descriptors[hit.property]?.sensitive === true;
  // Effective parameters come by precedence: the group's own context first, then each inherited one.
  const contextRank = new Map<string, number>();
  const entries: CompletionEntry[] = [];
  for (const parameter of effectiveParameters(model, group)) {
    const contextName = parameter.context.name;
    if (!contextRank.has(contextName)) contextRank.set(contextName, contextRank.size);
    // NiFi rejects a reference whose sensitivity differs from the property's: offering one would raise a finding.
    if (parameter.sensitive !== sensitiveProperty) continue;
    const text = jsonStringContent(referenceText(parameter.name));
    const own = contextName === group.parameterContextName;
    entries.push({
      label: parameter.name,
      insertText: text,
      filterText: text,
      detail: own ? `parameter of ${contextName}` : `inherited from ${contextName}`,
      documentation: describeParameter(parameter, group, sensitiveProperty),
      sortText: `${String(contextRank.get(contextName)).padStart(4, '0')} ${parameter.name}`,
    });
  }
  return {
    startOffset: rawOffsetOf(model.text, hit.quoteOffset, hashAt),
    endOffset: rawOffsetOf(model.text, hit.quoteOffset, cursor + rest.length),
    entries,
  };
}

/** '#{' starts a reference when the run of '#' ending at hashAt is odd (an even run is an escape). */
function isReferenceStart(text: string, hashAt: number): boolean {
  let hashes = 1;
  while (hashAt - hashes >= 0 && text.charCodeAt(hashAt - hashes) === 35 /* # */) hashes++;
  return hashes % 2 === 1;
}
