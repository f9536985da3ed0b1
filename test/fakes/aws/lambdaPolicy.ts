// Lambda resource policies: one per function ($LATEST), per version and per alias, as AWS keeps them.
import { AwsServiceError } from './protocol';
import type { Body, LambdaFunctions, Resolved } from './lambdaFunctions';
import { conflict, functionArn, newRevisionId, notFound, parseFunctionName, preconditionFailed, validationError, type PolicyStatement } from './lambdaModel';

export const POLICY_MAX_BYTES = 20480;

const STATEMENT_ID = /^([a-zA-Z0-9-_.]+)$/;
const ACTION = /^(lambda:[*]|lambda:[a-zA-Z]+|[*])$/;
const SOURCE_ARN = /^arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9-])+:([a-z]{2}(-gov)?-[a-z]+-\d{1})?:(\d{12})?:(.*)$/;
const SERVICE_PRINCIPAL = /^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/;

/** The holder of the policy a qualifier names: the unqualified function, a version, or an alias. */
function holder(resolved: Resolved): { policy: PolicyStatement[]; revisionId: string; setRevision: (id: string) => void; arn: string } {
  const { fn, qualifier } = resolved;
  if (resolved.alias) {
    const alias = resolved.alias;
    return { policy: alias.policy, revisionId: alias.revisionId, setRevision: (id) => (alias.revisionId = id), arn: functionArn(fn, alias.name) };
  }
  if (qualifier !== undefined && qualifier !== '$LATEST' && resolved.published) {
    const version = resolved.published;
    return { policy: version.policy, revisionId: version.revisionId, setRevision: (id) => (version.revisionId = id), arn: functionArn(fn, version.version) };
  }
  return { policy: fn.policy, revisionId: fn.revisionId, setRevision: (id) => (fn.revisionId = id), arn: functionArn(fn) };
}

function principalOf(principal: string): PolicyStatement['Principal'] {
  if (principal === '*') return '*';
  if (/^\d{12}$/.test(principal)) return { AWS: `arn:aws:iam::${principal}:root` };
  if (/^arn:aws[a-zA-Z-]*:iam::\d{12}:(root|user\/.+|role\/.+)$/.test(principal)) return { AWS: principal };
  if (SERVICE_PRINCIPAL.test(principal)) return { Service: principal };
  throw new AwsServiceError('InvalidParameterValueException', 400, 'The provided principal was invalid. Please check the principal and try again.');
}

function policyText(policy: PolicyStatement[]): string {
  return JSON.stringify({ Version: '2012-10-17', Id: 'default', Statement: policy });
}

export function addPermission(resolved: Resolved, body: Body): Record<string, unknown> {
  const sid = body.StatementId;
  if (typeof sid !== 'string' || sid.length < 1 || sid.length > 100 || !STATEMENT_ID.test(sid)) {
    throw validationError(sid as string, 'statementId', 'Member must satisfy regular expression pattern: ([a-zA-Z0-9-_.]+)');
  }
  const action = body.Action;
  if (typeof action !== 'string' || !ACTION.test(action)) throw validationError(action as string, 'action', 'Member must satisfy regular expression pattern: (lambda:[*]|lambda:[a-zA-Z]+|[*])');
  if (typeof body.Principal !== 'string' || body.Principal === '') throw validationError(undefined, 'principal', 'Member must not be null');
  const principal = principalOf(body.Principal);
  const sourceArn = body.SourceArn;
  if (sourceArn !== undefined && (typeof sourceArn !== 'string' || !SOURCE_ARN.test(sourceArn))) {
    throw validationError(sourceArn as string, 'sourceArn', 'Member must satisfy regular expression pattern: arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\\-])+:([a-z]{2}(-gov)?-[a-z]+-\\d{1})?:(\\d{12})?:(.*)');
  }
  const sourceAccount = body.SourceAccount;
  if (sourceAccount !== undefined && (typeof sourceAccount !== 'string' || !/^\d{12}$/.test(sourceAccount))) {
    throw validationError(sourceAccount as string, 'sourceAccount', 'Member must satisfy regular expression pattern: \\d{12}');
  }
  const target = holder(resolved);
  if (body.RevisionId !== undefined && body.RevisionId !== target.revisionId) {
    throw preconditionFailed('The Revision Id provided does not match the latest Revision Id. Call the GetPolicy API to retrieve the latest Revision Id');
  }
  if (target.policy.some((s) => s.Sid === sid)) {
    throw conflict('The statement id (sid) provided already exists. Please provide a new statement id, or remove the existing statement.');
  }
  const condition: Record<string, Record<string, string>> = {};
  const equals: Record<string, string> = {};
  if (typeof sourceAccount === 'string') equals['AWS:SourceAccount'] = sourceAccount;
  if (typeof body.PrincipalOrgID === 'string') equals['aws:PrincipalOrgID'] = body.PrincipalOrgID;
  if (typeof body.EventSourceToken === 'string') equals['lambda:EventSourceToken'] = body.EventSourceToken;
  if (typeof body.FunctionUrlAuthType === 'string') equals['lambda:FunctionUrlAuthType'] = body.FunctionUrlAuthType;
  if (Object.keys(equals).length > 0) condition.StringEquals = equals;
  if (typeof sourceArn === 'string') condition.ArnLike = { 'AWS:SourceArn': sourceArn };
  const statement: PolicyStatement = {
    Sid: sid,
    Effect: 'Allow',
    Principal: principal,
    Action: action,
    Resource: target.arn,
    ...(Object.keys(condition).length > 0 ? { Condition: condition } : {}),
  };
  const size = Buffer.byteLength(policyText([...target.policy, statement]));
  if (size > POLICY_MAX_BYTES) {
    throw new AwsServiceError('PolicyLengthExceededException', 400, `The final policy size (${size}) is bigger than the limit (${POLICY_MAX_BYTES}).`);
  }
  target.policy.push(statement);
  target.setRevision(newRevisionId());
  return { Statement: JSON.stringify(statement) };
}

