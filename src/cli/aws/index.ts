// `dff aws ...`: parse, open the connection, run the command.
import { type CliIo, EXIT_CANNOT_RUN, EXIT_OK } from '../io';
import { parseOrReportUsage } from '../usage';
import { parseAwsArgs } from './args';
import type { AwsCliDeps } from './connection';
import { AWS_HELP } from './help';
import { withAwsSession } from './session';
import { runWhoami } from './whoami';

export async function runAws(argv: string[], io: CliIo, deps: AwsCliDeps = {}): Promise<number> {
  const command = parseOrReportUsage('aws', () => parseAwsArgs(argv), io);
  if (command === undefined) return EXIT_CANNOT_RUN;
  if (command.kind === 'help') {
    io.stdout(AWS_HELP);
    return EXIT_OK;
  }
  return withAwsSession('aws whoami', { ...command, action: 'read the caller identity' }, io, deps, (run) => runWhoami(command, run, io));
}
