// Names close to a misspelt one, for "Did you mean …?" and the replaceReference fix.

/** How many edits (ignoring case) a name may be from the misspelt one and still be suggested. */
const MAX_EDITS = 2;

/**
 * Up to `limit` candidates whose name equals `name` ignoring case or is at most two edits from it,
 * closest first (ties: fewer edits with case, then the candidates' own order). A candidate is never
 * suggested when every character would change, so short names do not match anything of their length.
 */
export function closeNames<T extends { name: string }>(name: string, candidates: Iterable<T>, limit = 3): T[] {
  const lower = name.toLowerCase();
  const ranked: { candidate: T; edits: number; exactEdits: number; order: number }[] = [];
  let order = 0;
  for (const candidate of candidates) {
    order++;
    if (candidate.name === name) continue;
    const edits = editDistance(lower, candidate.name.toLowerCase(), MAX_EDITS);
    if (edits > MAX_EDITS || edits >= Math.min(name.length, candidate.name.length)) continue;
    ranked.push({ candidate, edits, exactEdits: editDistance(name, candidate.name, Infinity), order });
  }
  ranked.sort((a, b) => a.edits - b.edits || a.exactEdits - b.exactEdits || a.order - b.order);
  return ranked.slice(0, limit).map((item) => item.candidate);
}

/** Levenshtein distance; any value above `max` is reported as max + 1 without computing it exactly. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length];
}
