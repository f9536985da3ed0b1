// `dff functions ...`: parse, open the AWS connection, run the command.
import { type CliIo, EXIT_CANNOT_RUN, EXIT_OK } from '../io';
import type { AwsCliDeps } from '../aws/connection';
import { withAwsSession } from '../aws/session';
import { parseOrReportUsage } from '../usage';
import { parseFunctionsArgs } from './args';
import { FUNCTIONS_HELP } from './help';
import { runInvoke } from './invoke';
import { runList } from './list';
import { runLogs } from './logs';

export async function runFunctions(argv: string[], io: CliIo, deps: AwsCliDeps = {}): Promise<number> {
  const command = parseOrReportUsage('functions', () => parseFunctionsArgs(argv), io);
  if (command === undefined) return EXIT_CANNOT_RUN;
  switch (command.kind) {
    case 'help':
      io.stdout(FUNCTIONS_HELP);
      return EXIT_OK;
    case 'list':
      return withAwsSession('functions list', { ...command, action: 'list functions' }, io, deps, (run) => runList(command, run, io));
    case 'logs': {
      const action = `read the logs of ${command.target.name}`;
      return withAwsSession('functions logs', { ...command, action }, io, deps, (run) => runLogs(command, run, io, deps));
    }
    case 'invoke': {
      const action = `invoke ${command.target.name}`;
      return withAwsSession('functions invoke', { ...command, action }, io, deps, (run) => runInvoke(command, run, io));
    }
  }
}
