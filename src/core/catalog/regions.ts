// CDP control plane regions and the API base URL of each.
import { CatalogError } from './types';

export const DEFAULT_CDP_REGION = 'us-west-1';

const endpoints: Record<string, string> = {
  'us-west-1': 'https://api.us-west-1.cdp.cloudera.com',
  'eu-1': 'https://api.eu-1.cdp.cloudera.com',
  'ap-1': 'https://api.ap-1.cdp.cloudera.com',
  'usg-1': 'https://api.usg-1.cdp.clouderagovt.com',
};

export const CDP_REGIONS: readonly string[] = Object.keys(endpoints);

/** The API base URL of a region; `where` names the setting at fault in the error. */
export function endpointForRegion(region: string, where: string): string {
  const endpoint = endpoints[region];
  if (!endpoint) {
    throw new CatalogError(
      'credentials',
      `${where}: cdp_region "${region}" is not a CDP region. Use one of: ${CDP_REGIONS.join(', ')}.`,
    );
  }
  return endpoint;
}
