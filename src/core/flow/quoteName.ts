// Names and other text from a flow file, as messages show them: a file may hold names of millions
// of characters, or with control characters that a terminal would act on.

/** How many characters of a name a message shows. */
export const MAX_NAME_IN_MESSAGE = 100;

// C0 and C1 control characters, DEL, line and paragraph separators, and the bidirectional
// overrides and isolates that can make text display in another order than it reads.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `"name"`: in double quotes, control characters escaped (\n, \u0000), cut to MAX_NAME_IN_MESSAGE characters with "…". */
export function quoteName(name: string): string {
  return `"${shortText(name)}"`;
}

/** Text from the file, escaped and cut as quoteName does, without the quotes. */
export function shortText(text: string): string {
  let shown = text;
  if (shown.length > MAX_NAME_IN_MESSAGE) {
    let end = MAX_NAME_IN_MESSAGE;
    // Never half of a surrogate pair.
    const last = shown.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff) end--;
    shown = `${shown.slice(0, end)}…`;
  }
  return escapeControlCharacters(shown);
}

/** Control characters as escapes a reader can see: \n, \t, \r, or \uXXXX. */
export function escapeControlCharacters(text: string): string {
  CONTROL.lastIndex = 0;
  if (!CONTROL.test(text)) return text;
  return text.replace(CONTROL, (c) => {
    switch (c) {
      case '\n': return '\\n';
      case '\r': return '\\r';
      case '\t': return '\\t';
      default: return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    }
  });
}
