// Parameter references in a component's values, read as the NiFi that wrote the file reads them,
// and written back in a form it reads. The rules and the fixes both use this, so a fix never leaves
// a reference the rules read differently.
//
// - NiFi 1.x reads no quotes: #{'Kafka Topic'} names a parameter called 'Kafka Topic', quotes
//   included (which no parameter can be); NiFi 2.x reads the name inside the quotes.
// - In a property that supports Expression Language, NiFi uses ExpressionLanguageAwareParameterParser:
//   outside ${...} it reads references as everywhere else; inside ${...} it reads none, and the
//   expression itself references parameters as #{name}, #{'name'} or #{"name"}, except inside
//   its string literals (${'#{db.host}'} is the text #{db.host}). A flow file does not say which
//   properties support Expression Language; a value holding ${ is read as one that does.
// - A processor's run schedule is read with the Expression Language agnostic parser.
import type { FlowModel } from '../model';
import { findReferences, type ParameterReference } from '../references';
import { nifiMajorVersion, type NiFiMajorVersion } from './nifiVersion';

export interface PropertyReference extends ParameterReference {
  /** 'expression' when the Expression Language reads it, inside ${...}. */
  reader: 'parameter' | 'expression';
  /** The quote written around the name; '' for a bare name. */
  quote: '' | "'" | '"';
}

export interface ReferenceSyntax {
  /** The major version of the NiFi that wrote the file, when the file says. */
  version: NiFiMajorVersion | undefined;
}

export function referenceSyntax(model: FlowModel): ReferenceSyntax {
  return { version: nifiMajorVersion(model) };
}

const HASH = 35;
const DOLLAR = 36;
const OPEN = 123;
const CLOSE = 125;
const SINGLE_QUOTE = 39;
const DOUBLE_QUOTE = 34;
const BACKSLASH = 92;

/** References in a property value (`expressionLanguage`) or in a field NiFi reads without Expression Language. */
export function readReferences(value: string, syntax: ReferenceSyntax, expressionLanguage: boolean): PropertyReference[] {
  if (!expressionLanguage || value.indexOf('${') === -1) return parameterTokens(value, syntax);
  return withExpressions(value, syntax);
}

/** The text that replaces `reference` to make it reference `newName` instead, in the same form where that is read alike. */
export function rewriteReference(reference: PropertyReference, newName: string, syntax: ReferenceSyntax): string {
  if (reference.reader === 'expression') {
    if (reference.quote) return `#{${reference.quote}${newName}${reference.quote}}`;
    return EXPRESSION_BARE_NAME.test(newName) ? `#{${newName}}` : `#{'${newName}'}`;
  }
  // A bare name is read alike by every version (a name NiFi allows never needs quotes); quotes stay only where NiFi 2.x reads them.
  return reference.quoted && syntax.version === 2 ? `#{'${newName}'}` : `#{${newName}}`;
}

/** What the Expression Language reads as a name without quotes. */
const EXPRESSION_BARE_NAME = /^[A-Za-z_.-][A-Za-z0-9_.-]*$/;

/** The parameter parser's tokens (AbstractParameterParser); without quoted names for NiFi 1.x. */
function parameterTokens(value: string, syntax: ReferenceSyntax): PropertyReference[] {
  if (syntax.version === 1 && value.indexOf("'") !== -1) {
    // NiFi 1.x reads quotes as part of the name: hide them from the 2.x reading, and take the names from the value.
    return findReferences(value.replace(/'/g, '\u0000')).map((reference) => ({
      ...reference,
      name: value.slice(reference.nameStart, reference.nameStart + reference.nameLength),
      reader: 'parameter',
      quote: '',
    }));
  }
  return findReferences(value).map((reference) => ({ ...reference, reader: 'parameter', quote: reference.quoted ? "'" : '' }));
}

