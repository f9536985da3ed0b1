// `dff catalog` arguments -> a command and its options, or a usage error that says what to do.
import { parseFailurePorts } from '../failurePorts';
import type { FlowVersionTag } from '../../core/catalog/types';
import { parseArgsOrUsage, UsageError } from '../usage';

export type CatalogCommand =
  | { kind: 'help' }
  | { kind: 'list'; profile?: string; json: boolean; search?: string }
  | { kind: 'versions'; profile?: string; json: boolean; flow: string }
  | {
      kind: 'push';
      profile?: string;
      json: boolean;
      file: string;
      name?: string;
      comments?: string;
      description?: string;
      force: boolean;
      /** Output port names the function's FAILURE_PORTS will list. */
      failurePorts: string[];
      /** --tag name[:color], in the order given. */
      tags: FlowVersionTag[];
    }
  | { kind: 'pull'; profile?: string; versionCrn: string; output?: string }
  | { kind: 'delete'; profile?: string; flowCrn: string };

const OPTIONS = {
  profile: { type: 'string' },
  json: { type: 'boolean' },
  search: { type: 'string' },
  name: { type: 'string' },
  comments: { type: 'string' },
  description: { type: 'string' },
  force: { type: 'boolean' },
  'failure-ports': { type: 'string' },
  tag: { type: 'string', multiple: true },
  output: { type: 'string', short: 'o' },
  yes: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const ALLOWED: Record<string, (keyof typeof OPTIONS)[]> = {
  list: ['profile', 'json', 'search'],
  versions: ['profile', 'json'],
  push: ['profile', 'json', 'name', 'comments', 'description', 'force', 'failure-ports', 'tag'],
  pull: ['profile', 'output'],
  delete: ['profile', 'yes'],
};

function single(positionals: string[], command: string, what: string): string {
  if (positionals.length === 0) throw new UsageError(`give the ${what}, e.g. dff catalog ${command} <${what}>`);
  if (positionals.length > 1) throw new UsageError(`${command} takes one ${what}; got ${positionals.length} arguments (quote names with spaces)`);
  return positionals[0];
}

/** `name[:color]`: the name up to the last colon, so a name may hold colons only when a color follows. */
export function parseTag(text: string): FlowVersionTag {
  const at = text.lastIndexOf(':');
  const tagName = (at < 0 ? text : text.slice(0, at)).trim();
  const tagColor = at < 0 ? '' : text.slice(at + 1).trim();
  if (!tagName) throw new UsageError(`--tag "${text}" has no name; use --tag name or --tag name:color`);
  if (at >= 0 && !tagColor) throw new UsageError(`--tag "${text}" has an empty color; use --tag ${tagName} or --tag ${tagName}:<color>`);
  return tagColor ? { tagName, tagColor } : { tagName };
}

export function parseCatalogArgs(argv: string[]): CatalogCommand {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') return { kind: 'help' };
  const allowed = ALLOWED[command];
  if (!allowed) throw new UsageError(`unknown command "${command}"; use list, versions, push, pull or delete`);
  const { values, positionals } = parseArgsOrUsage({ args: rest, allowPositionals: true, strict: true, options: OPTIONS });
  if (values.help) return { kind: 'help' };
  for (const option of Object.keys(values) as (keyof typeof OPTIONS)[]) {
    if (!allowed.includes(option)) throw new UsageError(`${command} does not take --${option}`);
  }
  const profile = values.profile;
  const json = values.json === true;
  switch (command) {
    case 'list':
      if (positionals.length) throw new UsageError(`list takes no arguments; to filter, use --search "${positionals.join(' ')}"`);
      return { kind: 'list', profile, json, search: values.search };
    case 'versions':
      return { kind: 'versions', profile, json, flow: single(positionals, command, 'flow name or CRN') };
    case 'push':
      return {
        kind: 'push',
        profile,
        json,
        file: single(positionals, command, 'file'),
        name: values.name,
        comments: values.comments,
        description: values.description,
        force: values.force === true,
        failurePorts: parseFailurePorts(values['failure-ports']),
        tags: (values.tag ?? []).map(parseTag),
      };
    case 'pull': {
      const versionCrn = single(positionals, command, 'version CRN');
      if (!/^crn:.*\/v\.\d+$/.test(versionCrn)) throw new UsageError(`"${versionCrn}" is not a flow version CRN (crn:cdp:df:...:flow:<name>/v.<n>); see dff catalog versions <flow>`);
      return { kind: 'pull', profile, versionCrn, output: values.output };
    }
    default: {
      const flowCrn = single(positionals, command, 'flow CRN');
      if (!flowCrn.startsWith('crn:') || /\/v\.\d+$/.test(flowCrn)) {
        throw new UsageError(`"${flowCrn}" is not a flow CRN (crn:cdp:df:...:flow:<name>); see dff catalog list`);
      }
      if (values.yes !== true) throw new UsageError(`deleting a flow removes all its versions for good; add --yes to confirm`);
      return { kind: 'delete', profile, flowCrn };
    }
  }
}
