// Asking "apply these changes?" on a terminal. Only main.ts's process io has it, and only when both
// standard input and standard error are terminals; anything else must pass --yes.
import { createInterface } from 'node:readline/promises';

export interface ConfirmingIo {
  /** Asks a yes/no question; absent when nobody can answer (CI, pipes, tests). */
  confirm?(question: string): Promise<boolean>;
}

export async function askOnTerminal(question: string): Promise<boolean> {
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await prompt.question(`${question} [y/N] `);
    return /^(y|yes)$/i.test(answer.trim());
  } finally {
    prompt.close();
  }
}
