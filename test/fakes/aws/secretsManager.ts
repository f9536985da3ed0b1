// Secrets Manager in the AWS stand-in (JSON 1.1, X-Amz-Target secretsmanager.*): secrets with
// versions and staging labels, tags and resource policies. Values are kept only to be given back by
// GetSecretValue; no answer other than that one, and no error message, ever contains them.
import { randomBytes, randomUUID } from 'node:crypto';
import { AwsServiceError, type AwsCall, type AwsReply, type FakeAwsWorld, type FaultKind, type ServiceModule } from './protocol';

const TARGET_PREFIX = 'secretsmanager.';
const OPERATIONS = new Set([
  'CreateSecret',
  'DescribeSecret',
  'GetSecretValue',
  'PutSecretValue',
  'UpdateSecret',
  'TagResource',
  'UntagResource',
  'ListSecrets',
  'GetResourcePolicy',
  'PutResourcePolicy',
]);

const MAX_SECRET_STRING = 65536;
const MAX_TAGS = 50;
const NOT_FOUND = "Secrets Manager can't find the specified secret.";

export interface SecretTag {
  Key: string;
  Value: string;
}

export interface SecretVersion {
  id: string;
  secretString?: string;
  secretBinary?: Buffer;
  stages: string[];
  createdAt: number;
}

export interface StoredSecret {
  account: string;
  region: string;
  name: string;
  arn: string;
  description?: string;
  kmsKeyId?: string;
  tags: SecretTag[];
  resourcePolicy?: string;
  createdAt: number;
  lastChangedAt: number;
  lastAccessedAt?: number;
  /** In creation order. */
  versions: SecretVersion[];
}

export interface SeedSecretOptions {
  account?: string;
  region?: string;
  secretString?: string;
  description?: string;
  kmsKeyId?: string;
  tags?: SecretTag[];
  resourcePolicy?: string;
}

function secretsError(code: string, message: string, status = 400): AwsServiceError {
  return new AwsServiceError(code, status, message);
}

const invalidParameter = (message: string) => secretsError('InvalidParameterException', message);

/** A validation failure; the value is named only when it is not sensitive. */
function validation(member: string, constraint: string, value?: string): AwsServiceError {
  const shown = value === undefined ? '' : ` '${value}'`;
  return secretsError('ValidationException', `1 validation error detected: Value${shown} at '${member}' failed to satisfy constraint: ${constraint}`);
}

const NAME_PATTERN = /^[A-Za-z0-9/_+=.@-]+$/;

function checkName(name: unknown): string {
  if (typeof name !== 'string') throw validation('name', 'Member must not be null');
  if (name.length < 1) throw validation('name', 'Member must have length greater than or equal to 1', name);
  if (name.length > 512) throw validation('name', 'Member must have length less than or equal to 512', name);
  if (!NAME_PATTERN.test(name)) throw invalidParameter('Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!');
  return name;
}

function checkSecretId(secretId: unknown): string {
  if (typeof secretId !== 'string') throw validation('secretId', 'Member must not be null');
  if (secretId.length < 1 || secretId.length > 2048) throw validation('secretId', 'Member must have length less than or equal to 2048', secretId);
  return secretId;
}

function optionalString(body: Record<string, unknown>, member: string, max: number, sensitive = false): string | undefined {
  const value = body[member];
  if (value === undefined || value === null) return undefined;
  const wire = member.charAt(0).toLowerCase() + member.slice(1);
  if (typeof value !== 'string') throw secretsError('SerializationException', `Unexpected type for ${member}`);
  if (value.length > max) throw validation(wire, `Member must have length less than or equal to ${max}`, sensitive ? undefined : value);
  return value;
}

function secretValue(body: Record<string, unknown>): { secretString?: string; secretBinary?: Buffer } {
  const secretString = optionalString(body, 'SecretString', MAX_SECRET_STRING, true);
  const binaryText = optionalString(body, 'SecretBinary', Math.ceil((MAX_SECRET_STRING * 4) / 3) + 4, true);
  if (secretString !== undefined && binaryText !== undefined) throw invalidParameter('You can\'t specify both a binary secret value and a string secret value in the same secret.');
  const secretBinary = binaryText === undefined ? undefined : Buffer.from(binaryText, 'base64');
  if (secretBinary && secretBinary.length > MAX_SECRET_STRING) throw validation('secretBinary', `Member must have length less than or equal to ${MAX_SECRET_STRING}`);
  return { secretString, secretBinary };
}

