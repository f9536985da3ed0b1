// Recognises a NiFi flow definition by content, not by file name.

/**
 * How far into a JSON object whose members are not all a flow definition's the search for
 * "flowContents" goes: characters of text (close enough to bytes for this purpose). See FlowDetector.
 */
export const DETECTION_HEAD_BYTES = 256 * 1024;

/**
 * The members NiFi writes at the top of a flow definition, in any order (Jackson's order differs
 * between NiFi versions; registry copies add the last three).
 */
const FLOW_ROOT_MEMBERS: ReadonlySet<string> = new Set([
  'flowContents', 'externalControllerServices', 'parameterContexts', 'parameterProviders', 'flowEncodingVersion',
  'latest', 'snapshotMetadata', 'flow', 'bucket',
]);

/** Longer member names cannot be "flowContents", even written with \u escapes. */
const MAX_KEY_TEXT = 6 * 'flowContents'.length;

export type Detection = 'flow' | 'notFlow' | 'undecided';

// The next character that matters inside a string, and between strings.
const STRING_STOP = /["\\]/g;
const STRUCTURE = /["{}[\]]/g;

/**
 * Decides whether a text is a flow definition's by its root object's member names, fed in chunks
 * so that a file never has to be read whole to be turned down:
 * - "flowContents" is a member of the root object, wherever it stands: a flow (parse it and see);
 * - the text is not a JSON object, or its root object closes without that member: not a flow;
 * - the root object has a member no flow definition has and the text goes on past
 *   DETECTION_HEAD_BYTES without "flowContents": not a flow. A flow definition holds only NiFi's
 *   members, so one that puts a big parameterContexts first is read on to its flowContents, while
 *   a big JSON file of any other kind is turned down after its first DETECTION_HEAD_BYTES.
 * The scan is lenient about broken JSON: a string at the root's level followed by ':' is a member
 * name, so a flow with a syntax error is still recognised and gets its syntax finding.
 */
export class FlowDetector {
  private result: Detection = 'undecided';
  /** Characters fed before the current chunk. */
  private consumed = 0;
  private started = false;
  private depth = 0;
  private inString = false;
  /** A backslash ended the last chunk inside a string: the next character is escaped. */
  private escaped = false;
  /** The current string is at the root's level: a member name, or a value. */
  private collecting = false;
  private keyText = '';
  /** A root-level string just closed: it is a member name if ':' comes next. */
  private awaitingColon = false;
  private foreignMember = false;

  /** Feeds the next part of the text; the answer is final once it is not 'undecided'. */
  feed(chunk: string): Detection {
    if (this.result !== 'undecided') return this.result;
    const length = chunk.length;
    let at = 0;
    if (!this.started) {
      at = skipWhitespace(chunk, at);
      if (at === length) {
        this.consumed += length;
        return this.result;
      }
      if (chunk.charCodeAt(at) !== 123 /* { */) return (this.result = 'notFlow');
      this.started = true;
      this.depth = 1;
      at++;
    }
    while (at < length) {
      if (this.inString) {
        if (this.escaped) {
          this.escaped = false;
          if (this.collecting) this.collect(chunk, at, at + 1);
          at++;
          continue;
        }
        // One search per escape or closing quote (a pattern that takes escapes whole would
        // exhaust the regex engine's stack on a string of millions of them).
        STRING_STOP.lastIndex = at;
        const stop = STRING_STOP.exec(chunk);
        const end = stop ? stop.index : length;
        if (this.collecting) this.collect(chunk, at, end);
        if (end === length) break;
        if (chunk.charCodeAt(end) === 92 /* \ */) {
          if (this.collecting) this.collect(chunk, end, end + 1);
          // The escaped character is taken next, in this chunk or the next one.
          this.escaped = true;
          at = end + 1;
          continue;
        }
        this.inString = false;
        at = end + 1;
        if (this.collecting) {
          this.collecting = false;
          this.awaitingColon = true;
        }
        continue;
      }
      if (this.awaitingColon) {
        at = skipWhitespace(chunk, at);
        if (at === length) break;
        this.awaitingColon = false;
        if (chunk.charCodeAt(at) === 58 /* : */) {
          this.member(this.keyText, this.consumed + at);
          if (this.result !== 'undecided') return this.result;
          at++;
        }
        continue;
      }
      STRUCTURE.lastIndex = at;
      const found = STRUCTURE.exec(chunk);
      if (!found) break;
      if (this.foreignMember && this.consumed + found.index >= DETECTION_HEAD_BYTES) return (this.result = 'notFlow');
      at = found.index + 1;
      const c = chunk.charCodeAt(found.index);
      if (c === 34 /* " */) {
        this.inString = true;
        this.collecting = this.depth === 1;
        this.keyText = '';
      } else if (c === 123 /* { */ || c === 91 /* [ */) {
        this.depth++;
      } else if (--this.depth === 0) {
        return (this.result = 'notFlow');
      }
    }
    this.consumed += length;
    // Decided here without waiting for the next chunk, unless a member name that began before the
    // limit is still being read: the answer never depends on where the chunks split.
    const memberNameOpen = (this.inString && this.collecting) || this.awaitingColon;
    if (this.foreignMember && this.consumed >= DETECTION_HEAD_BYTES && !memberNameOpen) this.result = 'notFlow';
    return this.result;
  }

  /** The answer once the whole text was fed: a text that ended undecided is not a flow. */
  finish(): 'flow' | 'notFlow' {
    return this.result === 'flow' ? 'flow' : 'notFlow';
  }

  private collect(chunk: string, start: number, end: number): void {
    // One character more than the longest name that can matter marks the name as too long.
    if (this.keyText.length <= MAX_KEY_TEXT) this.keyText += chunk.slice(start, Math.min(end, start + MAX_KEY_TEXT + 1));
  }

  private member(keyText: string, offset: number): void {
    const name = keyText.length > MAX_KEY_TEXT ? undefined : keyText.includes('\\') ? decodeKey(keyText) : keyText;
    if (name === 'flowContents') {
      this.result = 'flow';
    } else if (name === undefined || !FLOW_ROOT_MEMBERS.has(name)) {
      this.foreignMember = true;
      if (offset >= DETECTION_HEAD_BYTES) this.result = 'notFlow';
    }
  }
}

/**
 * Cheap test on the beginning of a text (or all of it): false means not a flow definition (see
 * FlowDetector); true means "read on and parse it" (parseFlow decides on the whole text).
 */
export function mayBeFlowDefinition(head: string): boolean {
  return new FlowDetector().feed(head) !== 'notFlow';
}

/** FlowDetector's answer on a whole text. */
export function detectFlow(text: string): 'flow' | 'notFlow' {
  const detector = new FlowDetector();
  detector.feed(text);
  return detector.finish();
}

/** The content test on parsed JSON, as nifi-flow-definition.md describes it. */
export function isFlowDefinition(root: unknown): boolean {
  if (!isObject(root)) return false;
  const contents = root.flowContents;
  if (!isObject(contents)) return 'flowContents' in root && ('flowEncodingVersion' in root || 'parameterContexts' in root);
  const looksLikeGroup =
    contents.componentType === 'PROCESS_GROUP' || Array.isArray(contents.processors) || Array.isArray(contents.connections);
  return looksLikeGroup || 'flowEncodingVersion' in root || 'parameterContexts' in root;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function skipWhitespace(text: string, at: number): number {
  while (at < text.length) {
    const c = text.charCodeAt(at);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) break;
    at++;
  }
  return at;
}

function decodeKey(keyText: string): string | undefined {
  try {
    return JSON.parse(`"${keyText}"`) as string;
  } catch {
    return undefined;
  }
}
