// Turns a failed connection (no HTTP answer) into a CatalogError that says what to check first.
import axios from 'axios';
import { cancelled } from './retry';
import { CatalogError } from './types';

/** The host name could not be looked up: offline and a wrong host look the same, and offline is likelier. */
const NAME_LOOKUP_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN']);

export function networkError(error: unknown, operation: string, url: string, timeoutMs: number): CatalogError {
  if (axios.isCancel(error)) return cancelled();
  const code = (error as { code?: string }).code ?? '';
  if (code === 'ECONNABORTED' || (code === 'ETIMEDOUT' && /timeout of/.test(String((error as Error).message)))) {
    return new CatalogError('timeout', `The DataFlow Catalog did not answer ${operation} within ${Math.max(1, Math.round(timeoutMs / 1000))} s. Check the network and try again.`);
  }
  const host = new URL(url).host;
  if (code === 'EPROXY') {
    // The proxy's own refusal (e.g. 407): its message names the proxy and status, never its credentials.
    return new CatalogError('network', `Cannot reach the CDP API at ${host}: ${(error as Error).message}. Check the proxy settings (HTTPS_PROXY, or VS Code's http.proxy).`, undefined, code);
  }
  if (NAME_LOOKUP_CODES.has(code)) {
    return new CatalogError(
      'network',
      `Cannot reach ${host}: check the network connection (and proxy), then the profile's region or cdp_endpoint_url.`,
      undefined,
      code,
    );
  }
  return new CatalogError('network', `Cannot reach the CDP API at ${host} (${code || 'connection failed'}). Check the network or proxy and try again.`, undefined, code || undefined);
}
