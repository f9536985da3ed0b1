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

// Skipping a container is the hot path on big files: a sticky regular expression consumes strings
// and whole containers nested up to NESTING levels deep in one call, so most of the text is crossed
// inside the regex engine rather than one character at a time. A deeper container or the close of
// the current one ends a match with that bracket, which the caller counts. Both kinds of bracket
// count alike: in valid JSON they nest properly, so the close that brings the depth back to zero is
// the matching one. Repetitions are bounded so that a huge run of items cannot exhaust the regex
// backtracking stack or slow the engine down (a container with more items is not taken whole: its
// bracket ends the match); should the engine give up anyway, the flat pattern (one bracket per
// match) takes that step instead.
const STRING = '"[^"\\\\]*(?:\\\\.[^"\\\\]*)*"';
const NESTING = 5;

/** A pattern that crosses strings and containers nested up to `nesting` levels, then takes one bracket. */
function skipPattern(nesting: number): RegExp {
  const other = '[^"\\[\\]{}]*';
  let item = STRING;
  for (let level = 0; level < nesting; level++) item = `${STRING}|[\\[{]${other}(?:(?:${item})${other}){0,1000}[\\]}]`;
  return new RegExp(`${other}(?:(?:${item})${other}){0,1000}[\\[\\]{}]?`, 'y');
}

const SKIP = skipPattern(NESTING);
const SKIP_FLAT = skipPattern(0);

// Line starts are remembered every LINES_PER_CHECKPOINT lines, counted with indexOf (the fastest
// way to find newlines in a string) only as far as positions were asked for, so finding a line
// number costs a binary search plus at most a run of lines, without a table of every line.
const LINES_PER_CHECKPOINT = 64;

/** Root member names that are safe to search for as raw text (see rootMemberFromEnd). */
const PLAIN_KEY = /^[A-Za-z0-9_$.-]+$/;
/** Names that Object.keys lists first, in numeric order, whatever their place in the text. */
const INTEGER_KEY = /^(?:0|[1-9][0-9]*)$/;
/** How many earlier occurrences of a root member name are tried before scanning from the start. */
const MAX_TAIL_CANDIDATES = 8;

/** What wantedName answers for a member nobody asked for: no member name is a number. */
const NOT_WANTED = -1;

function isWhitespace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** One step of the paths a batch look-up wants (see spans()): a trie node, filled in as the text is read. */
interface Wanted {
  parent?: Wanted;
  /** Set when some anchor's path ends here (its own span, not only a way to deeper ones). */
  endpoint: boolean;
  children?: Map<string | number, Wanted>;
  found?: { keyStart?: number; keyEnd?: number; valueStart: number; valueEnd: number };
}

/** A container findWanted is reading: where it is and what it still looks for. */
interface WalkFrame {
  start: number;
  node: Wanted;
  needEnd: boolean;
  isObject: boolean;
  /** Children of node not met yet. */
  remaining: number;
  /** Where the next member starts. */
  at: number;
  index: number;
  /** For an object: the member names node's children want, matched against the text without slicing each name out. */
  names: string[];
  /** The child being walked into, whose end comes back as `finished`. */
  walking?: Wanted;
}

export class JsonLocator {
  private readonly scans = new Map<number, ContainerScan>();
  /** Where each container skipped so far ends, by its opening offset. */
  private readonly containerEnds = new Map<number, number>();
  /** Offset where line k * LINES_PER_CHECKPOINT starts, counted only as far as positions were asked for. */
  private readonly checkpoints = [0];
  private allLinesCounted = false;
  /** The line of the last position asked for: its number, start offset and the offset of its line break (or the text's end). */
  private lastLine = { line: 0, start: 0, end: -1 };
  private readonly rootStart: number;
  /** Root member names in text order, when they can be trusted to be (see the constructor). */
  private readonly rootKeys: readonly string[] | undefined;

  /**
   * rootKeys, when given, are the member names of the root object as JSON.parse returned it
   * (Object.keys order, which is text order unless a name looks like an array index). They let a
   * member that comes after a big one, such as parameterContexts after flowContents, be found by
   * searching back from the end of the text instead of skipping everything before it.
   */
  constructor(private readonly text: string, rootKeys?: readonly string[]) {
    this.rootStart = this.skipWhitespace(0);
    this.rootKeys = rootKeys && !rootKeys.some((key) => INTEGER_KEY.test(key)) ? rootKeys : undefined;
  }

