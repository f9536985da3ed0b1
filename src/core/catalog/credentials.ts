// CDP profiles from ~/.cdp/credentials, ~/.cdp/config and the environment, read by cdpcli's rules:
// - the profile: the one asked for, else CDP_DEFAULT_PROFILE, else CDP_PROFILE, else "default"
//   (cdpcli/client.py Context.CONTEXT_VARIABLES['profile'], effective_profile);
// - the key: CDP_ACCESS_KEY_ID/CDP_PRIVATE_KEY unless a profile was asked for explicitly, else the
//   credentials file's section (cdpcli/credentials.py create_credential_resolver, EnvProvider.load,
//   SharedCredentialProvider.load);
// - region, endpoint and CA bundle: the profile's settings from the config file ([default] or
//   [profile name]) with the credentials file's values over them, even when the key comes from the
//   environment (cdpcli/client.py Context.full_config, get_scoped_config; configloader.py
//   build_profile_map).
import { statSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { readIniFile, type IniSections } from './iniFile';
import { parsePrivateKey } from './privateKey';
import { cdpEndpoint, DEFAULT_CDP_REGION } from './regions';
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
  /** Where a relative CDP_PRIVATE_KEY or CA bundle path is found (default: the process's). */
  cwd?: string;
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
  /** The config file's profiles by name: [default] and [profile name] sections only. */
  configProfiles: IniSections;
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
    configProfiles: profileMap(readIniFile(configPath, tilde(configPath, context.homeDir)) ?? {}),
    credentialsFileExists: credentials !== undefined,
  };
}

