// The one sentence a finding shows in the Problems panel and the F8 peek. Rule messages say what is wrong,
// then (after ": ", "; " or a full stop) why it breaks a function and how to fix it; that detail is for the
// hover and the rule's page. Cut points inside quoted names and parentheses are not sentence ends.

/** Asides in parentheses are detail too, unless removing them would leave nothing. */
export function shortMessage(message: string): string {
  const cut = firstClauseEnd(message);
  const head = (cut === undefined ? message : message.slice(0, cut)).trim();
  const plain = withoutAsides(head).replace(/\s+([,.;])/g, '$1').replace(/\s{2,}/g, ' ').trim();
  const sentence = plain.length > 0 ? plain : head;
  return /[.?!]$/.test(sentence) ? sentence : `${sentence}.`;
}

/** The detail that shortMessage leaves out, or '' when the message is one sentence already. */
export function messageDetail(message: string): string {
  const cut = firstClauseEnd(message);
  if (cut === undefined) return '';
  return message.slice(cut).replace(/^[.:;?!]\s*/, '').trim();
}

/** Offset of the ": ", ". ", "? " or "; " that ends the first clause, outside quotes and parentheses. */
function firstClauseEnd(message: string): number | undefined {
  let quoted = false;
  let depth = 0;
  for (let i = 0; i < message.length - 1; i++) {
    const char = message[i];
    if (char === '\\' && quoted) {
      i++;
      continue;
    }
    if (char === '"') quoted = !quoted;
    if (quoted) continue;
    if (char === '(') depth++;
    else if (char === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && ':;.?'.includes(char) && message[i + 1] === ' ' && !isAbbreviation(message, i)) return ':;'.includes(char) ? i : i + 1;
  }
  return undefined;
}

/** "e.g. " and "i.e. " do not end a sentence. */
function isAbbreviation(message: string, dot: number): boolean {
  return message[dot] === '.' && /(?:^|\W)(?:e\.g|i\.e|etc)$/.test(message.slice(Math.max(0, dot - 4), dot));
}

function withoutAsides(text: string): string {
  let result = '';
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"' && depth === 0) quoted = !quoted;
    if (!quoted && char === '(') {
      depth++;
      continue;
    }
    if (!quoted && char === ')' && depth > 0) {
      depth--;
      continue;
    }
    if (depth === 0) result += char;
  }
  return result;
}
