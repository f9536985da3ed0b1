// `dff validate` arguments -> options, or a usage error that says what to do.
import { parseFailurePorts } from '../failurePorts';
import { parseArgsOrUsage, UsageError } from '../usage';

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
  const { values, positionals } = parseArgsOrUsage({ args: argv, allowPositionals: true, options: OPTIONS }, { command: 'validate', examples: EXAMPLES });
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
