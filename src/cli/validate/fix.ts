// `dff validate --fix` and `--fix-dry-run`: the unambiguous fixes of fix-all (core/flow/fixAll.ts), applied
// to a file's text as the editor applies them, so the layout around each change is the file's own.
import type { FixSpec } from '../../core/flow/finding';
import { fixAll } from '../../core/flow/fixAll';
import { fixTitle } from '../../core/flow/fixes';
import type { TextEdit } from '../../core/flow/textEdit';
import type { TextEncoding } from '../decodeText';

export type FixMode = 'fix' | 'dry-run';

export interface FileFix {
  /** The text after the fixes; the same as before when none applied. */
  text: string;
  applied: FixSpec[];
  /** One edit from the text read to the fixed one, or none. */
  edits: TextEdit[];
}

export function fixFlowText(text: string, failurePorts: readonly string[]): FileFix {
  const { text: fixed, applied, edits } = fixAll(text, { failurePorts });
  return { text: fixed, applied, edits };
}

/** The fixed text as the file's bytes: its encoding, and its byte-order mark when it had one. */
export function encodeText(text: string, encoding: TextEncoding, bom: boolean): Buffer {
  const marked = bom ? `\ufeff${text}` : text;
  if (encoding === 'utf-8') return Buffer.from(marked, 'utf8');
  const little = Buffer.from(marked, 'utf16le');
  return encoding === 'utf-16le' ? little : little.swap16();
}

/** "path: fixed 2 problems" (or "would fix"), then each fix's title. */
export function fixReport(shown: string, fix: FileFix, mode: FixMode): string[] {
  const count = fix.applied.length;
  const lines = [`${shown}: ${mode === 'fix' ? 'fixed' : 'would fix'} ${count} problem${count === 1 ? '' : 's'}`];
  for (const applied of fix.applied) lines.push(`  - ${fixTitle(applied)}`);
  return lines;
}

/**
 * The change as a unified diff (`patch -p1` applies it): one hunk over the lines the edit touches,
 * with up to three lines of context either side, line numbers 1-based.
 */
export function unifiedDiff(shown: string, before: string, after: string, edit: TextEdit): string[] {
  const oldLines = splitLines(before);
  const newLines = splitLines(after);
  const firstLine = Math.min(lineOf(before, edit.offset), oldLines.length - 1);
  const lastOldLine = Math.min(lineOf(before, edit.offset + edit.length), oldLines.length - 1);
  const lastNewLine = Math.min(lineOf(after, edit.offset + edit.newText.length), newLines.length - 1);
  const context = 3;
  const start = Math.max(0, firstLine - context);
  const oldEnd = Math.min(oldLines.length - 1, lastOldLine + context);
  const newEnd = lastNewLine + (oldEnd - lastOldLine);
  const lines = [
    `--- a/${shown}`,
    `+++ b/${shown}`,
    `@@ -${start + 1},${oldEnd - start + 1} +${start + 1},${newEnd - start + 1} @@`,
  ];
  for (let i = start; i < firstLine; i++) lines.push(` ${oldLines[i]}`);
  for (let i = firstLine; i <= lastOldLine; i++) lines.push(`-${oldLines[i]}`);
  for (let i = firstLine; i <= lastNewLine; i++) lines.push(`+${newLines[i]}`);
  for (let i = lastOldLine + 1; i <= oldEnd; i++) lines.push(` ${oldLines[i]}`);
  return lines;
}

/** The lines, without the empty one after a final newline (a diff has no such line). */
function splitLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** 0-based line of an offset, counting \n (a \r before it stays with its line). */
function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) line++;
  return line;
}
