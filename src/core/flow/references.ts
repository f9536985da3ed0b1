// Parameter references, read exactly as NiFi's parameter parser reads them (AbstractParameterParser
// and ExpressionLanguageAgnosticParameterParser in nifi-commons/nifi-parameter):
// - a run of n '#' directly before '{' starts a token; n odd: the last '#' starts a reference, and the
//   (n - 1) / 2 pairs before it are escaped '#' characters; n even: the token is an escape (##{x} is
//   the literal text #{x});
// - the token runs to the next '}': everything between is the name, spaces included (#{Kafka Topic});
// - NiFi 2.x reads a name wrapped in single quotes without them (#{'Kafka Topic'}); a name holding any
//   other quote makes the token no reference at all;
// - the parser resumes after a token's '}', so nothing inside a token (not even an escaped one)
//   starts another; where no '}' follows or the quotes are wrong, it resumes after the '{'.

export interface ParameterReference {
  name: string;
  /** Index of the '#' that starts the reference, in the decoded string. */
  start: number;
  /** Length of the whole reference, from that '#' to the closing '}'. */
  length: number;
  /** Index and length of the name itself (without quotes), for renames and completion. */
  nameStart: number;
  nameLength: number;
  /** True when the name is written in single quotes. */
  quoted: boolean;
}

const HASH = 35;

export function findReferences(value: string): ParameterReference[] {
  const references: ParameterReference[] = [];
  // Every token needs "#{": values without one (nearly all of them) cost one search.
  let brace = value.indexOf('#{') + 1;
  if (brace === 0) return references;
  // Where the parser resumes: '#' before this index were consumed by an earlier token.
  let from = 0;
  // The next '}' and quotes are searched only forward, each from where the last search ended, so
  // hostile values ("#{'#{'#{'...") stay linear.
  const next = new Forward(value);
  while (brace > 0) {
    let hashes = 0;
    while (brace - hashes - 1 >= from && value.charCodeAt(brace - hashes - 1) === HASH) hashes++;
    const close = next.at('}', brace);
    if (close === -1) break;
    let resume = brace + 1;
    if (hashes % 2 === 0) {
      resume = close + 1;
    } else {
      const reference = readReference(value, brace, close, next);
      if (reference) {
        references.push(reference);
        resume = close + 1;
      }
    }
    from = resume;
    brace = value.indexOf('#{', resume) + 1;
  }
  return references;
}

/** indexOf for a few characters, for positions that only grow: each search resumes where the last ended. */
class Forward {
  private readonly found = new Map<string, number>();

  constructor(private readonly value: string) {}

  at(char: string, position: number): number {
    const known = this.found.get(char);
    if (known !== undefined && (known === -1 || known >= position)) return known;
    const found = this.value.indexOf(char, position);
    this.found.set(char, found);
    return found;
  }
}

function readReference(value: string, brace: number, close: number, next: Forward): ParameterReference | undefined {
  const start = brace - 1;
  const length = close + 1 - start;
  const nameStart = brace + 1;
  const firstQuote = next.at("'", nameStart);
  if (firstQuote === -1 || firstQuote > close) {
    return { name: value.slice(nameStart, close), start, length, nameStart, nameLength: close - nameStart, quoted: false };
  }
  // A quote in the name: only '...' around all of it, with no quote inside, is a reference.
  const inner = close - nameStart - 2;
  if (inner < 0 || firstQuote !== nameStart || next.at("'", nameStart + 1) !== close - 1) return undefined;
  const name = value.slice(nameStart + 1, close - 1);
  return { name, start, length, nameStart: nameStart + 1, nameLength: inner, quoted: true };
}

/** NiFi's rule for parameter names (ParameterContextResource): letters, digits, space, '.', '_' and '-'. */
const NIFI_PARAMETER_NAME = /^[A-Za-z0-9 ._-]+$/;

export function isNiFiParameterName(name: string): boolean {
  return NIFI_PARAMETER_NAME.test(name);
}

/**
 * How a reference to `name` is written: bare, which every NiFi version reads the same way, spaces
 * included (quotes are read only by NiFi 2.x, and a name NiFi allows never needs them).
 */
export function referenceText(name: string): string {
  return `#{${name}}`;
}

/** The quoted form, #{'name'}, for a reference the user started with a quote. */
export function quotedReferenceText(name: string): string {
  return `#{'${name}'}`;
}
