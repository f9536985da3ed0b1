// The text of a flow definition while a fix changes it step by step. Each step is computed on the
// current text; the draft keeps the steps composed into edits relative to the original text,
// because the editor applies all edits of one fix against the original document.
import { JsonLocator } from '../locate';
import type { TextEdit } from '../textEdit';
import { applyTextEdits, composeEdit } from './composeEdits';
import type { JsonStyle } from './jsonStyle';

/** One state of the text, with a locator for it and the formatting style of the file. */
export interface JsonDocument {
  text: string;
  locator: JsonLocator;
  style: JsonStyle;
}

export class TextDraft {
  private current: JsonDocument;
  private composed: TextEdit[] = [];

  constructor(original: JsonDocument) {
    this.current = original;
  }

  get doc(): JsonDocument {
    return this.current;
  }

  /** Applies edits that are relative to the current text and do not overlap one another. */
  apply(edits: ReadonlyArray<TextEdit | undefined>): void {
    const real = edits.filter((edit): edit is TextEdit => edit !== undefined && (edit.length > 0 || edit.newText.length > 0));
    if (real.length === 0) return;
    const text = applyTextEdits(this.current.text, real);
    if (this.composed.length === 0) {
      // The first batch is relative to the original already (and may be large: every reference of a rename).
      this.composed = [...real].sort((a, b) => a.offset - b.offset);
    } else {
      // Highest offset first, so each edit's offsets are still valid in the text the composition tracks.
      for (const edit of [...real].sort((a, b) => b.offset - a.offset)) this.composed = composeEdit(this.composed, edit);
    }
    this.current = { text, locator: new JsonLocator(text), style: this.current.style };
  }

  /** The edits that turn the original text into the current one. */
  edits(): TextEdit[] {
    return this.composed.map((edit) => ({ ...edit }));
  }
}
