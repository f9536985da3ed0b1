// CDP profiles from ~/.cdp/credentials, ~/.cdp/config and the environment, as cdpcli reads them.
import { join } from 'node:path';
import { readIniFile, type IniSections } from './iniFile';
import { parsePrivateKey } from './privateKey';
import { DEFAULT_CDP_REGION, endpointForRegion } from './regions';
import { CatalogError, type CdpAccessKey, type CdpProfile } from './types';

export const ENVIRONMENT_PROFILE = 'environment';

/** A key kept outside the CDP files (VS Code SecretStorage), with where it was made for. */
export interface ExtraKey extends Omit<CdpAccessKey, 'source'> {
  /** Shown as where the key comes from; default 'VS Code secret storage'. */
  source?: string;
  /** Wins over CDP_REGION and the files for this profile; the endpoint is then this region's unless endpointUrl is given. */
  region?: string;
  /** Wins over the files for this profile. */
  endpointUrl?: string;
}

export interface CredentialsContext {
  env: Record<string, string | undefined>;
  homeDir: string;
  /** Keys kept elsewhere (VS Code SecretStorage), by profile name; they win over the files. */
  extraKeys?: Record<string, ExtraKey>;
}

const EXTRA_KEY_SOURCE = 'VS Code secret storage';

/** A profile as listed for the user: never holds the key. */
export interface CdpProfileSummary {
  name: string;
  region: string;
  endpointUrl?: string;
  /** Where the access key comes from: a file path, 'environment' or the extra key's source. */
  source: string;
  hasKey: boolean;
}

interface Files {
  credentialsPath: string;
  configPath: string;
  credentials: IniSections;
  config: IniSections;
  /** False when there is no credentials file at all (as before the first "cdp configure"). */
  credentialsFileExists: boolean;
}

function tilde(path: string, homeDir: string): string {
  return homeDir && path.startsWith(homeDir + '/') ? `~${path.slice(homeDir.length)}` : path;
}

function expandHome(path: string, homeDir: string): string {
  return path === '~' || path.startsWith('~/') ? join(homeDir, path.slice(1)) : path;
}

function readFiles(context: CredentialsContext): Files {
  const credentialsPath = expandHome(context.env.CDP_SHARED_CREDENTIALS_FILE || join(context.homeDir, '.cdp', 'credentials'), context.homeDir);
  const configPath = expandHome(context.env.CDP_CONFIG_FILE || join(context.homeDir, '.cdp', 'config'), context.homeDir);
  const credentials = readIniFile(credentialsPath, tilde(credentialsPath, context.homeDir));
  return {
    credentialsPath: tilde(credentialsPath, context.homeDir),
    configPath: tilde(configPath, context.homeDir),
    credentials: credentials ?? {},
    config: readIniFile(configPath, tilde(configPath, context.homeDir)) ?? {},
    credentialsFileExists: credentials !== undefined,
  };
}

/** Config sections may be written [name] or [profile name]. */
function configSection(config: IniSections, name: string): Record<string, string> | undefined {
  return config[`profile ${name}`] ?? config[name];
}

function configNames(config: IniSections): string[] {
  return Object.keys(config).map((section) => section.replace(/^profile\s+/, ''));
}

function hasEnvKey(env: CredentialsContext['env']): boolean {
  return Boolean(env.CDP_ACCESS_KEY_ID && env.CDP_PRIVATE_KEY);
}

/** The profile used when none is named: CDP_PROFILE, then an access key in the environment, then CDP_DEFAULT_PROFILE or 'default'. */
export function defaultCdpProfileName(env: CredentialsContext['env']): string {
  if (env.CDP_PROFILE) return env.CDP_PROFILE;
  if (hasEnvKey(env)) return ENVIRONMENT_PROFILE;
  return env.CDP_DEFAULT_PROFILE || 'default';
}

interface Location {
  region: string;
  endpointUrl?: string;
  /** Where the region was set, for the error about an unknown one. */
  regionWhere: string;
}

/** The extra key's own region and endpoint win over what the files and environment say. */
function profileLocation(name: string, files: Files, context: CredentialsContext): Location {
  const fromFiles = regionAndEndpoint(name, files, context.env);
  const extra = context.extraKeys?.[name];
  if (!extra?.region && !extra?.endpointUrl) return fromFiles;
  const region = extra.region || fromFiles.region;
  const regionWhere = extra.region ? `${extra.source ?? EXTRA_KEY_SOURCE}, profile [${name}]` : fromFiles.regionWhere;
  // A region given with the key points at that region's API, not at an endpoint the files name for another.
  const endpointUrl = extra.endpointUrl?.replace(/\/+$/, '') || (extra.region ? undefined : fromFiles.endpointUrl);
  return { region, regionWhere, ...(endpointUrl ? { endpointUrl } : {}) };
}

