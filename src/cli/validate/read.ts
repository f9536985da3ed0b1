// Reads a candidate file only as far as needed: FlowDetector decides from the beginning of a file
// (or, for a flow definition that puts a big member first, from further on) whether it may be a
// flow definition, so a large JSON file that is not one is never read whole.
import { isUtf8 } from 'node:buffer';
import { promises as fs } from 'node:fs';
import { DETECTION_HEAD_BYTES, FlowDetector } from '../../core/flow/detect';
import { MAX_TEXT_LENGTH, textEncodingOf, type TextEncoding } from '../decodeText';

export interface OpenFile {
  size: number;
  /** Reads up to `length` bytes at `position` into `buffer` at `offset`; returns the count read. */
  read(buffer: Buffer, offset: number, length: number, position: number): Promise<number>;
  close(): Promise<void>;
}

export type OpenFileFn = (file: string) => Promise<OpenFile>;

export const openFromDisk: OpenFileFn = async (file) => {
  const handle = await fs.open(file, 'r');
  try {
    const { size } = await handle.stat();
    return {
      size,
      read: async (buffer, offset, length, position) => (await handle.read(buffer, offset, length, position)).bytesRead,
      close: () => handle.close(),
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
};

/** Where the bytes of a file are not UTF-8, as offsets in the file and in the decoded text. */
export interface InvalidUtf8 {
  byteOffset: number;
  /** Offset in the text, where the decoder put U+FFFD instead. */
  textOffset: number;
  /** How many places in the file are not UTF-8. */
  places: number;
}

export type ReadOutcome =
  | { kind: 'notFlow' }
  /** bom: whether the bytes start with a byte-order mark (the text does not), so a fixed file is written back with it. */
  | { kind: 'text'; text: string; encoding: TextEncoding; bom: boolean; invalidUtf8?: InvalidUtf8 }
  /** The text would not fit in a JavaScript string: `bytes` is the size (at least), `limit` the most that is read. */
  | { kind: 'tooLarge'; bytes: number; limit: number };

/** How much more is read at a time once the first DETECTION_HEAD_BYTES did not decide. */
const CHUNK_BYTES = 1024 * 1024;

/** A sequence of bytes: a file (size known) or standard input (size unknown). */
interface ByteSource {
  readonly size: number | undefined;
  /** The next bytes, up to `length` (a file reads that many unless it ends); undefined at the end. */
  next(length: number): Promise<Buffer | undefined>;
  /** What is left of a file, read into `into` at `offset`; returns the count read. */
  rest?(into: Buffer, offset: number): Promise<number>;
}

/** The file's text when it may be a flow definition, otherwise notFlow; tooLarge when it could not be held. */
export async function readIfMaybeFlow(file: string, open: OpenFileFn = openFromDisk, limit = MAX_TEXT_LENGTH): Promise<ReadOutcome> {
  const handle = await open(file);
  try {
    return await readFlowText(fileSource(handle), limit);
  } finally {
    await handle.close();
  }
}

/** The same for standard input (or any stream of bytes), which is read to its end when it is a flow. */
export async function readStreamIfMaybeFlow(stream: AsyncIterable<Buffer | string>, limit = MAX_TEXT_LENGTH): Promise<ReadOutcome> {
  const iterator = stream[Symbol.asyncIterator]();
  const source: ByteSource = {
    size: undefined,
    next: async () => {
      const item = await iterator.next();
      if (item.done) return undefined;
      return typeof item.value === 'string' ? Buffer.from(item.value) : item.value;
    },
  };
  return readFlowText(source, limit);
}

/**
 * `limit` is the most characters a text may have: a JavaScript string holds no more
 * (MAX_TEXT_LENGTH); tests pass a smaller one to reach the boundary cheaply.
 */
async function readFlowText(source: ByteSource, limit: number): Promise<ReadOutcome> {
  const head = await source.next(DETECTION_HEAD_BYTES);
  if (!head) return { kind: 'notFlow' };
  const { encoding, bomLength } = textEncodingOf(head);
  const maxBytes = bomLength + (encoding === 'utf-8' ? limit : 2 * limit);
  const decoder = new TextDecoder(encoding);
  const detector = new FlowDetector();
  const chunks = [head];
  let bytes = head.length;
  let detection = detector.feed(decoder.decode(head, { stream: true }));
  while (detection === 'undecided') {
    // A file bigger than the limit is refused only once it is known to be a flow.
    const chunk = await source.next(CHUNK_BYTES);
    if (!chunk) break;
    chunks.push(chunk);
    bytes += chunk.length;
    detection = detector.feed(decoder.decode(chunk, { stream: true }));
  }
  if (detection !== 'flow') return { kind: 'notFlow' };

  let whole: Buffer;
  if (source.size !== undefined && source.rest) {
    if (source.size > maxBytes) return { kind: 'tooLarge', bytes: source.size, limit: maxBytes };
    whole = Buffer.allocUnsafe(Math.max(source.size, bytes));
    let offset = 0;
    for (const chunk of chunks) offset += chunk.copy(whole, offset);
    whole = whole.subarray(0, offset + (await source.rest(whole, offset)));
  } else {
    for (let chunk = await source.next(CHUNK_BYTES); chunk; chunk = await source.next(CHUNK_BYTES)) {
      bytes += chunk.length;
      if (bytes > maxBytes) return { kind: 'tooLarge', bytes, limit: maxBytes };
      chunks.push(chunk);
    }
    whole = Buffer.concat(chunks, bytes);
  }
  if (whole.length > maxBytes) return { kind: 'tooLarge', bytes: whole.length, limit: maxBytes };
  return decodeWhole(whole, encoding, bomLength);
}

function decodeWhole(bytes: Buffer, encoding: TextEncoding, bomLength: number): ReadOutcome {
  const bom = bomLength > 0;
  if (encoding !== 'utf-8') return { kind: 'text', text: new TextDecoder(encoding).decode(bytes), encoding, bom };
  const text = bytes.toString('utf8', bomLength);
  if (isUtf8(bytes)) return { kind: 'text', text, encoding, bom };
  return { kind: 'text', text, encoding, bom, invalidUtf8: locateInvalidUtf8(bytes, bomLength) };
}

/**
 * The first byte that starts no valid UTF-8 sequence, where the text shows it, and how many such
 * places there are (each counted once, as the decoder replaces each with one U+FFFD).
 */
export function locateInvalidUtf8(bytes: Buffer, from = 0): InvalidUtf8 {
  let first = -1;
  let places = 0;
  let at = from;
  while (at < bytes.length) {
    const length = validSequenceLength(bytes, at);
    if (length > 0) {
      at += length;
      continue;
    }
    if (first === -1) first = at;
    places++;
    at += invalidSequenceLength(bytes, at);
  }
  const textOffset = first === -1 ? 0 : bytes.toString('utf8', from, first).length;
  return { byteOffset: first, textOffset, places };
}

/** The length of the well-formed UTF-8 sequence at `at` (Unicode table 3-7), or 0. */
function validSequenceLength(bytes: Buffer, at: number): number {
  const b0 = bytes[at];
  if (b0 < 0x80) return 1;
  const continuation = (index: number, low = 0x80, high = 0xbf) =>
    index < bytes.length && bytes[index] >= low && bytes[index] <= high;
  if (b0 >= 0xc2 && b0 <= 0xdf) return continuation(at + 1) ? 2 : 0;
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const low = b0 === 0xe0 ? 0xa0 : 0x80;
    const high = b0 === 0xed ? 0x9f : 0xbf;
    return continuation(at + 1, low, high) && continuation(at + 2) ? 3 : 0;
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const low = b0 === 0xf0 ? 0x90 : 0x80;
    const high = b0 === 0xf4 ? 0x8f : 0xbf;
    return continuation(at + 1, low, high) && continuation(at + 2) && continuation(at + 3) ? 4 : 0;
  }
  return 0;
}

/**
 * How many bytes the decoder replaces with one U+FFFD at an invalid place: the longest prefix of a
 * well-formed sequence ("maximal subpart", as the WHATWG decoder that Node uses counts), at least one byte.
 */
function invalidSequenceLength(bytes: Buffer, at: number): number {
  const b0 = bytes[at];
  let needed = 0, low = 0x80, high = 0xbf;
  if (b0 >= 0xc2 && b0 <= 0xdf) needed = 1;
  else if (b0 >= 0xe0 && b0 <= 0xef) { needed = 2; if (b0 === 0xe0) low = 0xa0; if (b0 === 0xed) high = 0x9f; }
  else if (b0 >= 0xf0 && b0 <= 0xf4) { needed = 3; if (b0 === 0xf0) low = 0x90; if (b0 === 0xf4) high = 0x8f; }
  let length = 1;
  while (needed > 0 && at + length < bytes.length) {
    const b = bytes[at + length];
    if (b < low || b > high) break;
    low = 0x80;
    high = 0xbf;
    length++;
    needed--;
  }
  return length;
}

function fileSource(handle: OpenFile): ByteSource {
  let position = 0;
  const readFully = async (into: Buffer, offset: number, length: number): Promise<number> => {
    let done = 0;
    while (done < length) {
      const count = await handle.read(into, offset + done, length - done, position + done);
      if (count === 0) break;
      done += count;
    }
    position += done;
    return done;
  };
  return {
    size: handle.size,
    next: async (length) => {
      const wanted = Math.min(length, Math.max(handle.size - position, 0));
      if (wanted === 0) return undefined;
      const buffer = Buffer.allocUnsafe(wanted);
      const count = await readFully(buffer, 0, wanted);
      return count === 0 ? undefined : buffer.subarray(0, count);
    },
    rest: (into, offset) => readFully(into, offset, into.length - offset),
  };
}
