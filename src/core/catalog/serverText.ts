// Text that came from the server, made safe to show: control characters (terminal escape
// sequences included) replaced, and long text shortened.

/** C0 and C1 controls and DEL; line breaks and tabs too unless kept. */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const CONTROLS_AND_BREAKS = /[\u0000-\u001f\u007f-\u009f]/g;

/** Replaces control characters with U+FFFD; `keepLines` keeps line breaks and tabs. */
export function withoutControls(text: string, keepLines = false): string {
  return text.replace(keepLines ? CONTROLS : CONTROLS_AND_BREAKS, '\uFFFD');
}

/** One line of at most `max` characters, without control characters. */
export function shortServerText(text: string, max = 300): string {
  const flat = withoutControls(text.replace(/\s+/g, ' ').trim());
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
