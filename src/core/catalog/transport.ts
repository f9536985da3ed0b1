// Signed HTTP to the CDP API over axios: one request, retried on throttling and lost connections
// (an upload only on throttling: see uploadFailure.ts), within one deadline per attempt, with a cap
// on the answer's size, over https only (plain http only to this machine), trusting the profile's
// CA bundle and going through the configured proxy.
import { readFileSync } from 'node:fs';
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import { errorForStatus, parseErrorBody, requestIdOf, requestIdSuffix } from './httpErrors';
import { networkError } from './networkErrors';
import { createHttpsAgent, proxyFromEnvironment } from './proxyAgent';
import { cancelled, DEFAULT_RETRY_POLICY, realSleep, withRetry, type RetryPolicy, type Sleep } from './retry';
import { createSigner } from './signer';
import { CatalogError, type CallOptions, type CdpProfile } from './types';
import { isUploadRetryable, mayHaveLanded, uncertainUploadError, uploadFailureReason, type UploadSubject } from './uploadFailure';

export interface TransportOptions {
  /** One deadline per request, for the whole answer, body included, in milliseconds (default 60 s). */
  timeoutMs?: number;
  /** Per upload of a flow file, which may be tens of MB (default 5 minutes, never less than timeoutMs). */
  uploadTimeoutMs?: number;
  /** Most bytes of an answer (default 8 MiB): a listing, a flow's details, an error. */
  maxResponseBytes?: number;
  /** Most bytes of a getFlowVersion answer, the base64 of a whole flow (default 256 MiB). */
  maxFlowResponseBytes?: number;
  retry?: Partial<RetryPolicy>;
  /** Injected in tests to skip the backoff waits. */
  sleep?: Sleep;
  /** Injected in tests to sign with a fixed date. */
  clock?: () => Date;
  /** The proxy to use whatever the environment says (VS Code's http.proxy); '' for none. */
  proxyUrl?: string;
  /** Where HTTPS_PROXY/NO_PROXY are read when proxyUrl is not given (default: the process's environment). */
  proxyEnv?: Record<string, string | undefined>;
}

export interface SignedPost {
  operation: string;
  url: string;
  body: string | Buffer;
  headers?: Record<string, string>;
  timeoutMs: number;
  maxBytes: number;
}

const RETRY_STATUSES = new Set([429, 503, 509]);
const RETRY_NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ERR_SOCKET_CONNECTION_TIMEOUT']);
/** Calls that change nothing: one that timed out is sent again, as cdpcli retries a requests Timeout (cdpcli/retryhandler.py EXCEPTION_MAP). */
const READ_ONLY_OPERATIONS = new Set(['listFlowDefinitions', 'describeFlow', 'listFlowDefinitionVersions', 'getFlowVersion']);
const MIB = 1024 * 1024;

/**
 * Where the catalog may send an import's upload: /dfx/api/flows, or one segment below it, as the
 * df service's redirect does (the CDP Java SDK's redirect and upload tests use these paths).
 */
const UPLOAD_PATH = /^\/dfx\/api\/flows(?:\/[^/]+)?$/;

export interface Transport {
  profile: CdpProfile;
  /** POST JSON to /api/v1/df/<operation> and return the parsed answer. */
  call(operation: string, body: object, options?: CallOptions): Promise<unknown>;
  /** POST, expecting a redirect; returns the absolute Location, checked to be an upload address of the endpoint itself. */
  redirectTarget(operation: string, body: object, options?: CallOptions): Promise<string>;
  /**
   * POST raw bytes to an absolute URL, signed for that URL's path. Retried only on throttling; a
   * failure that may have left the upload stored is a CatalogError of kind 'uncertain'.
   */
  upload(request: UploadRequest, options?: CallOptions): Promise<unknown>;
}

export interface UploadRequest {
  operation: string;
  url: string;
  bytes: Buffer;
  headers: Record<string, string>;
  subject: UploadSubject;
}

function sizeText(bytes: number): string {
  return bytes >= MIB ? `${Math.round(bytes / MIB)} MiB` : `${Math.round(bytes / 1024)} KiB`;
}

export function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function isRetryable(error: unknown): boolean {
  if (!(error instanceof CatalogError)) return false;
  if (error.kind === 'network') return RETRY_NETWORK_CODES.has(error.code ?? '');
  return error.status !== undefined && RETRY_STATUSES.has(error.status);
}

function retryableFor(operation: string): (error: unknown) => boolean {
  if (!READ_ONLY_OPERATIONS.has(operation)) return isRetryable;
  return (error) => isRetryable(error) || (error instanceof CatalogError && error.kind === 'timeout');
}

