// `dff validate` arguments -> options, or a usage error that says what to do.
import { parseFailurePorts } from '../failurePorts';
import { parseArgsOrUsage, UsageError } from '../usage';
import { STDIN_ARG } from './files';
import type { FixMode } from './fix';

export type OutputFormat = 'text' | 'json' | 'sarif';
const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];

export interface ValidateOptions {
  paths: string[];
  format: OutputFormat;
  failurePorts: string[];
  /** --fix writes the fixes to the files, --fix-dry-run prints them; undefined checks only. */
  fix: FixMode | undefined;
  help: boolean;
}

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  'failure-ports': { type: 'string' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
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
  if (values.fix === true && values['fix-dry-run'] === true) {
    throw new UsageError('--fix writes the fixes and --fix-dry-run only prints them: use one of the two');
  }
  const fix: FixMode | undefined = values.fix === true ? 'fix' : values['fix-dry-run'] === true ? 'dry-run' : undefined;
  if (fix === 'fix' && positionals.includes(STDIN_ARG)) {
    throw new UsageError('--fix cannot write to standard input ("-"); use --fix-dry-run to see the fixes');
  }
  return { paths: positionals, format: format as OutputFormat, failurePorts, fix, help };
}
