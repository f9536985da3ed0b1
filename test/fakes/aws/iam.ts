// IAM in the AWS stand-in: roles (listed by ListRoles), their trust policies, attached managed
// policies, inline policies and tags, over the query protocol (form-encoded requests, XML answers).
// It is what Lambda asks whether an execution role exists and may be assumed (world.roles).
import { randomBytes, randomUUID } from 'node:crypto';
import { AwsServiceError, type AwsCall, type AwsReply, type FakeAwsWorld, type FaultKind, type RoleDirectory, type ServiceModule } from './protocol';
import { memberList, optionalXml, queryErrorXml, queryResponseXml, xml, type XmlElement } from './xml';

const NAMESPACE = 'https://iam.amazonaws.com/doc/2010-05-08/';
const VERSION = '2010-05-08';

/** AWS managed policies a role may have attached; customer managed ones are added with seedManagedPolicy. */
const AWS_MANAGED_POLICIES = [
  'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
  'arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole',
  'arn:aws:iam::aws:policy/service-role/AWSLambdaRole',
  'arn:aws:iam::aws:policy/AWSLambdaExecute',
  'arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess',
  'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
  'arn:aws:iam::aws:policy/AmazonS3FullAccess',
  'arn:aws:iam::aws:policy/SecretsManagerReadWrite',
  'arn:aws:iam::aws:policy/CloudWatchLogsFullAccess',
];

// IAM's default quotas.
const MAX_TRUST_POLICY_CHARS = 2048;
const MAX_INLINE_POLICY_CHARS_PER_ROLE = 10240;
const MAX_MANAGED_POLICIES_PER_ROLE = 10;
const MAX_TAGS = 50;

const OPERATIONS = new Set([
  'GetRole',
  'CreateRole',
  'UpdateAssumeRolePolicy',
  'AttachRolePolicy',
  'DetachRolePolicy',
  'ListAttachedRolePolicies',
  'PutRolePolicy',
  'GetRolePolicy',
  'ListRolePolicies',
  'DeleteRolePolicy',
  'TagRole',
  'UntagRole',
  'ListRoleTags',
  'ListRoles',
]);

export interface IamTag {
  Key: string;
  Value: string;
}

export interface StoredRole {
  account: string;
  name: string;
  path: string;
  arn: string;
  roleId: string;
  createdAt: number;
  /** When the trust policy last changed: Lambda may assume the role propagationDelayMs after it. */
  trustChangedAt: number;
  /** As given (IAM answers it URL-encoded). */
  assumeRolePolicyDocument: string;
  description?: string;
  maxSessionDuration: number;
  tags: IamTag[];
  attachedPolicyArns: string[];
  /** Inline policies by name, documents as given. */
  inlinePolicies: Map<string, string>;
}

export interface SeedRoleOptions {
  account?: string;
  path?: string;
  /** Defaults to a policy that lets lambda.amazonaws.com assume the role. */
  assumeRolePolicyDocument?: string;
  attachedPolicyArns?: string[];
  inlinePolicies?: Record<string, string>;
  tags?: IamTag[];
  description?: string;
}

export const LAMBDA_TRUST_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

function iamError(code: string, status: number, message: string): AwsServiceError {
  return new AwsServiceError(code, status, message);
}

const noSuchRole = (name: string) => iamError('NoSuchEntity', 404, `The role with name ${name} cannot be found.`);
const malformed = (message: string) => iamError('MalformedPolicyDocument', 400, message);

function validationError(value: string | undefined, member: string, constraint: string): AwsServiceError {
  const shown = value === undefined ? 'null' : `'${value}'`;
  return iamError('ValidationError', 400, `1 validation error detected: Value ${shown} at '${member}' failed to satisfy constraint: ${constraint}`);
}

/** IAM's checks on a string member: present (when required), length, pattern. */
function checkString(value: string | undefined, member: string, rules: { required?: boolean; min?: number; max: number; pattern?: RegExp; patternText?: string }): void {
  if (value === undefined) {
    if (rules.required) throw validationError(undefined, member, 'Member must not be null');
    return;
  }
  const length = [...value].length;
  if (length < (rules.min ?? 1)) throw validationError(value, member, `Member must have length greater than or equal to ${rules.min ?? 1}`);
  if (length > rules.max) throw validationError(value, member, `Member must have length less than or equal to ${rules.max}`);
  if (rules.pattern && !rules.pattern.test(value)) throw validationError(value, member, `Member must satisfy regular expression pattern: ${rules.patternText ?? rules.pattern.source}`);
}

