// Reads everything a deploy compares against: role and its policies, secret, code, function with its
// versions, alias and alias policy, and each trigger bucket's whole notification configuration.
// Only Get/List/Describe/Head calls: reading never changes anything.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import {
  GetRoleCommand, GetRolePolicyCommand, ListAttachedRolePoliciesCommand, ListRolePoliciesCommand,
  type ListAttachedRolePoliciesCommandOutput, type ListRolePoliciesCommandOutput,
} from '@aws-sdk/client-iam';
import {
  GetAliasCommand, GetFunctionCommand, GetPolicyCommand, ListVersionsByFunctionCommand,
  type FunctionConfiguration, type ListVersionsByFunctionCommandOutput,
} from '@aws-sdk/client-lambda';
import { GetBucketNotificationConfigurationCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { DescribeSecretCommand, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import type { AwsClients } from '../aws/clientFactory';
import { parseRoleArn } from './arns';
import type { DesiredDeployment } from './desired';
import { inlinePolicyName, parsePolicy, trustsLambda } from './policies';
import type { BucketState, CodeState, DeployState, FunctionSnapshot, RoleState, SecretState } from './state';
import type { Architecture } from './target';

export interface ReadOptions {
  signal?: AbortSignal;
}

/** The clients deploy uses (a subset of AwsClients, so tests may pass only these). */
export type DeployClients = Pick<AwsClients, 'lambda' | 'iam' | 's3' | 'secrets'>;

export async function readState(clients: DeployClients, desired: DesiredDeployment, options: ReadOptions = {}): Promise<DeployState> {
  const call = { abortSignal: options.signal };
  const [role, secret, code, fn] = await Promise.all([
    readRole(clients, desired, call),
    desired.secret ? readSecret(clients, desired.secret.name, call) : Promise.resolve(undefined),
    readCode(clients, desired, call),
    readFunction(clients, desired.functionName, call),
  ]);
  const [versions, alias, aliasPolicy] = fn
    ? await Promise.all([
      readVersions(clients, desired.functionName, call),
      readAlias(clients, desired, call),
      readAliasPolicy(clients, desired, call),
    ])
    : [[], undefined, []];
  const buckets: Record<string, BucketState> = {};
  for (const bucket of new Set(desired.triggers.map((trigger) => trigger.bucket))) buckets[bucket] = await readBucket(clients, bucket, call);
  return { role, secret, code, function: fn, versions, alias, aliasPolicy, buckets };
}

type Call = { abortSignal?: AbortSignal };

export function isNotFound(error: unknown): boolean {
  const value = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return ['ResourceNotFoundException', 'NoSuchEntityException', 'NoSuchEntity', 'NoSuchBucket', 'NoSuchKey', 'NotFound'].includes(value?.name ?? '') ||
    value?.$metadata?.httpStatusCode === 404;
}

async function orUndefined<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

async function readRole(clients: DeployClients, desired: DesiredDeployment, call: Call): Promise<RoleState | undefined> {
  const roleName = desired.role.kind === 'create' ? desired.role.name : parseRoleArn(desired.role.arn)?.name;
  if (!roleName) return undefined;
  const found = await orUndefined(clients.iam.send(new GetRoleCommand({ RoleName: roleName }), call));
  if (!found?.Role?.Arn) return undefined;
  const attached: string[] = [];
  let marker: string | undefined;
  do {
    const page: ListAttachedRolePoliciesCommandOutput = await clients.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: roleName, Marker: marker }), call);
    for (const policy of page.AttachedPolicies ?? []) if (policy.PolicyArn) attached.push(policy.PolicyArn);
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  const inlineNames: string[] = [];
  marker = undefined;
  do {
    const page: ListRolePoliciesCommandOutput = await clients.iam.send(new ListRolePoliciesCommand({ RoleName: roleName, Marker: marker }), call);
    inlineNames.push(...(page.PolicyNames ?? []));
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  const ours = inlinePolicyName(desired.functionName);
  let inlinePolicy: unknown;
  if (inlineNames.includes(ours)) {
    const policy = await orUndefined(clients.iam.send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: ours }), call));
    inlinePolicy = parsePolicy(policy?.PolicyDocument);
  }
  return {
    arn: found.Role.Arn,
    name: roleName,
    trustsLambda: trustsLambda(found.Role.AssumeRolePolicyDocument),
    tags: Object.fromEntries((found.Role.Tags ?? []).map((tag) => [tag.Key ?? '', tag.Value ?? ''])),
    attachedPolicyArns: attached,
    inlinePolicyNames: inlineNames,
    inlinePolicy,
  };
}

async function readSecret(clients: DeployClients, name: string, call: Call): Promise<SecretState | undefined> {
  const described = await orUndefined(clients.secrets.send(new DescribeSecretCommand({ SecretId: name }), call));
  if (!described?.ARN) return undefined;
  const deleted = described.DeletedDate !== undefined;
  let values: Record<string, string> | undefined;
  if (!deleted) {
    const value = await orUndefined(clients.secrets.send(new GetSecretValueCommand({ SecretId: name }), call));
    // A secret created without a value has no AWSCURRENT version yet: treat it as an empty object.
    values = value === undefined ? {} : parseSecretValues(value.SecretString);
  }
  return {
    arn: described.ARN,
    name: described.Name ?? name,
    tags: Object.fromEntries((described.Tags ?? []).map((tag) => [tag.Key ?? '', tag.Value ?? ''])),
    kmsKeyId: described.KmsKeyId,
    deleted,
    values,
  };
}