function clientRequestToken(body: Record<string, unknown>): string {
  const token = body.ClientRequestToken;
  if (token === undefined || token === null) return randomUUID();
  if (typeof token !== 'string' || token.length < 32 || token.length > 64) {
    throw validation('clientRequestToken', 'Member must have length greater than or equal to 32', typeof token === 'string' ? token : undefined);
  }
  return token;
}

const TAG_PATTERN = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

function tagsFrom(value: unknown): SecretTag[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw secretsError('SerializationException', 'Unexpected type for Tags');
  const tags = value.map((tag: { Key?: unknown; Value?: unknown }) => ({ Key: tag?.Key, Value: tag?.Value ?? '' }));
  for (const tag of tags) {
    if (typeof tag.Key !== 'string' || tag.Key.length < 1 || tag.Key.length > 128) throw validation('tags.member.key', 'Member must have length between 1 and 128', typeof tag.Key === 'string' ? tag.Key : undefined);
    if (typeof tag.Value !== 'string' || tag.Value.length > 256) throw validation('tags.member.value', 'Member must have length less than or equal to 256');
    if (!TAG_PATTERN.test(tag.Key) || !TAG_PATTERN.test(tag.Value)) throw invalidParameter('Invalid tag key or value.');
    if (tag.Key.toLowerCase().startsWith('aws:')) throw invalidParameter('Invalid tag key: the prefix aws: is reserved for AWS use.');
  }
  return tags as SecretTag[];
}

function mergeTags(existing: SecretTag[], added: SecretTag[]): SecretTag[] {
  const merged = existing.filter((tag) => !added.some((a) => a.Key === tag.Key));
  return [...merged, ...added.map((tag) => ({ ...tag }))];
}

function suffix(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return [...randomBytes(6)].map((b) => alphabet[b % alphabet.length]).join('');
}

/** JSON 1.1 timestamps: epoch seconds. */
function seconds(ms: number): number {
  return ms / 1000;
}

function sameValue(version: SecretVersion, value: { secretString?: string; secretBinary?: Buffer }): boolean {
  return version.secretString === value.secretString && (version.secretBinary?.equals(value.secretBinary ?? Buffer.alloc(0)) ?? value.secretBinary === undefined);
}

export class SecretsManagerService implements ServiceModule {
  readonly service = 'secretsmanager' as const;
  private readonly secrets: StoredSecret[] = [];

  constructor(private readonly world: FakeAwsWorld) {}

  // Seeding and inspection for tests.

  seedSecret(name: string, options: SeedSecretOptions = {}): StoredSecret {
    const secret = this.store(options.account ?? this.world.account, options.region ?? this.world.region, checkName(name), {
      description: options.description,
      kmsKeyId: options.kmsKeyId,
      tags: options.tags ?? [],
    });
    secret.resourcePolicy = options.resourcePolicy;
    if (options.secretString !== undefined) this.addVersion(secret, randomUUID(), { secretString: options.secretString }, ['AWSCURRENT']);
    return secret;
  }

  /** A secret by name or ARN (full or partial), in any account or region. */
  secret(nameOrArn: string): StoredSecret | undefined {
    return this.secrets.find((secret) => secret.name === nameOrArn || secret.arn === nameOrArn || `${secret.arn.slice(0, -7)}` === nameOrArn);
  }

  /** The AWSCURRENT value, for tests that check what was stored (never for logs). */
  currentValue(nameOrArn: string): string | undefined {
    return this.secret(nameOrArn)?.versions.find((v) => v.stages.includes('AWSCURRENT'))?.secretString;
  }

  // ServiceModule.

  operation(call: AwsCall): string | undefined {
    const target = String(call.headers['x-amz-target'] ?? '');
    if (call.method !== 'POST' || !target.startsWith(TARGET_PREFIX)) return undefined;
    const operation = target.slice(TARGET_PREFIX.length);
    return OPERATIONS.has(operation) ? operation : undefined;
  }

  handle(call: AwsCall, operation: string): AwsReply {
    let body: Record<string, unknown>;
    try {
      const parsed: unknown = call.body.length === 0 ? {} : JSON.parse(call.body.toString('utf8'));
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
      body = parsed as Record<string, unknown>;
    } catch {
      throw secretsError('SerializationException', 'Start of structure or map found where not expected.');
    }
    const result = this.run(operation, body, call);
    return { status: 200, headers: { 'Content-Type': 'application/x-amz-json-1.1', 'x-amzn-RequestId': randomUUID() }, body: JSON.stringify(result) };
  }

