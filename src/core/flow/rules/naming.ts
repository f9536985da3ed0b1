// DFF's naming rules for parameter contexts and parameters, and how to suggest a valid name.
// A context name becomes an AWS Secrets Manager secret name; a parameter name becomes a Lambda
// environment variable key (see dataflow-functions.md).

/** DFF's rule for context and parameter names. */
const DFF_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Lambda refuses environment keys shorter than this. */
export const MIN_ENV_KEY_LENGTH = 2;

export function isDffName(name: string): boolean {
  return DFF_NAME.test(name);
}

/** Variables DataFlow Functions reads itself: a parameter of the same name would clash with them. */
const DFF_VARIABLES = new Set([
  'DF_ACCESS_KEY', 'DF_PRIVATE_KEY', 'FLOW_CRN', 'FAILURE_PORTS', 'NEXUS_URL', 'OUTPUT_PORT', 'KRB5_FILE',
  'CONTENT_REPO', 'DYNAMODB_STATE_TABLE', 'DYNAMODB_BILLING_MODE', 'DYNAMODB_READ_CAPACITY_UNITS',
  'DYNAMODB_WRITE_CAPACITY_UNITS', 'DISABLE_STATE_PROVIDER',
]);
const DFF_PREFIXES = ['EXTENSIONS_DIR_'];

// Keys Lambda documents as reserved (refused in a function's configuration), and TZ, which
// dataflow-functions.md lists too. Every AWS_ name is treated as reserved, as that page asks: AWS
// keeps adding keys under that prefix (AWS_LAMBDA_EXEC_WRAPPER would even run the value as a
// wrapper script), so a parameter there is a clash waiting to happen.
const LAMBDA_RESERVED = new Set(['_HANDLER', '_X_AMZN_TRACE_ID', 'LAMBDA_TASK_ROOT', 'LAMBDA_RUNTIME_DIR', 'TZ']);
const LAMBDA_PREFIXES = ['AWS_'];

// Lambda accepts these, but the Java runtime that runs DFF reads them at start: a parameter of
// that name would replace the runtime's own value and can stop the function from starting.
const JAVA_RUNTIME_VARIABLES = new Set(['PATH', 'LD_LIBRARY_PATH', 'JAVA_TOOL_OPTIONS']);

/** Why a name cannot be a parameter (environment variable) name, or undefined when it can. */
export function reservedReason(name: string): string | undefined {
  if (DFF_VARIABLES.has(name) || DFF_PREFIXES.some((prefix) => name.startsWith(prefix))) {
    return 'DataFlow Functions sets an environment variable of that name itself';
  }
  if (LAMBDA_PREFIXES.some((prefix) => name.startsWith(prefix))) {
    return 'AWS Lambda reserves environment variable names that start with AWS_';
  }
  if (LAMBDA_RESERVED.has(name)) {
    return 'AWS Lambda reserves that environment variable name';
  }
  if (JAVA_RUNTIME_VARIABLES.has(name)) {
    return 'the Lambda Java runtime reads that environment variable when the function starts';
  }
  return undefined;
}

function isReservedPrefix(name: string): boolean {
  return [...DFF_PREFIXES, ...LAMBDA_PREFIXES].some((prefix) => name.startsWith(prefix));
}

/**
 * Replaces characters DFF does not allow with '_' (one per run) and makes the name start with a
 * letter: 'my-param.x' -> 'my_param_x', '1abc' -> 'p_1abc'.
 */
export function sanitizeDffName(name: string): string {
  if (name.length === 0) return 'param';
  const result = name.replace(/[^A-Za-z0-9_]+/g, '_');
  if (/^[A-Za-z]/.test(result)) return result;
  return (result.startsWith('_') ? 'p' : 'p_') + result;
}

/** A valid context name close to `name` that `isTaken` does not refuse. */
export function suggestContextName(name: string, isTaken: (candidate: string) => boolean): string {
  return unique(sanitizeDffName(name), isTaken, (candidate) => isDffName(candidate));
}

/**
 * A parameter name close to `name` that DFF accepts, that Lambda accepts as an environment key,
 * that reserves nothing and that `isTaken` does not refuse: 'FLOW_CRN' -> 'FLOW_CRN_PARAM',
 * 'AWS_REGION' -> 'PARAM_AWS_REGION', 'x' -> 'x_param'.
 */
export function suggestParameterName(name: string, isTaken: (candidate: string) => boolean): string {
  let base = sanitizeDffName(name);
  const upper = base === base.toUpperCase();
  if (isReservedPrefix(base)) base = `${upper ? 'PARAM' : 'param'}_${base}`;
  else if (reservedReason(base) !== undefined) base = `${base}_${upper ? 'PARAM' : 'param'}`;
  if (base.length < MIN_ENV_KEY_LENGTH) base = `${base}_${upper ? 'PARAM' : 'param'}`;
  return unique(base, isTaken, (candidate) => isDffName(candidate) && reservedReason(candidate) === undefined);
}

function unique(base: string, isTaken: (candidate: string) => boolean, isValid: (candidate: string) => boolean): string {
  if (isValid(base) && !isTaken(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}_${n}`;
    if (isValid(candidate) && !isTaken(candidate)) return candidate;
  }
}
