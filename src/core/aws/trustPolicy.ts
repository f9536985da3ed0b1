// Whether a role's trust policy lets Lambda assume it: read when listing roles for a new deploy
// target and when deploy checks the role it was given.

const LAMBDA_SERVICE = 'lambda.amazonaws.com';

type Statement = Record<string, unknown>;

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

/** IAM action patterns: case-insensitive, with * and ? wildcards. */
function matchesAction(patterns: unknown, action: string): boolean {
  return asList(patterns).some((pattern) => {
    if (typeof pattern !== 'string') return false;
    const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
    return new RegExp(`^${source}$`, 'i').test(action);
  });
}

function namesLambda(principal: unknown): boolean {
  if (principal === '*') return true;
  if (typeof principal !== 'object' || principal === null) return false;
  const { Service, AWS } = principal as { Service?: unknown; AWS?: unknown };
  // {"AWS": "*"} is the same as "*" (IAM's documentation on principals).
  return asList(Service).includes(LAMBDA_SERVICE) || asList(AWS).includes('*');
}

function letsLambdaAssume(statement: Statement): boolean {
  if (!namesLambda(statement.Principal)) return false;
  if (statement.Action !== undefined) return matchesAction(statement.Action, 'sts:AssumeRole');
  return statement.NotAction !== undefined && !matchesAction(statement.NotAction, 'sts:AssumeRole');
}

/**
 * Whether a role's trust policy lets lambda.amazonaws.com call sts:AssumeRole: an Allow names it and
 * no unconditional Deny does. Conditions are not evaluated, so a role allowed under a condition is
 * offered; deploy then says if Lambda cannot assume it. IAM answers the document URL-encoded.
 */
export function trustsLambda(document: string | undefined): boolean {
  if (!document) return false;
  let policy: unknown;
  try {
    policy = JSON.parse(document.trimStart().startsWith('{') ? document : decodeURIComponent(document));
  } catch {
    return false;
  }
  if (typeof policy !== 'object' || policy === null) return false;
  const statements = asList((policy as { Statement?: unknown }).Statement).filter(
    (statement): statement is Statement => typeof statement === 'object' && statement !== null && !Array.isArray(statement),
  );
  const applying = statements.filter(letsLambdaAssume);
  const allowed = applying.some((statement) => statement.Effect === 'Allow');
  const denied = applying.some((statement) => statement.Effect === 'Deny' && statement.Condition === undefined);
  return allowed && !denied;
}