/** Splits as Python's shlex.split does for section names; undefined where it would raise. */
function shellWords(text: string): string[] | undefined {
  const words: string[] = [];
  let word: string | undefined;
  for (let at = 0; at < text.length; at++) {
    const char = text[at];
    if (/\s/.test(char)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (char === "'") {
      const end = text.indexOf("'", at + 1);
      if (end < 0) return undefined;
      word = (word ?? '') + text.slice(at + 1, end);
      at = end;
    } else if (char === '"') {
      let value = '';
      for (at++; at < text.length && text[at] !== '"'; at++) {
        if (text[at] === '\\' && (text[at + 1] === '"' || text[at + 1] === '\\')) at++;
        value += text[at];
      }
      if (at >= text.length) return undefined;
      word = (word ?? '') + value;
    } else if (char === '\\' && at + 1 < text.length) {
      word = (word ?? '') + text[++at];
    } else {
      word = (word ?? '') + char;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

/** cdpcli/configloader.py build_profile_map: [default] and [profile name] (name may be quoted) are profiles; other sections are not. */
function profileMap(config: IniSections): IniSections {
  const profiles: IniSections = {};
  for (const [section, values] of Object.entries(config)) {
    if (section.startsWith('profile')) {
      const words = shellWords(section);
      if (words?.length === 2) profiles[words[1]] = values;
    } else if (section === 'default') {
      profiles.default = values;
    }
  }
  return profiles;
}

/** The profile's settings: the config file's, with the credentials file's over them (cdpcli/client.py Context.full_config). */
function scopedSettings(name: string, files: Files): Record<string, string> | undefined {
  const config = files.configProfiles[name];
  const credentials = files.credentials[name];
  if (!config && !credentials) return undefined;
  return { ...config, ...credentials };
}

function hasEnvKey(env: CredentialsContext['env']): boolean {
  return Boolean(env.CDP_ACCESS_KEY_ID);
}

/** The profile named by the environment: CDP_DEFAULT_PROFILE, then CDP_PROFILE (cdpcli/client.py CONTEXT_VARIABLES['profile']). */
function environmentProfileName(env: CredentialsContext['env']): string | undefined {
  return env.CDP_DEFAULT_PROFILE || env.CDP_PROFILE || undefined;
}

/** The profile used when none is asked for: an access key in the environment, else CDP_DEFAULT_PROFILE, CDP_PROFILE or 'default'. */
export function defaultCdpProfileName(env: CredentialsContext['env']): string {
  if (hasEnvKey(env)) return ENVIRONMENT_PROFILE;
  return environmentProfileName(env) ?? 'default';
}

interface Location {
  region: string;
  endpointUrl?: string;
  /** Where the region was set, for the error about an unknown one. */
  regionWhere: string;
  /** Where the endpoint was set, for the error about an invalid one. */
  endpointWhere?: string;
  caBundle?: string;
  caBundleWhere?: string;
}

/** The extra key's own region and endpoint win over what the files and environment say. */
function profileLocation(name: string, files: Files, context: CredentialsContext): Location {
  const fromFiles = regionAndEndpoint(name, files, context.env);
  const extra = context.extraKeys?.[name];
  if (!extra?.region && !extra?.endpointUrl) return fromFiles;
  const source = extra.source ?? EXTRA_KEY_SOURCE;
  const region = extra.region || fromFiles.region;
  const regionWhere = extra.region ? `${source}, profile [${name}]` : fromFiles.regionWhere;
  // A region given with the key points at that region's API, not at an endpoint the files name for another.
  const endpointUrl = extra.endpointUrl || (extra.region ? undefined : fromFiles.endpointUrl);
  const endpointWhere = extra.endpointUrl ? `${source}, profile [${name}]` : fromFiles.endpointWhere;
  return { ...fromFiles, region, regionWhere, endpointUrl, endpointWhere };
}

/**
 * cdpcli/endpoint.py EndpointResolver.resolve for a CDP service: cdp_endpoint_url when set (never
 * endpoint_url, which is for Altus services), else the region's API (CDP_REGION standing in for
 * cdp's --cdp-region, then cdp_region, then us-west-1). CDP_CA_BUNDLE wins over ca_bundle.
 */
function regionAndEndpoint(name: string, files: Files, env: CredentialsContext['env']): Location {
  const settings = scopedSettings(name, files) ?? {};
  const settingWhere = (key: string): string =>
    files.credentials[name]?.[key] !== undefined ? `${files.credentialsPath}, profile [${name}]` : `${files.configPath}, profile [${name}]`;
  let region = DEFAULT_CDP_REGION;
  let regionWhere = 'default region';
  if (env.CDP_REGION) {
    region = env.CDP_REGION;
    regionWhere = 'environment variable CDP_REGION';
  } else if (settings.cdp_region) {
    region = settings.cdp_region;
    regionWhere = settingWhere('cdp_region');
  }
  // cdpcli/endpoint.py _construct_cdp_endpoint: the region "default" is us-west-1.
  if (region === 'default') region = DEFAULT_CDP_REGION;
  const location: Location = { region, regionWhere };
  if (settings.cdp_endpoint_url) {
    location.endpointUrl = settings.cdp_endpoint_url;
    location.endpointWhere = settingWhere('cdp_endpoint_url');
  }
  if (env.CDP_CA_BUNDLE) {
    location.caBundle = env.CDP_CA_BUNDLE;
    location.caBundleWhere = 'environment variable CDP_CA_BUNDLE';
  } else if (settings.ca_bundle) {
    location.caBundle = settings.ca_bundle;
    location.caBundleWhere = settingWhere('ca_bundle');
  }
  return location;
}

function endpointOf(location: Location): string {
  return cdpEndpoint(location.region, location.regionWhere, location.endpointUrl, location.endpointWhere);
}

function shownEndpoint(location: Location): string | undefined {
  if (!location.endpointUrl) return undefined;
  try {
    return endpointOf(location);
  } catch {
    return location.endpointUrl;
  }
}

export function listCdpProfiles(context: CredentialsContext): CdpProfileSummary[] {
  const files = readFiles(context);
  const names = new Set<string>([...Object.keys(files.credentials), ...Object.keys(files.configProfiles), ...Object.keys(context.extraKeys ?? {})]);
  const profiles: CdpProfileSummary[] = [];
  if (hasEnvKey(context.env)) {
    const location = profileLocation(environmentProfileName(context.env) ?? 'default', files, { ...context, extraKeys: {} });
    const endpointUrl = shownEndpoint(location);
    profiles.push({ name: ENVIRONMENT_PROFILE, region: location.region, ...(endpointUrl ? { endpointUrl } : {}), source: 'environment', hasKey: true });
  }
  for (const name of [...names].sort()) {
    const location = profileLocation(name, files, context);
    const endpointUrl = shownEndpoint(location);
    const extra = context.extraKeys?.[name];
    const fileKey = files.credentials[name]?.cdp_access_key_id && files.credentials[name]?.cdp_private_key;
    const source = extra ? (extra.source ?? EXTRA_KEY_SOURCE) : fileKey ? files.credentialsPath : files.configPath;
    profiles.push({ name, region: location.region, ...(endpointUrl ? { endpointUrl } : {}), source, hasKey: Boolean(extra || fileKey) });
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

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * CDP_PRIVATE_KEY is first taken as the path of a file holding the key, and only when no such file
 * exists as the key itself (cdpcli/credentials.py EnvProvider.load). The value is never shown: it may be a key.
 */
function environmentKey(context: CredentialsContext): CdpAccessKey {
  const { CDP_ACCESS_KEY_ID: accessKeyId, CDP_PRIVATE_KEY: value } = context.env;
  if (!accessKeyId) {
    throw new CatalogError('credentials', 'environment: CDP_ACCESS_KEY_ID is not set. Set CDP_ACCESS_KEY_ID and CDP_PRIVATE_KEY, or pick a profile from the credentials file.');
  }
  if (value) {
    const path = isAbsolute(value) ? value : resolve(context.cwd ?? process.cwd(), value);
    if (value.length < 4096 && !value.includes('\n') && isFile(path)) {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (error) {
        throw new CatalogError('credentials', `environment: cannot read the private key file CDP_PRIVATE_KEY names (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
      }
      return checkedKey(accessKeyId, text, `environment (CDP_PRIVATE_KEY file ${tilde(path, context.homeDir)})`, 'CDP_ACCESS_KEY_ID', 'the key in that file');
    }
    if (!parsePrivateKey(value)) {
      throw new CatalogError(
        'credentials',
        'environment: CDP_PRIVATE_KEY is neither the path of a file that exists nor a private key (an Ed25519 seed or a PEM key). Check the path, or copy the key again from the CDP console.',
      );
    }
  }
  return checkedKey(accessKeyId, value, 'environment', 'CDP_ACCESS_KEY_ID', 'CDP_PRIVATE_KEY');
}

function profileNotFound(name: string, files: Files, why: string): CatalogError {
  const known = [...new Set([...Object.keys(files.credentials), ...Object.keys(files.configProfiles)])];
  const hint = known.length ? ` Profiles there: ${known.join(', ')}.` : '';
  return new CatalogError('credentials', `There is no CDP profile [${name}] (${why}) in ${files.credentialsPath} or ${files.configPath}.${hint} Run "cdp configure --profile ${name}", or unset it.`);
}

/** The named profile (or the default one) with its key, region, endpoint and CA bundle. */
export function loadCdpProfile(name: string | undefined, context: CredentialsContext): CdpProfile {
  const files = readFiles(context);
  const fromEnvironment = name === ENVIRONMENT_PROFILE || (!name && hasEnvKey(context.env));
  const settingsName = fromEnvironment ? environmentProfileName(context.env) : name || environmentProfileName(context.env);
  // A profile that was named (and not only the default) must exist somewhere (cdpcli/client.py get_scoped_config raises ProfileNotFound).
  if (fromEnvironment && settingsName && !scopedSettings(settingsName, files)) {
    throw profileNotFound(settingsName, files, context.env.CDP_DEFAULT_PROFILE ? 'CDP_DEFAULT_PROFILE' : 'CDP_PROFILE');
  }
  const profileName = fromEnvironment ? ENVIRONMENT_PROFILE : settingsName || 'default';
  const locationName = settingsName || 'default';
  const location = profileLocation(locationName, files, fromEnvironment ? { ...context, extraKeys: {} } : context);
  const endpointUrl = endpointOf(location);
  const caBundle = location.caBundle ? resolve(context.cwd ?? process.cwd(), expandHome(location.caBundle, context.homeDir)) : undefined;
  const extra = fromEnvironment ? undefined : context.extraKeys?.[profileName];
  let key: CdpAccessKey;
  if (fromEnvironment) {
    key = environmentKey(context);
  } else if (extra) {
    key = checkedKey(extra.accessKeyId, extra.privateKey, extra.source ?? `${EXTRA_KEY_SOURCE}, profile [${profileName}]`, 'access key ID', 'private key');
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
  return {
    name: profileName,
    region: location.region,
    endpointUrl,
    key,
    ...(caBundle ? { caBundle: { path: caBundle, where: location.caBundleWhere ?? 'ca_bundle' } } : {}),
  };
}
