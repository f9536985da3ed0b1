// Lambda in the stand-in: REST-JSON under /2015-03-31, errors as x-amzn-ErrorType plus
// {"Type","message"} (what @aws-sdk/client-lambda's AwsRestJsonProtocol reads), and a seeding API
// for tests that need functions in a given state without waiting.
import { randomUUID } from 'node:crypto';
import { AwsServiceError, type AwsCall, type AwsReply, type FakeAwsWorld, type FaultKind, type FunctionDirectory, type ServiceModule } from './protocol';
import { LambdaFunctions, type Body, type Resolved } from './lambdaFunctions';
import { logTail, runInvocation } from './lambdaInvoke';
import {
  conflict,
  functionArn,
  lambdaTimestamp,
  newRevisionId,
  parseFunctionName,
  renderAlias,
  renderConfiguration,
  validationError,
  type FunctionState,
  type InvokeScript,
  type StoredFunction,
} from './lambdaModel';
import { addPermission, allowsS3Invoke, getPolicy, removePermission } from './lambdaPolicy';
import { checkEnvironment, checkEphemeral, checkFunctionName, checkHandler, checkMemory, checkRuntime, checkTimeout, readCodePackage } from './lambdaRules';
import { checkTags, listTags, tagResource, tagRoute, taggableFunction, untagResource } from './lambdaTags';

const PREFIX = '/2015-03-31/';
/** Synchronous invocations carry at most 6 MB; asynchronous ones 1 MB. */
export const INVOKE_SYNC_MAX_BYTES = 6 * 1024 * 1024;
export const INVOKE_ASYNC_MAX_BYTES = 1024 * 1024;

export interface SeedPermission {
  /** A version number or alias name; the unqualified function when absent. */
  qualifier?: string;
  statementId: string;
  principal: string;
  action?: string;
  sourceArn?: string;
  sourceAccount?: string;
}

export interface SeedFunction {
  name: string;
  region?: string;
  account?: string;
  runtime?: string;
  handler?: string;
  role?: string;
  description?: string;
  environment?: Record<string, string>;
  memory?: number;
  timeout?: number;
  ephemeralStorage?: number;
  /** The code package; a small placeholder zip when absent. */
  code?: { zipFile: Buffer } | { s3Bucket: string; s3Key: string };
  /** Publish this many versions (1..n) of the seeded configuration. */
  versions?: number;
  /** Alias name -> version ('$LATEST' or a published number). */
  aliases?: Record<string, string>;
  permissions?: SeedPermission[];
  /** LoggingConfig.LogGroup; /aws/lambda/<name> when absent. */
  loggingGroup?: string;
  state?: FunctionState;
  stateReason?: string;
  stateReasonCode?: string;
  tags?: Record<string, string>;
  /** What invocations answer instead of the default DataFlow Function behaviour. */
  invokeResult?: InvokeScript | ((event: unknown, version: string) => InvokeScript);
}

export interface SeedEventSourceMapping {
  functionName: string;
  qualifier?: string;
  eventSourceArn: string;
  region?: string;
}

interface Route {
  operation: string;
  functionName?: string;
  alias?: string;
  statementId?: string;
}

const REASONS: Partial<Record<FunctionState, [string, string]>> = {
  Inactive: ['The function is inactive and its VPC connection is no longer available.', 'Idle'],
  Failed: ['The function could not be created.', 'InternalError'],
  Pending: ['The function is being created.', 'Creating'],
};

