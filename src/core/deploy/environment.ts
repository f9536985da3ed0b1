// Lambda's rules for a function's environment variables, checked before any write: key syntax,
// reserved keys, and the 4 KB limit on all keys and values together.
import { LAMBDA_ENV_LIMIT_BYTES } from '../flow/rules/parameters';
import { reservedReason } from '../flow/rules/naming';

export { LAMBDA_ENV_LIMIT_BYTES };

const ENV_KEY = /^[a-zA-Z][a-zA-Z0-9_]+$/;

/** The variables deploy itself sets; a target cannot set or remove them. */
export const DFF_OWN_VARIABLES: readonly string[] = ['DF_ACCESS_KEY', 'DF_PRIVATE_KEY', 'FLOW_CRN', 'FAILURE_PORTS'];

/** Variables whose values are secret: masked in every plan output. */
export const SENSITIVE_VARIABLES: readonly string[] = ['DF_PRIVATE_KEY'];

/**
 * Bytes the variables take as Lambda measures them. AWS documents "the total size of all
 * environment variables doesn't exceed 4 KB"; what Lambda actually measures is the JSON text of the
 * Variables map in UTF-8 (its refusal says "...exceeded the 4KB limit. String measured: {...}"), so
 * braces, quotes, colons and commas count too. The AWS stand-in measures it the same way.
 */
export function environmentBytes(variables: Readonly<Record<string, string>>): number {
  return Buffer.byteLength(JSON.stringify(variables), 'utf8');
}

/** Why Lambda (or the Java runtime) would refuse or be broken by this key; undefined when it is fine. DFF's own keys are not checked here. */
export function lambdaKeyProblem(key: string): string | undefined {
  if (!ENV_KEY.test(key)) return 'Lambda environment keys must match [a-zA-Z][a-zA-Z0-9_]+ (at least 2 characters)';
  const reason = reservedReason(key);
  // reservedReason also lists DFF's own variables (NEXUS_URL, EXTENSIONS_DIR_*...), which a target may set.
  if (reason && !reason.startsWith('DataFlow Functions')) return reason;
  return undefined;
}

/** The largest variables first, for a message about the size. */
export function largestVariables(variables: Readonly<Record<string, string>>, count: number): string[] {
  return Object.entries(variables)
    .map(([key, value]) => ({ key, bytes: Buffer.byteLength(key, 'utf8') + Buffer.byteLength(value, 'utf8') }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, count)
    .map((item) => `${item.key} (${item.bytes} bytes)`);
}
