// Offsets inside a JSON string literal: raw text offsets versus indexes in the decoded string.
const BACKSLASH = 92;

/** Index in the decoded string of the character at rawOffset, for the literal whose quote is at quoteOffset. */
export function decodedIndexAt(text: string, quoteOffset: number, rawOffset: number): number {
  let raw = quoteOffset + 1;
  let decoded = 0;
  while (raw < rawOffset) {
    raw += escapeLength(text, raw);
    decoded++;
  }
  return decoded;
}

/** Raw text offset of the decoded character at decodedIndex, for the literal whose quote is at quoteOffset. */
export function rawOffsetOf(text: string, quoteOffset: number, decodedIndex: number): number {
  let raw = quoteOffset + 1;
  for (let decoded = 0; decoded < decodedIndex; decoded++) raw += escapeLength(text, raw);
  return raw;
}

/** How a string is written between the quotes of a JSON string literal. */
export function jsonStringContent(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}

function escapeLength(text: string, raw: number): number {
  if (text.charCodeAt(raw) !== BACKSLASH) return 1;
  return text.charCodeAt(raw + 1) === 117 /* u */ ? 6 : 2;
}
