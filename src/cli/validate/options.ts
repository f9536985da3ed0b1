// `dff validate` arguments -> options, or a usage error that says what to do.
import { parseArgs } from 'node:util';
import { parseFailurePorts } from '../failurePorts';
import { UsageError } from '../usage';

export type OutputFormat = 'text' | 'json' | 'sarif';
const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];

export interface ValidateOptions {
  paths: string[];
  format: OutputFormat;
  failurePorts: string[];
  help: boolean;
}

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  'failure-ports': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** What each option's value looks like, for "needs a value" messages. */
const EXAMPLES: Record<string, string> = { format: '--format json', 'failure-ports': '--failure-ports failure,errors' };

export function parseValidateArgs(argv: string[]): ValidateOptions {
  // Not strict: node's own messages for unknown options and missing values speak of positionals
  // and '--'; the tokens let this say it in the command's terms.
  const { values, positionals, tokens } = parseArgs({ args: argv, allowPositionals: true, strict: false, tokens: true, options: OPTIONS });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const option = (OPTIONS as Record<string, { type: 'string' | 'boolean' }>)[token.name];
    if (!option) throw new UsageError(unknownOption(token.rawName));
    if (option.type === 'string' && token.value === undefined) {
      throw new UsageError(`${token.rawName} needs a value, e.g. ${EXAMPLES[token.name]}`);
    }
    if (option.type === 'boolean' && token.value !== undefined) throw new UsageError(`${token.rawName} takes no value`);
  }
  const format = typeof values.format === 'string' ? values.format : 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`unknown format "${format}"; use --format text, json or sarif`);
  }
  const failurePorts = parseFailurePorts(typeof values['failure-ports'] === 'string' ? values['failure-ports'] : undefined);
  const help = values.help === true;
  if (!help && positionals.length === 0) {
    throw new UsageError('give at least one flow file or folder, e.g. dff validate flows/');
  }
  return { paths: positionals, format: format as OutputFormat, failurePorts, help };
}

function unknownOption(rawName: string): string {
  const known = ['--format', '--failure-ports', '--help'];
  const bare = rawName.replace(/^-+/, '').toLowerCase();
  const close = known.find((name) => editDistance(bare, name.slice(2)) <= 2 || (bare.length >= 2 && name.slice(2).startsWith(bare)));
  return `unknown option "${rawName}"${close ? ` (did you mean ${close}?)` : ''}. The options are --format (-f), ` +
    '--failure-ports and --help (-h); to name a file whose name starts with "-", write it after --, as in dff validate -- -file.json';
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
