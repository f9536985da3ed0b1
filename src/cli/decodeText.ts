import { constants } from 'node:buffer';

/** The most characters a JavaScript string holds (V8's limit): no longer text can be read. */
export const MAX_TEXT_LENGTH: number = constants.MAX_STRING_LENGTH;

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/**
 * A file's encoding by its byte-order mark, as editors and NiFi's JSON reader (Jackson) tell it:
 * UTF-16 only with a BOM; everything else is read as UTF-8. bomLength is the mark's size in bytes.
 */
export function textEncodingOf(bytes: Uint8Array): { encoding: TextEncoding; bomLength: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  return { encoding: 'utf-8', bomLength: 0 };
}

/**
 * A file's bytes as the text editors show: UTF-8, or UTF-16 when a byte-order mark says so, without
 * the mark. JSON.parse refuses a leading BOM, and finding positions count from after it.
 */
export function decodeFileText(bytes: Buffer): string {
  const { encoding, bomLength } = textEncodingOf(bytes);
  if (encoding === 'utf-8') return bytes.toString('utf8', bomLength);
  return new TextDecoder(encoding).decode(bytes);
}

/** "1,234,567 bytes": sizes in messages, exact and readable. */
export function byteCount(bytes: number): string {
  return `${bytes.toLocaleString('en-US')} byte${bytes === 1 ? '' : 's'}`;
}
