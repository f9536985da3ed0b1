// How a flow definition from the catalog is shown: as stored when it is already laid out on lines
// (so comparing it with the file that was pushed shows no change), otherwise laid out as NiFi
// writes flow definitions (Jackson's default pretty printer), so it compares well with NiFi's files.

/**
 * The text to show for a flow version: the catalog's text unchanged when it is multi-line (or not
 * JSON), else `formatLikeNiFi` of it with a final line break, as NiFi's downloads end.
 */
export function flowTextForDisplay(text: string): string {
  // A line break in valid JSON can only be layout: JSON strings cannot hold a raw one. A final
  // line break alone does not make minified text laid out.
  if (text.trim().includes('\n')) return text;
  try {
    return `${formatLikeNiFi(text)}\n`;
  } catch {
    return text;
  }
}

interface Frame {
  isObject: boolean;
  entries: number;
}

/**
 * Lays out JSON text as NiFi does: `"key" : value`, objects two spaces deeper per level, arrays on
 * the line they open (`[ {` ... `}, {` ... `} ]`), `[ ]` and `{ }` when empty. Strings and numbers
 * are kept exactly as written (so `1.0` stays `1.0`). Throws a SyntaxError when the text is not JSON.
 */
export function formatLikeNiFi(text: string): string {
  JSON.parse(text); // the layout below trusts that the text is JSON
  const out: string[] = [];
  const frames: Frame[] = [];
  const indents: string[] = [''];
  const indent = (depth: number): string => (indents[depth] ??= '  '.repeat(depth));
  let depth = 0; // objects open around the current position: arrays do not indent
  let afterColon = false;

  /** Called before a key, or a value that is not an object's (its key already began the entry). */
  const beginElement = (): void => {
    const frame = frames[frames.length - 1];
    if (!frame || afterColon) {
      afterColon = false;
      return;
    }
    if (frame.entries === 0) out.push(frame.isObject ? `\n${indent(depth)}` : ' ');
    frame.entries++;
  };

  for (let at = 0; at < text.length; ) {
    const char = text[at];
    switch (char) {
      case ' ':
      case '\t':
      case '\n':
      case '\r':
        at++;
        break;
      case '{':
      case '[':
        beginElement();
        frames.push({ isObject: char === '{', entries: 0 });
        if (char === '{') depth++;
        out.push(char);
        at++;
        break;
      case '}': {
        const frame = frames.pop();
        depth--;
        out.push(frame && frame.entries > 0 ? `\n${indent(depth)}}` : ' }');
        at++;
        break;
      }
      case ']':
        frames.pop();
        out.push(' ]');
        at++;
        break;
      case ',':
        out.push(frames[frames.length - 1]?.isObject ? `,\n${indent(depth)}` : ', ');
        at++;
        break;
      case ':':
        out.push(' : ');
        afterColon = true;
        at++;
        break;
      case '"': {
        const end = endOfString(text, at);
        beginElement(); // a key, or a value
        out.push(text.slice(at, end));
        at = end;
        break;
      }
      default: {
        let end = at + 1;
        while (end < text.length && !DELIMITERS.has(text[end])) end++;
        beginElement();
        out.push(text.slice(at, end));
        at = end;
      }
    }
  }
  return out.join('');
}

const DELIMITERS = new Set([' ', '\t', '\n', '\r', ',', ':', '{', '}', '[', ']', '"']);

/** The index just past the closing quote of the string that starts at `start`. */
function endOfString(text: string, start: number): number {
  let quote = text.indexOf('"', start + 1);
  for (;;) {
    let backslashes = 0;
    while (text[quote - 1 - backslashes] === '\\') backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    quote = text.indexOf('"', quote + 1);
  }
}
