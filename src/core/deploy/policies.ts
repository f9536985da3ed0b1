// The IAM documents deploy writes: the execution role's trust policy and the least-privilege inline
// policy (read the one secret, decrypt with its key, send to the dead-letter queue). Shared by the
// plan and the CloudFormation export so both ask for exactly the same rights.
import type { DesiredDeployment } from './desired';

export { trustsLambda } from '../aws/trustPolicy';

export const BASIC_EXECUTION_POLICY_ARN = 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole';
export const MANAGED_BY_TAG = 'dff:managed-by';
export const MANAGED_BY_VALUE = 'dataflow-functions';
export const FLOW_TAG = 'dff:flow';

export interface PolicyStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Principal?: unknown;
  Action: string | string[];
  Resource?: unknown;
  Condition?: unknown;
}

export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: PolicyStatement[];
}

export const LAMBDA_TRUST_POLICY: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};

export const SECRET_READ_ACTIONS = [
  'secretsmanager:GetSecretValue',
  'secretsmanager:DescribeSecret',
  'secretsmanager:GetResourcePolicy',
  'secretsmanager:ListSecretVersionIds',
];

/** Name of the inline policy deploy owns on the role: one per function, so a shared role keeps each function's rights apart. */
export function inlinePolicyName(functionName: string): string {
  return `dff-${functionName}`.slice(0, 128);
}

/**
 * Statements of the inline policy; `secretResource` is an ARN (or a CloudFormation reference).
 * Empty when the function needs nothing beyond AWSLambdaBasicExecutionRole.
 */
export function accessStatements(desired: DesiredDeployment, secretResource: unknown): PolicyStatement[] {
  const statements: PolicyStatement[] = [];
  if (desired.secret) {
    statements.push({ Sid: 'ReadFlowParameterSecret', Effect: 'Allow', Action: SECRET_READ_ACTIONS, Resource: secretResource });
    statements.push({ Sid: 'FindFlowParameterSecret', Effect: 'Allow', Action: 'secretsmanager:ListSecrets', Resource: '*' });
    if (desired.kmsKeyArn) statements.push({ Sid: 'DecryptFlowParameterSecret', Effect: 'Allow', Action: 'kms:Decrypt', Resource: desired.kmsKeyArn });
  }
  if (desired.deadLetterArn) {
    const sqs = desired.deadLetterArn.split(':')[2] === 'sqs';
    statements.push({ Sid: 'DeadLetterQueue', Effect: 'Allow', Action: sqs ? 'sqs:SendMessage' : 'sns:Publish', Resource: desired.deadLetterArn });
  }
  return statements;
}

/** A policy document as IAM returns it (URL-encoded) or as Lambda returns it (plain JSON). */
export function parsePolicy(document: string | undefined): { Version?: string; Statement: PolicyStatement[] } | undefined {
  if (!document) return undefined;
  for (const text of [document, safeDecode(document)]) {
    try {
      const parsed = JSON.parse(text) as { Version?: string; Statement?: PolicyStatement | PolicyStatement[] };
      const statements = parsed.Statement === undefined ? [] : ([] as PolicyStatement[]).concat(parsed.Statement);
      return { ...parsed, Statement: statements };
    } catch {
      // try the decoded form next
    }
  }
  return undefined;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Deep equality of JSON values, ignoring key order and treating a one-element list like its element (as IAM does). */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return value.length === 1 ? canonical(value[0]) : `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
