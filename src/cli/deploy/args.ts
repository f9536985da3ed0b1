// `dff deploy` arguments -> a command and its options, or a usage error that says what to do.
import { nonEmpty, type AwsTargetOptions } from '../aws/args';
import { parseArgsOrUsage, UsageError } from '../usage';

/** Where the deploy inputs come from, shared by plan, apply and export. */
export interface DeployInputOptions extends AwsTargetOptions {
  /** The flow definition file. */
  flow: string;
  /** The target's name in dff.deploy.json. */
  target: string;
  /** A dff.deploy.json to use instead of the one found beside the flow file. */
  deployFile?: string;
  /** CDP profile used to find the flow version in the catalog (as `dff catalog --profile`). */
  cdpProfile?: string;
  /** Overrides the target's flowVersion: "latest", a number or a version CRN. */
  flowVersion?: string;
  /** A JSON file of sensitive parameter values ({"name": "value"}). */
  secretValues?: string;
  /** Accept an existing secret of that name that this tool did not create. */
  adoptSecret: boolean;
}

export type DeployCommand =
  | { kind: 'help' }
  | ({ kind: 'plan'; json: boolean } & DeployInputOptions)
  | ({ kind: 'apply'; json: boolean; yes: boolean } & DeployInputOptions)
  | ({ kind: 'export'; format: 'cloudformation'; out?: string } & DeployInputOptions);

const OPTIONS = {
  target: { type: 'string', short: 't' },
  'deploy-file': { type: 'string' },
  profile: { type: 'string' },
  region: { type: 'string' },
  'cdp-profile': { type: 'string' },
  'flow-version': { type: 'string' },
  'secret-values': { type: 'string' },
  'adopt-secret': { type: 'boolean' },
  json: { type: 'boolean' },
  yes: { type: 'boolean', short: 'y' },
  format: { type: 'string' },
  out: { type: 'string', short: 'o' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Option = keyof typeof OPTIONS;

const INPUTS: Option[] = ['target', 'deploy-file', 'profile', 'region', 'cdp-profile', 'flow-version', 'secret-values', 'adopt-secret'];
const ALLOWED: Record<string, Option[]> = {
  plan: [...INPUTS, 'json'],
  apply: [...INPUTS, 'json', 'yes'],
  export: [...INPUTS, 'format', 'out'],
};

const FLOW_VERSION = /^(latest|[1-9]\d*|crn:\S+\/v\.\d+)$/;

export function parseDeployArgs(argv: string[]): DeployCommand {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') return { kind: 'help' };
  const allowed = ALLOWED[command];
  if (!allowed) throw new UsageError(`unknown command "${command}"; use plan, apply or export`);
  const { values, positionals } = parseArgsOrUsage({ args: rest, allowPositionals: true, strict: true, options: OPTIONS });
  if (values.help) return { kind: 'help' };
  for (const option of Object.keys(values) as Option[]) {
    if (!allowed.includes(option)) throw new UsageError(`${command} does not take --${option}`);
  }
  if (positionals.length === 0) throw new UsageError(`give the flow file, e.g. dff deploy ${command} flow.json --target dev`);
  if (positionals.length > 1) throw new UsageError(`${command} takes one flow file; got ${positionals.length} arguments`);
  const target = nonEmpty(values.target, 'target');
  if (target === undefined) throw new UsageError(`give the target from dff.deploy.json: --target <name>, e.g. dff deploy ${command} ${positionals[0]} --target dev`);
  const flowVersion = nonEmpty(values['flow-version'], 'flow-version');
  if (flowVersion !== undefined && !FLOW_VERSION.test(flowVersion)) {
    throw new UsageError(`--flow-version "${flowVersion}" is not "latest", a version number or a flow version CRN (crn:...:flow:<name>/v.<n>)`);
  }
  const inputs: DeployInputOptions = {
    flow: positionals[0],
    target,
    deployFile: nonEmpty(values['deploy-file'], 'deploy-file'),
    profile: nonEmpty(values.profile, 'profile'),
    region: nonEmpty(values.region, 'region'),
    cdpProfile: nonEmpty(values['cdp-profile'], 'cdp-profile'),
    flowVersion,
    secretValues: nonEmpty(values['secret-values'], 'secret-values'),
    adoptSecret: values['adopt-secret'] === true,
  };
  switch (command) {
    case 'plan':
      return { kind: 'plan', json: values.json === true, ...inputs };
    case 'apply':
      return { kind: 'apply', json: values.json === true, yes: values.yes === true, ...inputs };
    default:
      if (values.format === undefined) throw new UsageError('give the format: --format cloudformation');
      if (values.format !== 'cloudformation') throw new UsageError(`unknown format "${values.format}"; the only format is cloudformation`);
      return { kind: 'export', format: 'cloudformation', out: nonEmpty(values.out, 'out'), ...inputs };
  }
}
