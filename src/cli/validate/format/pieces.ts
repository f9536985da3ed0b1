/**
 * Output gathered into pieces of about PIECE_LENGTH characters: writing line by line costs a call
 * each, and one string of everything may pass what a string can hold (a million findings' SARIF).
 */
const PIECE_LENGTH = 1 << 20;

export class Pieces {
  private parts: string[] = [];
  private length = 0;
  readonly done: string[] = [];

  add(text: string): void {
    this.parts.push(text);
    this.length += text.length;
    if (this.length >= PIECE_LENGTH) this.flush();
  }

  /** The pieces, the last one included. */
  end(): string[] {
    this.flush();
    return this.done;
  }

  private flush(): void {
    if (this.parts.length === 0) return;
    this.done.push(this.parts.join(''));
    this.parts = [];
    this.length = 0;
  }
}

/** JSON.stringify(value, null, 2), each line after the first indented by `indent` more spaces. */
export function indentedJson(value: unknown, indent: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${' '.repeat(indent)}`);
}