function route(method: string, path: string): Route | undefined {
  const tagging = tagRoute(method, path);
  if (tagging) return { operation: tagging.operation };
  if (!path.startsWith(PREFIX)) return undefined;
  const parts = path.slice(PREFIX.length).split('/');
  if (parts[parts.length - 1] === '') parts.pop();
  const [collection, name, sub, item, extra] = parts;
  if (collection === 'event-source-mappings' && name === undefined && method === 'GET') return { operation: 'ListEventSourceMappings' };
  if (collection !== 'functions' || extra !== undefined) return undefined;
  if (name === undefined) return method === 'GET' ? { operation: 'ListFunctions' } : method === 'POST' ? { operation: 'CreateFunction' } : undefined;
  const table: Record<string, Record<string, string>> = {
    '': { GET: 'GetFunction', DELETE: 'DeleteFunction' },
    configuration: { GET: 'GetFunctionConfiguration', PUT: 'UpdateFunctionConfiguration' },
    code: { PUT: 'UpdateFunctionCode' },
    versions: { GET: 'ListVersionsByFunction', POST: 'PublishVersion' },
    aliases: { GET: 'ListAliases', POST: 'CreateAlias' },
    policy: { GET: 'GetPolicy', POST: 'AddPermission' },
    invocations: { POST: 'Invoke' },
  };
  if (item !== undefined) {
    if (sub === 'aliases') {
      const operation = ({ GET: 'GetAlias', PUT: 'UpdateAlias', DELETE: 'DeleteAlias' } as Record<string, string>)[method];
      return operation ? { operation, functionName: name, alias: item } : undefined;
    }
    if (sub === 'policy' && method === 'DELETE') return { operation: 'RemovePermission', functionName: name, statementId: item };
    return undefined;
  }
  const operation = table[sub ?? '']?.[method];
  return operation ? { operation, functionName: name } : undefined;
}

function json(status: number, value: unknown, headers: Record<string, string> = {}): AwsReply {
  return { status, headers: { 'Content-Type': 'application/json', ...headers }, body: value === undefined ? '' : JSON.stringify(value) };
}

function parseBody(call: AwsCall): Body {
  if (call.body.length === 0) return {};
  try {
    const value = JSON.parse(call.body.toString('utf8')) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object');
    return value as Body;
  } catch {
    throw new AwsServiceError('SerializationException', 400, 'Could not parse the request body as JSON.');
  }
}

