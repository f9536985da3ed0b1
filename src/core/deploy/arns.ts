// ARNs deploy needs before the resources exist (they are deterministic), and the parts of ARNs it reads.

export function functionArn(region: string, account: string, functionName: string, qualifier?: string): string {
  return `arn:aws:lambda:${region}:${account}:function:${functionName}${qualifier ? `:${qualifier}` : ''}`;
}

export function bucketArn(bucket: string): string {
  return `arn:aws:s3:::${bucket}`;
}

/**
 * The secret's ARN as a policy resource before the secret exists: Secrets Manager appends "-" and
 * six random characters to the name, and `??????` matches exactly those six.
 */
export function secretPolicyResource(region: string, account: string, secretName: string): string {
  return `arn:aws:secretsmanager:${region}:${account}:secret:${secretName}-??????`;
}

export function roleArn(account: string, roleName: string): string {
  return `arn:aws:iam::${account}:role/${roleName}`;
}

/** Account and role name (the last path segment) of an IAM role ARN. */
export function parseRoleArn(arn: string): { account: string; name: string } | undefined {
  const match = /^arn:aws[a-z-]*:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)$/.exec(arn);
  return match ? { account: match[1], name: match[2] } : undefined;
}

/** The qualifier of a function ARN (a version number, an alias or $LATEST); undefined when unqualified. */
export function qualifierOf(arn: string, unqualifiedArn: string): string | undefined {
  if (arn === unqualifiedArn) return undefined;
  return arn.startsWith(`${unqualifiedArn}:`) ? arn.slice(unqualifiedArn.length + 1) : undefined;
}