  /** Offsets of the value (and key, for an object member) at path, or undefined when absent. */
  find(path: JsonPath): { keyStart?: number; keyEnd?: number; valueStart: number; valueEnd: number } | undefined {
    let valueStart = this.rootStart;
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

  /**
   * The span of each anchor, the same as span(anchor) gives for each one (on valid JSON), but with
   * all the paths found in one forward pass: they are gathered into a tree, and the text is read
   * once, entering only the members some path goes through and skipping the others whole. Asked
   * one at a time, a path into a container skipped for an earlier path would read it again (a
   * finding on a group's controller services, which come after its child groups, then findings
   * inside those child groups), once per nesting level. Positions are counted in one sweep too.
   */
  spans(anchors: readonly Anchor[]): TextSpan[] {
    const root: Wanted = { endpoint: false };
    const nodes = anchors.map((anchor) => (anchor.offsets ? undefined : this.want(root, anchor.path)));
    if (root.children) this.findWanted(root);
    const offsets = new Array<number>(anchors.length * 2);
    anchors.forEach((anchor, i) => {
      const [start, end] = this.anchorOffsets(anchor, nodes[i]);
      offsets[2 * i] = start;
      offsets[2 * i + 1] = end;
    });
    const positions = this.positions(offsets);
    return anchors.map((_, i) => ({
      start: positions[2 * i], end: positions[2 * i + 1], startOffset: offsets[2 * i], endOffset: offsets[2 * i + 1],
    }));
  }

  private want(root: Wanted, path: JsonPath): Wanted {
    let node = root;
    for (const segment of path) {
      node.children ??= new Map();
      let child = node.children.get(segment);
      if (!child) {
        child = { parent: node, endpoint: false };
        node.children.set(segment, child);
      }
      node = child;
    }
    node.endpoint = true;
    return node;
  }

  /** Start and end offsets of an anchor whose path was looked for in findWanted, as span() picks them. */
  private anchorOffsets(anchor: Anchor, node: Wanted | undefined): [number, number] {
    if (anchor.offsets || !node) return [anchor.offsets!.start, anchor.offsets!.end];
    let at: Wanted | undefined = node;
    while (at && !at.found) at = at.parent;
    // The root itself: found the usual way (rarely wanted, as it means skipping the whole text).
    const found = at ? at.found : this.find([]);
    if (!found) return [0, Math.min(1, this.text.length)];
    const exact = at === node;
    if (exact && anchor.part === 'key' && found.keyStart !== undefined) return [found.keyStart, found.keyEnd!];
    if (exact && anchor.slice && this.text.charCodeAt(found.valueStart) === QUOTE) {
      return [
        this.rawIndex(found.valueStart, anchor.slice.start),
        this.rawIndex(found.valueStart, anchor.slice.start + anchor.slice.length),
      ];
    }
    return [found.valueStart, found.valueEnd];
  }

  /** Sets `found` on every node of the tree whose path exists in the text. */
  private findWanted(root: Wanted): void {
    if (this.text.charCodeAt(this.rootStart) !== OPEN_BRACE || !this.rootKeys) {
      this.walk(this.rootStart, root, false);
      return;
    }
    // Root members go through member(), which can reach those after flowContents from the end of the
    // text. The last ones first: each is then searched for from the end before the forward scan has
    // to cross the members before it.
    const order = new Map(this.rootKeys.map((key, i) => [key, i]));
    const keys = [...root.children!.keys()].sort((a, b) => (order.get(b as string) ?? -1) - (order.get(a as string) ?? -1));
    for (const key of keys) {
      const member = this.member(this.rootStart, key);
      if (!member) continue;
      const child = root.children!.get(key)!;
      const found = {
        keyStart: typeof key === 'string' ? member.keyStart : undefined,
        keyEnd: typeof key === 'string' ? member.keyEnd : undefined,
        valueStart: member.valueStart,
        valueEnd: -1,
      };
      child.found = found;
      if (child.children) {
        const end = this.walk(member.valueStart, child, child.endpoint);
        if (end !== -1) member.valueEnd = end;
      }
      if (child.endpoint) found.valueEnd = member.valueEnd ??= this.valueEnd(member.valueStart);
    }
  }

  /**
   * Reads the container at `start` member by member, sets `found` on the children of `node` it
   * meets (the first of duplicate keys, as find() does) and walks into those with children of their
   * own. Returns the container's end, or -1 when its last wanted member came before the end and
   * `needEnd` said nobody needs to know where it ends.
   */
  private walk(start: number, node: Wanted, needEnd: boolean): number {
    // With a stack of its own, not recursion: paths can be thousands of levels deep.
    const text = this.text;
    const length = text.length;
    const stack: WalkFrame[] = [];
    /** The end of the value just finished (a container left or a member skipped), for the frame on top. */
    let finished = this.enter(start, node, needEnd, stack);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      let valueEnd: number;
      if (frame.walking) {
        // Back from the child this frame walked into.
        frame.walking.found!.valueEnd = finished;
        frame.walking = undefined;
        valueEnd = finished;
        if (frame.remaining === 0) {
          stack.pop();
          finished = frame.needEnd ? this.endAfterLast(frame.start, valueEnd) : -1;
          continue;
        }
      } else {
        const at = frame.at;
        const c = text.charCodeAt(at);
        if (c === CLOSE_BRACE || c === CLOSE_BRACKET || at >= length) {
          stack.pop();
          finished = this.close(frame.start, at);
          continue;
        }
        let key: string | number;
        let keyStart: number | undefined;
        let keyEnd: number | undefined;
        let valueStart: number;
        if (frame.isObject) {
          keyStart = at;
          keyEnd = this.skipString(at);
          key = this.wantedName(frame.names, at, keyEnd);
          const colon = this.skipWhitespace(keyEnd);
          if (text.charCodeAt(colon) !== COLON) {
            stack.pop();
            finished = frame.needEnd ? this.valueEnd(frame.start) : -1;
            continue;
          }
          valueStart = this.skipWhitespace(colon + 1);
        } else {
          key = frame.index++;
          valueStart = at;
        }
        const child = frame.node.children!.get(key);
        if (child && !child.found) {
          frame.remaining--;
          child.found = { keyStart, keyEnd, valueStart, valueEnd: -1 };
          if (child.children) {
            frame.walking = child;
            finished = this.enter(valueStart, child, child.endpoint || frame.remaining > 0 || frame.needEnd, stack);
            continue;
          }
          valueEnd = child.found.valueEnd = this.valueEnd(valueStart);
          if (frame.remaining === 0) {
            stack.pop();
            finished = frame.needEnd ? this.endAfterLast(frame.start, valueEnd) : -1;
            continue;
          }
        } else {
          valueEnd = this.valueEnd(valueStart);
        }
      }
      const next = this.skipWhitespace(valueEnd);
      if (text.charCodeAt(next) === COMMA) {
        frame.at = this.skipWhitespace(next + 1);
      } else {
        stack.pop();
        finished = this.close(frame.start, next);
      }
    }
    return finished;
  }