const NAME_PATTERN = /^[\w+=,.@-]+$/;
const checkRoleName = (name: string | undefined) => checkString(name, 'roleName', { required: true, max: 64, pattern: NAME_PATTERN, patternText: '[\\w+=,.@-]+' });
const checkPolicyName = (name: string | undefined) => checkString(name, 'policyName', { required: true, max: 128, pattern: NAME_PATTERN, patternText: '[\\w+=,.@-]+' });

/** Characters IAM counts toward policy size quotas: whitespace is free. */
function policySize(document: string): number {
  return document.replace(/\s/g, '').length;
}

type PolicyKind = 'trust' | 'identity';

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

/** The checks IAM makes on a policy document before it stores it. */
function checkPolicyDocument(document: string, kind: PolicyKind): void {
  let policy: unknown;
  try {
    policy = JSON.parse(document);
  } catch {
    throw malformed('This policy contains invalid Json');
  }
  if (typeof policy !== 'object' || policy === null || Array.isArray(policy)) throw malformed('This policy contains invalid Json');
  const { Version, Statement } = policy as { Version?: unknown; Statement?: unknown };
  if (Version !== undefined && Version !== '2012-10-17' && Version !== '2008-10-17') throw malformed('The policy failed legacy parsing');
  const statements = asList(Statement);
  if (statements.length === 0) throw malformed('Syntax errors in policy.');
  for (const statement of statements) {
    if (typeof statement !== 'object' || statement === null || Array.isArray(statement)) throw malformed('Syntax errors in policy.');
    const s = statement as Record<string, unknown>;
    if (s.Effect !== 'Allow' && s.Effect !== 'Deny') throw malformed('Syntax errors in policy.');
    if (s.Action === undefined && s.NotAction === undefined) throw malformed('Policy statement must contain actions.');
    const hasPrincipal = s.Principal !== undefined || s.NotPrincipal !== undefined;
    if (kind === 'trust') {
      if (!hasPrincipal) throw malformed('AssumeRolePolicy document must contain a Principal.');
      if (s.Resource !== undefined || s.NotResource !== undefined) throw malformed('Has prohibited field Resource');
    } else {
      if (hasPrincipal) throw malformed('Policy document should not specify a principal.');
      if (s.Resource === undefined && s.NotResource === undefined) throw malformed('Policy statement must contain resources.');
    }
  }
}

