// Where a profile's CDP IAM calls go, by cdpcli's rules for the iam service (cdpcli/endpoint.py
// EndpointResolver.resolve, cdpcli/model.py ServiceModel): iam.yaml says `x-products: ALTUS,CDP`, so
// it is not a CDP-only service and its base URL comes from the Altus branch: the profile's
// `endpoint_url` (one "%s" becomes the service name "iam"), never `cdp_endpoint_url`; without one,
// https://iamapi.us-west-1.altus.cloudera.com for us-west-1 (and "default"), the region's
// api.<region>.cdp.cloudera.com elsewhere, api.usg-1.cdp.clouderagovt.com for usg-1. The paths come
// from iam.yaml: /iam/<operation>.
import { join } from 'node:path';
import type { CredentialsContext } from './credentials';
import { ENVIRONMENT_PROFILE } from './credentials';
import { readIniFile } from './iniFile';
import { DEFAULT_CDP_REGION, endpointForRegion } from './regions';
import { CatalogError, type CdpProfile } from './types';

/** iam.yaml's x-endpoint-name: what one "%s" in endpoint_url becomes. */
const IAM_SERVICE_NAME = 'iam';

/** An endpoint_url setting and where it was read, for messages. */
export interface EndpointSetting {
  value: string;
  where: string;
}

/** The base URL of CDP IAM for a control-plane region, without an endpoint_url. */
export function defaultIamEndpoint(region: string, where = 'cdp_region'): string {
  const name = region === 'default' ? DEFAULT_CDP_REGION : region;
  // Checks the region is one of CDP's, with the same message as the catalog's endpoint.
  endpointForRegion(name, where);
  if (name === 'us-west-1') return 'https://iamapi.us-west-1.altus.cloudera.com';
  if (name === 'usg-1') return 'https://api.usg-1.cdp.clouderagovt.com';
  return `https://api.${name}.cdp.cloudera.com`;
}

/** endpoint_url as cdpcli/endpoint.py _substitute_custom_endpoint applies it to an Altus service. */
export function customIamEndpoint(setting: EndpointSetting): string {
  const substituted = setting.value.split('%s').length === 2 ? setting.value.replace('%s', IAM_SERVICE_NAME) : setting.value;
  let url: URL;
  try {
    url = new URL(substituted);
  } catch {
    throw new CatalogError('credentials', `${setting.where}: endpoint_url "${setting.value}" is not a URL. Use e.g. https://%sapi.us-west-1.altus.cloudera.com, or remove it.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new CatalogError('credentials', `${setting.where}: endpoint_url "${setting.value}" is not an http(s) URL.`);
  }
  return substituted.replace(/\/+$/, '');
}

/** The IAM base URL of a loaded profile: its endpoint_url when set, else its region's. */
export function iamEndpoint(profile: Pick<CdpProfile, 'region'>, setting?: EndpointSetting): string {
  return setting ? customIamEndpoint(setting) : defaultIamEndpoint(profile.region);
}

function expandHome(path: string, homeDir: string): string {
  return path === '~' || path.startsWith('~/') ? join(homeDir, path.slice(1)) : path;
}

/** "profile name" or "profile 'name'" as the config file names a profile section. */
function configSectionName(section: string): string | undefined {
  if (section === 'default') return 'default';
  const match = /^profile\s+(.+)$/.exec(section.trim());
  if (!match) return undefined;
  const name = match[1].trim();
  return /^(['"]).*\1$/.test(name) ? name.slice(1, -1) : name;
}

/**
 * The endpoint_url of the profile `profileName` (as loadCdpProfile named it): the credentials
 * file's value over the config file's, as cdpcli/client.py Context.full_config merges them. The
 * environment key's settings are those of CDP_DEFAULT_PROFILE, CDP_PROFILE or "default".
 */
export function readIamEndpointSetting(profileName: string, context: CredentialsContext): EndpointSetting | undefined {
  const { env, homeDir } = context;
  const name = profileName === ENVIRONMENT_PROFILE ? env.CDP_DEFAULT_PROFILE || env.CDP_PROFILE || 'default' : profileName;
  const credentialsPath = expandHome(env.CDP_SHARED_CREDENTIALS_FILE || join(homeDir, '.cdp', 'credentials'), homeDir);
  const configPath = expandHome(env.CDP_CONFIG_FILE || join(homeDir, '.cdp', 'config'), homeDir);
  const fromCredentials = readIniFile(credentialsPath, credentialsPath)?.[name]?.endpoint_url;
  if (fromCredentials) return { value: fromCredentials, where: `${credentialsPath}, profile [${name}]` };
  const config = readIniFile(configPath, configPath) ?? {};
  for (const [section, values] of Object.entries(config)) {
    if (configSectionName(section) === name && values.endpoint_url) return { value: values.endpoint_url, where: `${configPath}, profile [${name}]` };
  }
  return undefined;
}