/** A secret's value as DFF reads it: a JSON object of parameter names to strings; undefined otherwise. */
export function parseSecretValues(text: string | undefined): Record<string, string> | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
    const entries = Object.entries(parsed as Record<string, unknown>);
    if (entries.some(([, value]) => typeof value !== 'string')) return undefined;
    return Object.fromEntries(entries) as Record<string, string>;
  } catch {
    return undefined;
  }
}

async function readCode(clients: DeployClients, desired: DesiredDeployment, call: Call): Promise<CodeState> {
  const code = desired.code;
  if (code.kind === 's3') {
    const head = await orUndefined(clients.s3.send(new HeadObjectCommand({ Bucket: code.bucket, Key: code.key }), call));
    return { kind: 's3', found: head !== undefined, etag: head?.ETag, versionId: head?.VersionId };
  }
  const hashed = await hashFile(code.path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (!hashed) return { kind: 'localZip', found: false, sha256Base64: '', sha256Hex: '', md5Hex: '', size: 0, key: '', uploaded: false };
  const key = `${code.keyPrefix}${hashed.sha256Hex}.zip`;
  const head = await orUndefined(clients.s3.send(new HeadObjectCommand({ Bucket: code.bucket, Key: key }), call));
  const uploaded = head?.ETag?.replace(/"/g, '') === hashed.md5Hex && head?.ContentLength === hashed.size;
  return { kind: 'localZip', found: true, ...hashed, key, uploaded };
}

async function hashFile(file: string): Promise<{ sha256Base64: string; sha256Hex: string; md5Hex: string; size: number }> {
  const info = await stat(file);
  const sha256 = createHash('sha256');
  const md5 = createHash('md5');
  for await (const chunk of createReadStream(file)) {
    sha256.update(chunk as Buffer);
    md5.update(chunk as Buffer);
  }
  const digest = sha256.digest();
  return { sha256Base64: digest.toString('base64'), sha256Hex: digest.toString('hex'), md5Hex: md5.digest('hex'), size: info.size };
}

export function snapshotOf(config: FunctionConfiguration): FunctionSnapshot {
  return {
    arn: config.FunctionArn ?? '',
    version: config.Version ?? '$LATEST',
    runtime: config.Runtime,
    role: config.Role,
    handler: config.Handler,
    memoryMb: config.MemorySize,
    timeoutSeconds: config.Timeout,
    ephemeralStorageMb: config.EphemeralStorage?.Size,
    architecture: config.Architectures?.[0] as Architecture | undefined,
    description: config.Description,
    codeSha256: config.CodeSha256,
    environment: { ...(config.Environment?.Variables ?? {}) },
    deadLetterArn: config.DeadLetterConfig?.TargetArn,
    state: config.State,
    lastUpdateStatus: config.LastUpdateStatus,
  };
}

async function readFunction(clients: DeployClients, functionName: string, call: Call): Promise<FunctionSnapshot | undefined> {
  const found = await orUndefined(clients.lambda.send(new GetFunctionCommand({ FunctionName: functionName }), call));
  if (!found?.Configuration) return undefined;
  // GetFunction returns the tags with the function only when the caller may lambda:ListTags; else TagsError.
  return {
    ...snapshotOf(found.Configuration),
    ...(found.Tags ? { tags: { ...found.Tags } } : {}),
    ...(found.TagsError ? { tagsError: `${found.TagsError.ErrorCode ?? 'Error'}: ${found.TagsError.Message ?? ''}`.trim() } : {}),
  };
}

async function readVersions(clients: DeployClients, functionName: string, call: Call): Promise<FunctionSnapshot[]> {
  const versions: FunctionSnapshot[] = [];
  let marker: string | undefined;
  do {
    const page: ListVersionsByFunctionCommandOutput = await clients.lambda.send(new ListVersionsByFunctionCommand({ FunctionName: functionName, Marker: marker }), call);
    for (const config of page.Versions ?? []) if (config.Version && config.Version !== '$LATEST') versions.push(snapshotOf(config));
    marker = page.NextMarker;
  } while (marker);
  return versions.sort((a, b) => Number(a.version) - Number(b.version));
}

async function readAlias(clients: DeployClients, desired: DesiredDeployment, call: Call): Promise<DeployState['alias']> {
  const alias = await orUndefined(clients.lambda.send(new GetAliasCommand({ FunctionName: desired.functionName, Name: desired.alias }), call));
  return alias?.AliasArn && alias.FunctionVersion ? { arn: alias.AliasArn, version: alias.FunctionVersion } : undefined;
}

async function readAliasPolicy(clients: DeployClients, desired: DesiredDeployment, call: Call): Promise<DeployState['aliasPolicy']> {
  const policy = await orUndefined(clients.lambda.send(new GetPolicyCommand({ FunctionName: desired.functionName, Qualifier: desired.alias }), call));
  return parsePolicy(policy?.Policy)?.Statement ?? [];
}

async function readBucket(clients: DeployClients, bucket: string, call: Call): Promise<BucketState> {
  const found = await orUndefined(clients.s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: bucket }), call));
  if (!found) return { found: false, configuration: {} };
  const { $metadata: _metadata, ...configuration } = found;
  return { found: true, configuration };
}
