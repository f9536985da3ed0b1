// `dff aws` arguments -> a command and its options, or a usage error that says what to do.
import { parseArgsOrUsage, UsageError } from '../usage';

/** The options every AWS command takes to choose the connection. */
export interface AwsTargetOptions {
  profile?: string;
  region?: string;
}

export type AwsCommand = { kind: 'help' } | ({ kind: 'whoami'; json: boolean } & AwsTargetOptions);

const OPTIONS = {
  profile: { type: 'string' },
  region: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function parseAwsArgs(argv: string[]): AwsCommand {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') return { kind: 'help' };
  if (command !== 'whoami') throw new UsageError(`unknown command "${command}"; use whoami`);
  const { values, positionals } = parseArgsOrUsage({ args: rest, allowPositionals: true, strict: true, options: OPTIONS });
  if (values.help) return { kind: 'help' };
  if (positionals.length) throw new UsageError(`whoami takes no arguments; got "${positionals.join(' ')}"`);
  return { kind: 'whoami', json: values.json === true, profile: nonEmpty(values.profile, 'profile'), region: nonEmpty(values.region, 'region') };
}

/** `--profile ""` is a mistake (an unset shell variable), not a request for the default. */
export function nonEmpty(value: string | undefined, option: string): string | undefined {
  if (value !== undefined && value.trim() === '') throw new UsageError(`--${option} needs a value`);
  return value?.trim();
}