  /**
   * Starts reading the container at `start` for the children of `node` (pushing its frame), or, when
   * it is no container or none of them can be in it, answers its end at once (-1 unless needEnd).
   */
  private enter(start: number, node: Wanted, needEnd: boolean, stack: WalkFrame[]): number {
    const open = this.text.charCodeAt(start);
    const isObject = open === OPEN_BRACE;
    if (!isObject && open !== OPEN_BRACKET) return needEnd ? this.valueEnd(start) : -1;
    let remaining = 0;
    const names: string[] = [];
    for (const key of node.children!.keys()) {
      if ((typeof key === 'string') !== isObject) continue;
      remaining++;
      if (isObject) names.push(key as string);
    }
    if (remaining === 0) return needEnd ? this.valueEnd(start) : -1;
    stack.push({ start, node, needEnd, isObject, remaining, at: this.skipWhitespace(start + 1), index: 0, names });
    return -1;
  }

  /**
   * The one of `names` that the member name quoted from `start` to `end` is, or NOT_WANTED. Most names in
   * a big file are not wanted: they are compared in place rather than sliced out of the text.
   */
  private wantedName(names: readonly string[], start: number, end: number): string | number {
    const text = this.text;
    for (let i = start + 1; i < end - 1; i++) {
      if (text.charCodeAt(i) === BACKSLASH) {
        const decoded = this.decodeKey(start, end) ?? text.slice(start + 1, end - 1);
        return names.includes(decoded) ? decoded : NOT_WANTED;
      }
    }
    const length = end - start - 2;
    for (const name of names) if (name.length === length && text.startsWith(name, start + 1)) return name;
    return NOT_WANTED;
  }

  /** The end of the container at `start` whose last wanted member ends at `valueEnd`: the rest in one skip, not member by member. */
  private endAfterLast(start: number, valueEnd: number): number {
    // Known when an earlier batch measured this container: a later batch (related places) jumps it.
    const known = this.containerEnds.get(start);
    if (known !== undefined) return known;
    const end = this.skipContainer(valueEnd, 1);
    this.containerEnds.set(start, end);
    return end;
  }

