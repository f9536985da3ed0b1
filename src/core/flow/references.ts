// Parameter references inside property values: #{name} and #{'quoted name'}.
// A run of '#' before '{' references when its length is odd; an even run is an escape (##{x} is literal).

export interface ParameterReference {
  name: string;
  /** Index of the first '#' that belongs to the reference, in the decoded string. */
  start: number;
  /** Length of the whole reference, from that '#' to the closing '}'. */
  length: number;
  /** Index and length of the name itself (without quotes), for renames and completion. */
  nameStart: number;
  nameLength: number;
}

export function findReferences(value: string): ParameterReference[] {
  const references: ParameterReference[] = [];
  let at = value.indexOf('#{');
  while (at !== -1) {
    let hashes = 1;
    while (at - hashes >= 0 && value.charCodeAt(at - hashes) === 35 /* # */) hashes++;
    const next = hashes % 2 === 1 ? readReference(value, at) : undefined;
    if (next) {
      references.push(next);
      at = value.indexOf('#{', next.start + next.length);
    } else {
      at = value.indexOf('#{', at + 2);
    }
  }
  return references;
}

function readReference(value: string, hashAt: number): ParameterReference | undefined {
  const open = hashAt + 2;
  if (value.charCodeAt(open) === 39 /* ' */) {
    const closeQuote = value.indexOf("'", open + 1);
    if (closeQuote === -1 || value.charCodeAt(closeQuote + 1) !== 125 /* } */) return undefined;
    const name = value.slice(open + 1, closeQuote);
    return { name, start: hashAt, length: closeQuote + 2 - hashAt, nameStart: open + 1, nameLength: name.length };
  }
  const close = value.indexOf('}', open);
  if (close === -1) return undefined;
  const name = value.slice(open, close);
  if (name.length === 0 || /[\s'{#]/.test(name)) return undefined;
  return { name, start: hashAt, length: close + 1 - hashAt, nameStart: open, nameLength: name.length };
}

/** How a parameter name is written in a reference: bare when NiFi allows it, quoted otherwise. */
export function referenceText(name: string): string {
  return /^[A-Za-z0-9_.\-]+$/.test(name) ? `#{${name}}` : `#{'${name}'}`;
}