/** ExpressionLanguageAwareParameterParser's loop, with the expressions' own references read where it skips them. */
function withExpressions(value: string, syntax: ReferenceSyntax): PropertyReference[] {
  const references: PropertyReference[] = [];
  let hashes = 0;
  let oddDollars = false;
  let last = 0;
  let depth = 0;
  let expressionStart = -1;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === HASH) {
      hashes++;
      last = c;
      continue;
    }
    if (c === OPEN) {
      if (oddDollars && last === DOLLAR && depth === 0) expressionStart = i - 1;
      if (expressionStart > -1) {
        depth++;
        continue;
      }
      if (hashes > 0) i = parameterToken(value, i, hashes, syntax, references);
    } else if (c === CLOSE) {
      if (depth > 0 && --depth === 0) {
        expressionReferences(value, expressionStart + 2, i, references);
        expressionStart = -1;
      }
    } else if (c === DOLLAR) {
      oddDollars = !oddDollars;
    }
    hashes = 0;
    last = c;
  }
  return references;
}

/** Reads the token whose '{' is at `brace`; returns where the scan resumes (the token's '}', or the brace when it is none). */
function parameterToken(value: string, brace: number, hashes: number, syntax: ReferenceSyntax, into: PropertyReference[]): number {
  const close = value.indexOf('}', brace);
  if (close === -1) return brace;
  // An even run of '#' escapes the token; the parser still resumes after it.
  if (hashes % 2 === 0) return close;
  const start = brace - hashes;
  const [reference] = parameterTokens(value.slice(start, close + 1), syntax);
  if (!reference) return brace;
  const shift = start;
  into.push({ ...reference, start: reference.start + shift, nameStart: reference.nameStart + shift });
  return close;
}

/** The references an expression makes itself, between `from` and its closing brace `end`, outside its string literals. */
function expressionReferences(value: string, from: number, end: number, into: PropertyReference[]): void {
  let literal = 0;
  for (let i = from; i < end; i++) {
    const c = value.charCodeAt(i);
    if (literal !== 0) {
      if (c === BACKSLASH) i++;
      else if (c === literal) literal = 0;
      continue;
    }
    if (c === SINGLE_QUOTE || c === DOUBLE_QUOTE) {
      literal = c;
      continue;
    }
    if (c !== HASH || value.charCodeAt(i + 1) !== OPEN) continue;
    const reference = expressionReference(value, i, end);
    if (!reference) continue;
    into.push(reference);
    i = reference.start + reference.length - 1;
  }
}

function expressionReference(value: string, start: number, end: number): PropertyReference | undefined {
  let at = skipSpaces(value, start + 2, end);
  const first = value.charCodeAt(at);
  if (first === SINGLE_QUOTE || first === DOUBLE_QUOTE) {
    let closeQuote = at + 1;
    while (closeQuote < end && value.charCodeAt(closeQuote) !== first) closeQuote += value.charCodeAt(closeQuote) === BACKSLASH ? 2 : 1;
    const close = skipSpaces(value, closeQuote + 1, end);
    if (closeQuote >= end || value.charCodeAt(close) !== CLOSE) return undefined;
    const name = value.slice(at + 1, closeQuote);
    return {
      name, start, length: close + 1 - start, nameStart: at + 1, nameLength: name.length, quoted: true,
      reader: 'expression', quote: first === SINGLE_QUOTE ? "'" : '"',
    };
  }
  const close = value.indexOf('}', at);
  if (close === -1 || close > end) return undefined;
  let nameEnd = close;
  while (nameEnd > at && isSpace(value.charCodeAt(nameEnd - 1))) nameEnd--;
  if (nameEnd === at) return undefined;
  return { name: value.slice(at, nameEnd), start, length: close + 1 - start, nameStart: at, nameLength: nameEnd - at, quoted: false, reader: 'expression', quote: '' };
}

function skipSpaces(value: string, at: number, end: number): number {
  while (at < end && isSpace(value.charCodeAt(at))) at++;
  return at;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}
