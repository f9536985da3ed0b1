// Signed HTTP to the CDP API over axios: one request, retried on throttling and lost connections
// (an upload only on throttling: see uploadFailure.ts).
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import { errorForStatus, parseErrorBody } from './httpErrors';
import { networkError } from './networkErrors';
import { cancelled, DEFAULT_RETRY_POLICY, realSleep, withRetry, type RetryPolicy, type Sleep } from './retry';
import { createSigner } from './signer';
import { CatalogError, type CallOptions, type CdpProfile } from './types';
import { isUploadRetryable, mayHaveLanded, uncertainUploadError, uploadFailureReason, type UploadSubject } from './uploadFailure';

export interface TransportOptions {
  /** Per request, in milliseconds (default 60 s). */
  timeoutMs?: number;
  /** Per upload of a flow file, which may be tens of MB (default 5 minutes, never less than timeoutMs). */
  uploadTimeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Injected in tests to skip the backoff waits. */
  sleep?: Sleep;
  /** Injected in tests to sign with a fixed date. */
  clock?: () => Date;
}

export interface SignedPost {
  operation: string;
  url: string;
  body: string | Buffer;
  headers?: Record<string, string>;
  timeoutMs: number;
}

const RETRY_STATUSES = new Set([429, 503, 509]);
const RETRY_NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ERR_SOCKET_CONNECTION_TIMEOUT']);

export interface Transport {
  profile: CdpProfile;
  /** POST JSON to /api/v1/df/<operation> and return the parsed answer. */
  call(operation: string, body: object, options?: CallOptions): Promise<unknown>;
  /** POST, expecting a redirect; returns the absolute Location. */
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

function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '[::1]' || host.startsWith('127.');
}

function isRetryable(error: unknown): boolean {
  if (!(error instanceof CatalogError)) return false;
  if (error.kind === 'network') return RETRY_NETWORK_CODES.has(error.code ?? '');
  return error.status !== undefined && RETRY_STATUSES.has(error.status);
}

export function createTransport(profile: CdpProfile, options: TransportOptions = {}): Transport {
  const signer = createSigner(profile.key, options.clock);
  const policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const sleep = options.sleep ?? realSleep;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const uploadTimeoutMs = Math.max(options.uploadTimeoutMs ?? 300_000, timeoutMs);
  const http: AxiosInstance = axios.create({
    maxRedirects: 0,
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    validateStatus: () => true,
  });
  const operationUrl = (operation: string): string => `${profile.endpointUrl}/api/v1/df/${operation}`;
  // Cancellations that stopped a request already on its way: for an upload, the catalog may have stored it.
  const cancelledInFlight = new WeakSet<CatalogError>();

  async function postOnce(request: SignedPost, callOptions?: CallOptions): Promise<AxiosResponse<string>> {
    if (callOptions?.signal?.aborted) throw cancelled();
    const contentType = 'application/json';
    const signed = signer({ method: 'POST', url: request.url, contentType });
    let response: AxiosResponse<string>;
    try {
      response = await http.post<string>(request.url, request.body, {
        headers: { ...request.headers, 'Content-Type': contentType, ...signed },
        signal: callOptions?.signal,
        timeout: request.timeoutMs,
        maxBodyLength: Infinity,
        maxContentLength: Infinity,
        // axios honours HTTPS_PROXY/NO_PROXY; a local endpoint (a stand-in, a tunnel) never goes through the proxy.
        ...(isLoopback(request.url) ? { proxy: false as const } : {}),
      });
    } catch (error) {
      const failure = networkError(error, request.operation, request.url, request.timeoutMs);
      if (failure.kind === 'cancelled') cancelledInFlight.add(failure);
      throw failure;
    }
    if (response.status >= 400) {
      throw errorForStatus(response.status, parseErrorBody(response.data ?? ''), request.operation, { accessKeyId: profile.key.accessKeyId, profileName: profile.name });
    }
    return response;
  }

  function post(request: SignedPost, callOptions?: CallOptions, retryable = isRetryable): Promise<AxiosResponse<string>> {
    return withRetry(() => postOnce(request, callOptions), retryable, policy, sleep, callOptions?.signal);
  }

  function parseJson(response: AxiosResponse<string>, operation: string): unknown {
    try {
      return response.data ? JSON.parse(response.data) : {};
    } catch {
      throw new CatalogError('unavailable', `The DataFlow Catalog answered ${operation} with something that is not JSON (HTTP ${response.status}). Check cdp_endpoint_url.`, response.status);
    }
  }

  return {
    profile,
    async call(operation, body, callOptions) {
      const response = await post({ operation, url: operationUrl(operation), body: JSON.stringify(body), timeoutMs }, callOptions);
      return parseJson(response, operation);
    },
    async redirectTarget(operation, body, callOptions) {
      const response = await post({ operation, url: operationUrl(operation), body: JSON.stringify(body), timeoutMs }, callOptions);
      const location = response.headers['location'] as string | undefined;
      if (response.status < 300 || response.status >= 400 || !location) {
        throw new CatalogError('unavailable', `The DataFlow Catalog did not give an upload address for ${operation} (HTTP ${response.status}). Try again later.`, response.status);
      }
      return new URL(location, operationUrl(operation)).toString();
    },
    async upload({ operation, url, bytes, headers, subject }, callOptions) {
      let response: AxiosResponse<string>;
      try {
        response = await post({ operation, url, body: bytes, headers, timeoutMs: uploadTimeoutMs }, callOptions, isUploadRetryable);
      } catch (error) {
        if (error instanceof CatalogError && (mayHaveLanded(error) || cancelledInFlight.has(error))) {
          throw uncertainUploadError(uploadFailureReason(error), subject, error);
        }
        throw error;
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
