// Usage errors of every dff command: raised while parsing arguments, printed with where the help is.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CliIo } from './io';

/** A message that says what is wrong with the command line and what to type instead. */
export class UsageError extends Error {}

type OptionSpec = { type: 'string' | 'boolean'; short?: string };

export interface UsageWords {
  /** The command as typed, for examples: 'validate', 'catalog push'. */
  command?: string;
  /** What an option's value looks like, for "needs a value" messages: { format: '--format json' }. */
  examples?: Record<string, string>;
}

/**
 * node:util parseArgs, with what it would refuse (an unknown option, a missing value, a stray
 * argument) said in the command's terms: node's own messages speak of positionals and '--'.
 */
export function parseArgsOrUsage<T extends ParseArgsConfig>(config: T, words: UsageWords = {}): ReturnType<typeof parseArgs<T>> {
  const options = (config.options ?? {}) as Record<string, OptionSpec>;
  const parsed = parseArgs({ ...config, strict: false, tokens: true });
  for (const token of parsed.tokens ?? []) {
    if (token.kind === 'positional' && !config.allowPositionals) throw new UsageError(`unexpected argument "${token.value}"`);
    if (token.kind !== 'option') continue;
    const option = options[token.name];
    if (!option) throw new UsageError(unknownOption(token.rawName, options, config.allowPositionals === true, words.command));
    if (option.type === 'string' && token.value === undefined) {
      const example = words.examples?.[token.name];
      throw new UsageError(`${token.rawName} needs a value${example ? `, e.g. ${example}` : ''}`);
    }
    if (option.type === 'boolean' && token.value !== undefined) throw new UsageError(`${token.rawName} takes no value`);
  }
  return parsed as unknown as ReturnType<typeof parseArgs<T>>;
}

/** "unknown option" with the close option it may have meant and the ones there are. */
function unknownOption(rawName: string, options: Record<string, OptionSpec>, takesFiles: boolean, command: string | undefined): string {
  const names = Object.keys(options);
  const bare = rawName.replace(/^-+/, '').toLowerCase();
  const close = names.find((name) => editDistance(bare, name) <= 2 || (bare.length >= 2 && name.startsWith(bare)));
  const listed = names.map((name) => `--${name}${options[name].short ? ` (-${options[name].short})` : ''}`);
  const list = listed.length > 1 ? `${listed.slice(0, -1).join(', ')} and ${listed[listed.length - 1]}` : listed.join('');
  return (
    `unknown option "${rawName}"${close ? ` (did you mean --${close}?)` : ''}. The options are ${list}` +
    (takesFiles ? `; to name a file whose name starts with "-", write it after --, as in ${command ? `dff ${command} ` : ''}-- -file.json` : '')
  );
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** Runs `parse`; a UsageError is printed for `dff <command>` and gives undefined (the caller exits 2). */
export function parseOrReportUsage<T>(command: string, parse: () => T, io: CliIo): T | undefined {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`dff ${command}: ${error.message}\nRun "dff ${command} --help" for usage.\n`);
    return undefined;
  }
}