/**
 * Signed headers go in clear over plain http: only to this machine (a stand-in, a tunnel).
 * `what` names the endpoint ('CDP endpoint'); `setting`, where the user fixes it.
 */
export function checkScheme(endpointUrl: string, profileName: string, what: string, setting?: string): void {
  const url = new URL(endpointUrl);
  if (url.protocol === 'https:') return;
  if (url.protocol === 'http:' && isLoopbackUrl(endpointUrl)) return;
  throw new CatalogError(
    'credentials',
    `Profile ${profileName}: the ${what} ${url.origin} is plain http, which would send signed requests in clear. Use https://${setting ? ` in ${setting}` : ''} (plain http is allowed only to this machine).`,
  );
}

/** The PEM text of the profile's CA bundle (ca_bundle or CDP_CA_BUNDLE), if it names one. */
export function readCaBundle(profile: CdpProfile): string | undefined {
  if (!profile.caBundle) return undefined;
  try {
    return readFileSync(profile.caBundle.path, 'utf8');
  } catch (error) {
    throw new CatalogError(
      'credentials',
      `${profile.caBundle.where}: cannot read the CA bundle ${profile.caBundle.path} (${(error as NodeJS.ErrnoException).code ?? 'error'}). Point ca_bundle or CDP_CA_BUNDLE at a PEM file of the certificates to trust.`,
    );
  }
}