function matchesAction(actions: unknown, wanted: string): boolean {
  return asList(actions).some((action) => typeof action === 'string' && new RegExp(`^${action.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i').test(wanted));
}

/** Whether a trust policy lets lambda.amazonaws.com call sts:AssumeRole (an explicit Deny wins). */
export function trustAllowsLambda(document: string): boolean {
  let policy: { Statement?: unknown };
  try {
    policy = JSON.parse(document) as { Statement?: unknown };
  } catch {
    return false;
  }
  const lambdaStatements = asList(policy.Statement).filter((statement): statement is Record<string, unknown> => {
    if (typeof statement !== 'object' || statement === null) return false;
    const principal = (statement as { Principal?: unknown }).Principal;
    const services = principal === '*' ? ['lambda.amazonaws.com'] : typeof principal === 'object' && principal !== null ? asList((principal as { Service?: unknown }).Service) : [];
    return services.includes('lambda.amazonaws.com') && matchesAction((statement as { Action?: unknown }).Action, 'sts:AssumeRole');
  });
  return lambdaStatements.some((s) => s.Effect === 'Allow') && !lambdaStatements.some((s) => s.Effect === 'Deny');
}

function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function roleId(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  return `AROA${[...randomBytes(17)].map((b) => alphabet[b % alphabet.length]).join('')}`;
}

/** The request's parameters: the form body, and the query string (IAM accepts GET too). */
function parameters(call: AwsCall): URLSearchParams {
  const params = new URLSearchParams(call.query);
  for (const [name, value] of new URLSearchParams(call.body.toString('utf8'))) params.append(name, value);
  return params;
}

function tagsFrom(params: URLSearchParams): IamTag[] | undefined {
  const tags: IamTag[] = [];
  for (let n = 1; params.has(`Tags.member.${n}.Key`) || params.has(`Tags.member.${n}.Value`); n++) {
    tags.push({ Key: params.get(`Tags.member.${n}.Key`) ?? '', Value: params.get(`Tags.member.${n}.Value`) ?? '' });
  }
  return tags.length > 0 || params.has('Tags') ? tags : undefined;
}

const TAG_PATTERN = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

function checkTags(tags: IamTag[]): void {
  tags.forEach((tag, index) => {
    checkString(tag.Key, `tags.${index + 1}.member.key`, { required: true, max: 128, pattern: TAG_PATTERN, patternText: '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+' });
    checkString(tag.Value, `tags.${index + 1}.member.value`, { required: true, min: 0, max: 256, pattern: TAG_PATTERN, patternText: '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*' });
  });
  const keys = tags.map((tag) => tag.Key.toLowerCase());
  if (new Set(keys).size !== keys.length) throw iamError('InvalidInput', 400, 'Duplicate tag keys found. Please note that Tag keys are case insensitive.');
  if (tags.length > MAX_TAGS) throw iamError('LimitExceeded', 409, `Cannot exceed quota for TagsPerRole: ${MAX_TAGS}`);
}

/** Adds tags to a list, a tag with an existing key (case-insensitively) replacing that tag. */
function mergeTags(existing: IamTag[], added: IamTag[]): IamTag[] {
  const merged = existing.filter((tag) => !added.some((a) => a.Key.toLowerCase() === tag.Key.toLowerCase()));
  return [...merged, ...added.map((tag) => ({ ...tag }))];
}

function tagXml(tags: IamTag[]): XmlElement {
  return memberList(
    'Tags',
    tags.map((tag) => [xml('Key', tag.Key), xml('Value', tag.Value)]),
  );
}

/** One page of a list, the way IAM pages (MaxItems, an opaque Marker, IsTruncated). */
function page<T>(items: T[], params: URLSearchParams): { items: T[]; truncation: XmlElement[] } {
  const maxText = params.get('MaxItems');
  const max = maxText === null ? 100 : Number(maxText);
  if (!Number.isInteger(max) || max < 1 || max > 1000) throw validationError(maxText ?? undefined, 'maxItems', 'Member must have value between 1 and 1000');
  const marker = params.get('Marker');
  let start = 0;
  if (marker !== null) {
    start = Number(Buffer.from(marker, 'base64').toString('utf8'));
    if (!Number.isInteger(start) || start < 0 || start > items.length) throw iamError('InvalidInput', 400, 'Invalid Marker.');
  }
  const slice = items.slice(start, start + max);
  const truncated = start + max < items.length;
  return {
    items: slice,
    truncation: [xml('IsTruncated', truncated), ...(truncated ? [xml('Marker', Buffer.from(String(start + max)).toString('base64'))] : [])],
  };
}

function policyName(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

function parseRoleArn(arn: string): { account: string; path: string; name: string } | undefined {
  const match = /^arn:aws:iam::(\d{12}):role(\/.*)$/.exec(arn);
  if (!match) return undefined;
  const slash = match[2].lastIndexOf('/');
  return { account: match[1], path: match[2].slice(0, slash + 1), name: match[2].slice(slash + 1) };
}

export class IamService implements ServiceModule {
  readonly service = 'iam' as const;
  /** IAM's eventual consistency: for this long after a role is created (or its trust policy changes), Lambda cannot assume it yet. */
  propagationDelayMs = 0;
  /** Roles by account, then by lower-cased name (IAM role names are unique regardless of case). */
  private readonly roles = new Map<string, Map<string, StoredRole>>();
  private readonly managedPolicies = new Set<string>(AWS_MANAGED_POLICIES);

  constructor(private readonly world: FakeAwsWorld) {
    const directory: RoleDirectory = { role: (arn) => this.roleForLambda(arn) };
    world.roles = directory;
  }

  // Seeding and inspection for tests.

  seedRole(name: string, options: SeedRoleOptions = {}): StoredRole {
    const role = this.storeRole(options.account ?? this.world.account, name, {
      path: options.path ?? '/',
      assumeRolePolicyDocument: options.assumeRolePolicyDocument ?? LAMBDA_TRUST_POLICY,
      description: options.description,
      maxSessionDuration: 3600,
      tags: options.tags ?? [],
    });
    role.attachedPolicyArns.push(...(options.attachedPolicyArns ?? []));
    for (const [policy, document] of Object.entries(options.inlinePolicies ?? {})) role.inlinePolicies.set(policy, document);
    return role;
  }

  /** Makes a customer managed policy attachable (AWS managed ones for Lambda are known already). */
  seedManagedPolicy(arn: string): void {
    this.managedPolicies.add(arn);
  }

  /** A role by name (any case), in the given account or else in any account. */
  role(name: string, account?: string): StoredRole | undefined {
    if (account !== undefined) return this.findRole(account, name);
    for (const byName of this.roles.values()) {
      const role = byName.get(name.toLowerCase());
      if (role) return role;
    }
    return undefined;
  }

  /** What Lambda sees of a role ARN: whether it exists and, once IAM has propagated it, whether Lambda may assume it. */
  roleForLambda(arn: string): { exists: boolean; assumableByLambda: boolean } {
    const parsed = parseRoleArn(arn);
    const role = parsed && this.findRole(parsed.account, parsed.name);
    if (!role || role.arn !== arn) return { exists: false, assumableByLambda: false };
    const propagated = this.world.now() - role.trustChangedAt >= this.propagationDelayMs;
    return { exists: true, assumableByLambda: propagated && trustAllowsLambda(role.assumeRolePolicyDocument) };
  }

  // ServiceModule.

  operation(call: AwsCall): string | undefined {
    const params = parameters(call);
    const action = params.get('Action') ?? '';
    if (params.get('Version') !== VERSION) return undefined;
    return OPERATIONS.has(action) ? action : undefined;
  }

  handle(call: AwsCall, operation: string): AwsReply {
    const params = parameters(call);
    const requestId = randomUUID();
    const result = this.run(operation, params, call);
    return { status: 200, headers: { 'Content-Type': 'text/xml', 'x-amzn-RequestId': requestId }, body: queryResponseXml(operation, NAMESPACE, result, requestId) };
  }

  renderError(error: AwsServiceError, _call: AwsCall): AwsReply {
    const requestId = randomUUID();
    return {
      status: error.status,
      headers: { 'Content-Type': 'text/xml', 'x-amzn-RequestId': requestId, ...error.headers },
      body: queryErrorXml(error.code, error.message, error.status, NAMESPACE, requestId),
    };
  }

  faultError(kind: FaultKind, call: AwsCall, operation: string): AwsServiceError {
    switch (kind) {
      case 'throttle':
        return iamError('Throttling', 400, 'Rate exceeded');
      case 'expiredToken':
        return iamError('ExpiredToken', 403, 'The security token included in the request is expired');
      case 'internal':
        return iamError('ServiceFailure', 500, 'Request processing has failed due to some unknown error, exception or failure.');
      case 'accessDenied': {
        const name = parameters(call).get('RoleName') ?? '';
        const resource = this.findRole(call.identity.account, name)?.arn ?? `arn:aws:iam::${call.identity.account}:role/${name}`;
        return iamError(
          'AccessDenied',
          403,
          `User: ${call.identity.arn} is not authorized to perform: iam:${operation} on resource: ${resource} because no identity-based policy allows the iam:${operation} action`,
        );
      }
    }
  }

  private run(operation: string, params: URLSearchParams, call: AwsCall): (XmlElement | undefined)[] | undefined {
    const account = call.identity.account;
    switch (operation) {
      case 'CreateRole':
        return [this.roleXml(this.createRole(account, params), false)];
      case 'GetRole':
        return [this.roleXml(this.existingRole(account, params), true)];
      case 'UpdateAssumeRolePolicy': {
        const role = this.existingRole(account, params);
        const document = params.get('PolicyDocument') ?? undefined;
        checkString(document, 'policyDocument', { required: true, max: 131072 });
        this.checkTrustPolicy(document ?? '');
        role.assumeRolePolicyDocument = document ?? '';
        role.trustChangedAt = this.world.now();
        return undefined;
      }
      case 'AttachRolePolicy': {
        const role = this.existingRole(account, params);
        const arn = this.attachablePolicy(params.get('PolicyArn') ?? undefined);
        if (!role.attachedPolicyArns.includes(arn)) {
          if (role.attachedPolicyArns.length >= MAX_MANAGED_POLICIES_PER_ROLE) throw iamError('LimitExceeded', 409, `Cannot exceed quota for PoliciesPerRole: ${MAX_MANAGED_POLICIES_PER_ROLE}`);
          role.attachedPolicyArns.push(arn);
        }
        return undefined;
      }
      case 'DetachRolePolicy': {
        const role = this.existingRole(account, params);
        const arn = params.get('PolicyArn') ?? '';
        if (!role.attachedPolicyArns.includes(arn)) throw iamError('NoSuchEntity', 404, `Policy ${arn} was not found.`);
        role.attachedPolicyArns = role.attachedPolicyArns.filter((a) => a !== arn);
        return undefined;
      }
      case 'ListAttachedRolePolicies': {
        const role = this.existingRole(account, params);
        const prefix = params.get('PathPrefix') ?? '/';
        const arns = role.attachedPolicyArns.filter((arn) => arn.slice(arn.indexOf(':policy') + ':policy'.length).startsWith(prefix));
        const { items, truncation } = page(arns, params);
        return [
          memberList(
            'AttachedPolicies',
            items.map((arn) => [xml('PolicyName', policyName(arn)), xml('PolicyArn', arn)]),
          ),
          ...truncation,
        ];
      }
      case 'PutRolePolicy': {
        const role = this.existingRole(account, params);
        const name = params.get('PolicyName') ?? undefined;
        checkPolicyName(name);
        const document = params.get('PolicyDocument') ?? undefined;
        checkString(document, 'policyDocument', { required: true, max: 131072 });
        checkPolicyDocument(document ?? '', 'identity');
        const others = [...role.inlinePolicies].filter(([n]) => n !== name).reduce((sum, [, d]) => sum + policySize(d), 0);
        if (others + policySize(document ?? '') > MAX_INLINE_POLICY_CHARS_PER_ROLE) {
          throw iamError('LimitExceeded', 409, `Maximum policy size of ${MAX_INLINE_POLICY_CHARS_PER_ROLE} bytes exceeded for role ${role.name}`);
        }
        role.inlinePolicies.set(name ?? '', document ?? '');
        return undefined;
      }
      case 'GetRolePolicy': {
        const role = this.existingRole(account, params);
        const name = params.get('PolicyName') ?? undefined;
        checkPolicyName(name);
        const document = role.inlinePolicies.get(name ?? '');
        if (document === undefined) throw iamError('NoSuchEntity', 404, `The role policy with name ${name} cannot be found.`);
        return [xml('RoleName', role.name), xml('PolicyName', name), xml('PolicyDocument', encodeURIComponent(document))];
      }
      case 'DeleteRolePolicy': {
        const role = this.existingRole(account, params);
        const name = params.get('PolicyName') ?? undefined;
        checkPolicyName(name);
        if (!role.inlinePolicies.delete(name ?? '')) throw iamError('NoSuchEntity', 404, `The role policy with name ${name} cannot be found.`);
        return undefined;
      }
      case 'ListRolePolicies': {
        const role = this.existingRole(account, params);
        const { items, truncation } = page([...role.inlinePolicies.keys()].sort(), params);
        return [memberList('PolicyNames', items), ...truncation];
      }
      case 'TagRole': {
        const role = this.existingRole(account, params);
        const tags = tagsFrom(params);
        if (tags === undefined) throw validationError(undefined, 'tags', 'Member must not be null');
        checkTags(tags);
        const merged = mergeTags(role.tags, tags);
        if (merged.length > MAX_TAGS) throw iamError('LimitExceeded', 409, `Cannot exceed quota for TagsPerRole: ${MAX_TAGS}`);
        role.tags = merged;
        return undefined;
      }
      case 'UntagRole': {
        const role = this.existingRole(account, params);
        const keys: string[] = [];
        for (let n = 1; params.has(`TagKeys.member.${n}`); n++) keys.push((params.get(`TagKeys.member.${n}`) ?? '').toLowerCase());
        role.tags = role.tags.filter((tag) => !keys.includes(tag.Key.toLowerCase()));
        return undefined;
      }
      case 'ListRoles': {
        const prefix = params.get('PathPrefix') ?? '/';
        checkString(prefix, 'pathPrefix', { max: 512, pattern: /^\/[\u0021-\u007F]*$/, patternText: '\\u002F[\\u0021-\\u007F]*' });
        const marker = params.get('Marker') ?? undefined;
        checkString(marker, 'marker', { max: 320, pattern: /^[\u0020-\u00FF]+$/, patternText: '[\\u0020-\\u00FF]+' });
        // AWS does not document the order: the stand-in answers by name so that pages are stable.
        const roles = [...(this.roles.get(account)?.values() ?? [])].filter((role) => role.path.startsWith(prefix)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        const { items, truncation } = page(roles, params);
        // ListRoles leaves out Tags, RoleLastUsed and PermissionsBoundary (only GetRole has them).
        return [xml('Roles', items.map((role) => xml('member', this.roleXml(role, false, false).children))), ...truncation];
      }
      case 'ListRoleTags': {
        const role = this.existingRole(account, params);
        const { items, truncation } = page(role.tags, params);
        return [tagXml(items), ...truncation];
      }
      default:
        throw iamError('InvalidAction', 400, 'Could not find operation for this request.');
    }
  }

  private createRole(account: string, params: URLSearchParams): StoredRole {
    const name = params.get('RoleName') ?? undefined;
    checkRoleName(name);
    const path = params.get('Path') ?? '/';
    checkString(path, 'path', { max: 512, pattern: /^(\/|\/[\u0021-\u007E]+\/)$/, patternText: '(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)' });
    const document = params.get('AssumeRolePolicyDocument') ?? undefined;
    checkString(document, 'assumeRolePolicyDocument', { required: true, max: 131072 });
    const description = params.get('Description') ?? undefined;
    checkString(description, 'description', { min: 0, max: 1000, pattern: /^[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*$/, patternText: '[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*' });
    const durationText = params.get('MaxSessionDuration');
    const maxSessionDuration = durationText === null ? 3600 : Number(durationText);
    if (!Number.isInteger(maxSessionDuration) || maxSessionDuration < 3600 || maxSessionDuration > 43200) {
      throw validationError(durationText ?? undefined, 'maxSessionDuration', 'Member must have value less than or equal to 43200');
    }
    const tags = tagsFrom(params) ?? [];
    checkTags(tags);
    this.checkTrustPolicy(document ?? '');
    if (this.findRole(account, name ?? '')) throw iamError('EntityAlreadyExists', 409, `Role with name ${name} already exists.`);
    return this.storeRole(account, name ?? '', { path, assumeRolePolicyDocument: document ?? '', description, maxSessionDuration, tags });
  }

  private checkTrustPolicy(document: string): void {
    checkPolicyDocument(document, 'trust');
    if (policySize(document) > MAX_TRUST_POLICY_CHARS) throw iamError('LimitExceeded', 409, `Cannot exceed quota for ACLSizePerRole: ${MAX_TRUST_POLICY_CHARS}`);
  }

  private attachablePolicy(arn: string | undefined): string {
    checkString(arn, 'policyArn', { required: true, min: 20, max: 2048 });
    if (!/^arn:aws:iam::(aws|\d{12}):policy\/.+$/.test(arn ?? '')) throw iamError('InvalidInput', 400, `ARN ${arn} is not valid.`);
    if (!this.managedPolicies.has(arn ?? '')) throw iamError('NoSuchEntity', 404, `Policy ${arn} does not exist or is not attachable.`);
    return arn ?? '';
  }

  private storeRole(account: string, name: string, fields: Pick<StoredRole, 'path' | 'assumeRolePolicyDocument' | 'description' | 'maxSessionDuration' | 'tags'>): StoredRole {
    const now = this.world.now();
    const role: StoredRole = {
      account,
      name,
      arn: `arn:aws:iam::${account}:role${fields.path}${name}`,
      roleId: roleId(),
      createdAt: now,
      trustChangedAt: now,
      attachedPolicyArns: [],
      inlinePolicies: new Map(),
      ...fields,
      tags: fields.tags.map((tag) => ({ ...tag })),
    };
    let byName = this.roles.get(account);
    if (!byName) this.roles.set(account, (byName = new Map()));
    byName.set(name.toLowerCase(), role);
    return role;
  }

  private findRole(account: string, name: string): StoredRole | undefined {
    return this.roles.get(account)?.get(name.toLowerCase());
  }

  private existingRole(account: string, params: URLSearchParams): StoredRole {
    const name = params.get('RoleName') ?? undefined;
    checkRoleName(name);
    const role = this.findRole(account, name ?? '');
    if (!role) throw noSuchRole(name ?? '');
    return role;
  }

  private roleXml(role: StoredRole, withLastUsed: boolean, withTags = true): XmlElement {
    return xml('Role', [
      xml('Path', role.path),
      xml('RoleName', role.name),
      xml('RoleId', role.roleId),
      xml('Arn', role.arn),
      xml('CreateDate', isoSeconds(role.createdAt)),
      xml('AssumeRolePolicyDocument', encodeURIComponent(role.assumeRolePolicyDocument)),
      optionalXml('Description', role.description),
      xml('MaxSessionDuration', role.maxSessionDuration),
      withTags && role.tags.length > 0 ? tagXml(role.tags) : undefined,
      withLastUsed ? xml('RoleLastUsed', []) : undefined,
    ]);
  }
}
