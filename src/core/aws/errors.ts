// One sentence for the user out of whatever the SDK, a credential provider or the network threw.
export type AwsProblemKind =
  | 'noCredentials'
  | 'ssoExpired'
  | 'expired'
  | 'rejected'
  | 'accessDenied'
  | 'throttled'
  | 'notFound'
  | 'conflict'
  | 'invalid'
  | 'network'
  | 'cancelled'
  | 'other';

export interface AwsProblem {
  kind: AwsProblemKind;
  /** One sentence: what went wrong and what to do. Never holds a secret. */
  message: string;
  /** e.g. `aws sso login --profile dev` when the fix is to log in again. */
  loginCommand?: string;
  /** The IAM action AWS refused, e.g. lambda:CreateFunction. */
  deniedAction?: string;
  retryable: boolean;
  /** The error's name or code as AWS or Node gave it (e.g. AccessDeniedException, ECONNREFUSED). */
  code?: string;
}

export interface AwsErrorContext {
  profile?: string;
  /** What was being done, as a verb phrase: 'list functions', 'read the secret dev-params'. */
  action?: string;
  region?: string;
  /** Values known to be secret in this call (e.g. parameter values sent): removed from AWS's message if it echoes them. */
  secrets?: string[];
}

interface ErrorFacts {
  name: string;
  code?: string;
  message: string;
  status?: number;
  fault?: string;
  sdkRetryable: boolean;
}

function factsOf(error: unknown): ErrorFacts {
  if (typeof error !== 'object' || error === null) return { name: 'Error', message: String(error), sdkRetryable: false };
  const value = error as {
    name?: unknown;
    code?: unknown;
    Code?: unknown;
    message?: unknown;
    $metadata?: { httpStatusCode?: number };
    $fault?: string;
    $retryable?: unknown;
    cause?: unknown;
  };
  const code = typeof value.code === 'string' ? value.code : typeof value.Code === 'string' ? value.Code : undefined;
  const facts: ErrorFacts = {
    name: typeof value.name === 'string' ? value.name : 'Error',
    code,
    message: typeof value.message === 'string' ? value.message : '',
    status: value.$metadata?.httpStatusCode,
    fault: value.$fault,
    sdkRetryable: Boolean(value.$retryable),
  };
  // Node wraps some socket errors (fetch, AggregateError): the code is on the cause.
  if (!facts.code && typeof value.cause === 'object' && value.cause !== null) {
    const causeCode = (value.cause as { code?: unknown }).code;
    if (typeof causeCode === 'string') facts.code = causeCode;
  }
  return facts;
}

// Runs of base64-like characters this long are secret keys or session tokens (access key ids are 20).
const SECRET_LIKE = /[A-Za-z0-9/+=]{40,}/g;

/** AWS's message, cut where services echo request content, with secret-looking runs and known secrets removed. */
function cleanMessage(message: string, secrets: string[] = []): string {
  let text = message
    // Lambda's env-size error echoes every variable: "... String measured: {"DF_PRIVATE_KEY":...}"
    .replace(/\s*String measured:[\s\S]*$/i, '')
    // Signature errors may echo the canonical request, whose headers include the session token.
    .replace(/\s*The Canonical String for this request[\s\S]*$/i, '')
    .replace(/\s*The String-to-Sign[\s\S]*$/i, '');
  for (const secret of secrets) if (secret) text = text.split(secret).join('***');
  text = text.replace(SECRET_LIKE, '***').replace(/\s+/g, ' ').trim();
  return text.replace(/[.\s]+$/, '');
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ECONNRESET',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNABORTED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
  'CERT_HAS_EXPIRED',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
]);

const REJECTED = new Set([
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'InvalidAccessKeyId',
  'IncompleteSignature',
  'IncompleteSignatureException',
  'AuthFailure',
  'InvalidToken',
  'MissingAuthenticationToken',
  'MissingAuthenticationTokenException',
]);
const EXPIRED = new Set(['ExpiredTokenException', 'ExpiredToken', 'TokenRefreshRequired', 'RequestExpired']);
const THROTTLED = new Set(['TooManyRequestsException', 'SlowDown', 'RequestLimitExceeded', 'RequestThrottled', 'PriorRequestNotComplete', 'EC2ThrottledException']);
const NOT_FOUND = new Set(['ResourceNotFoundException', 'NoSuchEntity', 'NoSuchEntityException', 'NoSuchBucket', 'NoSuchKey', 'NotFound', 'NoSuchBucketPolicy', 'NotFoundException']);
const CONFLICT = new Set(['ResourceConflictException', 'EntityAlreadyExists', 'EntityAlreadyExistsException', 'ResourceExistsException', 'ConflictException', 'OperationAbortedException', 'BucketAlreadyOwnedByYou', 'BucketAlreadyExists', 'ConcurrentModification', 'ConcurrentModificationException', 'PreconditionFailedException']);
const INVALID = new Set([
  'InvalidParameterValueException',
  'InvalidParameterException',
  'InvalidParameterCombination',
  'InvalidRequestException',
  'InvalidRequestContentException',
  'ValidationException',
  'ValidationError',
  'MalformedPolicyDocument',
  'MalformedPolicyDocumentException',
  'InvalidInput',
  'InvalidArgument',
  'InvalidRuntimeException',
  'CodeStorageExceededException',
  'RequestTooLargeException',
  'UnsupportedMediaTypeException',
  'LimitExceeded',
  'LimitExceededException',
  'MalformedXML',
]);
const SSO_EXPIRED = /SSO session .*(expired|invalid)|Token is expired|SSO Token|SSO session token|sso login|Session token not found or invalid/i;

