import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { applyEdits } from 'jsonc-parser';
import type { FixSpec } from '../../../src/core/flow/finding';
import { computeFix } from '../../../src/core/flow/fixes';
import type { FlowModel } from '../../../src/core/flow/model';
import { parseFlow } from '../../../src/core/flow/parse';
import type { TextEdit } from '../../../src/core/flow/textEdit';

export function readFixture(name: string): string {
  return fs.readFileSync(path.resolve(__dirname, '../../../../test/fixtures/fixes', name), 'utf8');
}

export function modelOf(text: string): FlowModel {
  const outcome = parseFlow(text);
  assert.strictEqual(outcome.kind, 'flow', 'fixture must parse as a flow');
  return (outcome as { model: FlowModel }).model;
}

export interface FixResult {
  edits: TextEdit[];
  text: string;
  /** The fixed text, parsed. */
  json: any;
}

/**
 * Runs a fix and applies its edits the way the editor does: all against the original text.
 * jsonc-parser's applyEdits rejects overlapping edits, so this also checks they are well-formed.
 */
export function runFix(text: string, fix: FixSpec): FixResult {
  const edits = computeFix(text, modelOf(text), fix);
  for (let i = 1; i < edits.length; i++) {
    assert.ok(edits[i - 1].offset + edits[i - 1].length <= edits[i].offset, 'edits must be sorted and must not overlap');
  }
  const result = applyEdits(text, edits.map((edit) => ({ offset: edit.offset, length: edit.length, content: edit.newText })));
  return { edits, text: result, json: JSON.parse(result) };
}

/** What each edit replaces in the original text. */
export function replaced(text: string, edits: TextEdit[]): string[] {
  return edits.map((edit) => text.slice(edit.offset, edit.offset + edit.length));
}

/** The leading whitespace of every line of `inserted` after its first. */
export function continuationIndents(inserted: string): string[] {
  return inserted.split(/\r?\n/).slice(1).map((line) => /^[ \t]*/.exec(line)![0]);
}

/** The indentation of the first line in `text` that contains `needle`. */
export function indentOfLineWith(text: string, needle: string): string {
  const at = text.indexOf(needle);
  assert.ok(at !== -1, `${needle} not found`);
  const lineStart = text.lastIndexOf('\n', at) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}
