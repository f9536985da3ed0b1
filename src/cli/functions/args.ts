// `dff functions` arguments -> a command and its options, or a usage error that says what to do.
import { nonEmpty, type AwsTargetOptions } from '../aws/args';
import { parseArgsOrUsage, UsageError } from '../usage';

/** A function named on the command line: name or ARN, with an optional version or alias. */
export interface FunctionRef {
  name: string;
  qualifier?: string;
}

export type InvokeInput = { kind: 's3'; bucket: string; key: string } | { kind: 'empty' } | { kind: 'file'; path: string };

export type FunctionsCommand =
  | { kind: 'help' }
  | ({ kind: 'list'; all: boolean; json: boolean } & AwsTargetOptions)
  | ({ kind: 'logs'; target: FunctionRef; since: string; filter?: string; follow: boolean } & AwsTargetOptions)
  | ({ kind: 'invoke'; target: FunctionRef; input: InvokeInput; json: boolean } & AwsTargetOptions);

export const DEFAULT_SINCE = '30m';

const OPTIONS = {
  profile: { type: 'string' },
  region: { type: 'string' },
  json: { type: 'boolean' },
  all: { type: 'boolean' },
  since: { type: 'string' },
  filter: { type: 'string' },
  follow: { type: 'boolean', short: 'f' },
  event: { type: 'string' },
  bucket: { type: 'string' },
  key: { type: 'string' },
  payload: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Option = keyof typeof OPTIONS;

const ALLOWED: Record<string, Option[]> = {
  list: ['profile', 'region', 'json', 'all'],
  logs: ['profile', 'region', 'since', 'filter', 'follow'],
  invoke: ['profile', 'region', 'json', 'event', 'bucket', 'key', 'payload'],
};

const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;
const QUALIFIER = /^(\$LATEST|[0-9]{1,10}|[A-Za-z0-9_-]{1,128})$/;

/** name, name:qualifier, or a function ARN (arn:aws:lambda:<region>:<account>:function:<name>[:<qualifier>]). */
export function parseFunctionRef(value: string): FunctionRef {
  let name: string;
  let qualifier: string | undefined;
  if (value.startsWith('arn:')) {
    const parts = value.split(':');
    if (parts.length < 7 || parts.length > 8 || parts[2] !== 'lambda' || parts[5] !== 'function') {
      throw new UsageError(`"${value}" is not a Lambda function ARN (arn:aws:lambda:<region>:<account>:function:<name>)`);
    }
    [name, qualifier] = [parts[6], parts[7]];
  } else {
    const colon = value.indexOf(':');
    [name, qualifier] = colon < 0 ? [value, undefined] : [value.slice(0, colon), value.slice(colon + 1)];
  }
  if (!FUNCTION_NAME.test(name)) throw new UsageError(`"${name}" is not a Lambda function name (letters, digits, - and _, at most 64)`);
  if (qualifier !== undefined && !QUALIFIER.test(qualifier)) {
    throw new UsageError(`"${qualifier}" is not a version or alias (a number, an alias name, or $LATEST: quote it in the shell)`);
  }
  return qualifier === undefined ? { name } : { name, qualifier };
}

function onlyTarget(positionals: string[], command: string): FunctionRef {
  if (positionals.length === 0) throw new UsageError(`give the function, e.g. dff functions ${command} <name[:version or alias]>`);
  if (positionals.length > 1) throw new UsageError(`${command} takes one function; got ${positionals.length} arguments`);
  return parseFunctionRef(positionals[0]);
}

function invokeInput(values: { event?: string; bucket?: string; key?: string; payload?: string }): InvokeInput {
  if (values.event !== undefined && values.payload !== undefined) throw new UsageError('give either --event or --payload, not both');
  if (values.payload !== undefined) {
    if (values.bucket !== undefined || values.key !== undefined) throw new UsageError('--bucket and --key go with --event s3, not with --payload');
    if (values.payload === '') throw new UsageError('--payload needs a file name');
    return { kind: 'file', path: values.payload };
  }
  switch (values.event) {
    case undefined:
      throw new UsageError('say what to send: --event s3 --bucket <bucket> --key <key>, --event empty, or --payload <file.json>');
    case 's3':
      if (!values.bucket || values.key === undefined || values.key === '') {
        throw new UsageError(`--event s3 needs ${!values.bucket ? '--bucket <bucket>' : ''}${!values.bucket && !values.key ? ' and ' : ''}${!values.key ? '--key <object key>' : ''}`);
      }
      return { kind: 's3', bucket: values.bucket, key: values.key };
    case 'empty':
      if (values.bucket !== undefined || values.key !== undefined) throw new UsageError('--bucket and --key go with --event s3, not with --event empty');
      return { kind: 'empty' };
    default:
      throw new UsageError(`unknown event "${values.event}"; use --event s3 or --event empty (or --payload <file.json>)`);
  }
}

export function parseFunctionsArgs(argv: string[]): FunctionsCommand {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') return { kind: 'help' };
  const allowed = ALLOWED[command];
  if (!allowed) throw new UsageError(`unknown command "${command}"; use list, logs or invoke`);
  const { values, positionals } = parseArgsOrUsage({ args: rest, allowPositionals: true, strict: true, options: OPTIONS });
  if (values.help) return { kind: 'help' };
  for (const option of Object.keys(values) as Option[]) {
    if (!allowed.includes(option)) throw new UsageError(`${command} does not take --${option}`);
  }
  const target = { profile: nonEmpty(values.profile, 'profile'), region: nonEmpty(values.region, 'region') };
  switch (command) {
    case 'list':
      if (positionals.length) throw new UsageError(`list takes no arguments; got "${positionals.join(' ')}"`);
      return { kind: 'list', all: values.all === true, json: values.json === true, ...target };
    case 'logs':
      return {
        kind: 'logs',
        target: onlyTarget(positionals, command),
        since: nonEmpty(values.since, 'since') ?? DEFAULT_SINCE,
        filter: values.filter === '' ? undefined : values.filter,
        follow: values.follow === true,
        ...target,
      };
    default:
      return { kind: 'invoke', target: onlyTarget(positionals, command), input: invokeInput(values), json: values.json === true, ...target };
  }
}
