import type { TextEdit } from '../textEdit';

/**
 * Adds `change`, which is relative to the text that `edits` produce, to `edits`, which are relative
 * to the original text. The result stays relative to the original: sorted, non-overlapping, with
 * edits that touch or overlap the change merged into one.
 */
export function composeEdit(edits: readonly TextEdit[], change: TextEdit): TextEdit[] {
  const start = change.offset;
  const end = change.offset + change.length;
  const before: TextEdit[] = [];
  const after: TextEdit[] = [];
  let delta = 0;
  let originalStart: number | undefined;
  let originalEnd: number | undefined;
  let prefix = '';
  let suffix = '';
  for (const edit of edits) {
    const currentStart = edit.offset + delta;
    const currentEnd = currentStart + edit.newText.length;
    if (currentEnd < start) {
      before.push(edit);
      delta += edit.newText.length - edit.length;
      continue;
    }
    if (currentStart > end) {
      after.push(edit);
      continue;
    }
    if (originalStart === undefined) {
      if (start < currentStart) {
        originalStart = start - delta;
      } else {
        originalStart = edit.offset;
        prefix = edit.newText.slice(0, start - currentStart);
      }
    }
    if (end <= currentEnd) {
      originalEnd = edit.offset + edit.length;
      suffix = edit.newText.slice(end - currentStart);
    } else {
      originalEnd = undefined;
      suffix = '';
    }
    delta += edit.newText.length - edit.length;
  }
  if (originalStart === undefined) originalStart = start - delta;
  if (originalEnd === undefined) originalEnd = end - delta;
  const merged = { offset: originalStart, length: originalEnd - originalStart, newText: prefix + change.newText + suffix };
  return [...before, merged, ...after];
}

/** Applies non-overlapping edits, all relative to `text`. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset);
  let result = '';
  let at = 0;
  for (const edit of sorted) {
    if (edit.offset < at) throw new Error('Overlapping text edits');
    result += text.slice(at, edit.offset) + edit.newText;
    at = edit.offset + edit.length;
  }
  return result + text.slice(at);
}
