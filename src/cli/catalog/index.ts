// `dff catalog ...`: parse, open the profile's client, run the command, turn failures into messages and exit codes.
import type { CatalogClientOptions } from '../../core/catalog/client';
import { CatalogError } from '../../core/catalog/types';
import { type CliIo, EXIT_CANNOT_RUN, EXIT_FINDINGS, EXIT_OK } from '../io';
import { parseOrReportUsage } from '../usage';
import { parseCatalogArgs, type CatalogCommand } from './args';
import { openCatalog, type CommandContext } from './context';
import { runDelete } from './delete';
import { withoutControls } from './format';
import { CATALOG_HELP } from './help';
import { runList } from './list';
import { runMachineUser } from './machineUser';
import { runPull } from './pull';
import { runPush } from './push';
import { runVersions } from './versions';

export interface CatalogCliDeps {
  /** Tests shorten timeouts and backoff waits. */
  clientOptions?: CatalogClientOptions;
  /** Cancels the running command (used by tests and by any caller that owns a Ctrl-C handler). */
  signal?: AbortSignal;
  /** Whether standard output is a terminal (default: process.stdout.isTTY): pulled content that is not JSON is not printed to one. */
  stdoutIsTerminal?: boolean;
}

function run(command: Exclude<CatalogCommand, { kind: 'help' }>, context: CommandContext): Promise<number> {
  switch (command.kind) {
    case 'list':
      return runList(command, context);
    case 'versions':
      return runVersions(command, context);
    case 'push':
      return runPush(command, context);
    case 'pull':
      return runPull(command, context);
    case 'delete':
      return runDelete(command, context);
  }
}

export async function runCatalog(argv: string[], io: CliIo, deps: CatalogCliDeps = {}): Promise<number> {
  // CDP IAM, not the catalog: its own arguments and client (machineUser.ts).
  if (argv[0] === 'machine-user') return runMachineUser(argv.slice(1), io, deps);
  const command = parseOrReportUsage('catalog', () => parseCatalogArgs(argv), io);
  if (command === undefined) return EXIT_CANNOT_RUN;
  if (command.kind === 'help') {
    io.stdout(CATALOG_HELP);
    return EXIT_OK;
  }
  const controller = new AbortController();
  const onAbort = (): void => controller.abort();
  deps.signal?.addEventListener('abort', onAbort, { once: true });
  if (deps.signal?.aborted) controller.abort();
  try {
    const { client, profile } = openCatalog(command.profile, io, deps.clientOptions ?? {});
    return await run(command, { io, client, profile, signal: controller.signal, stdoutIsTerminal: deps.stdoutIsTerminal ?? process.stdout.isTTY === true });
  } catch (error) {
    if (!(error instanceof CatalogError)) throw error;
    io.stderr(`dff catalog ${command.kind}: ${withoutControls(error.message, true)}\n`);
    return error.kind === 'credentials' ? EXIT_CANNOT_RUN : EXIT_FINDINGS;
  } finally {
    deps.signal?.removeEventListener('abort', onAbort);
  }
}
