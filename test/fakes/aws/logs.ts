// CloudWatch Logs in the stand-in: JSON 1.1 (X-Amz-Target Logs_20140328.*), the reading side
// (FilterLogEvents, DescribeLogGroups, DescribeLogStreams) and a sink Lambda writes invocations to.
import { AwsServiceError, type AwsCall, type AwsReply, type FakeAwsWorld, type FaultKind, type LogSink, type ServiceModule } from './protocol';

export interface StoredLogEvent {
  sequence: number;
  timestamp: number;
  ingestionTime: number;
  message: string;
  logStreamName: string;
}

interface StoredLogGroup {
  name: string;
  creationTime: number;
  streams: Map<string, { creationTime: number }>;
  events: StoredLogEvent[];
}

const TARGET_PREFIX = 'Logs_20140328.';
const OPERATIONS = new Set(['FilterLogEvents', 'DescribeLogGroups', 'DescribeLogStreams']);
export const MAX_FILTER_LIMIT = 10000;
const MAX_DESCRIBE_LIMIT = 50;

function invalid(message: string): AwsServiceError {
  return new AwsServiceError('InvalidParameterException', 400, message);
}

function groupNotFound(): AwsServiceError {
  return new AwsServiceError('ResourceNotFoundException', 400, 'The specified log group does not exist.');
}

interface FilterTerms {
  all: string[];
  any: string[];
  none: string[];
}

/**
 * Parses CloudWatch's filter pattern for unstructured log events: terms (all must appear),
 * "quoted phrases", ?terms (at least one must appear) and -terms (must not appear); case-sensitive.
 * JSON ({ $.x = ... }) and space-delimited ([a, b]) patterns are not modelled and are refused.
 */
export function parseFilterPattern(pattern: string): FilterTerms {
  const terms: FilterTerms = { all: [], any: [], none: [] };
  const text = pattern.trim();
  if (text.startsWith('{') || text.startsWith('[')) throw invalid('The stand-in supports only filter patterns of terms, "phrases", ?terms and -terms.');
  const token = /([?-]?)(?:"((?:[^"\\]|\\.)*)"|(\S+))/g;
  let match: RegExpExecArray | null;
  while ((match = token.exec(text)) !== null) {
    const value = match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : match[3];
    if (value === '') continue;
    if (match[1] === '?') terms.any.push(value);
    else if (match[1] === '-') terms.none.push(value);
    else terms.all.push(value);
  }
  return terms;
}

export function matchesFilter(message: string, terms: FilterTerms): boolean {
  return (
    terms.all.every((t) => message.includes(t)) &&
    (terms.any.length === 0 || terms.any.some((t) => message.includes(t))) &&
    !terms.none.some((t) => message.includes(t))
  );
}

function encodeToken(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

function decodeToken<T>(token: string): T {
  try {
    return JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as T;
  } catch {
    throw invalid('The specified nextToken is invalid.');
  }
}

function optionalNumber(body: Record<string, unknown>, name: string): number | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw invalid(`1 validation error detected: Value at '${name}' failed to satisfy constraint: Member must be a number`);
  return value;
}

function optionalString(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new AwsServiceError('SerializationException', 400, `Unexpected value for ${name}`);
  return value;
}

function limitOf(body: Record<string, unknown>, max: number, fallback: number): number {
  const limit = optionalNumber(body, 'limit');
  if (limit === undefined) return fallback;
  if (limit < 1 || limit > max) {
    throw invalid(`1 validation error detected: Value '${limit}' at 'limit' failed to satisfy constraint: Member must have value ${limit < 1 ? 'greater than or equal to 1' : `less than or equal to ${max}`}`);
  }
  return limit;
}

export class LogsService implements ServiceModule, LogSink {
  readonly service = 'logs' as const;
  private readonly groups = new Map<string, StoredLogGroup>();
  private sequence = 0;

  constructor(private readonly world: FakeAwsWorld) {}

  // Seeding and inspection for tests.

  createGroup(name: string, creationTime = this.world.now()): void {
    if (!this.groups.has(name)) this.groups.set(name, { name, creationTime, streams: new Map(), events: [] });
  }

  append(groupName: string, streamName: string, messages: string[], timestamp = this.world.now()): void {
    this.createGroup(groupName, timestamp);
    const group = this.groups.get(groupName) as StoredLogGroup;
    if (!group.streams.has(streamName)) group.streams.set(streamName, { creationTime: timestamp });
    const ingestionTime = this.world.now();
    for (const message of messages) {
      group.events.push({ sequence: ++this.sequence, timestamp, ingestionTime, message, logStreamName: streamName });
    }
  }

  events(groupName: string): StoredLogEvent[] {
    return [...(this.groups.get(groupName)?.events ?? [])];
  }

