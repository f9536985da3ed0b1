// Small structural edits on JSON text that touch only what changes: the rest of the file keeps its
// bytes. Each function computes one edit on a document's current text (undefined: nothing to do).
import type { JsonPath } from '../model';
import type { TextEdit } from '../textEdit';
import { lineIndent, serialize } from './jsonStyle';
import type { JsonDocument } from './textDraft';

function isWhitespace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9;
}

function skipWhitespace(text: string, at: number): number {
  while (at < text.length && isWhitespace(text.charCodeAt(at))) at++;
  return at;
}

function skipWhitespaceBack(text: string, at: number): number {
  while (at > 0 && isWhitespace(text.charCodeAt(at - 1))) at--;
  return at;
}

export function replaceValue(doc: JsonDocument, path: JsonPath, value: unknown): TextEdit | undefined {
  const found = doc.locator.find(path);
  if (!found) return undefined;
  const newText = serialize(value, lineIndent(doc.text, found.valueStart), doc.style);
  return { offset: found.valueStart, length: found.valueEnd - found.valueStart, newText };
}

export function renameKey(doc: JsonDocument, path: JsonPath, newKey: string): TextEdit | undefined {
  const found = doc.locator.find(path);
  if (!found || found.keyStart === undefined || found.keyEnd === undefined) return undefined;
  return { offset: found.keyStart, length: found.keyEnd - found.keyStart, newText: JSON.stringify(newKey) };
}

/** Replaces a slice of a string value (in decoded characters) by new decoded text. */
export function replaceInString(
  doc: JsonDocument, path: JsonPath, slice: { start: number; length: number }, replacement: string,
): TextEdit | undefined {
  const found = doc.locator.find(path);
  if (!found || doc.text.charCodeAt(found.valueStart) !== 34 /* " */) return undefined;
  const span = doc.locator.span({ path, slice });
  return { offset: span.startOffset, length: span.endOffset - span.startOffset, newText: JSON.stringify(replacement).slice(1, -1) };
}

/** Appends to the array at path; creates the array when the member is missing or null. */
export function appendToArray(doc: JsonDocument, path: JsonPath, value: unknown): TextEdit | undefined {
  const found = doc.locator.find(path);
  if (!found) {
    const key = path[path.length - 1];
    return typeof key === 'string' ? addMember(doc, path.slice(0, -1), key, [value]) : undefined;
  }
  const { text } = doc;
  if (text.charCodeAt(found.valueStart) !== 91 /* [ */) return replaceValue(doc, path, [value]);
  const close = found.valueEnd - 1;
  const first = skipWhitespace(text, found.valueStart + 1);
  if (first >= close) return replaceValue(doc, path, [value]);
  return { offset: skipWhitespaceBack(text, close), length: 0, newText: nextItem(doc, found.valueStart, first, value) };
}

/** Adds a member at the end of the object at path. */
export function addMember(doc: JsonDocument, path: JsonPath, key: string, value: unknown): TextEdit | undefined {
  const found = doc.locator.find(path);
  const { text, style } = doc;
  if (!found || text.charCodeAt(found.valueStart) !== 123 /* { */) return undefined;
  const close = found.valueEnd - 1;
  const first = skipWhitespace(text, found.valueStart + 1);
  if (first >= close) return replaceValue(doc, path, { [key]: value });
  const gap = text.slice(found.valueStart + 1, first);
  const newline = gap.lastIndexOf('\n');
  const memberIndent = newline === -1 ? lineIndent(text, found.valueStart) : gap.slice(newline + 1);
  const separator = newline === -1 ? `,${gap}` : `,${style.eol}${memberIndent}`;
  const member = `${JSON.stringify(key)}${style.colon}${serialize(value, memberIndent, style)}`;
  return { offset: skipWhitespaceBack(text, close), length: 0, newText: separator + member };
}

/** The text that follows the last item of a non-empty array, laid out as its first item is. */
function nextItem(doc: JsonDocument, open: number, first: number, value: unknown): string {
  const { text, style } = doc;
  const gap = text.slice(open + 1, first);
  const newline = gap.lastIndexOf('\n');
  if (newline === -1) return `,${gap}${serialize(value, lineIndent(text, open), style)}`;
  const itemIndent = gap.slice(newline + 1);
  return `,${style.eol}${itemIndent}${serialize(value, itemIndent, style)}`;
}

/** Removes item `index` of the array at path, which holds `count` items. */
export function removeArrayItem(doc: JsonDocument, path: JsonPath, index: number, count: number): TextEdit | undefined {
  const item = doc.locator.find([...path, index]);
  if (!item) return undefined;
  if (count === 1) return replaceValue(doc, path, []);
  if (index === 0) {
    const next = doc.locator.find([...path, 1]);
    if (!next) return undefined;
    return { offset: item.valueStart, length: next.valueStart - item.valueStart, newText: '' };
  }
  const previous = doc.locator.find([...path, index - 1]);
  if (!previous) return undefined;
  return { offset: previous.valueEnd, length: item.valueEnd - previous.valueEnd, newText: '' };
}
