// A function's CloudWatch logs: read a time range, follow new events, and tell errors from noise.
import { FilterLogEventsCommand, type CloudWatchLogsClient, type FilteredLogEvent } from '@aws-sdk/client-cloudwatch-logs';
import { GetAliasCommand, type LambdaClient } from '@aws-sdk/client-lambda';

export type LogLevel = 'error' | 'warn' | 'report' | 'info';

export interface LogEvent {
  eventId?: string;
  timestamp: number;
  message: string;
  logStreamName?: string;
  level: LogLevel;
}

/** FilterLogEvents answers at most 10,000 events a page. */
export const MAX_LOG_PAGE = 10_000;

/**
 * The log group of a function: LoggingConfig.LogGroup, else /aws/lambda/<name>. Every version and
 * alias writes to the same group; use versionStreamPrefixes to tell them apart.
 */
export function logGroupName(
  summaryOrConfig: { logGroup?: string; name?: string } | { FunctionName?: string; LoggingConfig?: { LogGroup?: string } },
  _qualifier?: string,
): string {
  if ('logGroup' in summaryOrConfig && summaryOrConfig.logGroup) return summaryOrConfig.logGroup;
  if ('LoggingConfig' in summaryOrConfig && summaryOrConfig.LoggingConfig?.LogGroup) return summaryOrConfig.LoggingConfig.LogGroup;
  const name = 'name' in summaryOrConfig ? summaryOrConfig.name : 'FunctionName' in summaryOrConfig ? summaryOrConfig.FunctionName : undefined;
  return `/aws/lambda/${functionNameOf(name ?? '')}`;
}

// A function ARN given as the name: the group still uses the bare name.
function functionNameOf(nameOrArn: string): string {
  const arn = /^arn:[^:]+:lambda:[^:]+:\d{12}:function:([^:]+)/.exec(nameOrArn);
  return arn ? arn[1] : nameOrArn;
}

/** error / warn from DFF's Java logging (ERROR, WARN, exceptions), report for Lambda's START/END/REPORT lines, else info. */
export function classifyLogLine(message: string): LogLevel {
  const text = message.trimStart();
  if (/^(START|END|REPORT|INIT_START|INIT_REPORT|EXTENSION|TELEMETRY) /.test(text) || /^RequestId: \S+ (Error|Duration)/.test(text)) {
    if (/\bStatus: (error|timeout)\b|Task timed out|Runtime exited/i.test(text)) return 'error';
    return 'report';
  }
  if (/\b(ERROR|FATAL|SEVERE)\b/.test(text) || /^\S*(Exception|Error)\b[:\s]/.test(text) || /Task timed out after/.test(text) || /^\s*at \S+\(.*\)$/.test(text)) {
    return 'error';
  }
  if (/\b(WARN|WARNING)\b/.test(text)) return 'warn';
  return 'info';
}

const SINCE = /^(\d+)\s*(s|m|h|d|w)$/i;
const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** '30m', '2h', '1d', '45s', '1w' before `now`, or an ISO date/time; undefined when it is neither. */
export function parseSince(value: string, now: number = Date.now()): number | undefined {
  const text = value.trim();
  const relative = SINCE.exec(text);
  if (relative) return now - Number(relative[1]) * UNIT_MS[relative[2].toLowerCase()];
  // Only ISO-like dates: Date.parse also accepts loose text such as '1'.
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) return undefined;
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : time;
}

const DAY_MS = 86_400_000;