export function createTransport(profile: CdpProfile, options: TransportOptions = {}): Transport {
  checkScheme(profile.endpointUrl, profile.name, 'CDP endpoint', 'cdp_endpoint_url');
  const signer = createSigner(profile.key, options.clock);
  const policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const sleep = options.sleep ?? realSleep;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const uploadTimeoutMs = Math.max(options.uploadTimeoutMs ?? 300_000, timeoutMs);
  const maxResponseBytes = options.maxResponseBytes ?? 8 * MIB;
  const maxFlowResponseBytes = Math.max(options.maxFlowResponseBytes ?? 256 * MIB, maxResponseBytes);
  const endpoint = new URL(profile.endpointUrl);
  const proxyUrl = options.proxyUrl !== undefined ? options.proxyUrl || undefined : proxyFromEnvironment(profile.endpointUrl, options.proxyEnv ?? process.env);
  const httpsAgent = endpoint.protocol === 'https:' ? createHttpsAgent({ ca: readCaBundle(profile), proxyUrl }) : undefined;
  const http: AxiosInstance = axios.create({
    maxRedirects: 0,
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    validateStatus: () => true,
    // The agent tunnels through the proxy; axios's own proxying (plain forwarding) is off.
    proxy: false,
    ...(httpsAgent ? { httpsAgent } : {}),
  });
  const operationUrl = (operation: string): string => `${profile.endpointUrl}/api/v1/df/${operation}`;
  // Cancellations that stopped a request already on its way: for an upload, the catalog may have stored it.
  const cancelledInFlight = new WeakSet<CatalogError>();

  async function postOnce(request: SignedPost, callOptions?: CallOptions): Promise<AxiosResponse<string>> {
    if (callOptions?.signal?.aborted) throw cancelled();
    const contentType = 'application/json';
    const signed = signer({ method: 'POST', url: request.url, contentType });
    // One deadline for the whole exchange, answer body included, and the caller's cancel.
    const controller = new AbortController();
    let deadlinePassed = false;
    const deadline = setTimeout(() => {
      deadlinePassed = true;
      controller.abort();
    }, request.timeoutMs);
    const onCancel = (): void => controller.abort();
    callOptions?.signal?.addEventListener('abort', onCancel, { once: true });
    let response: AxiosResponse<string>;
    try {
      response = await http.post<string>(request.url, request.body, {
        headers: { ...request.headers, 'Content-Type': contentType, ...signed },
        signal: controller.signal,
        maxBodyLength: Infinity,
        maxContentLength: request.maxBytes,
      });
    } catch (error) {
      if (deadlinePassed) {
        throw new CatalogError('timeout', `The DataFlow Catalog did not answer ${request.operation} within ${Math.max(1, Math.round(request.timeoutMs / 1000))} s. Check the network and try again.`);
      }
      if (axios.isAxiosError(error) && /maxContentLength/.test(error.message)) {
        throw new CatalogError(
          'unavailable',
          `The DataFlow Catalog's answer to ${request.operation} is larger than ${sizeText(request.maxBytes)}, more than it can be; it was not read. Check cdp_endpoint_url.`,
        );
      }
      const failure = networkError(error, request.operation, request.url, request.timeoutMs);
      if (failure.kind === 'cancelled') cancelledInFlight.add(failure);
      throw failure;
    } finally {
      clearTimeout(deadline);
      callOptions?.signal?.removeEventListener('abort', onCancel);
    }
    if (response.status >= 400) {
      throw errorForStatus(response.status, parseErrorBody(response.data ?? ''), request.operation, { accessKeyId: profile.key.accessKeyId, profileName: profile.name }, requestIdOf(response.headers));
    }
    return response;
  }

  function post(request: SignedPost, callOptions?: CallOptions, retryable = retryableFor(request.operation)): Promise<AxiosResponse<string>> {
    return withRetry(() => postOnce(request, callOptions), retryable, policy, sleep, callOptions?.signal);
  }

  function parseJson(response: AxiosResponse<string>, operation: string): unknown {
    try {
      return response.data ? JSON.parse(response.data) : {};
    } catch {
      throw new CatalogError(
        'unavailable',
        `The DataFlow Catalog answered ${operation} with something that is not JSON (HTTP ${response.status}). Check cdp_endpoint_url.${requestIdSuffix(requestIdOf(response.headers))}`,
        response.status,
      );
    }
  }

  /** A 3xx where none is expected is a failure, as in cdpcli (cdpcli/client.py BaseClient._make_request): never an empty success. */
  function refuseRedirect(response: AxiosResponse<string>, operation: string): void {
    if (response.status < 300 || response.status >= 400) return;
    throw new CatalogError(
      'unavailable',
      `The DataFlow Catalog answered ${operation} with a redirect (HTTP ${response.status}) instead of an answer; it was not followed. Check cdp_endpoint_url.${requestIdSuffix(requestIdOf(response.headers))}`,
      response.status,
    );
  }

  /** The upload address, refused before anything is signed for it unless it is the endpoint's own upload path. */
  function checkedUploadTarget(location: string, operation: string): string {
    let target: URL;
    try {
      target = new URL(location, operationUrl(operation));
    } catch {
      throw new CatalogError('unavailable', `The DataFlow Catalog gave an upload address for ${operation} that is not a URL; nothing was uploaded.`);
    }
    const sameOrigin = target.protocol === endpoint.protocol && target.hostname === endpoint.hostname && target.port === endpoint.port;
    if (!sameOrigin || !UPLOAD_PATH.test(target.pathname) || target.username || target.password) {
      const shown = `${target.protocol}//${target.host}${target.pathname}`.slice(0, 200);
      throw new CatalogError(
        'unavailable',
        `The DataFlow Catalog sent the ${operation} upload to ${shown}, which is not an upload address of ${endpoint.origin}; it was refused and nothing was signed or uploaded. Check cdp_endpoint_url (and any proxy in between).`,
      );
    }
    return target.toString();
  }

  return {
    profile,
    async call(operation, body, callOptions) {
      const maxBytes = operation === 'getFlowVersion' ? maxFlowResponseBytes : maxResponseBytes;
      const response = await post({ operation, url: operationUrl(operation), body: JSON.stringify(body), timeoutMs, maxBytes }, callOptions);
      refuseRedirect(response, operation);
      return parseJson(response, operation);
    },
    async redirectTarget(operation, body, callOptions) {
      const response = await post({ operation, url: operationUrl(operation), body: JSON.stringify(body), timeoutMs, maxBytes: maxResponseBytes }, callOptions);
      const location = response.headers['location'] as string | undefined;
      if (response.status < 300 || response.status >= 400 || !location) {
        throw new CatalogError(
          'unavailable',
          `The DataFlow Catalog did not give an upload address for ${operation} (HTTP ${response.status}). Try again later.${requestIdSuffix(requestIdOf(response.headers))}`,
          response.status,
        );
      }
      return checkedUploadTarget(location, operation);
    },
    async upload({ operation, url, bytes, headers, subject }, callOptions) {
      checkedUploadTarget(url, operation);
      let response: AxiosResponse<string>;
      try {
        response = await post({ operation, url, body: bytes, headers, timeoutMs: uploadTimeoutMs, maxBytes: maxResponseBytes }, callOptions, isUploadRetryable);
      } catch (error) {
        if (error instanceof CatalogError && (mayHaveLanded(error) || cancelledInFlight.has(error))) {
          throw uncertainUploadError(uploadFailureReason(error), subject, error);
        }
        throw error;
      }
      if (response.status >= 300) {
        throw uncertainUploadError(`it answered HTTP ${response.status} instead of the stored flow`, subject, { status: response.status });
      }
      try {
        return parseJson(response, operation);
      } catch {
        // A success status means the catalog took the upload; only its answer is unreadable.
        throw uncertainUploadError(`it answered HTTP ${response.status} with something that is not JSON`, subject, { status: response.status });
      }
    },
  };
}