function header(call: AwsCall, name: string): string | undefined {
  const value = call.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The IAM action AWS names in an AccessDenied message for each operation. */
function iamAction(operation: string): string {
  return operation === 'Invoke' ? 'InvokeFunction' : operation;
}

export class LambdaService implements ServiceModule, FunctionDirectory {
  readonly service = 'lambda' as const;
  readonly functions: LambdaFunctions;
  private readonly mappings: Record<string, unknown>[] = [];

  constructor(private readonly world: FakeAwsWorld) {
    this.functions = new LambdaFunctions(world);
  }

  /** How long a new function stays Pending and an updated one InProgress (ms of world time; 0 allowed). */
  get updateDelayMs(): number {
    return this.functions.updateDelayMs;
  }

  set updateDelayMs(ms: number) {
    this.functions.updateDelayMs = ms;
  }

  // Seeding and inspection for tests.

  /** Creates a function directly in its final state (no Pending period), with versions, aliases and permissions. */
  seedFunction(seed: SeedFunction): StoredFunction {
    const region = seed.region ?? this.world.region;
    const account = seed.account ?? this.world.account;
    const name = checkFunctionName(seed.name);
    const code = readCodePackage(
      seed.code && 'zipFile' in seed.code ? { ZipFile: seed.code.zipFile.toString('base64') } : seed.code ? { S3Bucket: seed.code.s3Bucket, S3Key: seed.code.s3Key } : { ZipFile: Buffer.from(`PK seeded ${name}`).toString('base64') },
      region,
      this.world,
      'CreateFunction',
    );
    const functions = this.functions.functionsIn(region);
    if (functions.has(name)) throw conflict(`Function already exist: ${name}`);
    const fn: StoredFunction = {
      name,
      region,
      account,
      latest: {
        runtime: checkRuntime(seed.runtime ?? 'java11'),
        role: seed.role ?? `arn:aws:iam::${account}:role/${name}-role`,
        handler: checkHandler(seed.handler ?? 'index.handler'),
        description: seed.description ?? '',
        timeout: checkTimeout(seed.timeout ?? 300),
        memorySize: checkMemory(seed.memory ?? 1024),
        environment: seed.environment === undefined ? undefined : checkEnvironment({ Variables: seed.environment }),
        ephemeralStorage: checkEphemeral(seed.ephemeralStorage ?? 512),
        architectures: ['x86_64'],
        logFormat: 'Text',
        logGroup: seed.loggingGroup,
        ...code,
      },
      revisionId: newRevisionId(),
      lastModified: lambdaTimestamp(this.world.now()),
      state: 'Active',
      lastUpdateStatus: 'Successful',
      versions: [],
      nextVersion: 1,
      aliases: new Map(),
      policy: [],
      tags: checkTags(seed.tags),
      invokeScript: seed.invokeResult,
      warmStreams: new Map(),
    };
    functions.set(name, fn);
    for (let i = 0; i < (seed.versions ?? 0); i++) this.functions.seedVersion(fn);
    const unqualified: Resolved = { fn, version: '$LATEST' };
    for (const [alias, version] of Object.entries(seed.aliases ?? {})) this.functions.createAlias(unqualified, { Name: alias, FunctionVersion: version });
    for (const p of seed.permissions ?? []) {
      addPermission(this.functions.resolve(fn.name, region, p.qualifier), {
        StatementId: p.statementId,
        Principal: p.principal,
        Action: p.action ?? 'lambda:InvokeFunction',
        SourceArn: p.sourceArn,
        SourceAccount: p.sourceAccount,
      });
    }
    if (seed.state) this.setState(name, seed.state, seed.stateReason, seed.stateReasonCode, region);
    return fn;
  }

  /** The stored function (settled to the world clock), for assertions; undefined when there is none. */
  function(name: string, region = this.world.region): StoredFunction | undefined {
    const fn = this.functions.functionsIn(region).get(name);
    return fn && this.functions.settle(fn);
  }

  /** Puts a function in a state (a seeded Pending stays Pending until another setState). */
  setState(name: string, state: FunctionState, reason?: string, reasonCode?: string, region = this.world.region): void {
    const fn = this.functions.functionsIn(region).get(name);
    if (!fn) throw new Error(`No function ${name} in ${region}`);
    fn.state = state;
    fn.busy = state === 'Pending' ? { kind: 'create', until: Number.POSITIVE_INFINITY } : undefined;
    fn.lastUpdateStatus = state === 'Pending' ? undefined : state === 'Failed' ? 'Failed' : 'Successful';
    const [defaultReason, defaultCode] = REASONS[state] ?? [];
    fn.stateReason = state === 'Active' ? undefined : (reason ?? defaultReason);
    fn.stateReasonCode = state === 'Active' ? undefined : (reasonCode ?? defaultCode);
  }

  setInvokeResult(name: string, script: SeedFunction['invokeResult'], region = this.world.region): void {
    const fn = this.functions.functionsIn(region).get(name);
    if (!fn) throw new Error(`No function ${name} in ${region}`);
    fn.invokeScript = script;
  }

  seedEventSourceMapping(seed: SeedEventSourceMapping): Record<string, unknown> {
    const region = seed.region ?? this.world.region;
    const resolved = this.functions.resolve(seed.functionName, region, seed.qualifier);
    const mapping = {
      UUID: randomUUID(),
      BatchSize: 10,
      EventSourceArn: seed.eventSourceArn,
      FunctionArn: functionArn(resolved.fn, resolved.qualifier),
      LastModified: Math.floor(this.world.now() / 1000),
      State: 'Enabled',
      StateTransitionReason: 'USER_INITIATED',
    };
    this.mappings.push(mapping);
    return mapping;
  }

  // FunctionDirectory.

  allowsS3Invoke(functionArnText: string, bucketArn: string): { exists: boolean; allowed: boolean } {
    return allowsS3Invoke(this.functions, functionArnText, bucketArn);
  }

  // ServiceModule.

  operation(call: AwsCall): string | undefined {
    return route(call.method, call.path)?.operation;
  }

  handle(call: AwsCall, operation: string): AwsReply {
    const r = route(call.method, call.path) as Route;
    const region = call.region;
    const account = call.identity.account || this.world.account;
    const functions = this.functions;
    if (operation === 'ListFunctions') return json(200, functions.list(region, call.query));
    if (operation === 'ListEventSourceMappings') return json(200, this.listMappings(call));
    if (operation === 'TagResource' || operation === 'UntagResource' || operation === 'ListTags') return this.tagging(call, operation);
    // Invoke's body is the event itself, not request parameters.
    const body = operation === 'Invoke' ? {} : parseBody(call);
    if (operation === 'CreateFunction') return json(201, functions.create(body, region, account).response);
    const qualifier = call.query.get('Qualifier');
    const resolved = functions.resolve(r.functionName as string, region, qualifier);
    switch (operation) {
      case 'GetFunction':
        return json(200, this.getFunction(resolved));
      case 'GetFunctionConfiguration':
        return json(200, renderConfiguration(resolved.fn, resolved.published));
      case 'DeleteFunction':
        functions.delete(resolved);
        return json(204, undefined);
      case 'UpdateFunctionCode':
        return json(200, functions.updateCode(resolved, body));
      case 'UpdateFunctionConfiguration':
        return json(200, functions.updateConfiguration(resolved, body));
      case 'PublishVersion':
        return json(201, functions.publish(resolved, body).response);
      case 'ListVersionsByFunction':
        return json(200, functions.listVersions(resolved, call.query));
      case 'CreateAlias':
        return json(201, functions.createAlias(resolved, body));
      case 'GetAlias':
        return json(200, renderAlias(resolved.fn, functions.alias(resolved, r.alias as string)));
      case 'UpdateAlias':
        return json(200, functions.updateAlias(resolved, r.alias as string, body));
      case 'DeleteAlias':
        functions.deleteAlias(resolved, r.alias as string);
        return json(204, undefined);
      case 'ListAliases':
        return json(200, functions.listAliases(resolved, call.query));
      case 'AddPermission':
        return json(201, addPermission(resolved, body));
      case 'RemovePermission':
        removePermission(resolved, r.statementId as string, call.query.get('RevisionId'));
        return json(204, undefined);
      case 'GetPolicy':
        return json(200, getPolicy(resolved));
      case 'Invoke':
        return this.invoke(call, resolved);
      default:
        throw new AwsServiceError('UnknownOperationException', 404, `Unknown operation ${operation}`);
    }
  }

  renderError(error: AwsServiceError): AwsReply {
    const body: Record<string, unknown> = { Type: error.status >= 500 ? 'Service' : 'User', message: error.message };
    if (error.code === 'TooManyRequestsException') body.Reason = 'CallerRateLimitExceeded';
    return { status: error.status, headers: { 'Content-Type': 'application/json', 'x-amzn-ErrorType': error.code, ...error.headers }, body: JSON.stringify(body) };
  }

  faultError(kind: FaultKind, call: AwsCall, operation: string): AwsServiceError {
    switch (kind) {
      case 'throttle':
        return new AwsServiceError('TooManyRequestsException', 429, 'Rate exceeded', { 'Retry-After': '1' });
      case 'accessDenied': {
        const action = `lambda:${iamAction(operation)}`;
        return new AwsServiceError(
          'AccessDeniedException',
          403,
          `User: ${call.identity.arn} is not authorized to perform: ${action} on resource: ${this.resourceOf(call, operation)} because no identity-based policy allows the ${action} action`,
        );
      }
      case 'expiredToken':
        return new AwsServiceError('ExpiredTokenException', 403, 'The security token included in the request is expired');
      case 'internal':
        return new AwsServiceError('ServiceException', 500, 'An internal error occurred. Please try again later.');
    }
  }

  /** The resource ARN AWS names when it denies an operation. */
  private resourceOf(call: AwsCall, operation: string): string {
    if (operation === 'ListFunctions' || operation === 'ListEventSourceMappings') return '*';
    const tagging = tagRoute(call.method, call.path);
    if (tagging) return tagging.resource;
    const account = call.identity.account || this.world.account;
    try {
      const name = operation === 'CreateFunction' ? String(parseBody(call).FunctionName ?? '') : (route(call.method, call.path)?.functionName ?? '');
      const ref = parseFunctionName(name);
      const alias = route(call.method, call.path)?.alias;
      const qualifier = alias ?? call.query.get('Qualifier') ?? ref.qualifier;
      return functionArn({ region: ref.region ?? call.region, account: ref.account ?? account, name: ref.name }, qualifier ?? undefined);
    } catch {
      return `arn:aws:lambda:${call.region}:${account}:function:*`;
    }
  }

  private tagging(call: AwsCall, operation: 'TagResource' | 'UntagResource' | 'ListTags'): AwsReply {
    const { resource } = tagRoute(call.method, call.path) as { resource: string };
    const fn = this.functions.settle(taggableFunction(resource, call.region, this.world, (region) => this.functions.functionsIn(region)));
    if (operation === 'ListTags') return json(200, listTags(fn));
    if (operation === 'TagResource') tagResource(fn, parseBody(call));
    else untagResource(fn, call.query);
    return json(204, undefined);
  }

  private getFunction(resolved: Resolved): Record<string, unknown> {
    const { fn, published } = resolved;
    const config = published?.config ?? fn.latest;
    const unqualified = resolved.qualifier === undefined || resolved.qualifier === '$LATEST';
    return {
      Configuration: renderConfiguration(fn, published),
      Code: {
        RepositoryType: 'S3',
        Location: `https://awslambda-${fn.region}-tasks.s3.${fn.region}.amazonaws.com/snapshots/${fn.account}/${fn.name}-${Buffer.from(config.codeSha256, 'base64').toString('hex').slice(0, 32)}`,
      },
      ...(unqualified && Object.keys(fn.tags).length > 0 ? { Tags: { ...fn.tags } } : {}),
    };
  }

  private listMappings(call: AwsCall): Record<string, unknown> {
    const functionName = call.query.get('FunctionName');
    const source = call.query.get('EventSourceArn');
    let wanted: string | undefined;
    if (functionName !== null) {
      const ref = parseFunctionName(functionName);
      wanted = functionArn({ region: ref.region ?? call.region, account: ref.account ?? (call.identity.account || this.world.account), name: ref.name }, ref.qualifier);
    }
    const items = this.mappings.filter(
      (m) => (source === null || m.EventSourceArn === source) && (wanted === undefined || m.FunctionArn === wanted || (String(m.FunctionArn).startsWith(`${wanted}:`) && !wanted.split(':')[7])),
    );
    const marker = call.query.get('Marker');
    const start = marker ? Number(marker) : 0;
    const maxItems = Math.min(Number(call.query.get('MaxItems') ?? 100), 100);
    if (!Number.isInteger(maxItems) || maxItems < 1) throw validationError(call.query.get('MaxItems') ?? '', 'maxItems', 'Member must have value greater than or equal to 1');
    const page = items.slice(start, start + maxItems);
    return { EventSourceMappings: page, ...(start + maxItems < items.length ? { NextMarker: String(start + maxItems) } : {}) };
  }

  private invoke(call: AwsCall, resolved: Resolved): AwsReply {
    const { fn } = resolved;
    const type = header(call, 'x-amz-invocation-type') ?? 'RequestResponse';
    if (type !== 'RequestResponse' && type !== 'Event' && type !== 'DryRun') {
      throw validationError(type, 'invocationType', 'Member must satisfy enum value set: [Event, RequestResponse, DryRun]');
    }
    const logType = header(call, 'x-amz-log-type') ?? 'None';
    if (logType !== 'None' && logType !== 'Tail') throw validationError(logType, 'logType', 'Member must satisfy enum value set: [None, Tail]');
    const limit = type === 'Event' ? INVOKE_ASYNC_MAX_BYTES : INVOKE_SYNC_MAX_BYTES;
    if (call.body.length > limit) {
      throw new AwsServiceError('RequestTooLargeException', 413, `Request must be smaller than ${limit} bytes for the InvokeFunction operation`);
    }
    let event: unknown = null;
    if (call.body.length > 0) {
      try {
        event = JSON.parse(call.body.toString('utf8'));
      } catch (error) {
        throw new AwsServiceError('InvalidRequestContentException', 400, `Could not parse request body into json: ${error instanceof Error ? error.message : 'invalid JSON'}`);
      }
    }
    if (fn.state === 'Inactive') {
      // Invoking an inactive function wakes it: it goes Pending, and this call fails.
      this.functions.settle(fn);
      fn.state = 'Pending';
      fn.busy = { kind: 'create', until: this.world.now() + this.functions.updateDelayMs };
      throw conflict('The operation cannot be performed at this time. The function is currently in the following state: Inactive');
    }
    if (fn.state === 'Pending' || fn.state === 'Failed') {
      throw conflict(`The operation cannot be performed at this time. The function is currently in the following state: ${fn.state}`);
    }
    if (type === 'DryRun') return { status: 204 };
    const config = resolved.published?.config ?? fn.latest;
    const outcome = runInvocation(fn, resolved.version, config, event, this.world);
    if (type === 'Event') return { status: 202, headers: { 'x-amzn-RequestId': outcome.requestId } };
    const headers: Record<string, string> = { 'Content-Type': 'application/json', 'X-Amz-Executed-Version': resolved.version, 'x-amzn-RequestId': outcome.requestId };
    if (outcome.functionError) headers['X-Amz-Function-Error'] = outcome.functionError;
    if (logType === 'Tail') headers['X-Amz-Log-Result'] = logTail(outcome.log);
    return { status: 200, headers, body: outcome.payload };
  }
}
