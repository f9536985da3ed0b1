/** A replacement of text[offset, offset + length) by newText; what fixes produce and shells apply. */
export interface TextEdit {
  offset: number;
  length: number;
  newText: string;
}