export function removePermission(resolved: Resolved, statementId: string, revisionId: string | null): void {
  const target = holder(resolved);
  if (revisionId !== null && revisionId !== target.revisionId) {
    throw preconditionFailed('The Revision Id provided does not match the latest Revision Id. Call the GetPolicy API to retrieve the latest Revision Id');
  }
  if (target.policy.length === 0) throw notFound('No policy is associated with the given resource.');
  const index = target.policy.findIndex((s) => s.Sid === statementId);
  if (index < 0) throw notFound(`Statement ${statementId} is not found in resource policy.`);
  target.policy.splice(index, 1);
  target.setRevision(newRevisionId());
}

export function getPolicy(resolved: Resolved): Record<string, unknown> {
  const target = holder(resolved);
  if (target.policy.length === 0) throw notFound('The resource you requested does not exist.');
  return { Policy: policyText(target.policy), RevisionId: target.revisionId };
}

/** IAM's ArnLike: * matches any run of characters, ? any one. */
function arnLike(pattern: string, value: string): boolean {
  const regex = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return regex.test(value);
}

function allowsS3(statement: PolicyStatement, bucketArn: string, bucketAccount: string | undefined): boolean {
  const principal = statement.Principal;
  const principalOk = principal === '*' || ('Service' in principal && principal.Service === 's3.amazonaws.com');
  const actionOk = statement.Action === 'lambda:InvokeFunction' || statement.Action === 'lambda:*' || statement.Action === '*';
  const source = statement.Condition?.ArnLike?.['AWS:SourceArn'] ?? statement.Condition?.ArnEquals?.['AWS:SourceArn'];
  const account = statement.Condition?.StringEquals?.['AWS:SourceAccount'];
  return principalOk && actionOk && (source === undefined || arnLike(source, bucketArn)) && (account === undefined || bucketAccount === undefined || account === bucketAccount);
}

/** FunctionDirectory.allowsS3Invoke: whether S3 may invoke this function, version or alias ARN from that bucket. */
export function allowsS3Invoke(functions: LambdaFunctions, functionArnText: string, bucketArn: string, bucketAccount?: string): { exists: boolean; allowed: boolean } {
  let ref;
  try {
    ref = parseFunctionName(functionArnText);
  } catch {
    return { exists: false, allowed: false };
  }
  const candidates = functions.allFunctions().filter((fn) => fn.name === ref.name && (ref.region === undefined || fn.region === ref.region) && (ref.account === undefined || fn.account === ref.account));
  for (const fn of candidates) {
    try {
      const resolved = functions.resolve(functionArn(fn, ref.qualifier), fn.region);
      return { exists: true, allowed: holder(resolved).policy.some((s) => allowsS3(s, bucketArn, bucketAccount)) };
    } catch {
      return { exists: false, allowed: false };
    }
  }
  return { exists: false, allowed: false };
}
