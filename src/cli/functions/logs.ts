// `dff functions logs <name[:qualifier]> [--since 30m] [--filter pattern] [--follow]`
import type { LogEvent } from '../../core/aws/engine';
import type { AwsCliDeps } from '../aws/connection';
import { CliProblem } from '../aws/connection';
import { interruptSignal } from '../aws/interrupt';
import type { SessionRun } from '../aws/session';
import { EXIT_OK, type CliIo } from '../io';
import type { FunctionRef } from './args';
import { formatLogEvent } from './logLines';

export interface LogsOptions {
  target: FunctionRef;
  since: string;
  filter?: string;
  follow: boolean;
}

/** Between polls when following: often enough to feel live, rare enough for CloudWatch's 5 calls/s limit. */
export const FOLLOW_POLL_MS = 2000;

function isMissingGroup(error: unknown): boolean {
  return (error as { name?: string }).name === 'ResourceNotFoundException';
}

export async function runLogs(options: LogsOptions, { session, signal }: SessionRun, io: CliIo, deps: AwsCliDeps): Promise<number> {
  const { engine } = session;
  const now = deps.now ?? Date.now;
  const since = engine.parseSince(options.since, now());
  if (since === undefined) throw new CliProblem(`--since "${options.since}" is neither a duration (30m, 2h, 1d) nor an ISO date (2026-01-31 or 2026-01-31T12:00:00Z).`);
  const { name, qualifier } = options.target;
  const lambda = session.factory.lambda();
  // Also tells an unknown function, version or alias (exit 1) from one that has not logged yet.
  const summary = await engine.readFunctionSummary(lambda, name, qualifier, signal);
  const group = engine.logGroupName(summary, qualifier);
  const shown = qualifier ? `${name}:${qualifier}` : name;
  const query = { group, filterPattern: options.filter, qualifier, lambda, functionName: name };
  let count = 0;
  let errors = 0;
  const print = (events: LogEvent[]): void => {
    for (const event of events) {
      io.stdout(formatLogEvent(event));
      count++;
      if (event.level === 'error') errors++;
    }
  };
  try {
    if (!options.follow) {
      for await (const events of engine.readLogs(session.factory.logs(), { ...query, startTime: since, endTime: now(), signal })) print(events);
    } else {
      io.stderr(`Following ${group}${qualifier ? ` (${shown})` : ''}; press Ctrl+C to stop.\n`);
      const stop = interruptSignal(signal, deps.signal);
      try {
        for await (const events of engine.followLogs(session.factory.logs(), { ...query, since, pollMs: FOLLOW_POLL_MS, signal: stop.signal, sleep: deps.sleep, now })) {
          print(events);
        }
      } finally {
        stop.dispose();
      }
    }
  } catch (error) {
    if (!isMissingGroup(error)) throw error;
    io.stderr(`No logs for ${shown} yet: its log group ${group} does not exist (the function has not run, or logs elsewhere).\n`);
    return EXIT_OK;
  }
  if (count === 0) io.stderr(`No log events for ${shown} since ${new Date(since).toISOString()}${options.filter ? ` matching ${JSON.stringify(options.filter)}` : ''}.\n`);
  else if (errors > 0) io.stderr(`${errors} of ${count} lines are errors (marked "!").\n`);
  return EXIT_OK;
}