  groupNames(): string[] {
    return [...this.groups.keys()].sort();
  }

  // ServiceModule.

  operation(call: AwsCall): string | undefined {
    const target = String(call.headers['x-amz-target'] ?? '');
    const name = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : '';
    return call.method === 'POST' && OPERATIONS.has(name) ? name : undefined;
  }

  handle(call: AwsCall, operation: string): AwsReply {
    let body: Record<string, unknown>;
    try {
      body = call.body.length === 0 ? {} : (JSON.parse(call.body.toString('utf8')) as Record<string, unknown>);
    } catch {
      throw new AwsServiceError('SerializationException', 400, 'Start of structure or map found where not expected.');
    }
    const region = call.region;
    const account = call.identity.account || this.world.account;
    let result: unknown;
    if (operation === 'FilterLogEvents') result = this.filterLogEvents(body);
    else if (operation === 'DescribeLogGroups') result = this.describeLogGroups(body, region, account);
    else result = this.describeLogStreams(body, region, account);
    return { status: 200, headers: { 'Content-Type': 'application/x-amz-json-1.1' }, body: JSON.stringify(result) };
  }

  renderError(error: AwsServiceError): AwsReply {
    return {
      status: error.status,
      headers: { 'Content-Type': 'application/x-amz-json-1.1', ...error.headers },
      body: JSON.stringify({ __type: error.code, message: error.message }),
    };
  }

  faultError(kind: FaultKind, call: AwsCall, operation: string): AwsServiceError {
    switch (kind) {
      case 'throttle':
        return new AwsServiceError('ThrottlingException', 400, 'Rate exceeded');
      case 'accessDenied': {
        const group = this.groupFromRequest(call) ?? '*';
        const resource = `arn:aws:logs:${call.region}:${call.identity.account}:log-group:${group}:log-stream:`;
        return new AwsServiceError(
          'AccessDeniedException',
          400,
          `User: ${call.identity.arn} is not authorized to perform: logs:${operation} on resource: ${resource} because no identity-based policy allows the logs:${operation} action`,
        );
      }
      case 'expiredToken':
        return new AwsServiceError('ExpiredTokenException', 400, 'The security token included in the request is expired');
      case 'internal':
        return new AwsServiceError('ServiceUnavailableException', 500, 'The service cannot complete the request.');
    }
  }

  private groupFromRequest(call: AwsCall): string | undefined {
    try {
      const body = JSON.parse(call.body.toString('utf8')) as Record<string, unknown>;
      const name = body.logGroupName ?? body.logGroupIdentifier;
      return typeof name === 'string' ? name : undefined;
    } catch {
      return undefined;
    }
  }

  private group(body: Record<string, unknown>): StoredLogGroup {
    const name = optionalString(body, 'logGroupName');
    const identifier = optionalString(body, 'logGroupIdentifier');
    if (name !== undefined && identifier !== undefined) throw invalid('LogGroup name and LogGroup ARN are mutually exclusive parameters.');
    if (name === undefined && identifier === undefined) throw invalid('Should provide either name or ARN of log group.');
    // logGroupIdentifier takes a name or an ARN (arn:aws:logs:<region>:<account>:log-group:<name>[:*]).
    const arn = /^arn:aws[a-z-]*:logs:[^:]*:\d{12}:log-group:([^:]+)(?::\*)?$/.exec(identifier ?? '');
    const group = this.groups.get(arn ? arn[1] : ((name ?? identifier) as string));
    if (!group) throw groupNotFound();
    return group;
  }

