// Completion of parameter names after "#{" inside a property value.
import type { JsonLocator } from '../locate';
import type { FlowModel } from '../model';
import { findReferences, quotedReferenceText, referenceText } from '../references';
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

/**
 * Raw offsets, both from the '#': where the typed reference ends, and what the chosen entry replaces
 * (the VS Code shell replaces up to replaceEndOffset in both of VS Code's insert modes).
 */
export interface CompletionData {
  startOffset: number;
  /** To the cursor, plus a closing '}' (or "'}") right after it; never the text that follows. */
  insertEndOffset: number;
  /**
   * Past the reference's own closing brace when the rest of its name follows the cursor, as in
   * #{Que|ueUrl}; otherwise the same as insertEndOffset, so the rest of a value (#{|0 secs) is kept.
   */
  replaceEndOffset: number;
  entries: CompletionEntry[];
}

// NiFi names may hold spaces (#{Kafka Topic}); a '#' or '{' in a name is taken as the start of another reference.
const BARE_PARTIAL = /^[^}'#{\n]*$/;
const QUOTED_PARTIAL = /^'[^']*$/;
const BARE_REST = /^[^}'#{\n]*\}/;
const QUOTED_REST = /^[^']*'\}/;

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
  const after = hit.value.slice(cursor);
  const closing = (quoted ? /^'?\}/ : /^\}/).exec(after)?.[0] ?? '';
  const restOfName = (quoted ? QUOTED_REST : BARE_REST).exec(after)?.[0] ?? closing;

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
    const text = jsonStringContent(quoted ? quotedReferenceText(parameter.name) : referenceText(parameter.name));
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
    insertEndOffset: rawOffsetOf(model.text, hit.quoteOffset, cursor + closing.length),
    replaceEndOffset: rawOffsetOf(model.text, hit.quoteOffset, cursor + restOfName.length),
    entries,
  };
}

/**
 * Whether NiFi's parser would read a reference starting at hashAt once it is closed: not when the '#'
 * before it make it an escape (##{), nor when an earlier escape or reference runs over it.
 */
function isReferenceStart(text: string, hashAt: number): boolean {
  return findReferences(`${text.slice(0, hashAt)}#{x}`).some((reference) => reference.start === hashAt);
}
