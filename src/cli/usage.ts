// Usage errors of every dff command: raised while parsing arguments, printed with where the help is.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CliIo } from './io';

/** A message that says what is wrong with the command line and what to type instead. */
export class UsageError extends Error {}

/** node:util parseArgs, with its complaints (unknown option, missing value) as UsageErrors. */
export function parseArgsOrUsage<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
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
