// `dff catalog machine-user create <name> --private-key-out <file>`: a CDP machine user with the
// DFCatalogViewer role and a new access key, for a function's DF_ACCESS_KEY / DF_PRIVATE_KEY. The
// access key ID goes to standard output; the private key only to the file, made new with mode
// 0600 before anything is created, so a key is never made that could not be kept.
import { closeSync, fchmodSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { loadCdpProfile } from '../../core/catalog/credentials';
import { createFunctionMachineUser, FUNCTION_ROLE_NAME } from '../../core/catalog/machineUser';
import { openIamClient } from '../../core/catalog/machineUserEngine';
import { machineUserNameProblem } from '../../core/catalog/machineUserName';
import { CatalogError } from '../../core/catalog/types';
import { type CliIo, EXIT_CANNOT_RUN, EXIT_FINDINGS, EXIT_OK } from '../io';
import { parseArgsOrUsage, parseOrReportUsage, UsageError } from '../usage';
import type { CatalogCliDeps } from './index';
import { withoutControls } from './format';

export const MACHINE_USER_HELP = `Usage: dff catalog machine-user create <name> --private-key-out <file> [--profile <name>]

Creates a CDP machine user for a function (or reuses the one of that name), gives it the
${FUNCTION_ROLE_NAME} role so the function can read its flow from the DataFlow Catalog, and creates
a new access key for it. Prints the access key ID; writes the private key only to <file>, which
must not exist yet (created with mode 0600). Your own CDP user needs the PowerUser role.

Use the key for dff deploy:
  DFF_FUNCTION_ACCESS_KEY=<printed ID> DFF_FUNCTION_PRIVATE_KEY="$(cat <file>)" dff deploy apply ...

Options:
  --private-key-out <file>  Where the private key is written (required)
  --profile <name>          CDP profile that creates the user (default as in dff catalog)
  -h, --help                Show this help

Each run makes one more access key; delete keys you no longer use in the CDP console.
Exit codes: 0 done, 1 CDP refused or failed, 2 usage or credentials problem.
`;

interface MachineUserCommand {
  name: string;
  profile?: string;
  privateKeyOut: string;
}

function parse(argv: string[]): MachineUserCommand | 'help' {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') return 'help';
  if (command !== 'create') throw new UsageError(`unknown machine-user command "${command}"; use create`);
  const { values, positionals } = parseArgsOrUsage({
    args: rest,
    allowPositionals: true,
    strict: true,
    options: { profile: { type: 'string' }, 'private-key-out': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return 'help';
  if (positionals.length !== 1) throw new UsageError('give one machine user name, e.g. dff catalog machine-user create dff-orders --private-key-out orders.key');
  const name = positionals[0];
  const problem = machineUserNameProblem(name);
  if (problem) throw new UsageError(`"${name}" is not a valid machine user name: ${problem}`);
  const privateKeyOut = values['private-key-out'];
  if (!privateKeyOut) throw new UsageError('give --private-key-out <file>: the private key is written only there (never printed)');
  return { name, profile: values.profile, privateKeyOut };
}

/** The key file, made new (never over another file) and readable by its owner only. */
function openKeyFile(path: string): number {
  try {
    const fd = openSync(path, 'wx', 0o600);
    fchmodSync(fd, 0o600);
    return fd;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'EEXIST' ? `${path} exists already; give --private-key-out a file that does not exist` : `cannot create ${path} (${code ?? 'error'})`);
  }
}

export async function runMachineUser(argv: string[], io: CliIo, deps: CatalogCliDeps = {}): Promise<number> {
  const command = parseOrReportUsage('catalog machine-user', () => parse(argv), io);
  if (command === undefined) return EXIT_CANNOT_RUN;
  if (command === 'help') {
    io.stdout(MACHINE_USER_HELP);
    return EXIT_OK;
  }
  const keyPath = resolve(io.cwd, command.privateKeyOut);
  let fd: number | undefined;
  let written = false;
  try {
    const context = { env: io.env, homeDir: io.env.HOME || homedir(), cwd: io.cwd };
    const profile = loadCdpProfile(command.profile, context);
    const iam = openIamClient(profile, context, { proxyEnv: io.env, ...deps.clientOptions });
    fd = parseOrReportUsage('catalog machine-user', () => openKeyFile(keyPath), io);
    if (fd === undefined) return EXIT_CANNOT_RUN;
    io.stderr(`Profile ${profile.name}: CDP IAM at ${iam.endpointUrl}\n`);
    const user = await createFunctionMachineUser(iam, { name: command.name, signal: deps.signal, onStep: (_step, text) => io.stderr(`${text}…\n`) });
    writeSync(fd, `${user.privateKey}\n`);
    written = true;
    io.stdout(`${user.accessKeyId}\n`);
    io.stderr(
      `Machine user ${user.machineUserName} (${user.createdUser ? 'created' : 'existed'}), role ${FUNCTION_ROLE_NAME} (${user.assignedRole ? 'given' : 'had it'}), ` +
        `new access key ${user.accessKeyId}; its private key is in ${keyPath} (mode 0600).\n`,
    );
    return EXIT_OK;
  } catch (error) {
    if (!(error instanceof CatalogError)) throw error;
    io.stderr(`dff catalog machine-user create: ${withoutControls(error.message, true)}\n`);
    return error.kind === 'credentials' ? EXIT_CANNOT_RUN : EXIT_FINDINGS;
  } finally {
    if (fd !== undefined) {
      closeSync(fd);
      // Nothing to keep: the empty file would only be in the way of the next try.
      if (!written) unlinkSync(keyPath);
    }
  }
}
