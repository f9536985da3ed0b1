// CDP control plane regions and the API base URL of each, and cdp_endpoint_url as cdpcli reads it.
import { CatalogError } from './types';

export const DEFAULT_CDP_REGION = 'us-west-1';

/** The prefix of the DataFlow API's host (cdpcli's endpoint prefix for CDP services). */
const CDP_API_PREFIX = 'api';

const endpoints: Record<string, string> = {
  'us-west-1': 'https://api.us-west-1.cdp.cloudera.com',
  'eu-1': 'https://api.eu-1.cdp.cloudera.com',
  'ap-1': 'https://api.ap-1.cdp.cloudera.com',
  'usg-1': 'https://api.usg-1.cdp.clouderagovt.com',
};

export const CDP_REGIONS: readonly string[] = Object.keys(endpoints);

/** The API base URL of a region ("default" is us-west-1, as in cdpcli); `where` names the setting at fault in the error. */
export function endpointForRegion(region: string, where: string): string {
  const endpoint = endpoints[region === 'default' ? DEFAULT_CDP_REGION : region];
  if (!endpoint) {
    throw new CatalogError(
      'credentials',
      `${where}: cdp_region "${region}" is not a CDP region. Use one of: ${CDP_REGIONS.join(', ')}.`,
    );
  }
  return endpoint;
}

/**
 * cdp_endpoint_url as cdpcli/endpoint.py _substitute_custom_endpoint uses it: one "%s" is replaced
 * by the API prefix ("api"); without one the URL is used as it is.
 */
export function customEndpoint(endpointUrl: string, where: string): string {
  const substituted = endpointUrl.split('%s').length === 2 ? endpointUrl.replace('%s', CDP_API_PREFIX) : endpointUrl;
  let url: URL;
  try {
    url = new URL(substituted);
  } catch {
    throw new CatalogError('credentials', `${where}: cdp_endpoint_url "${endpointUrl}" is not a URL. Use e.g. https://%s.us-west-1.cdp.cloudera.com.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new CatalogError('credentials', `${where}: cdp_endpoint_url "${endpointUrl}" is not an http(s) URL.`);
  }
  return substituted.replace(/\/+$/, '');
}

/** The API base URL of a profile: its cdp_endpoint_url when set, else its region's. */
export function cdpEndpoint(region: string, regionWhere: string, endpointUrl?: string, endpointWhere = regionWhere): string {
  return endpointUrl ? customEndpoint(endpointUrl, endpointWhere) : endpointForRegion(region, regionWhere);
}
