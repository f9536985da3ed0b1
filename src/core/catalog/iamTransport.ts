// Signed POSTs to CDP IAM (<iam endpoint>/iam/<operation>), built from the catalog transport's
// parts: the same signer, backoff, proxy tunnel, CA bundle, error-body reading and request IDs.
// The catalog transport itself is bound to the df service's /api/v1/df/ paths and its messages.
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import { parseErrorBody, requestIdOf, requestIdSuffix } from './httpErrors';
import { iamErrorForStatus } from './iamErrors';
import { networkError } from './networkErrors';
import { createHttpsAgent, proxyFromEnvironment } from './proxyAgent';
import { cancelled, DEFAULT_RETRY_POLICY, realSleep, withRetry } from './retry';
import { createSigner } from './signer';
import { checkScheme, readCaBundle, type TransportOptions } from './transport';
import { CatalogError, type CallOptions, type CdpProfile } from './types';

export interface IamTransport {
  /** The IAM base URL the calls go to. */
  endpointUrl: string;
  call(operation: string, body: object, options?: CallOptions): Promise<unknown>;
}

const RETRY_STATUSES = new Set([429, 503, 509]);
const RETRY_NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ERR_SOCKET_CONNECTION_TIMEOUT']);
/** Calls that change nothing: sent again after a timeout or a lost connection. A create whose answer was lost may have happened, so it is not. */
const READ_ONLY_OPERATIONS = new Set(['listRoles', 'listMachineUsers', 'listMachineUserAssignedRoles']);

/** Failures before the request reached CDP: a write that failed so did not happen. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

function isRetryable(operation: string, error: unknown): boolean {
  if (!(error instanceof CatalogError)) return false;
  const readOnly = READ_ONLY_OPERATIONS.has(operation);
  if (error.kind === 'timeout') return readOnly;
  if (error.kind === 'network') return (readOnly ? RETRY_NETWORK_CODES : NOT_SENT_CODES).has(error.code ?? '');
  return error.status !== undefined && RETRY_STATUSES.has(error.status);
}

export function createIamTransport(profile: CdpProfile, endpointUrl: string, options: TransportOptions = {}): IamTransport {
  checkScheme(endpointUrl, profile.name, 'CDP IAM endpoint');
  const signer = createSigner(profile.key, options.clock);
  const policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const sleep = options.sleep ?? realSleep;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const maxBytes = options.maxResponseBytes ?? 8 * 1024 * 1024;
  const proxyUrl = options.proxyUrl !== undefined ? options.proxyUrl || undefined : proxyFromEnvironment(endpointUrl, options.proxyEnv ?? process.env);
  const httpsAgent = new URL(endpointUrl).protocol === 'https:' ? createHttpsAgent({ ca: readCaBundle(profile), proxyUrl }) : undefined;
  const http: AxiosInstance = axios.create({
    maxRedirects: 0,
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    validateStatus: () => true,
    proxy: false,
    ...(httpsAgent ? { httpsAgent } : {}),
  });
  const key = { accessKeyId: profile.key.accessKeyId, profileName: profile.name };

  async function postOnce(operation: string, url: string, body: string, callOptions?: CallOptions): Promise<AxiosResponse<string>> {
    if (callOptions?.signal?.aborted) throw cancelled();
    const contentType = 'application/json';
    const signed = signer({ method: 'POST', url, contentType });
    const controller = new AbortController();
    let deadlinePassed = false;
    const deadline = setTimeout(() => {
      deadlinePassed = true;
      controller.abort();
    }, timeoutMs);
    const onCancel = (): void => controller.abort();
    callOptions?.signal?.addEventListener('abort', onCancel, { once: true });
    let response: AxiosResponse<string>;
    try {
      response = await http.post<string>(url, body, { headers: { 'Content-Type': contentType, ...signed }, signal: controller.signal, maxContentLength: maxBytes });
    } catch (error) {
      if (deadlinePassed) throw new CatalogError('timeout', `CDP IAM did not answer ${operation} within ${Math.max(1, Math.round(timeoutMs / 1000))} s. Check the network and try again.`);
      if (axios.isAxiosError(error) && /maxContentLength/.test(error.message)) {
        throw new CatalogError('unavailable', `CDP IAM's answer to ${operation} is larger than it can be; it was not read. Check endpoint_url.`);
      }
      throw networkError(error, operation, url, timeoutMs);
    } finally {
      clearTimeout(deadline);
      callOptions?.signal?.removeEventListener('abort', onCancel);
    }
    if (response.status >= 400) throw iamErrorForStatus(response.status, parseErrorBody(response.data ?? ''), operation, key, requestIdOf(response.headers));
    if (response.status >= 300) {
      throw new CatalogError('unavailable', `CDP IAM answered ${operation} with a redirect (HTTP ${response.status}) instead of an answer; it was not followed. Check endpoint_url.${requestIdSuffix(requestIdOf(response.headers))}`, response.status);
    }
    return response;
  }

  return {
    endpointUrl,
    async call(operation, body, callOptions) {
      const url = `${endpointUrl}/iam/${operation}`;
      const text = JSON.stringify(body);
      const response = await withRetry(() => postOnce(operation, url, text, callOptions), (error) => isRetryable(operation, error), policy, sleep, callOptions?.signal);
      try {
        return response.data ? JSON.parse(response.data) : {};
      } catch {
        throw new CatalogError('unavailable', `CDP IAM answered ${operation} with something that is not JSON (HTTP ${response.status}). Check endpoint_url.${requestIdSuffix(requestIdOf(response.headers))}`, response.status);
      }
    },
  };
}
