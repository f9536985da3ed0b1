// Maps JSON paths to text ranges without building a position-keeping tree of the whole file.
// It scans only the parts of the text on the way to the requested value, and remembers where
// it has been (members found, where containers end), so many look-ups in one big file cost about
// one pass over it, not one pass each, and never more than one pass per nesting level.
import type { Anchor, Position, TextSpan } from './finding';
import type { JsonPath } from './model';

interface MemberSpan {
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  /** Known once the value has been skipped. */
  valueEnd?: number;
}

/** What has been learned about one object or array, keyed by its opening offset. */
interface ContainerScan {
  members: Map<string | number, MemberSpan>;
  /** Offset where scanning stopped (before the next member), or -1 when complete. */
  resumeAt: number;
  count: number;
  /** The member last returned whose value has not been skipped yet (skipped lazily, as a caller may descend into it). */
  pending?: MemberSpan;
}

const QUOTE = 34, BACKSLASH = 92, OPEN_BRACE = 123, CLOSE_BRACE = 125, OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93, COMMA = 44, COLON = 58;

// Skipping a container is the hot path on big files: these sticky regular expressions consume
// everything up to the next brace (object) or bracket (array) outside strings, so most of the text
// is crossed inside the regex engine rather than one character at a time. In valid JSON the other
// kind of bracket is balanced in between and can be ignored. The repetition of strings is bounded
// so that a huge run of strings cannot exhaust the regex backtracking stack.
const STRING = '"[^"\\\\]*(?:\\\\.[^"\\\\]*)*"';
const SKIP_IN_OBJECT = new RegExp(`[^"{}]*(?:${STRING}[^"{}]*){0,1000}[{}]?`, 'y');
const SKIP_IN_ARRAY = new RegExp(`[^"\\[\\]]*(?:${STRING}[^"\\[\\]]*){0,1000}[\\[\\]]?`, 'y');

// Lines are counted in runs inside the regex engine, with a checkpoint every run, so that finding a
// line number costs a binary search plus at most a run of lines, without a table of every line.
const LINES_PER_CHECKPOINT = 64;
const LINE_RUN = new RegExp(`(?:[^\\n]*\\n){${LINES_PER_CHECKPOINT}}`, 'y');

function isWhitespace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

export class JsonLocator {
  private readonly scans = new Map<number, ContainerScan>();
  /** Where each container skipped so far ends, by its opening offset. */
  private readonly containerEnds = new Map<number, number>();
  /** Offset where line k * LINES_PER_CHECKPOINT starts, counted only as far as positions were asked for. */
  private readonly checkpoints = [0];
  private allLinesCounted = false;

  constructor(private readonly text: string) {}

  /** Offsets of the value (and key, for an object member) at path, or undefined when absent. */
  find(path: JsonPath): { keyStart?: number; keyEnd?: number; valueStart: number; valueEnd: number } | undefined {
    let valueStart = this.skipWhitespace(0);
    let keyStart: number | undefined;
    let keyEnd: number | undefined;
    let last: MemberSpan | undefined;
    for (const segment of path) {
      last = this.member(valueStart, segment);
      if (!last) return undefined;
      valueStart = last.valueStart;
      if (typeof segment === 'string') {
        keyStart = last.keyStart;
        keyEnd = last.keyEnd;
      } else {
        keyStart = keyEnd = undefined;
      }
    }
    const valueEnd = last?.valueEnd ?? this.valueEnd(valueStart);
    if (last) last.valueEnd = valueEnd;
    return { keyStart, keyEnd, valueStart, valueEnd };
  }

  /** The text span an anchor points at; falls back to the nearest existing ancestor. */
  span(anchor: Anchor): TextSpan {
    if (anchor.offsets) return this.spanOf(anchor.offsets.start, anchor.offsets.end);
    let path = anchor.path;
    let found = this.find(path);
    while (!found && path.length > 0) {
      path = path.slice(0, -1);
      found = this.find(path);
    }
    if (!found) return this.spanOf(0, Math.min(1, this.text.length));
    if (anchor.part === 'key' && found.keyStart !== undefined && path === anchor.path) {
      return this.spanOf(found.keyStart, found.keyEnd!);
    }
    if (anchor.slice && path === anchor.path && this.text.charCodeAt(found.valueStart) === QUOTE) {
      const start = this.rawIndex(found.valueStart, anchor.slice.start);
      const end = this.rawIndex(found.valueStart, anchor.slice.start + anchor.slice.length);
      return this.spanOf(start, end);
    }
    return this.spanOf(found.valueStart, found.valueEnd);
  }

