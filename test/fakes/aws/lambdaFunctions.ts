// The Lambda stand-in's functions, versions and aliases: create, update, publish, list, with the
// states AWS goes through (Pending after create, InProgress after an update) and its conflicts.
import type { FakeAwsWorld } from './protocol';
import {
  cloneConfig,
  configFingerprint,
  conflict,
  functionArn,
  invalidParameter,
  lambdaTimestamp,
  newRevisionId,
  notFound,
  parseFunctionName,
  preconditionFailed,
  renderAlias,
  renderConfiguration,
  validationError,
  type FunctionConfig,
  type StoredAlias,
  type StoredFunction,
  type StoredVersion,
} from './lambdaModel';
import {
  checkArchitectures,
  checkEnvironment,
  checkEphemeral,
  checkFunctionName,
  checkHandler,
  checkMemory,
  checkRole,
  checkRuntime,
  checkTimeout,
  readCodePackage,
} from './lambdaRules';
import { checkTags } from './lambdaTags';

export type Body = Record<string, unknown>;

/** ListFunctions, ListVersionsByFunction and ListAliases return at most this many items per page, whatever MaxItems asks. */
export const MAX_PAGE_ITEMS = 50;

const ALIAS_NAME = /^(?!^[0-9]+$)([a-zA-Z0-9-_]+)$/;
const LOG_GROUP = /^[.\-_/#A-Za-z0-9]{1,512}$/;

export interface Resolved {
  fn: StoredFunction;
  /** The qualifier as given (undefined or '$LATEST' for the unqualified function). */
  qualifier?: string;
  /** The version a qualifier resolves to ('$LATEST' or a number); aliases resolve to their version. */
  version: string;
  alias?: StoredAlias;
  published?: StoredVersion;
}

function str(body: Body, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw validationError(undefined, name, 'Member must be a string');
  return value;
}

function pageOf<T>(items: T[], marker: string | null, maxItems: string | null): { page: T[]; nextMarker?: string } {
  let start = 0;
  if (marker) {
    start = Number(Buffer.from(marker, 'base64url').toString('utf8'));
    if (!Number.isInteger(start) || start < 0 || start > items.length) throw invalidParameter('The marker is not valid.');
  }
  let size = MAX_PAGE_ITEMS;
  if (maxItems !== null) {
    const asked = Number(maxItems);
    if (!Number.isInteger(asked) || asked < 1 || asked > 10000) {
      throw validationError(maxItems, 'maxItems', asked < 1 ? 'Member must have value greater than or equal to 1' : 'Member must have value less than or equal to 10000');
    }
    size = Math.min(asked, MAX_PAGE_ITEMS);
  }
  const page = items.slice(start, start + size);
  return { page, ...(start + size < items.length ? { nextMarker: Buffer.from(String(start + size), 'utf8').toString('base64url') } : {}) };
}

export class LambdaFunctions {
  /** How long a created function stays Pending and an updated one InProgress, in ms of world time. */
  updateDelayMs = 300;
  private readonly byRegion = new Map<string, Map<string, StoredFunction>>();

  constructor(private readonly world: FakeAwsWorld) {}

  functionsIn(region: string): Map<string, StoredFunction> {
    let functions = this.byRegion.get(region);
    if (!functions) this.byRegion.set(region, (functions = new Map()));
    return functions;
  }

  allFunctions(): StoredFunction[] {
    return [...this.byRegion.values()].flatMap((m) => [...m.values()]);
  }

  /** Ends a Pending or InProgress period once the world clock has passed it. */
  settle(fn: StoredFunction): StoredFunction {
    if (fn.busy && this.world.now() >= fn.busy.until) {
      if (fn.busy.kind === 'create') {
        fn.state = 'Active';
        fn.stateReason = undefined;
        fn.stateReasonCode = undefined;
      }
      fn.lastUpdateStatus = 'Successful';
      fn.busy = undefined;
    }
    return fn;
  }

  private startBusy(fn: StoredFunction, kind: 'create' | 'update'): void {
    fn.busy = { kind, until: this.world.now() + this.updateDelayMs };
    if (kind === 'create') {
      fn.state = 'Pending';
      fn.stateReason = 'The function is being created.';
      fn.stateReasonCode = 'Creating';
      fn.lastUpdateStatus = undefined;
    } else {
      fn.lastUpdateStatus = 'InProgress';
    }
    // A new configuration starts new execution environments.
    fn.warmStreams.clear();
  }

  touch(fn: StoredFunction): void {
    fn.revisionId = newRevisionId();
    fn.lastModified = lambdaTimestamp(this.world.now());
  }

  /** The function (and qualifier) a FunctionName names, in the caller's region. */
  resolve(functionName: string, region: string, qualifierParam?: string | null): Resolved {
    const ref = parseFunctionName(functionName);
    if (ref.qualifier !== undefined && qualifierParam && ref.qualifier !== qualifierParam) {
      throw invalidParameter('The derived qualifier from the function name does not match the specified qualifier.');
    }
    const qualifier = qualifierParam || ref.qualifier;
    const fn = ref.region === undefined || ref.region === region ? this.functionsIn(region).get(ref.name) : undefined;
    const account = ref.account ?? this.world.account;
    if (!fn || fn.account !== account) {
      throw notFound(`Function not found: ${functionArn({ region, account, name: ref.name }, qualifier)}`);
    }
    this.settle(fn);
    if (qualifier === undefined || qualifier === '$LATEST') return { fn, qualifier, version: '$LATEST' };
    if (/^[0-9]+$/.test(qualifier)) {
      const published = fn.versions.find((v) => v.version === qualifier);
      if (!published) throw notFound(`Function not found: ${functionArn(fn, qualifier)}`);
      return { fn, qualifier, version: qualifier, published };
    }
    const alias = fn.aliases.get(qualifier);
    if (!alias) throw notFound(`Function not found: ${functionArn(fn, qualifier)}`);
    return { fn, qualifier, version: alias.functionVersion, alias, published: fn.versions.find((v) => v.version === alias.functionVersion) };
  }

  /** Refuses a change while the function is still being created or updated, as Lambda does. */
  assertIdle(fn: StoredFunction): void {
    this.settle(fn);
    if (fn.state === 'Pending') {
      throw conflict('The operation cannot be performed at this time. The function is currently in the following state: Pending');
    }
    if (fn.lastUpdateStatus === 'InProgress') {
      throw conflict(`The operation cannot be performed at this time. An update is in progress for resource: ${functionArn(fn)}`);
    }
  }

  private checkRevision(given: string | undefined, current: string, api = 'GetFunction'): void {
    if (given !== undefined && given !== current) {
      throw preconditionFailed(`The Revision Id provided does not match the latest Revision Id. Call the ${api} API to retrieve the latest Revision Id`);
    }
  }

  private loggingConfig(body: Body, current?: FunctionConfig): Pick<FunctionConfig, 'logFormat' | 'logGroup'> {
    const logging = body.LoggingConfig as Body | undefined;
    const format = (logging?.LogFormat as string | undefined) ?? current?.logFormat ?? 'Text';
    if (format !== 'Text' && format !== 'JSON') throw validationError(format, 'loggingConfig.logFormat', 'Member must satisfy enum value set: [JSON, Text]');
    const group = logging && 'LogGroup' in logging ? (logging.LogGroup as string | undefined) : current?.logGroup;
    if (group !== undefined && !LOG_GROUP.test(group)) throw validationError(group, 'loggingConfig.logGroup', 'Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+');
    return { logFormat: format, logGroup: group };
  }

  create(body: Body, region: string, account: string): { fn: StoredFunction; response: Record<string, unknown> } {
    const given = str(body, 'FunctionName');
    const name = checkFunctionName(given === undefined ? undefined : parseFunctionName(given).name);
    if ((body.PackageType ?? 'Zip') !== 'Zip') throw invalidParameter('The stand-in supports only Zip packages.');
    const runtime = checkRuntime(body.Runtime);
    const handler = checkHandler(body.Handler);
    const role = checkRole(body.Role, this.world);
    const memorySize = body.MemorySize === undefined ? 128 : checkMemory(body.MemorySize);
    const timeout = body.Timeout === undefined ? 3 : checkTimeout(body.Timeout);
    const ephemeralStorage = body.EphemeralStorage === undefined ? 512 : checkEphemeral((body.EphemeralStorage as Body).Size);
    const architectures = body.Architectures === undefined ? ['x86_64'] : checkArchitectures(body.Architectures);
    const environment = body.Environment === undefined ? undefined : checkEnvironment(body.Environment);
    const logging = this.loggingConfig(body);
    const tags = checkTags(body.Tags);
    if (body.Code === undefined) throw validationError(undefined, 'code', 'Member must not be null');
    const functions = this.functionsIn(region);
    if (functions.has(name)) throw conflict(`Function already exist: ${name}`);
    const code = readCodePackage(body.Code as Body, region, this.world, 'CreateFunction');
    const fn: StoredFunction = {
      name,
      region,
      account,
      latest: {
        runtime,
        role,
        handler,
        description: str(body, 'Description') ?? '',
        timeout,
        memorySize,
        environment,
        ephemeralStorage,
        architectures,
        ...logging,
        kmsKeyArn: str(body, 'KMSKeyArn'),
        deadLetterTargetArn: ((body.DeadLetterConfig as Body | undefined)?.TargetArn as string | undefined) ?? undefined,
        ...code,
      },
      revisionId: newRevisionId(),
      lastModified: lambdaTimestamp(this.world.now()),
      state: 'Pending',
      versions: [],
      nextVersion: 1,
      aliases: new Map(),
      policy: [],
      tags,
      warmStreams: new Map(),
    };
    functions.set(name, fn);
    this.startBusy(fn, 'create');
    const published = body.Publish === true ? this.snapshot(fn) : undefined;
    return { fn, response: renderConfiguration(fn, published) };
  }

  updateCode(resolved: Resolved, body: Body): Record<string, unknown> {
    const { fn } = resolved;
    if (resolved.qualifier !== undefined && resolved.qualifier !== '$LATEST') throw invalidParameter('Only $LATEST can be updated.');
    this.checkRevision(str(body, 'RevisionId'), fn.revisionId);
    const code = readCodePackage(body, fn.region, this.world, 'UpdateFunctionCode');
    const architectures = body.Architectures === undefined ? undefined : checkArchitectures(body.Architectures);
    if (body.DryRun === true) return renderConfiguration(fn);
    this.assertIdle(fn);
    Object.assign(fn.latest, code);
    if (architectures) fn.latest.architectures = architectures;
    this.touch(fn);
    this.startBusy(fn, 'update');
    const published = body.Publish === true ? this.snapshot(fn) : undefined;
    return renderConfiguration(fn, published);
  }

  updateConfiguration(resolved: Resolved, body: Body): Record<string, unknown> {
    const { fn } = resolved;
    if (resolved.qualifier !== undefined && resolved.qualifier !== '$LATEST') throw invalidParameter('Only $LATEST can be updated.');
    const next = cloneConfig(fn.latest);
    if (body.Runtime !== undefined) next.runtime = checkRuntime(body.Runtime);
    if (body.Handler !== undefined) next.handler = checkHandler(body.Handler);
    if (body.MemorySize !== undefined) next.memorySize = checkMemory(body.MemorySize);
    if (body.Timeout !== undefined) next.timeout = checkTimeout(body.Timeout);
    if (body.EphemeralStorage !== undefined) next.ephemeralStorage = checkEphemeral((body.EphemeralStorage as Body).Size);
    if (body.Description !== undefined) next.description = str(body, 'Description') ?? '';
    if (body.Environment !== undefined) next.environment = checkEnvironment(body.Environment);
    if (body.LoggingConfig !== undefined) Object.assign(next, this.loggingConfig(body, fn.latest));
    if (body.KMSKeyArn !== undefined) next.kmsKeyArn = str(body, 'KMSKeyArn') || undefined;
    if (body.DeadLetterConfig !== undefined) next.deadLetterTargetArn = ((body.DeadLetterConfig as Body).TargetArn as string | undefined) || undefined;
    if (body.Role !== undefined) next.role = checkRole(body.Role, this.world);
    this.checkRevision(str(body, 'RevisionId'), fn.revisionId);
    this.assertIdle(fn);
    fn.latest = next;
    this.touch(fn);
    this.startBusy(fn, 'update');
    return renderConfiguration(fn);
  }

  private snapshot(fn: StoredFunction, description?: string): StoredVersion {
    const version: StoredVersion = {
      version: String(fn.nextVersion++),
      config: { ...cloneConfig(fn.latest), description: description ?? fn.latest.description },
      revisionId: newRevisionId(),
      lastModified: lambdaTimestamp(this.world.now()),
      policy: [],
      basis: configFingerprint(fn.latest),
    };
    fn.versions.push(version);
    return version;
  }

  publish(resolved: Resolved, body: Body): { created: boolean; response: Record<string, unknown> } {
    const { fn } = resolved;
    this.assertIdle(fn);
    const sha = str(body, 'CodeSha256');
    if (sha !== undefined && sha !== fn.latest.codeSha256) {
      throw preconditionFailed(`CodeSHA256 (${sha}) is different from current CodeSHA256 in $LATEST (${fn.latest.codeSha256}). Please try again with the current CodeSHA256.`);
    }
    this.checkRevision(str(body, 'RevisionId'), fn.revisionId);
    const last = fn.versions[fn.versions.length - 1];
    if (last && last.basis === configFingerprint(fn.latest)) return { created: false, response: renderConfiguration(fn, last) };
    const version = this.snapshot(fn, str(body, 'Description'));
    return { created: true, response: renderConfiguration(fn, version) };
  }

  /** Seeding: a version published at once, without the idle check or the no-change rule. */
  seedVersion(fn: StoredFunction): StoredVersion {
    return this.snapshot(fn);
  }

  list(region: string, query: URLSearchParams): Record<string, unknown> {
    const functionVersion = query.get('FunctionVersion');
    if (functionVersion !== null && functionVersion !== 'ALL') throw validationError(functionVersion, 'functionVersion', 'Member must satisfy enum value set: [ALL]');
    const functions = [...this.functionsIn(region).values()].sort((a, b) => a.name.localeCompare(b.name)).map((fn) => this.settle(fn));
    const items = functions.flatMap((fn) =>
      functionVersion === 'ALL' ? [renderConfiguration(fn, undefined, { forList: true }), ...fn.versions.map((v) => renderConfiguration(fn, v, { forList: true }))] : [renderConfiguration(fn, undefined, { forList: true })],
    );
    const { page, nextMarker } = pageOf(items, query.get('Marker'), query.get('MaxItems'));
    return { Functions: page, ...(nextMarker ? { NextMarker: nextMarker } : {}) };
  }

  listVersions(resolved: Resolved, query: URLSearchParams): Record<string, unknown> {
    const { fn } = resolved;
    const items = [renderConfiguration(fn, undefined, { forList: true }), ...fn.versions.map((v) => renderConfiguration(fn, v, { forList: true }))];
    const { page, nextMarker } = pageOf(items, query.get('Marker'), query.get('MaxItems'));
    return { Versions: page, ...(nextMarker ? { NextMarker: nextMarker } : {}) };
  }

  private checkAliasTarget(fn: StoredFunction, version: unknown, routing: unknown): { functionVersion: string; routing?: Record<string, number> } {
    if (typeof version !== 'string' || !/^(\$LATEST|[0-9]+)$/.test(version)) {
      throw validationError(version as string, 'functionVersion', 'Member must satisfy regular expression pattern: (\\$LATEST|[0-9]+)');
    }
    if (version !== '$LATEST' && !fn.versions.some((v) => v.version === version)) throw notFound(`Function not found: ${functionArn(fn, version)}`);
    const weights = (routing as Body | undefined)?.AdditionalVersionWeights as Record<string, number> | undefined;
    if (weights) {
      for (const [extra, weight] of Object.entries(weights)) {
        if (!fn.versions.some((v) => v.version === extra)) throw notFound(`Function not found: ${functionArn(fn, extra)}`);
        if (typeof weight !== 'number' || weight < 0 || weight > 1) throw validationError(weight, 'routingConfig.additionalVersionWeights', 'Member must have value between 0.0 and 1.0');
        if (extra === version) throw invalidParameter('Invalid function version. Please verify that the version is not the same as the function version the alias points to.');
      }
    }
    return { functionVersion: version, routing: weights && Object.keys(weights).length > 0 ? { ...weights } : undefined };
  }

  createAlias(resolved: Resolved, body: Body): Record<string, unknown> {
    const { fn } = resolved;
    const name = str(body, 'Name');
    if (name === undefined || name.length < 1 || name.length > 128 || !ALIAS_NAME.test(name)) {
      throw validationError(name, 'name', 'Member must satisfy regular expression pattern: (?!^[0-9]+$)([a-zA-Z0-9-_]+)');
    }
    const target = this.checkAliasTarget(fn, body.FunctionVersion, body.RoutingConfig);
    if (fn.aliases.has(name)) throw conflict(`Alias already exists: ${functionArn(fn, name)}`);
    const alias: StoredAlias = { name, ...target, description: str(body, 'Description') ?? '', revisionId: newRevisionId(), policy: [] };
    fn.aliases.set(name, alias);
    return renderAlias(fn, alias);
  }

  alias(resolved: Resolved, name: string): StoredAlias {
    const alias = resolved.fn.aliases.get(name);
    if (!alias) throw notFound(`Cannot find alias arn: ${functionArn(resolved.fn, name)}`);
    return alias;
  }

  updateAlias(resolved: Resolved, name: string, body: Body): Record<string, unknown> {
    const { fn } = resolved;
    const alias = this.alias(resolved, name);
    this.checkRevision(str(body, 'RevisionId'), alias.revisionId, 'GetAlias');
    const target = this.checkAliasTarget(fn, body.FunctionVersion ?? alias.functionVersion, body.RoutingConfig ?? (alias.routing && { AdditionalVersionWeights: alias.routing }));
    alias.functionVersion = target.functionVersion;
    alias.routing = target.routing;
    if (body.Description !== undefined) alias.description = str(body, 'Description') ?? '';
    alias.revisionId = newRevisionId();
    return renderAlias(fn, alias);
  }

  deleteAlias(resolved: Resolved, name: string): void {
    resolved.fn.aliases.delete(name);
  }

  listAliases(resolved: Resolved, query: URLSearchParams): Record<string, unknown> {
    const { fn } = resolved;
    const version = query.get('FunctionVersion');
    const items = [...fn.aliases.values()]
      .filter((a) => version === null || a.functionVersion === version)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((a) => renderAlias(fn, a));
    const { page, nextMarker } = pageOf(items, query.get('Marker'), query.get('MaxItems'));
    return { Aliases: page, ...(nextMarker ? { NextMarker: nextMarker } : {}) };
  }

  delete(resolved: Resolved): void {
    const { fn, qualifier } = resolved;
    if (qualifier === undefined || qualifier === '$LATEST') {
      this.functionsIn(fn.region).delete(fn.name);
      return;
    }
    if (resolved.alias) throw invalidParameter('Deletion of aliases is not supported.');
    const inUse = [...fn.aliases.values()].find((a) => a.functionVersion === qualifier);
    if (inUse) throw conflict(`Unable to delete version because the following aliases reference it: [${inUse.name}]`);
    fn.versions = fn.versions.filter((v) => v.version !== qualifier);
  }
}