  renderError(error: AwsServiceError, _call: AwsCall): AwsReply {
    // Secrets Manager's error shapes name their text "Message" (see the SDK's model); the SDK reads either case.
    return {
      status: error.status,
      headers: { 'Content-Type': 'application/x-amz-json-1.1', 'x-amzn-RequestId': randomUUID(), ...error.headers },
      body: JSON.stringify({ __type: error.code, Message: error.message }),
    };
  }

  faultError(kind: FaultKind, call: AwsCall, operation: string): AwsServiceError {
    switch (kind) {
      case 'throttle':
        return secretsError('ThrottlingException', 'Rate exceeded');
      case 'expiredToken':
        return secretsError('ExpiredTokenException', 'The security token included in the request is expired');
      case 'internal':
        return secretsError('InternalServiceError', 'An error occurred on the server side.', 500);
      case 'accessDenied': {
        let requested = '*';
        try {
          const body = JSON.parse(call.body.toString('utf8')) as { Name?: unknown; SecretId?: unknown };
          const id = body.SecretId ?? body.Name;
          if (typeof id === 'string') requested = this.find(call, id)?.arn ?? id;
        } catch {
          // An unreadable body: the resource stays '*', as for list operations.
        }
        return secretsError(
          'AccessDeniedException',
          `User: ${call.identity.arn} is not authorized to perform: secretsmanager:${operation} on resource: ${requested} because no identity-based policy allows the secretsmanager:${operation} action`,
        );
      }
    }
  }

  private run(operation: string, body: Record<string, unknown>, call: AwsCall): Record<string, unknown> {
    switch (operation) {
      case 'CreateSecret':
        return this.createSecret(body, call);
      case 'DescribeSecret': {
        const secret = this.existing(call, body.SecretId);
        // DescribeSecret names the stages map VersionIdsToStages; ListSecrets, SecretVersionsToStages.
        const { stages, ...metadata } = secretMetadata(secret);
        return { ...metadata, VersionIdsToStages: stages };
      }
      case 'GetSecretValue': {
        const secret = this.existing(call, body.SecretId);
        const version = this.version(secret, body.VersionId, body.VersionStage);
        // AWS records access by day.
        secret.lastAccessedAt = Math.floor(this.world.now() / 86_400_000) * 86_400_000;
        return {
          ARN: secret.arn,
          Name: secret.name,
          VersionId: version.id,
          SecretString: version.secretString,
          SecretBinary: version.secretBinary?.toString('base64'),
          VersionStages: version.stages,
          CreatedDate: seconds(version.createdAt),
        };
      }
      case 'PutSecretValue': {
        const secret = this.existing(call, body.SecretId);
        const value = secretValue(body);
        if (value.secretString === undefined && value.secretBinary === undefined) throw invalidParameter('You must provide either SecretString or SecretBinary.');
        const stages = body.VersionStages === undefined ? ['AWSCURRENT'] : (body.VersionStages as string[]);
        const version = this.putVersion(secret, clientRequestToken(body), value, stages);
        return { ARN: secret.arn, Name: secret.name, VersionId: version.id, VersionStages: version.stages };
      }
      case 'UpdateSecret': {
        const secret = this.existing(call, body.SecretId);
        const description = optionalString(body, 'Description', 2048);
        const kmsKeyId = optionalString(body, 'KmsKeyId', 2048);
        const value = secretValue(body);
        if (description !== undefined) secret.description = description;
        if (kmsKeyId !== undefined) secret.kmsKeyId = kmsKeyId;
        let versionId: string | undefined;
        if (value.secretString !== undefined || value.secretBinary !== undefined) versionId = this.putVersion(secret, clientRequestToken(body), value, ['AWSCURRENT']).id;
        secret.lastChangedAt = this.world.now();
        return { ARN: secret.arn, Name: secret.name, VersionId: versionId };
      }
      case 'TagResource': {
        const secret = this.existing(call, body.SecretId);
        if (body.Tags === undefined) throw validation('tags', 'Member must not be null');
        const merged = mergeTags(secret.tags, tagsFrom(body.Tags));
        if (merged.length > MAX_TAGS) throw secretsError('LimitExceededException', `You can't add more than ${MAX_TAGS} tags to a secret.`);
        secret.tags = merged;
        return {};
      }
      case 'UntagResource': {
        const secret = this.existing(call, body.SecretId);
        const keys = Array.isArray(body.TagKeys) ? (body.TagKeys as unknown[]) : [];
        secret.tags = secret.tags.filter((tag) => !keys.includes(tag.Key));
        return {};
      }
      case 'ListSecrets':
        return this.listSecrets(body, call);
      case 'GetResourcePolicy': {
        const secret = this.existing(call, body.SecretId);
        return { ARN: secret.arn, Name: secret.name, ResourcePolicy: secret.resourcePolicy };
      }
      case 'PutResourcePolicy': {
        const secret = this.existing(call, body.SecretId);
        const policy = optionalString(body, 'ResourcePolicy', 20480);
        if (policy === undefined) throw validation('resourcePolicy', 'Member must not be null');
        try {
          JSON.parse(policy);
        } catch {
          throw secretsError('MalformedPolicyDocumentException', 'This resource policy contains a syntax error.');
        }
        secret.resourcePolicy = policy;
        return { ARN: secret.arn, Name: secret.name };
      }
      default:
        throw secretsError('UnknownOperationException', '');
    }
  }