function profileWords(profile: string | undefined): string {
  return profile ? `profile ${profile}` : 'the current profile';
}

function failedTo(action: string | undefined): string {
  return action ? `Could not ${action}` : 'The AWS request failed';
}

/** Turns an error from an AWS call or credential provider into what the user reads; never includes a secret. */
export function describeAwsError(error: unknown, context: AwsErrorContext = {}): AwsProblem {
  const facts = factsOf(error);
  const code = facts.code && /^[A-Z_]+$/.test(facts.code) ? facts.code : facts.name;
  const detail = cleanMessage(facts.message, context.secrets);
  const who = profileWords(context.profile);
  const problem = (kind: AwsProblemKind, message: string, retryable: boolean, extra: Partial<AwsProblem> = {}): AwsProblem => ({
    kind,
    message,
    retryable,
    code,
    ...extra,
  });

  if (facts.name === 'AbortError' || facts.code === 'ABORT_ERR') {
    return problem('cancelled', `${context.action ? `${capitalize(context.action)} was` : 'The request was'} cancelled.`, false);
  }

  const fromProvider = facts.name === 'CredentialsProviderError' || facts.name === 'TokenProviderError';
  if ((fromProvider || facts.name === 'UnauthorizedException') && SSO_EXPIRED.test(facts.message)) {
    const loginCommand = context.profile ? `aws sso login --profile ${context.profile}` : 'aws sso login';
    return problem('ssoExpired', `The SSO session of ${who} has expired: run \`${loginCommand}\`.`, false, { loginCommand });
  }
  if (fromProvider && /aws login/i.test(facts.message)) {
    const loginCommand = context.profile ? `aws login --profile ${context.profile}` : 'aws login';
    return problem('ssoExpired', `The login session of ${who} has expired: run \`${loginCommand}\`.`, false, { loginCommand });
  }
  if (fromProvider) {
    const mfa = /multi-factor authentication/i.test(facts.message);
    const reason = mfa ? 'it needs an MFA code and none was given' : detail || 'no credentials were found';
    return problem('noCredentials', `No AWS credentials for ${who} (${reason}): check the profile in your AWS config files or choose another profile.`, false);
  }

  if (NETWORK_CODES.has(facts.code ?? '') || facts.name === 'TimeoutError' || facts.name === 'RequestTimeout' || facts.name === 'RequestTimeoutException') {
    const where = context.region ? ` in ${context.region}` : '';
    return problem(
      'network',
      `${failedTo(context.action)}: AWS${where} could not be reached (${facts.code ?? facts.name}); check the network, proxy and any endpoint_url of ${who}, then retry.`,
      true,
    );
  }

  if (EXPIRED.has(facts.name)) {
    return problem('expired', `The AWS credentials of ${who} have expired: renew them (log in again or refresh the session token) and retry.`, false);
  }
  if (REJECTED.has(facts.name)) {
    const clock = /Signature expired|RequestTimeTooSkewed|clock/i.test(facts.message) ? ' and this computer\'s clock' : '';
    return problem(
      'rejected',
      `AWS rejected the credentials of ${who} (${facts.name}): check its access key and secret${clock}, or choose another profile.`,
      false,
    );
  }
  if (/^AccessDenied/.test(facts.name) || facts.name === 'UnauthorizedOperation' || facts.name === 'AuthorizationError' || (facts.status === 403 && !facts.name.startsWith('KMS'))) {
    const deniedAction = /not authorized to perform:?\s*([A-Za-z0-9-]+:[A-Za-z0-9*]+)/.exec(facts.message)?.[1];
    const missing = deniedAction ? `the permission ${deniedAction} is missing` : detail || 'access denied';
    return problem(
      'accessDenied',
      `${failedTo(context.action)} with ${who}: ${missing}; ask an administrator to grant it or choose another profile.`,
      false,
      deniedAction ? { deniedAction } : {},
    );
  }
  if (THROTTLED.has(facts.name) || /^Throttl/.test(facts.name) || facts.status === 429) {
    return problem('throttled', `${failedTo(context.action)}: AWS is throttling requests (${facts.name}); wait a moment and retry.`, true);
  }
  if (NOT_FOUND.has(facts.name) || facts.status === 404) {
    const where = context.region ? ` in ${context.region}` : '';
    return problem('notFound', `${failedTo(context.action)}: ${detail || 'not found'}${where}; check the name, the region and the profile.`, false);
  }
  if (CONFLICT.has(facts.name) || facts.status === 409) {
    const busy = facts.name === 'ResourceConflictException' || facts.name === 'OperationAbortedException' || facts.name === 'ConcurrentModification' || facts.name === 'ConcurrentModificationException';
    return problem(
      'conflict',
      `${failedTo(context.action)}: ${detail || facts.name}; ${busy ? 'another change is in progress, wait for it to finish and retry' : 'it already exists or was changed meanwhile'}.`,
      busy,
    );
  }
  if (INVALID.has(facts.name) || (facts.status !== undefined && facts.status >= 400 && facts.status < 500)) {
    return problem('invalid', `${failedTo(context.action)}: AWS refused the request (${facts.name}: ${detail || 'no details'}).`, false);
  }
  const serverSide = facts.fault === 'server' || (facts.status !== undefined && facts.status >= 500);
  const retryable = facts.sdkRetryable || serverSide;
  return problem(
    'other',
    `${failedTo(context.action)}: ${facts.name}${detail ? `: ${detail}` : ''}${retryable ? '; retry in a moment' : ''}.`,
    retryable,
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