  /** The end of the container at `start`, read member by member up to `at`, where valid JSON closes it. */
  private close(start: number, at: number): number {
    const c = this.text.charCodeAt(at);
    // Anything else is measured the way valueEnd() would.
    const end = c === CLOSE_BRACE || c === CLOSE_BRACKET ? at + 1 : this.skipContainer(start + 1, 1);
    this.containerEnds.set(start, end);
    return end;
  }

  /** Positions of many offsets, counting lines in one sweep through them in text order. */
  private positions(offsets: readonly number[]): Position[] {
    const order = offsets.map((_, i) => i).sort((a, b) => offsets[a] - offsets[b]);
    const positions = new Array<Position>(offsets.length);
    let line = -1, lineStart = 0, newline = -1;
    for (const i of order) {
      const offset = offsets[i];
      if (line === -1) {
        // The first: from the checkpoint before it, as position() starts; from there on, line by line.
        const checkpoint = this.checkpointAtOrBefore(offset);
        line = checkpoint * LINES_PER_CHECKPOINT;
        lineStart = this.checkpoints[checkpoint];
        newline = this.text.indexOf('\n', lineStart);
      }
      while (newline !== -1 && newline < offset) {
        line++;
        lineStart = newline + 1;
        newline = this.text.indexOf('\n', lineStart);
      }
      positions[i] = { line, character: offset - lineStart };
    }
    return positions;
  }

  spanOf(startOffset: number, endOffset: number): TextSpan {
    return { start: this.position(startOffset), end: this.position(endOffset), startOffset, endOffset };
  }

  position(offset: number): Position {
    // Many findings on one long line (a flow written without line breaks) would each search on
    // to the line's end: the last line found answers them instead.
    const last = this.lastLine;
    if (offset >= last.start && offset <= last.end) return { line: last.line, character: offset - last.start };
    const checkpoint = this.checkpointAtOrBefore(offset);
    let line = checkpoint * LINES_PER_CHECKPOINT;
    let lineStart = this.checkpoints[checkpoint];
    let newline = this.text.indexOf('\n', lineStart);
    while (newline !== -1 && newline < offset) {
      line++;
      lineStart = newline + 1;
      newline = this.text.indexOf('\n', lineStart);
    }
    this.lastLine = { line, start: lineStart, end: newline === -1 ? this.text.length : newline };
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
    if (!this.allLinesCounted && points[points.length - 1] <= offset) this.countLines((start) => start > offset);
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
    if (!this.allLinesCounted && this.checkpoints.length <= index) this.countLines(() => this.checkpoints.length > index);
    return Math.min(index, this.checkpoints.length - 1);
  }