  spanOf(startOffset: number, endOffset: number): TextSpan {
    return { start: this.position(startOffset), end: this.position(endOffset), startOffset, endOffset };
  }

  position(offset: number): Position {
    const checkpoint = this.checkpointAtOrBefore(offset);
    let line = checkpoint * LINES_PER_CHECKPOINT;
    let lineStart = this.checkpoints[checkpoint];
    let newline = this.text.indexOf('\n', lineStart);
    while (newline !== -1 && newline < offset) {
      line++;
      lineStart = newline + 1;
      newline = this.text.indexOf('\n', lineStart);
    }
    return { line, character: offset - lineStart };
  }

  offsetAt(position: Position): number {
    const wanted = Math.max(position.line, 0);
    const checkpoint = this.checkpointForLine(wanted);
    let lineStart = this.checkpoints[checkpoint];
    for (let line = checkpoint * LINES_PER_CHECKPOINT; line < wanted; line++) {
      const newline = this.text.indexOf('\n', lineStart);
      if (newline === -1) break; // past the last line: stay on it
      lineStart = newline + 1;
    }
    return Math.min(lineStart + position.character, this.text.length);
  }

  /** Index of the last checkpoint at or before offset, counting further into the text if needed. */
  private checkpointAtOrBefore(offset: number): number {
    const points = this.checkpoints;
    while (!this.allLinesCounted && points[points.length - 1] <= offset) this.countMoreLines();
    let low = 0, high = points.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (points[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  private checkpointForLine(line: number): number {
    const index = Math.floor(line / LINES_PER_CHECKPOINT);
    while (!this.allLinesCounted && this.checkpoints.length <= index) this.countMoreLines();
    return Math.min(index, this.checkpoints.length - 1);
  }

  private countMoreLines(): void {
    LINE_RUN.lastIndex = this.checkpoints[this.checkpoints.length - 1];
    if (LINE_RUN.test(this.text)) this.checkpoints.push(LINE_RUN.lastIndex);
    else this.allLinesCounted = true;
  }

  /** Raw text offset of the decoded character index inside the string starting at quoteOffset. */
  private rawIndex(quoteOffset: number, decodedIndex: number): number {
    let raw = quoteOffset + 1;
    for (let decoded = 0; decoded < decodedIndex; decoded++) {
      if (this.text.charCodeAt(raw) === BACKSLASH) raw += this.text.charCodeAt(raw + 1) === 117 /* u */ ? 6 : 2;
      else raw += 1;
    }
    return raw;
  }

  private member(containerStart: number, segment: string | number): MemberSpan | undefined {
    const open = this.text.charCodeAt(containerStart);
    const isObject = open === OPEN_BRACE;
    if (!isObject && open !== OPEN_BRACKET) return undefined;
    if (isObject !== (typeof segment === 'string')) return undefined;
    let scan = this.scans.get(containerStart);
    if (!scan) {
      scan = { members: new Map(), resumeAt: this.skipWhitespace(containerStart + 1), count: 0 };
      this.scans.set(containerStart, scan);
    }
    const known = scan.members.get(segment);
    if (known) return known;
    while (scan.resumeAt !== -1) {
      if (scan.pending) {
        const pending = scan.pending;
        scan.pending = undefined;
        pending.valueEnd ??= this.valueEnd(pending.valueStart);
        this.advancePast(scan, pending.valueEnd);
        continue;
      }
      let at = scan.resumeAt;
      const c = this.text.charCodeAt(at);
      if (c === CLOSE_BRACE || c === CLOSE_BRACKET || at >= this.text.length) {
        scan.resumeAt = -1;
        if (at < this.text.length) this.containerEnds.set(containerStart, at + 1);
        break;
      }
      let span: MemberSpan;
      let key: string | number;
      if (isObject) {
        const keyEnd = this.skipString(at);
        key = JSON.parse(this.text.slice(at, keyEnd)) as string;
        at = this.skipWhitespace(keyEnd);
        if (this.text.charCodeAt(at) !== COLON) { scan.resumeAt = -1; break; }
        span = { keyStart: scan.resumeAt, keyEnd, valueStart: this.skipWhitespace(at + 1) };
      } else {
        key = scan.count;
        span = { keyStart: at, keyEnd: at, valueStart: at };
      }
      scan.count++;
      // The first occurrence of a duplicate key is kept; JSON.parse keeps the last, a rare case.
      if (!scan.members.has(key)) scan.members.set(key, span);
      if (key === segment) {
        scan.pending = span;
        return span;
      }
      span.valueEnd = this.valueEnd(span.valueStart);
      this.advancePast(scan, span.valueEnd);
    }
    return undefined;
  }

  /** Moves a scan to the member after the value that ends at valueEnd. */
  private advancePast(scan: ContainerScan, valueEnd: number): void {
    const next = this.skipWhitespace(valueEnd);
    scan.resumeAt = this.text.charCodeAt(next) === COMMA ? this.skipWhitespace(next + 1) : -1;
  }

  /** Offset just past the value starting at `at`, reusing what earlier look-ups learned. */
  private valueEnd(at: number): number {
    const c = this.text.charCodeAt(at);
    if (c !== OPEN_BRACE && c !== OPEN_BRACKET) return this.skipValue(at);
    const known = this.containerEnds.get(at);
    if (known !== undefined) return known;
    let end: number;
    const scan = this.scans.get(at);
    if (scan?.pending) {
      // Part of this container was scanned already: finish from there instead of from its start.
      const pendingEnd = (scan.pending.valueEnd ??= this.valueEnd(scan.pending.valueStart));
      end = this.skipContainer(pendingEnd, c, 1);
    } else if (scan && scan.resumeAt !== -1) {
      end = this.skipContainer(scan.resumeAt, c, 1);
    } else {
      end = this.skipContainer(at + 1, c, 1);
    }
    this.containerEnds.set(at, end);
    return end;
  }

  private skipWhitespace(at: number): number {
    while (at < this.text.length && isWhitespace(this.text.charCodeAt(at))) at++;
    return at;
  }

  /** Offset just past the string whose opening quote is at `at`. */
  private skipString(at: number): number {
    let close = this.text.indexOf('"', at + 1);
    while (close !== -1) {
      let backslashes = 0;
      while (this.text.charCodeAt(close - 1 - backslashes) === BACKSLASH) backslashes++;
      if (backslashes % 2 === 0) return close + 1;
      close = this.text.indexOf('"', close + 1);
    }
    return this.text.length;
  }

  /** Offset just past the value starting at `at`. */
  private skipValue(at: number): number {
    const c = this.text.charCodeAt(at);
    if (c === QUOTE) return this.skipString(at);
    if (c === OPEN_BRACE || c === OPEN_BRACKET) return this.skipContainer(at + 1, c, 1);
    let i = at;
    while (i < this.text.length) {
      const d = this.text.charCodeAt(i);
      if (d === COMMA || d === CLOSE_BRACE || d === CLOSE_BRACKET || isWhitespace(d)) break;
      i++;
    }
    return i;
  }

  /** Offset just past the container opened by `open`, scanning from `from` at nesting `depth`. */
  private skipContainer(from: number, open: number, depth: number): number {
    const pattern = open === OPEN_BRACE ? SKIP_IN_OBJECT : SKIP_IN_ARRAY;
    const close = open === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET;
    const length = this.text.length;
    let at = from;
    while (at < length) {
      pattern.lastIndex = at;
      let next: number;
      try {
        pattern.test(this.text);
        next = pattern.lastIndex;
      } catch {
        // A string with an enormous number of escapes can exhaust the regex stack.
        next = at;
      }
      if (next === at) {
        // Stopped at a string the pattern could not take whole (or at broken text): step over it.
        next = this.text.charCodeAt(at) === QUOTE ? this.skipString(at) : at + 1;
      }
      const last = this.text.charCodeAt(next - 1);
      if (last === open) depth++;
      else if (last === close && --depth === 0) return next;
      at = next;
    }
    return length;
  }
}
