/** "1 error", "2 errors": a count with its noun, for messages. */
export function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