function regionAndEndpoint(name: string, files: Files, env: CredentialsContext['env']): Location {
  const credentials = files.credentials[name] ?? {};
  const config = configSection(files.config, name) ?? {};
  let region = DEFAULT_CDP_REGION;
  let regionWhere = 'default region';
  if (env.CDP_REGION) {
    region = env.CDP_REGION;
    regionWhere = 'environment variable CDP_REGION';
  } else if (credentials.cdp_region) {
    region = credentials.cdp_region;
    regionWhere = `${files.credentialsPath}, profile [${name}]`;
  } else if (config.cdp_region) {
    region = config.cdp_region;
    regionWhere = `${files.configPath}, profile [${name}]`;
  }
  const endpointUrl = config.cdp_endpoint_url || config.endpoint_url || credentials.cdp_endpoint_url || credentials.endpoint_url || undefined;
  return { region, endpointUrl: endpointUrl?.replace(/\/+$/, ''), regionWhere };
}

export function listCdpProfiles(context: CredentialsContext): CdpProfileSummary[] {
  const files = readFiles(context);
  const names = new Set<string>([...Object.keys(files.credentials), ...configNames(files.config), ...Object.keys(context.extraKeys ?? {})]);
  const profiles: CdpProfileSummary[] = [];
  if (hasEnvKey(context.env)) {
    profiles.push({ name: ENVIRONMENT_PROFILE, region: context.env.CDP_REGION || DEFAULT_CDP_REGION, source: 'environment', hasKey: true });
  }
  for (const name of [...names].sort()) {
    const { region, endpointUrl } = profileLocation(name, files, context);
    const extra = context.extraKeys?.[name];
    const fileKey = files.credentials[name]?.cdp_access_key_id && files.credentials[name]?.cdp_private_key;
    const source = extra ? (extra.source ?? EXTRA_KEY_SOURCE) : fileKey ? files.credentialsPath : files.configPath;
    profiles.push({ name, region, ...(endpointUrl ? { endpointUrl } : {}), source, hasKey: Boolean(extra || fileKey) });
  }
  return profiles;
}

function checkedKey(accessKeyId: string | undefined, privateKey: string | undefined, where: string, idName: string, keyName: string): CdpAccessKey {
  if (!accessKeyId) throw new CatalogError('credentials', `${where}: ${idName} is missing. Add the access key ID of a CDP access key.`);
  if (!privateKey) throw new CatalogError('credentials', `${where}: ${keyName} is missing. Add the private key of access key ${accessKeyId}.`);
  if (!parsePrivateKey(privateKey)) {
    throw new CatalogError(
      'credentials',
      `${where}: ${keyName} is not an Ed25519 seed or a PEM key. Copy the private key again from the CDP console (a PEM key may be on one line with \\n between lines).`,
    );
  }
  return { accessKeyId, privateKey, source: where };
}

/** The named profile (or the default one) with its key, region and endpoint. */
export function loadCdpProfile(name: string | undefined, context: CredentialsContext): CdpProfile {
  const profileName = name || defaultCdpProfileName(context.env);
  const files = readFiles(context);
  const { region, endpointUrl, regionWhere } = profileLocation(profileName, files, context);
  const endpoint = endpointUrl ?? endpointForRegion(region, regionWhere);
  const extra = context.extraKeys?.[profileName];
  let key: CdpAccessKey;
  if (extra) {
    key = checkedKey(extra.accessKeyId, extra.privateKey, extra.source ?? `${EXTRA_KEY_SOURCE}, profile [${profileName}]`, 'access key ID', 'private key');
  } else if (profileName === ENVIRONMENT_PROFILE) {
    key = checkedKey(context.env.CDP_ACCESS_KEY_ID, context.env.CDP_PRIVATE_KEY, 'environment', 'CDP_ACCESS_KEY_ID', 'CDP_PRIVATE_KEY');
  } else {
    const section = files.credentials[profileName];
    if (!section && !files.credentialsFileExists) {
      const configure = profileName === 'default' ? 'cdp configure' : `cdp configure --profile ${profileName}`;
      throw new CatalogError(
        'credentials',
        `There is no CDP credentials file (${files.credentialsPath} does not exist). Create it with "${configure}", or set CDP_ACCESS_KEY_ID and CDP_PRIVATE_KEY to use an access key without a file.`,
      );
    }
    if (!section) {
      const known = Object.keys(files.credentials);
      const hint = known.length
        ? `Profiles there: ${known.join(', ')}. Pick one of them or run "cdp configure --profile ${profileName}".`
        : `Run "cdp configure --profile ${profileName}", or set CDP_ACCESS_KEY_ID and CDP_PRIVATE_KEY.`;
      throw new CatalogError('credentials', `${files.credentialsPath} has no profile [${profileName}]. ${hint}`);
    }
    const where = `${files.credentialsPath}, profile [${profileName}]`;
    key = checkedKey(section.cdp_access_key_id, section.cdp_private_key, where, 'cdp_access_key_id', 'cdp_private_key');
  }
  return { name: profileName, region, endpointUrl: endpoint, key };
}
