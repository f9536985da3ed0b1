// Completion of parameter names after "#{" inside a property value or a processor's run schedule. Where a reference starts, and how the
// chosen one is written, follow the rules and the fixes (rules/propertyReferences.ts): no completion where
// NiFi would read no reference (an escape, an expression's string literal), and the reference written in
// the form the file's NiFi reads, as the rename fix writes it (quoted names only for NiFi 2.x, and inside
// ${...} quotes around a name the Expression Language cannot read bare).
import type { JsonLocator } from '../locate';
import type { FlowModel } from '../model';
import { effectiveParameters } from '../parameterScope';
import { readReferences, referenceSyntax, rewriteReference, type PropertyReference } from '../rules/propertyReferences';
import { describeParameter } from './describeParameter';
import { decodedIndexAt, jsonStringContent, rawOffsetOf } from './jsonString';
import { propertyAt } from './propertyAt';

export interface CompletionEntry {
  label: string;
  /** Raw JSON text replacing the range: the whole reference, e.g. #{name} or #{'a name'}. */
  insertText: string;
  /** Raw JSON text in the form the user started typing (quoted or not), so the typed text keeps matching. */
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

type Quote = '' | "'" | '"';

// NiFi names may hold spaces (#{Kafka Topic}); a '#' or '{' in a name is taken as the start of another reference.
const BARE_PARTIAL = /^[^}'"#{\n]*$/;
const BARE_REST = /^[^}'"#{\n]*\}/;
/** The parameter parser reads only single quotes; an expression reads double quotes too. */
const QUOTED_PARTIAL: Record<PropertyReference['reader'], RegExp> = { parameter: /^'[^']*$/, expression: /^\s*(['"])[^'"]*$/ };

export function completionsAt(model: FlowModel, locator: JsonLocator, offset: number): CompletionData | undefined {
  const hit = propertyAt(model, locator, offset);
  if (!hit?.component.group) return undefined;
  const cursor = decodedIndexAt(model.text, hit.quoteOffset, offset);
  const before = hit.value.slice(0, cursor);
  const hashAt = before.lastIndexOf('#{');
  if (hashAt === -1) return undefined;
  const syntax = referenceSyntax(model);
  const reader = readerAt(before, hashAt, syntax, hit.expressionLanguage);
  if (!reader) return undefined;
  const partial = before.slice(hashAt + 2);
  const quote = typedQuote(partial, reader);
  if (quote === undefined) return undefined;
  const after = hit.value.slice(cursor);
  // An expression allows spaces between the closing quote and the brace; the parameter parser does not.
  const spaces = reader === 'expression' ? '\\s*' : '';
  const closing = (quote ? new RegExp(`^${quote}?${spaces}\\}`) : /^\}/).exec(after)?.[0] ?? '';
  const restOfName = (quote ? new RegExp(`^[^${quote}]*${quote}${spaces}\\}`) : BARE_REST).exec(after)?.[0] ?? closing;
  // How the fixes would write a reference of this kind, and how the user started writing it.
  const written: PropertyReference = { name: '', start: 0, length: 0, nameStart: 0, nameLength: 0, quoted: quote !== '', reader, quote };

  const group = hit.component.group;
  const sensitiveProperty = hit.sensitive;
  // Effective parameters come by precedence: the group's own context first, then each inherited one.
  const contextRank = new Map<string, number>();
  const entries: CompletionEntry[] = [];
  for (const parameter of effectiveParameters(model, group)) {
    const contextName = parameter.context.name;
    if (!contextRank.has(contextName)) contextRank.set(contextName, contextRank.size);
    // NiFi rejects a reference whose sensitivity differs from the property's: offering one would raise a finding.
    if (parameter.sensitive !== sensitiveProperty) continue;
    const own = contextName === group.parameterContextName;
    entries.push({
      label: parameter.name,
      insertText: jsonStringContent(rewriteReference(written, parameter.name, syntax)),
      filterText: jsonStringContent(`#{${quote}${parameter.name}${quote}}`),
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
 * Who would read a reference starting at hashAt once it is closed, as the rules read the value: the
 * parameter parser, the Expression Language (inside ${...}), or nobody (undefined) when the '#' before it
 * make it an escape (##{), an earlier token runs over it, or it sits in an expression's string literal.
 */
function readerAt(before: string, hashAt: number, syntax: ReturnType<typeof referenceSyntax>, expressionLanguage: boolean): PropertyReference['reader'] | undefined {
  const prefix = before.slice(0, hashAt);
  // Enough closing braces to end every expression the prefix opens; beyond those they are plain text.
  let open = 0;
  for (let i = prefix.indexOf('{'); i !== -1; i = prefix.indexOf('{', i + 1)) open++;
  const probe = `${prefix}#{x}${'}'.repeat(open)}`;
  return readReferences(probe, syntax, expressionLanguage).find((reference) => reference.start === hashAt)?.reader;
}

/** The quote the user opened the name with ('' for none), or undefined when the typed text cannot become a reference. */
function typedQuote(partial: string, reader: PropertyReference['reader']): Quote | undefined {
  if (BARE_PARTIAL.test(partial)) return '';
  const quoted = QUOTED_PARTIAL[reader].exec(partial);
  if (!quoted) return undefined;
  return (quoted[1] ?? "'") as Quote;
}