  private createSecret(body: Record<string, unknown>, call: AwsCall): Record<string, unknown> {
    const name = checkName(body.Name);
    const description = optionalString(body, 'Description', 2048);
    const kmsKeyId = optionalString(body, 'KmsKeyId', 2048);
    const value = secretValue(body);
    const tags = tagsFrom(body.Tags);
    if (tags.length > MAX_TAGS) throw secretsError('LimitExceededException', `You can't add more than ${MAX_TAGS} tags to a secret.`);
    const token = clientRequestToken(body);
    const existing = this.secrets.find((s) => s.account === call.identity.account && s.region === call.region && s.name === name);
    if (existing) {
      // A retry of the same request (same token, same value) answers as the first did.
      const retried = existing.versions.find((v) => v.id === token);
      if (retried && sameValue(retried, value)) return { ARN: existing.arn, Name: existing.name, VersionId: retried.id };
      throw secretsError('ResourceExistsException', `The operation failed because the secret ${name} already exists.`);
    }
    const secret = this.store(call.identity.account, call.region, name, { description, kmsKeyId, tags });
    let versionId: string | undefined;
    if (value.secretString !== undefined || value.secretBinary !== undefined) versionId = this.addVersion(secret, token, value, ['AWSCURRENT']).id;
    return { ARN: secret.arn, Name: secret.name, VersionId: versionId };
  }

  private listSecrets(body: Record<string, unknown>, call: AwsCall): Record<string, unknown> {
    const max = body.MaxResults === undefined ? 100 : Number(body.MaxResults);
    if (!Number.isInteger(max) || max < 1 || max > 100) throw validation('maxResults', 'Member must have value less than or equal to 100', String(body.MaxResults));
    const filters = Array.isArray(body.Filters) ? (body.Filters as { Key?: unknown; Values?: unknown }[]) : [];
    let secrets = this.secrets.filter((s) => s.account === call.identity.account && s.region === call.region);
    for (const filter of filters) {
      const values = Array.isArray(filter.Values) ? (filter.Values as string[]) : [];
      if (!['name', 'description', 'tag-key', 'tag-value', 'all', 'primary-region', 'owning-service'].includes(String(filter.Key))) {
        throw invalidParameter(`Invalid filter key ${String(filter.Key)}.`);
      }
      secrets = secrets.filter((secret) => {
        const fields = this.filterFields(secret, String(filter.Key));
        // Values are prefixes; one starting with ! excludes. Any value that matches keeps the secret.
        const positives = values.filter((v) => !v.startsWith('!'));
        const negatives = values.filter((v) => v.startsWith('!')).map((v) => v.slice(1));
        if (negatives.some((v) => fields.some((f) => f.startsWith(v)))) return false;
        return positives.length === 0 || positives.some((v) => fields.some((f) => f.startsWith(v)));
      });
    }
    if (body.SortOrder === 'asc') secrets = [...secrets].sort((a, b) => a.createdAt - b.createdAt);
    else secrets = [...secrets].sort((a, b) => b.createdAt - a.createdAt);
    let start = 0;
    if (typeof body.NextToken === 'string') {
      start = Number(Buffer.from(body.NextToken, 'base64').toString('utf8'));
      if (!Number.isInteger(start) || start < 0 || start > secrets.length) throw invalidParameter('Invalid NextToken.');
    }
    const slice = secrets.slice(start, start + max);
    return {
      SecretList: slice.map((secret) => {
        const { stages, ...metadata } = secretMetadata(secret);
        return { ...metadata, SecretVersionsToStages: stages };
      }),
      NextToken: start + max < secrets.length ? Buffer.from(String(start + max)).toString('base64') : undefined,
    };
  }

  private filterFields(secret: StoredSecret, key: string): string[] {
    switch (key) {
      case 'name':
        return [secret.name];
      case 'description':
        return secret.description === undefined ? [] : [secret.description];
      case 'tag-key':
        return secret.tags.map((t) => t.Key);
      case 'tag-value':
        return secret.tags.map((t) => t.Value);
      case 'all':
        return [secret.name, ...(secret.description === undefined ? [] : [secret.description]), ...secret.tags.flatMap((t) => [t.Key, t.Value])];
      default:
        return [];
    }
  }

