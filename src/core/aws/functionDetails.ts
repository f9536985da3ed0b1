// Everything the Functions view shows about one function: versions, aliases, triggers (S3 bucket
// notifications found through the resource policies, event source mappings), environment with
// secrets masked, and the keys of the Secrets Manager secret it reads. A part that fails is
// reported on its own; the rest still shows.
import { GetBucketNotificationConfigurationCommand } from '@aws-sdk/client-s3';
import {
  GetFunctionConfigurationCommand,
  GetPolicyCommand,
  ListAliasesCommand,
  ListEventSourceMappingsCommand,
  ListVersionsByFunctionCommand,
  type FunctionConfiguration,
} from '@aws-sdk/client-lambda';
import { DescribeSecretCommand, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import type { AwsClients } from './clientFactory';
import { parseFlowCrn, type FlowCrn } from './crn';
import { describeAwsError, type AwsProblem } from './errors';
import { summarizeFunction, type FunctionSummary } from './functions';

export interface FunctionVersionInfo {
  /** A number, or $LATEST. */
  version: string;
  description?: string;
  lastModified?: string;
  codeSha256?: string;
  flowCrnValue?: string;
  flow?: FlowCrn;
}

export interface AliasInfo {
  name: string;
  arn: string;
  version: string;
  /** Versions the alias also routes to, with their weight (0..1). */
  additionalVersions?: Record<string, number>;
  description?: string;
}

/** What a trigger's target ARN points at: the function itself ($LATEST), one version, or an alias. */
export interface TriggerTarget {
  kind: 'function' | 'version' | 'alias';
  /** The version number / $LATEST, or the alias name. */
  qualifier?: string;
  arn: string;
}

export interface S3Trigger {
  type: 's3';
  bucket: string;
  id?: string;
  events: string[];
  prefix?: string;
  suffix?: string;
  target: TriggerTarget;
}

export interface EventSourceTrigger {
  type: 'eventSource';
  uuid: string;
  eventSourceArn?: string;
  state?: string;
  batchSize?: number;
  target: TriggerTarget;
}

export type FunctionTrigger = S3Trigger | EventSourceTrigger;

export interface EnvironmentEntry {
  key: string;
  /** Only for keys that are not secret. */
  value?: string;
  masked: boolean;
}

export interface SecretInfo {
  name: string;
  arn?: string;
  /** The secret's JSON keys (never values); undefined when they could not be read. */
  keys?: string[];
  /** Why the keys are missing or suspect: 'not found', 'access denied', 'not a JSON object', 'scheduled for deletion', ... */
  note?: string;
  tags?: Record<string, string>;
}

export type DetailPart = 'configuration' | 'versions' | 'aliases' | 'policies' | 'bucketNotifications' | 'eventSourceMappings' | 'secret';

export interface PartProblem {
  part: DetailPart;
  /** The bucket, alias or qualifier the failed call was about, when there are several. */
  about?: string;
  problem: AwsProblem;
}

export interface FunctionDetails {
  name: string;
  /** From GetFunctionConfiguration ($LATEST), with the state fields ListFunctions leaves out. */
  summary?: FunctionSummary;
  lastUpdateStatusReason?: string;
  versions: FunctionVersionInfo[];
  /** The highest published version number; undefined when none was published. */
  newestVersion?: number;
  aliases: AliasInfo[];
  triggers: FunctionTrigger[];
  environment: EnvironmentEntry[];
  secret?: SecretInfo;
  problems: PartProblem[];
  /** AWS calls made for these details. */
  calls: number;
}

export interface DescribeFunctionOptions {
  /** Env keys to mask besides the ones that look secret (e.g. the flow's sensitive parameters). */
  sensitiveKeys?: string[];
  /** The Secrets Manager secret the function reads (by DFF's rule, named as the flow's parameter context). */
  secretName?: string;
  /** Used as secretName when that is not given. */
  parameterContextName?: string;
  profile?: string;
  region?: string;
  signal?: AbortSignal;
}

const LOOKS_SECRET = /(secret|password|passwd|token|private|credential|_key$)/i;
const NOT_SECRET = new Set(['DF_ACCESS_KEY']);
const PAGE = 50;

/** Every page of a Lambda list call that pages with Marker / NextMarker. */
async function* markerPages<T extends { NextMarker?: string }>(fetch: (marker: { Marker?: string }) => Promise<T>): AsyncGenerator<T> {
  let marker: string | undefined;
  do {
    const page = await fetch(marker ? { Marker: marker } : {});
    yield page;
    marker = page.NextMarker || undefined;
  } while (marker);
}
const PARALLEL = 4;

/** Whether an environment variable's value must not be shown. */
export function isSecretEnvKey(key: string, sensitiveKeys: readonly string[] = []): boolean {
  if (key === 'DF_PRIVATE_KEY' || sensitiveKeys.includes(key)) return true;
  if (NOT_SECRET.has(key)) return false;
  return LOOKS_SECRET.test(key);
}

/** Environment entries, sorted by key, with the values of secret keys dropped. */
export function maskEnvironment(variables: Record<string, string> | undefined, sensitiveKeys: readonly string[] = []): EnvironmentEntry[] {
  return Object.keys(variables ?? {})
    .sort()
    .map((key) => (isSecretEnvKey(key, sensitiveKeys) ? { key, masked: true } : { key, value: (variables ?? {})[key], masked: false }));
}

interface ParsedFunctionArn {
  region: string;
  account: string;
  name: string;
  qualifier?: string;
}

function parseFunctionArn(arn: string): ParsedFunctionArn | undefined {
  const match = /^arn:[^:]+:lambda:([^:]+):(\d{12}):function:([^:]+)(?::([^:]+))?$/.exec(arn);
  if (!match) return undefined;
  return match[4] === undefined ? { region: match[1], account: match[2], name: match[3] } : { region: match[1], account: match[2], name: match[3], qualifier: match[4] };
}

/** Where a trigger's ARN points, when it is this function (same name, account and region). */
export function triggerTarget(targetArn: string, functionArn: string): TriggerTarget | undefined {
  const target = parseFunctionArn(targetArn);
  const fn = parseFunctionArn(functionArn);
  if (!target || !fn || target.name !== fn.name || target.account !== fn.account || target.region !== fn.region) return undefined;
  if (target.qualifier === undefined) return { kind: 'function', arn: targetArn };
  if (target.qualifier === '$LATEST' || /^\d+$/.test(target.qualifier)) return { kind: 'version', qualifier: target.qualifier, arn: targetArn };
  // Alias names cannot be all digits, so anything else is an alias (even one ListAliases did not return).
  return { kind: 'alias', qualifier: target.qualifier, arn: targetArn };
}

interface PolicyStatement {
  Effect?: string;
  Principal?: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

function principalIsS3(principal: unknown): boolean {
  if (principal === 's3.amazonaws.com') return true;
  if (typeof principal !== 'object' || principal === null) return false;
  const service = (principal as { Service?: unknown }).Service;
  return service === 's3.amazonaws.com' || (Array.isArray(service) && service.includes('s3.amazonaws.com'));
}

/** Buckets a resource policy lets S3 invoke from (statements with principal s3.amazonaws.com and a SourceArn arn:aws:s3:::bucket). */
export function s3SourceBuckets(policy: string): string[] {
  let document: { Statement?: unknown };
  try {
    document = JSON.parse(policy) as { Statement?: unknown };
  } catch {
    return [];
  }
  const statements = Array.isArray(document.Statement) ? (document.Statement as PolicyStatement[]) : document.Statement ? [document.Statement as PolicyStatement] : [];
  const buckets = new Set<string>();
  for (const statement of statements) {
    if (statement.Effect === 'Deny' || !principalIsS3(statement.Principal)) continue;
    for (const operator of Object.values(statement.Condition ?? {})) {
      for (const [key, value] of Object.entries(operator ?? {})) {
        if (key.toLowerCase() !== 'aws:sourcearn') continue;
        for (const arn of Array.isArray(value) ? value : [value]) {
          const bucket = typeof arn === 'string' ? /^arn:[^:]+:s3:::([^/*?]+)$/.exec(arn)?.[1] : undefined;
          if (bucket) buckets.add(bucket);
        }
      }
    }
  }
  return [...buckets];
}

async function inBatches<T, R>(items: readonly T[], run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let index = 0; index < items.length; index += PARALLEL) {
    results.push(...(await Promise.all(items.slice(index, index + PARALLEL).map(run))));
  }
  return results;
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : '';
}

function versionInfo(config: FunctionConfiguration): FunctionVersionInfo {
  const flowCrnValue = config.Environment?.Variables?.FLOW_CRN;
  const info: FunctionVersionInfo = { version: config.Version ?? '$LATEST' };
  if (config.Description) info.description = config.Description;
  if (config.LastModified) info.lastModified = config.LastModified;
  if (config.CodeSha256) info.codeSha256 = config.CodeSha256;
  if (flowCrnValue !== undefined) {
    info.flowCrnValue = flowCrnValue;
    const flow = parseFlowCrn(flowCrnValue);
    if (flow) info.flow = flow;
  }
  return info;
}

/** Reads the details of one function; never throws for an AWS error (each failed part is in `problems`). */
export async function describeFunction(clients: AwsClients, name: string, options: DescribeFunctionOptions = {}): Promise<FunctionDetails> {
  const { signal } = options;
  const details: FunctionDetails = { name, versions: [], aliases: [], triggers: [], environment: [], problems: [], calls: 0 };
  const send = <T>(call: () => Promise<T>): Promise<T> => {
    details.calls++;
    return call();
  };
  const fail = (part: DetailPart, error: unknown, action: string, about?: string): void => {
    if (signal?.aborted) throw error;
    const problem = describeAwsError(error, { profile: options.profile, region: options.region, action });
    // One policy read per alias and version: a missing permission would otherwise repeat for each.
    if (part === 'policies' && details.problems.some((known) => known.part === part && known.problem.kind === problem.kind)) return;
    details.problems.push(about === undefined ? { part, problem } : { part, about, problem });
  };

  let latestArn: string | undefined;
  // Configuration, versions and aliases do not depend on each other.
  const [configuration] = await Promise.all([
    send(() => clients.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: name }), { abortSignal: signal })).catch((error: unknown) => {
      fail('configuration', error, `read function ${name}`);
      return undefined;
    }),
    (async () => {
      try {
        const pages = markerPages((marker) =>
          send(() => clients.lambda.send(new ListVersionsByFunctionCommand({ FunctionName: name, MaxItems: PAGE, ...marker }), { abortSignal: signal })),
        );
        for await (const page of pages) {
          for (const version of page.Versions ?? []) {
            if (version.Version === '$LATEST') latestArn = version.FunctionArn;
            details.versions.push(versionInfo(version));
          }
        }
      } catch (error) {
        fail('versions', error, `list the versions of ${name}`);
      }
    })(),
    (async () => {
      try {
        const pages = markerPages((marker) =>
          send(() => clients.lambda.send(new ListAliasesCommand({ FunctionName: name, MaxItems: PAGE, ...marker }), { abortSignal: signal })),
        );
        for await (const page of pages) {
          for (const alias of page.Aliases ?? []) {
            const info: AliasInfo = { name: alias.Name ?? '', arn: alias.AliasArn ?? '', version: alias.FunctionVersion ?? '' };
            const weights = alias.RoutingConfig?.AdditionalVersionWeights;
            if (weights && Object.keys(weights).length) info.additionalVersions = { ...weights };
            if (alias.Description) info.description = alias.Description;
            details.aliases.push(info);
          }
        }
      } catch (error) {
        fail('aliases', error, `list the aliases of ${name}`);
      }
    })(),
  ]);

  if (configuration) {
    details.summary = summarizeFunction(configuration);
    if (configuration.LastUpdateStatusReason) details.lastUpdateStatusReason = configuration.LastUpdateStatusReason;
    details.environment = maskEnvironment(configuration.Environment?.Variables, options.sensitiveKeys);
  }
  const published = details.versions.map((version) => version.version).filter((version) => /^\d+$/.test(version)).map(Number);
  if (published.length) details.newestVersion = Math.max(...published);

  const functionArn = configuration?.FunctionArn ?? latestArn?.replace(/:\$LATEST$/, '');

  const [s3Triggers, mappings] = await Promise.all([
    functionArn ? readS3Triggers(clients, name, functionArn, details, send, fail, signal) : [],
    functionArn ? readEventSourceMappings(clients, name, functionArn, details, send, fail, signal) : [],
    readSecret(clients, options.secretName ?? options.parameterContextName, details, send, fail, signal),
  ]);
  details.triggers = [...s3Triggers, ...mappings];
  return details;
}

type Send = <T>(call: () => Promise<T>) => Promise<T>;
type Fail = (part: DetailPart, error: unknown, action: string, about?: string) => void;

async function readS3Triggers(
  clients: AwsClients,
  name: string,
  functionArn: string,
  details: FunctionDetails,
  send: Send,
  fail: Fail,
  signal: AbortSignal | undefined,
): Promise<S3Trigger[]> {
  // The unqualified policy covers $LATEST; aliases and published versions each have their own.
  const qualifiers: (string | undefined)[] = [
    undefined,
    ...details.aliases.map((alias) => alias.name),
    ...details.versions.map((version) => version.version).filter((version) => version !== '$LATEST'),
  ];
  const buckets = new Set<string>();
  await inBatches(qualifiers, async (qualifier) => {
    try {
      const answer = await send(() =>
        clients.lambda.send(new GetPolicyCommand({ FunctionName: name, ...(qualifier ? { Qualifier: qualifier } : {}) }), { abortSignal: signal }),
      );
      for (const bucket of s3SourceBuckets(answer.Policy ?? '')) buckets.add(bucket);
    } catch (error) {
      if (errorName(error) === 'ResourceNotFoundException') return; // no policy on this one
      fail('policies', error, `read the resource policy of ${qualifier ? `${name}:${qualifier}` : name}`, qualifier ?? name);
    }
  });
  const found: S3Trigger[] = [];
  await inBatches([...buckets].sort(), async (bucket) => {
    try {
      const configuration = await send(() => clients.s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: bucket }), { abortSignal: signal }));
      for (const entry of configuration.LambdaFunctionConfigurations ?? []) {
        const target = entry.LambdaFunctionArn ? triggerTarget(entry.LambdaFunctionArn, functionArn) : undefined;
        if (!target) continue;
        const trigger: S3Trigger = { type: 's3', bucket, events: [...(entry.Events ?? [])], target };
        if (entry.Id) trigger.id = entry.Id;
        for (const rule of entry.Filter?.Key?.FilterRules ?? []) {
          const ruleName = rule.Name?.toLowerCase();
          if (ruleName === 'prefix' && rule.Value !== undefined) trigger.prefix = rule.Value;
          if (ruleName === 'suffix' && rule.Value !== undefined) trigger.suffix = rule.Value;
        }
        found.push(trigger);
      }
    } catch (error) {
      fail('bucketNotifications', error, `read the event notifications of bucket ${bucket}`, bucket);
    }
  });
  return found.sort((a, b) => a.bucket.localeCompare(b.bucket) || (a.id ?? '').localeCompare(b.id ?? ''));
}

async function readEventSourceMappings(
  clients: AwsClients,
  name: string,
  functionArn: string,
  details: FunctionDetails,
  send: Send,
  fail: Fail,
  signal: AbortSignal | undefined,
): Promise<EventSourceTrigger[]> {
  const byUuid = new Map<string, EventSourceTrigger>();
  const sources = [name, ...details.aliases.map((alias) => alias.arn).filter(Boolean)];
  await inBatches(sources, async (source) => {
    try {
      const pages = markerPages((marker) =>
        send(() => clients.lambda.send(new ListEventSourceMappingsCommand({ FunctionName: source, MaxItems: 100, ...marker }), { abortSignal: signal })),
      );
      for await (const page of pages) {
        for (const mapping of page.EventSourceMappings ?? []) {
          if (!mapping.UUID || !mapping.FunctionArn) continue;
          const target = triggerTarget(mapping.FunctionArn, functionArn);
          if (!target) continue;
          const trigger: EventSourceTrigger = { type: 'eventSource', uuid: mapping.UUID, target };
          if (mapping.EventSourceArn) trigger.eventSourceArn = mapping.EventSourceArn;
          if (mapping.State) trigger.state = mapping.State;
          if (mapping.BatchSize !== undefined) trigger.batchSize = mapping.BatchSize;
          byUuid.set(mapping.UUID, trigger);
        }
      }
    } catch (error) {
      fail('eventSourceMappings', error, `list the event source mappings of ${source}`, source);
    }
  });
  return [...byUuid.values()].sort((a, b) => a.uuid.localeCompare(b.uuid));
}

async function readSecret(
  clients: AwsClients,
  secretName: string | undefined,
  details: FunctionDetails,
  send: Send,
  fail: Fail,
  signal: AbortSignal | undefined,
): Promise<void> {
  if (!secretName) return;
  const secret: SecretInfo = { name: secretName };
  details.secret = secret;
  try {
    const description = await send(() => clients.secrets.send(new DescribeSecretCommand({ SecretId: secretName }), { abortSignal: signal }));
    if (description.ARN) secret.arn = description.ARN;
    if (description.Tags?.length) secret.tags = Object.fromEntries(description.Tags.map((tag) => [tag.Key ?? '', tag.Value ?? '']));
    if (description.DeletedDate) {
      secret.note = 'scheduled for deletion';
      return;
    }
  } catch (error) {
    const name = errorName(error);
    if (name === 'ResourceNotFoundException') {
      secret.note = 'not found';
      return;
    }
    secret.note = /^AccessDenied/.test(name) ? 'access denied' : 'could not be read';
    fail('secret', error, `describe the secret ${secretName}`, secretName);
    return;
  }
  try {
    const value = await send(() => clients.secrets.send(new GetSecretValueCommand({ SecretId: secretName }), { abortSignal: signal }));
    if (value.SecretString === undefined) {
      secret.note = 'a binary secret, not a JSON object';
      return;
    }
    // Only the keys are kept: the parsed object goes out of scope here.
    const keys = jsonObjectKeys(value.SecretString);
    if (keys) secret.keys = keys;
    else secret.note = 'not a JSON object';
  } catch (error) {
    const name = errorName(error);
    secret.note = name === 'ResourceNotFoundException' ? 'no value' : /^AccessDenied/.test(name) ? 'access denied' : 'could not be read';
    if (name !== 'ResourceNotFoundException') fail('secret', error, `read the keys of the secret ${secretName}`, secretName);
  }
}

function jsonObjectKeys(text: string): string[] | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? Object.keys(parsed).sort() : undefined;
  } catch {
    return undefined;
  }
}