  private filterLogEvents(body: Record<string, unknown>): unknown {
    const group = this.group(body);
    const streamNames = body.logStreamNames;
    const prefix = optionalString(body, 'logStreamNamePrefix');
    if (streamNames !== undefined && prefix !== undefined) throw invalid('logStreamNames and logStreamNamePrefix are mutually exclusive parameters.');
    if (streamNames !== undefined && (!Array.isArray(streamNames) || streamNames.length < 1 || streamNames.length > 100)) {
      throw invalid("1 validation error detected: Value at 'logStreamNames' failed to satisfy constraint: Member must have length between 1 and 100");
    }
    const streams = streamNames as string[] | undefined;
    const startTime = optionalNumber(body, 'startTime');
    const endTime = optionalNumber(body, 'endTime');
    const limit = limitOf(body, MAX_FILTER_LIMIT, MAX_FILTER_LIMIT);
    const terms = parseFilterPattern(optionalString(body, 'filterPattern') ?? '');
    const token = optionalString(body, 'nextToken');
    const after = token === undefined ? undefined : decodeToken<{ t: number; s: number }>(token);
    if (after !== undefined && (typeof after.t !== 'number' || typeof after.s !== 'number')) throw invalid('The specified nextToken is invalid.');
    const matching = group.events
      .filter(
        (e) =>
          (streams === undefined || streams.includes(e.logStreamName)) &&
          (prefix === undefined || e.logStreamName.startsWith(prefix)) &&
          (startTime === undefined || e.timestamp >= startTime) &&
          (endTime === undefined || e.timestamp <= endTime) &&
          (after === undefined || e.timestamp > after.t || (e.timestamp === after.t && e.sequence > after.s)) &&
          matchesFilter(e.message, terms),
      )
      .sort((a, b) => a.timestamp - b.timestamp || a.sequence - b.sequence);
    const page = matching.slice(0, limit);
    const last = page[page.length - 1];
    const searched = [...group.streams.keys()].filter((s) => (streams === undefined || streams.includes(s)) && (prefix === undefined || s.startsWith(prefix)));
    return {
      events: page.map((e) => ({
        logStreamName: e.logStreamName,
        timestamp: e.timestamp,
        message: e.message,
        ingestionTime: e.ingestionTime,
        eventId: String(e.sequence).padStart(56, '0'),
      })),
      searchedLogStreams: searched.map((logStreamName) => ({ logStreamName, searchedCompletely: matching.length <= limit })),
      ...(matching.length > limit && last ? { nextToken: encodeToken({ t: last.timestamp, s: last.sequence }) } : {}),
    };
  }

  private describeLogGroups(body: Record<string, unknown>, region: string, account: string): unknown {
    const prefix = optionalString(body, 'logGroupNamePrefix');
    const pattern = optionalString(body, 'logGroupNamePattern');
    if (prefix !== undefined && pattern !== undefined) throw invalid('LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.');
    const limit = limitOf(body, MAX_DESCRIBE_LIMIT, MAX_DESCRIBE_LIMIT);
    const token = optionalString(body, 'nextToken');
    const after = token === undefined ? undefined : decodeToken<string>(token);
    const names = this.groupNames().filter(
      (n) => (prefix === undefined || n.startsWith(prefix)) && (pattern === undefined || n.toLowerCase().includes(pattern.toLowerCase())) && (after === undefined || n > after),
    );
    const page = names.slice(0, limit);
    return {
      logGroups: page.map((name) => {
        const group = this.groups.get(name) as StoredLogGroup;
        const arn = `arn:aws:logs:${region}:${account}:log-group:${name}`;
        return {
          logGroupName: name,
          creationTime: group.creationTime,
          metricFilterCount: 0,
          arn: `${arn}:*`,
          storedBytes: group.events.reduce((sum, e) => sum + Buffer.byteLength(e.message), 0),
          logGroupClass: 'STANDARD',
          logGroupArn: arn,
        };
      }),
      ...(names.length > limit ? { nextToken: encodeToken(page[page.length - 1]) } : {}),
    };
  }

  private describeLogStreams(body: Record<string, unknown>, region: string, account: string): unknown {
    const group = this.group(body);
    const prefix = optionalString(body, 'logStreamNamePrefix');
    const orderBy = optionalString(body, 'orderBy') ?? 'LogStreamName';
    if (orderBy === 'LastEventTime' && prefix !== undefined) throw invalid('Cannot order by LastEventTime with a logStreamNamePrefix.');
    const descending = body.descending === true;
    const limit = limitOf(body, MAX_DESCRIBE_LIMIT, MAX_DESCRIBE_LIMIT);
    const token = optionalString(body, 'nextToken');
    const offset = token === undefined ? 0 : decodeToken<number>(token);
    const streams = [...group.streams.entries()]
      .filter(([name]) => prefix === undefined || name.startsWith(prefix))
      .map(([name, stream]) => {
        const events = group.events.filter((e) => e.logStreamName === name);
        return {
          logStreamName: name,
          creationTime: stream.creationTime,
          firstEventTimestamp: events.length ? Math.min(...events.map((e) => e.timestamp)) : undefined,
          lastEventTimestamp: events.length ? Math.max(...events.map((e) => e.timestamp)) : undefined,
          lastIngestionTime: events.length ? Math.max(...events.map((e) => e.ingestionTime)) : undefined,
          arn: `arn:aws:logs:${region}:${account}:log-group:${group.name}:log-stream:${name}`,
          storedBytes: 0,
        };
      })
      .sort((a, b) => (orderBy === 'LastEventTime' ? (a.lastEventTimestamp ?? 0) - (b.lastEventTimestamp ?? 0) : a.logStreamName.localeCompare(b.logStreamName)));
    if (descending) streams.reverse();
    const page = streams.slice(offset, offset + limit);
    return { logStreams: page, ...(offset + limit < streams.length ? { nextToken: encodeToken(offset + limit) } : {}) };
  }
}