  private store(account: string, region: string, name: string, fields: Pick<StoredSecret, 'description' | 'kmsKeyId' | 'tags'>): StoredSecret {
    const now = this.world.now();
    const secret: StoredSecret = {
      account,
      region,
      name,
      arn: `arn:aws:secretsmanager:${region}:${account}:secret:${name}-${suffix()}`,
      createdAt: now,
      lastChangedAt: now,
      versions: [],
      ...fields,
      tags: fields.tags.map((tag) => ({ ...tag })),
    };
    this.secrets.push(secret);
    return secret;
  }

  /** A new version; the stages it takes move off other versions, and AWSCURRENT's old holder becomes AWSPREVIOUS. */
  private addVersion(secret: StoredSecret, id: string, value: { secretString?: string; secretBinary?: Buffer }, stages: string[]): SecretVersion {
    const now = this.world.now();
    if (stages.includes('AWSCURRENT')) {
      for (const version of secret.versions) version.stages = version.stages.filter((stage) => stage !== 'AWSPREVIOUS');
      const current = secret.versions.find((version) => version.stages.includes('AWSCURRENT'));
      if (current) current.stages = [...current.stages.filter((stage) => stage !== 'AWSCURRENT'), 'AWSPREVIOUS'];
    }
    for (const version of secret.versions) version.stages = version.stages.filter((stage) => stage === 'AWSPREVIOUS' || !stages.includes(stage));
    const version: SecretVersion = { id, ...value, stages: [...stages], createdAt: now };
    secret.versions.push(version);
    secret.lastChangedAt = now;
    return version;
  }

  /** PutSecretValue's idempotency: the same token with the same value is a retry; with another value it is refused. */
  private putVersion(secret: StoredSecret, token: string, value: { secretString?: string; secretBinary?: Buffer }, stages: string[]): SecretVersion {
    const existing = secret.versions.find((version) => version.id === token);
    if (existing) {
      if (sameValue(existing, value)) return existing;
      throw secretsError('ResourceExistsException', "You can't modify an existing version, you can only create a new version.");
    }
    return this.addVersion(secret, token, value, stages);
  }

  private version(secret: StoredSecret, versionId: unknown, versionStage: unknown): SecretVersion {
    if (typeof versionId === 'string') {
      const version = secret.versions.find((v) => v.id === versionId);
      if (!version || (typeof versionStage === 'string' && !version.stages.includes(versionStage))) {
        throw secretsError('ResourceNotFoundException', `Secrets Manager can't find the specified secret value for VersionId: ${versionId}`);
      }
      return version;
    }
    const stage = typeof versionStage === 'string' ? versionStage : 'AWSCURRENT';
    const version = secret.versions.find((v) => v.stages.includes(stage));
    if (!version) throw secretsError('ResourceNotFoundException', `Secrets Manager can't find the specified secret value for staging label: ${stage}`);
    return version;
  }

  /** By name, full ARN, or the ARN without its random suffix, as AWS resolves a SecretId. */
  private find(call: AwsCall, secretId: string): StoredSecret | undefined {
    const mine = this.secrets.filter((s) => s.account === call.identity.account && s.region === call.region);
    if (secretId.startsWith('arn:')) return mine.find((s) => s.arn === secretId) ?? mine.find((s) => s.arn.slice(0, -7) === secretId);
    return mine.find((s) => s.name === secretId);
  }

  private existing(call: AwsCall, secretId: unknown): StoredSecret {
    const secret = this.find(call, checkSecretId(secretId));
    if (!secret) throw secretsError('ResourceNotFoundException', NOT_FOUND);
    return secret;
  }
}

/** What DescribeSecret and ListSecrets tell of a secret: never its value. */
function secretMetadata(secret: StoredSecret) {
  return {
    ARN: secret.arn,
    Name: secret.name,
    Description: secret.description,
    KmsKeyId: secret.kmsKeyId,
    LastChangedDate: seconds(secret.lastChangedAt),
    LastAccessedDate: secret.lastAccessedAt === undefined ? undefined : seconds(secret.lastAccessedAt),
    Tags: secret.tags.length > 0 ? secret.tags : undefined,
    stages: Object.fromEntries(secret.versions.filter((v) => v.stages.length > 0).map((v) => [v.id, v.stages])),
    CreatedDate: seconds(secret.createdAt),
  };
}