  /** Adds checkpoints until `enough` says so for the last one added, or the text ends. */
  private countLines(enough: (lastCheckpoint: number) => boolean): void {
    const { text, checkpoints } = this;
    let lineStart = checkpoints[checkpoints.length - 1];
    for (;;) {
      for (let line = 0; line < LINES_PER_CHECKPOINT; line++) {
        const newline = text.indexOf('\n', lineStart);
        if (newline === -1) {
          this.allLinesCounted = true;
          return;
        }
        lineStart = newline + 1;
      }
      checkpoints.push(lineStart);
      if (enough(lineStart)) return;
    }
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
    if (containerStart === this.rootStart && this.rootKeys && typeof segment === 'string') {
      if (!this.rootKeys.includes(segment)) return undefined;
      const fromEnd = this.rootMemberFromEnd(scan, segment);
      if (fromEnd) return fromEnd;
    }
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
      // For a duplicate key this scan keeps the first occurrence, while JSON.parse (and rootMemberFromEnd,
      // which searches from the end) keep the last. Keeping the last here would mean scanning on to the
      // container's end on every lookup, to know no later duplicate follows: too dear for a rare case.
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

  /**
   * Finds a root member by searching back from the end of the text for its name in quotes, when
   * that costs less than scanning on from where the root scan stands. A candidate counts only when
   * it is provably the member: the name is plain (no quotes, backslashes or punctuation), so an
   * unescaped quote before it opens a real string; a ':' follows, so that string is a key; and
   * reading on from there meets exactly the root members that follow it, in order, then the closing
   * brace and the end of the text, so the object holding that key is the root. Anything else falls
   * back to the forward scan.
   */
  private rootMemberFromEnd(scan: ContainerScan, key: string): MemberSpan | undefined {
    const keys = this.rootKeys!;
    const index = keys.indexOf(key);
    if (index === 0 || !PLAIN_KEY.test(key)) return undefined;
    const forwardFrom = scan.resumeAt === -1 ? this.text.length : scan.resumeAt;
    const needle = `"${key}"`;
    let budget = this.text.length;
    let candidate = this.text.lastIndexOf(needle);
    for (let tries = 0; tries < MAX_TAIL_CANDIDATES && candidate > forwardFrom; tries++) {
      // Reading from the candidate to the end should cost less than the forward scan to it.
      budget -= this.text.length - candidate;
      if (this.text.length - candidate > candidate - forwardFrom || budget < 0) return undefined;
      const members = this.text.charCodeAt(candidate - 1) === BACKSLASH ? undefined : this.membersToEnd(candidate, keys, index);
      if (members) {
        members.forEach((member, i) => {
          if (!scan.members.has(keys[index + i])) scan.members.set(keys[index + i], member);
        });
        return scan.members.get(key);
      }
      candidate = this.text.lastIndexOf(needle, candidate - 1);
    }
    return undefined;
  }

  /** The spans of root members keys[index...] read from `at` to the end of the text, or undefined when the text does not match. */
  private membersToEnd(at: number, keys: readonly string[], index: number): MemberSpan[] | undefined {
    const members: MemberSpan[] = [];
    for (let i = index; i < keys.length; i++) {
      if (this.text.charCodeAt(at) !== QUOTE) return undefined;
      const keyEnd = this.skipString(at);
      if (this.text.slice(at + 1, keyEnd - 1) !== keys[i] && this.decodeKey(at, keyEnd) !== keys[i]) return undefined;
      const colon = this.skipWhitespace(keyEnd);
      if (this.text.charCodeAt(colon) !== COLON) return undefined;
      const valueStart = this.skipWhitespace(colon + 1);
      const valueEnd = this.valueEnd(valueStart);
      members.push({ keyStart: at, keyEnd, valueStart, valueEnd });
      const next = this.skipWhitespace(valueEnd);
      const c = this.text.charCodeAt(next);
      if (i === keys.length - 1) {
        return c === CLOSE_BRACE && this.skipWhitespace(next + 1) === this.text.length ? members : undefined;
      }
      if (c !== COMMA) return undefined;
      at = this.skipWhitespace(next + 1);
    }
    return undefined;
  }

  private decodeKey(start: number, end: number): string | undefined {
    try {
      return JSON.parse(this.text.slice(start, end)) as string;
    } catch {
      return undefined;
    }
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
      end = this.skipContainer(pendingEnd, 1);
    } else if (scan && scan.resumeAt !== -1) {
      end = this.skipContainer(scan.resumeAt, 1);
    } else {
      end = this.skipContainer(at + 1, 1);
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
    if (c === OPEN_BRACE || c === OPEN_BRACKET) return this.skipContainer(at + 1, 1);
    let i = at;
    while (i < this.text.length) {
      const d = this.text.charCodeAt(i);
      if (d === COMMA || d === CLOSE_BRACE || d === CLOSE_BRACKET || isWhitespace(d)) break;
      i++;
    }
    return i;
  }

  /** Where a sticky pattern's match from `at` ends, or -1 when the regex engine gave up. */
  private match(pattern: RegExp, at: number): number {
    pattern.lastIndex = at;
    try {
      pattern.test(this.text);
      return pattern.lastIndex;
    } catch {
      return -1;
    }
  }

  /** Offset just past the container whose content starts at `from`, at nesting `depth`. */
  private skipContainer(from: number, depth: number): number {
    const length = this.text.length;
    let at = from;
    while (at < length) {
      let next = this.match(SKIP, at);
      // A huge container or string can exhaust the regex stack: then one bracket at a time.
      if (next === -1) next = this.match(SKIP_FLAT, at);
      if (next === -1) next = at;
      if (next === at) {
        // Stopped at a string the pattern could not take whole (or at broken text): step over it.
        next = this.text.charCodeAt(at) === QUOTE ? this.skipString(at) : at + 1;
      }
      const last = this.text.charCodeAt(next - 1);
      if (last === OPEN_BRACE || last === OPEN_BRACKET) depth++;
      else if ((last === CLOSE_BRACE || last === CLOSE_BRACKET) && --depth === 0) return next;
      at = next;
    }
    return length;
  }

}
