// JSON paths at text offsets: which component a finding's range or the cursor is in. One pass of
// jsonc-parser's scanner answers any number of offsets; jsonc-parser's getLocation recurses (a deeply
// nested file overflows it) and answers one offset per pass.
import { createScanner, SyntaxKind } from 'jsonc-parser';
import type { JsonPath } from '../model';

interface Frame {
  array: boolean;
  /** Array: the index of the current element; object: the current member name (undefined before the first). */
  at: string | number | undefined;
}

/** The path of the innermost value (or member name) at `offset`; lenient on broken JSON. */
export function pathAtOffset(text: string, offset: number): JsonPath {
  return pathsAtOffsets(text, [offset])[0];
}

/** pathAtOffset for each offset, in the order given, in one pass over the text. */
export function pathsAtOffsets(text: string, offsets: readonly number[]): JsonPath[] {
  const order = offsets.map((_, index) => index).sort((a, b) => offsets[a] - offsets[b]);
  const paths: JsonPath[] = new Array<JsonPath>(offsets.length);
  const scanner = createScanner(text, true);
  const stack: Frame[] = [];
  let expectingKey = false;
  let next = 0;
  const snapshot = (): JsonPath => {
    const path: Array<string | number> = [];
    for (const frame of stack) {
      if (frame.at === undefined) break;
      path.push(frame.at);
    }
    return path;
  };
  for (let token = scanner.scan(); next < order.length; token = scanner.scan()) {
    // Every offset before this token's start lies in the structure read so far.
    while (next < order.length && (token === SyntaxKind.EOF || offsets[order[next]] <= scanner.getTokenOffset())) {
      paths[order[next++]] = snapshot();
    }
    if (token === SyntaxKind.EOF) break;
    const top = stack[stack.length - 1];
    switch (token) {
      case SyntaxKind.OpenBraceToken:
        stack.push({ array: false, at: undefined });
        expectingKey = true;
        break;
      case SyntaxKind.OpenBracketToken:
        stack.push({ array: true, at: 0 });
        expectingKey = false;
        break;
      case SyntaxKind.CloseBraceToken:
      case SyntaxKind.CloseBracketToken:
        stack.pop();
        expectingKey = false;
        break;
      case SyntaxKind.CommaToken:
        if (top?.array) top.at = (top.at as number) + 1;
        else if (top) {
          top.at = undefined;
          expectingKey = true;
        }
        break;
      case SyntaxKind.ColonToken:
        expectingKey = false;
        break;
      case SyntaxKind.StringLiteral:
        if (top && !top.array && expectingKey) top.at = scanner.getTokenValue();
        break;
      default:
        break;
    }
  }
  return paths;
}