function utcDay(time: number): string {
  const date = new Date(time);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getUTCFullYear()}/${pad(date.getUTCMonth() + 1)}/${pad(date.getUTCDate())}`;
}

/** Lambda names a stream YYYY/MM/DD/[<version>]<id> (UTC day of the stream's start): one prefix per day and version. */
export function versionStreamPrefixes(versions: string[], startTime: number, endTime: number): string[] {
  const prefixes: string[] = [];
  for (let day = Math.floor(startTime / DAY_MS) * DAY_MS; day <= endTime; day += DAY_MS) {
    for (const version of versions) prefixes.push(`${utcDay(day)}/[${version}]`);
  }
  return prefixes;
}

export interface QualifiedLogs {
  /** A version number, $LATEST or an alias name: only that version's streams are read. */
  qualifier?: string;
  /** Needed to resolve an alias to its version(s). */
  lambda?: LambdaClient;
  functionName?: string;
}

/** The versions whose streams a qualifier covers: a version itself, or the versions an alias routes to. */
export async function resolveLogVersions(
  qualifier: string,
  lambda: LambdaClient | undefined,
  functionName: string | undefined,
  signal?: AbortSignal,
): Promise<string[]> {
  if (qualifier === '$LATEST' || /^\d+$/.test(qualifier)) return [qualifier];
  if (!lambda || !functionName) throw new Error(`To read the logs of alias ${qualifier}, its function and a Lambda client are needed.`);
  const alias = await lambda.send(new GetAliasCommand({ FunctionName: functionName, Name: qualifier }), { abortSignal: signal });
  const versions = [alias.FunctionVersion ?? '$LATEST', ...Object.keys(alias.RoutingConfig?.AdditionalVersionWeights ?? {})];
  return [...new Set(versions)];
}

function toLogEvent(event: FilteredLogEvent): LogEvent {
  const message = event.message ?? '';
  const result: LogEvent = { timestamp: event.timestamp ?? 0, message, level: classifyLogLine(message) };
  if (event.eventId) result.eventId = event.eventId;
  if (event.logStreamName) result.logStreamName = event.logStreamName;
  return result;
}

// FilterLogEvents' limit for the next page: none when neither a total nor a page size is asked.
function pageLimit(left: number, pageSize: number | undefined): number | undefined {
  if (left === Infinity && pageSize === undefined) return undefined;
  return Math.max(1, Math.floor(Math.min(left, pageSize ?? Infinity, MAX_LOG_PAGE)));
}

export interface ReadLogsOptions extends QualifiedLogs {
  group: string;
  startTime: number;
  endTime?: number;
  filterPattern?: string;
  /** At most this many events in all. */
  limit?: number;
  /** Events asked for per call (1..10,000); AWS's default is up to 10,000 or 1 MB. */
  pageSize?: number;
  signal?: AbortSignal;
}

/** Events of a group between startTime and endTime, oldest first, one page per FilterLogEvents call. */
export async function* readLogs(logs: CloudWatchLogsClient, options: ReadLogsOptions): AsyncGenerator<LogEvent[]> {
  const endTime = options.endTime ?? Date.now();
  const prefixes = options.qualifier
    ? versionStreamPrefixes(await resolveLogVersions(options.qualifier, options.lambda, options.functionName, options.signal), options.startTime, endTime)
    : [undefined];
  let left = options.limit ?? Infinity;
  for (const prefix of prefixes) {
    let nextToken: string | undefined;
    do {
      if (left <= 0) return;
      const limit = pageLimit(left, options.pageSize);
      const answer = await logs.send(
        new FilterLogEventsCommand({
          logGroupName: options.group,
          startTime: options.startTime,
          endTime,
          ...(options.filterPattern ? { filterPattern: options.filterPattern } : {}),
          ...(prefix ? { logStreamNamePrefix: prefix } : {}),
          ...(limit !== undefined ? { limit } : {}),
          ...(nextToken ? { nextToken } : {}),
        }),
        { abortSignal: options.signal },
      );
      const events = (answer.events ?? []).slice(0, Number.isFinite(left) ? left : undefined).map(toLogEvent);
      left -= events.length;
      if (events.length) yield events;
      nextToken = answer.nextToken || undefined;
    } while (nextToken);
  }
}

export interface FollowLogsOptions extends QualifiedLogs {
  group: string;
  /** Events from this time (epoch ms) on. */
  since: number;
  filterPattern?: string;
  /** Between polls; default 2000 ms. */
  pollMs?: number;
  /** Events reach CloudWatch late: each poll looks this far back before the newest event seen, de-duplicating by eventId. Default 30 s. */
  lookBackMs?: number;
  signal: AbortSignal;
  /** Waits between polls (tests pass a fake); must settle when the signal aborts. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  now?: () => number;
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });
}

function isAbort(error: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (error instanceof Error && error.name === 'AbortError');
}

/** New events as they arrive, polling until the signal aborts (then it ends quietly); each event once. */
export async function* followLogs(logs: CloudWatchLogsClient, options: FollowLogsOptions): AsyncGenerator<LogEvent[]> {
  const { signal } = options;
  const sleep = options.sleep ?? abortableSleep;
  const now = options.now ?? Date.now;
  const lookBack = options.lookBackMs ?? 30_000;
  const seen = new Map<string, number>();
  let newest = options.since;
  let versions: string[] | undefined;
  try {
    if (options.qualifier) versions = await resolveLogVersions(options.qualifier, options.lambda, options.functionName, signal);
    while (!signal.aborted) {
      const startTime = Math.max(options.since, newest - lookBack);
      const endTime = now();
      const fresh: LogEvent[] = [];
      const prefixes = versions ? versionStreamPrefixes(versions, startTime, endTime) : [undefined];
      for (const prefix of prefixes) {
        let nextToken: string | undefined;
        do {
          const answer = await logs.send(
            new FilterLogEventsCommand({
              logGroupName: options.group,
              startTime,
              ...(options.filterPattern ? { filterPattern: options.filterPattern } : {}),
              ...(prefix ? { logStreamNamePrefix: prefix } : {}),
              ...(nextToken ? { nextToken } : {}),
            }),
            { abortSignal: signal },
          );
          for (const raw of answer.events ?? []) {
            const event = toLogEvent(raw);
            const key = event.eventId ?? `${event.logStreamName}\u0000${event.timestamp}\u0000${event.message}`;
            if (seen.has(key)) continue;
            seen.set(key, event.timestamp);
            fresh.push(event);
          }
          nextToken = answer.nextToken || undefined;
        } while (nextToken);
      }
      if (fresh.length) {
        fresh.sort((a, b) => a.timestamp - b.timestamp);
        newest = Math.max(newest, fresh[fresh.length - 1].timestamp);
        yield fresh;
      }
      // Forget what is older than the next poll can return again.
      const horizon = Math.max(options.since, newest - lookBack);
      for (const [key, timestamp] of seen) if (timestamp < horizon) seen.delete(key);
      if (signal.aborted) return;
      await sleep(options.pollMs ?? 2000, signal);
    }
  } catch (error) {
    if (isAbort(error, signal)) return;
    throw error;
  }
}
