// The first JSON syntax error in a text, with the place and a reason a person understands. It
// follows jsonc-parser's parse (strict JSON: no comments, no trailing commas) token by token, with
// a stack of its own instead of jsonc-parser's recursion, which a deeply nested file overflows.
import { createScanner, ScanError, SyntaxKind, type JSONScanner } from 'jsonc-parser';

export interface SyntaxProblem {
  offset: number;
  length: number;
  reason: string;
}

type Frame = { inObject: boolean; needsComma: boolean };

/** The first syntax error, or undefined when the text is one valid JSON value. */
export function firstSyntaxProblem(text: string): SyntaxProblem | undefined {
  const scanner = createScanner(text, false);
  let problem: SyntaxProblem | undefined;
  const fail = (reason: string): SyntaxProblem => (problem ??= {
    offset: scanner.getTokenOffset(),
    length: scanner.getTokenLength(),
    reason,
  });
  /** The next token that is not trivia; sets `problem` when the token itself is malformed. */
  const next = (): SyntaxKind => {
    for (;;) {
      const token = scanner.scan();
      const scanProblem = scanErrorReason(scanner.getTokenError());
      if (scanProblem) fail(scanProblem);
      switch (token) {
        case SyntaxKind.LineCommentTrivia:
        case SyntaxKind.BlockCommentTrivia:
          fail('comments are not allowed in flow definitions');
          break;
        case SyntaxKind.Unknown:
          fail(unknownReason(scanner));
          break;
        case SyntaxKind.Trivia:
        case SyntaxKind.LineBreakTrivia:
          break;
        default:
          return token;
      }
      if (problem) return token;
    }
  };

  const stack: Frame[] = [];
  let token = next();
  if (problem) return problem;
  if (token === SyntaxKind.EOF) return fail('the file is empty: a JSON object is expected');
  // Each turn starts a value (expectValue) or continues the innermost container.
  let expectValue = true;
  for (;;) {
    if (expectValue) {
      expectValue = false;
      if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) {
        stack.push({ inObject: token === SyntaxKind.OpenBraceToken, needsComma: false });
      } else if (token === SyntaxKind.NumericLiteral) {
        if (Number.isNaN(Number(scanner.getTokenValue()))) return fail('this number is not written as JSON numbers are');
      } else if (!isLiteral(token)) {
        return fail('a value is expected here');
      }
      token = next();
      if (problem) return problem;
    }
    const frame = stack[stack.length - 1];
    if (!frame) return token === SyntaxKind.EOF ? undefined : fail('there is text after the end of the JSON');
    const close = frame.inObject ? SyntaxKind.CloseBraceToken : SyntaxKind.CloseBracketToken;
    if (token === close) {
      stack.pop();
      token = next();
      if (problem) return problem;
      continue;
    }
    if (token === SyntaxKind.EOF) return fail(frame.inObject ? "a closing '}' is missing" : "a closing ']' is missing");
    if (token === SyntaxKind.CommaToken) {
      if (!frame.needsComma) return fail('a value is expected here');
      token = next();
      if (problem) return problem;
      if (token === close) return fail(frame.inObject ? 'a property name in double quotes is expected here (no comma after the last member)' : 'a value is expected here (no comma after the last item)');
    } else if (frame.needsComma) {
      return fail("a ',' is expected here");
    }
    frame.needsComma = true;
    if (frame.inObject) {
      if (token !== SyntaxKind.StringLiteral) return fail('a property name in double quotes is expected here');
      token = next();
      if (problem) return problem;
      if (token !== SyntaxKind.ColonToken) return fail("a ':' is expected here");
      token = next();
      if (problem) return problem;
    }
    expectValue = true;
  }
}

function isLiteral(token: SyntaxKind): boolean {
  return token === SyntaxKind.StringLiteral || token === SyntaxKind.TrueKeyword ||
    token === SyntaxKind.FalseKeyword || token === SyntaxKind.NullKeyword;
}

function scanErrorReason(error: ScanError): string | undefined {
  switch (error) {
    case ScanError.None: return undefined;
    case ScanError.UnexpectedEndOfString: return 'a string is not closed';
    case ScanError.UnexpectedEndOfNumber: return 'a number ends too early (a digit is missing)';
    case ScanError.InvalidUnicode: return 'a \\u escape needs four hexadecimal digits';
    case ScanError.InvalidEscapeCharacter: return 'a string has an invalid escape (\\)';
    case ScanError.InvalidCharacter: return 'a string holds a control character (e.g. a raw tab or line break)';
    case ScanError.UnexpectedEndOfComment: return 'a comment is not closed (comments are not allowed in flow definitions)';
    default: return 'the text here is not JSON';
  }
}

/** What the user typed that JSON does not know, said in JSON's terms. */
function unknownReason(scanner: JSONScanner): string {
  const value = scanner.getTokenValue();
  if (value.startsWith("'")) return 'strings and names must be in double quotes (") in JSON, not single quotes';
  if (/^(?:True|False|Null|TRUE|FALSE|NULL|None|undefined|NaN|Infinity)$/.test(value)) {
    return 'JSON writes only true, false and null in lower case (and has no undefined, NaN or Infinity)';
  }
  return 'unexpected text here: JSON allows only strings in double quotes, numbers, true, false, null, objects and arrays';
}
