// How a flow file is formatted, so that inserted JSON looks like its neighbours. NiFi writes flow
// definitions with Jackson's pretty printer ("key" : value, arrays inline as [ "a", "b" ] and
// [ {...}, {...} ]); files saved by editors use JSON.stringify's layout; some are tab-indented,
// CRLF, or on one line.
import type { JsonLocator } from '../locate';
import type { RawObject } from '../model';

export interface JsonStyle {
  /** '' for a file on one line. */
  eol: string;
  /** One level of indentation; '' for a file on one line. */
  indentUnit: string;
  /** What separates a key from its value: ': ', ' : ' or ':'. */
  colon: string;
  /** Jackson's layout: arrays do not break lines, their objects open on the bracket's line. */
  inlineArrays: boolean;
  emptyArray: string;
}

const DEFAULT_STYLE: JsonStyle = { eol: '\n', indentUnit: '  ', colon: ': ', inlineArrays: false, emptyArray: '[]' };

export function detectJsonStyle(text: string, locator: JsonLocator, root: RawObject): JsonStyle {
  const head = /^\s*\{([ \t]*\r?\n)?([ \t]*)"(?:[^"\\]|\\.)*"([ \t]*:[ \t]*)/.exec(text);
  if (!head) return DEFAULT_STYLE;
  const multiline = head[1] !== undefined;
  const firstNewline = text.indexOf('\n');
  const eol = !multiline ? '' : text.charCodeAt(firstNewline - 1) === 13 ? '\r\n' : '\n';
  const indentUnit = !multiline ? '' : head[2] || DEFAULT_STYLE.indentUnit;
  const arrays = arrayLayout(text, locator, root);
  const inlineArrays = multiline && (arrays.inline ?? arrays.empty === '[ ]');
  return { eol, indentUnit, colon: head[3], inlineArrays, emptyArray: arrays.empty ?? (inlineArrays ? '[ ]' : '[]') };
}

/** Looks at the arrays of the exported group: how a non-empty one opens, and how an empty one is written. */
function arrayLayout(text: string, locator: JsonLocator, root: RawObject): { inline?: boolean; empty?: string } {
  const contents = root.flowContents;
  const layout: { inline?: boolean; empty?: string } = {};
  if (typeof contents !== 'object' || contents === null) return layout;
  for (const [key, value] of Object.entries(contents)) {
    if (!Array.isArray(value)) continue;
    if (value.length === 0 ? layout.empty !== undefined : layout.inline !== undefined) continue;
    const found = locator.find(['flowContents', key]);
    if (!found) continue;
    const inside = text.slice(found.valueStart + 1, found.valueEnd - 1);
    if (value.length === 0) {
      layout.empty = /\n/.test(inside) ? '[]' : `[${inside}]`;
    } else {
      const opening = /^[ \t]*(\r?\n)?/.exec(inside)!;
      layout.inline = opening[1] === undefined;
    }
    if (layout.inline !== undefined && layout.empty !== undefined) break;
  }
  return layout;
}

/** JSON text for a value that starts on a line indented by `indent`. */
export function serialize(value: unknown, indent: string, style: JsonStyle): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return style.emptyArray;
    if (style.inlineArrays) return `[ ${value.map((item) => serialize(item, indent, style)).join(', ')} ]`;
    const inner = indent + style.indentUnit;
    const items = value.map((item) => inner + serialize(item, inner, style));
    return `[${style.eol}${items.join(`,${style.eol}`)}${style.eol}${indent}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, member]) => member !== undefined);
    if (entries.length === 0) return style.inlineArrays ? '{ }' : '{}';
    const inner = indent + style.indentUnit;
    const members = entries.map(([key, member]) => `${inner}${JSON.stringify(key)}${style.colon}${serialize(member, inner, style)}`);
    return `{${style.eol}${members.join(`,${style.eol}`)}${style.eol}${indent}}`;
  }
  return JSON.stringify(value);
}

/** The leading whitespace of the line that holds `offset`. */
export function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let end = lineStart;
  while (end < offset && (text.charCodeAt(end) === 32 || text.charCodeAt(end) === 9)) end++;
  return text.slice(lineStart, end);
}
