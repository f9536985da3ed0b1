// AWS profiles from the shared config and credentials files, classified the way the SDK's
// fromIni resolves them, plus a pseudo-profile for credentials in the environment. Only names and
// settings are kept: never a key, secret, token or credential_process command line.
import { loadSharedConfig, type IniData } from './configFiles';

export const ENVIRONMENT_AWS_PROFILE = '(environment)';

export type AwsProfileKind = 'static' | 'role' | 'sso' | 'process' | 'webIdentity' | 'login' | 'environment' | 'incomplete';

/** The services whose endpoint a profile's `services` section can set, by the SDK's snake-cased service id. */
export type AwsServiceKey = 'lambda' | 'sts' | 'cloudwatch_logs' | 's3' | 'iam' | 'secrets_manager';
export const AWS_SERVICE_KEYS: readonly AwsServiceKey[] = ['lambda', 'sts', 'cloudwatch_logs', 's3', 'iam', 'secrets_manager'];

export interface AwsProfileSummary {
  name: string;
  kind: AwsProfileKind;
  region?: string;
  /** The Lambda endpoint as the SDK would pick it (AWS_ENDPOINT_URL*, the services section, endpoint_url); undefined for AWS's own. */
  endpointUrl?: string;
  /** Set only when services have different endpoints (services section, AWS_ENDPOINT_URL_<SERVICE>); read it through profileEndpoint(). */
  serviceEndpoints?: Partial<Record<AwsServiceKey, string>>;
  mfaSerial?: string;
  sourceProfile?: string;
  /** credential_source of a role profile (Environment, Ec2InstanceMetadata, EcsContainer). */
  credentialSource?: string;
  ssoSession?: string;
  /** Why this profile will not give credentials as written; undefined when it looks usable. */
  problem?: string;
}

/** The endpoint a profile sets for one service, as the SDK would read it; undefined for AWS's own. */
export function profileEndpoint(profile: AwsProfileSummary, service: AwsServiceKey): string | undefined {
  return profile.serviceEndpoints ? profile.serviceEndpoints[service] : profile.endpointUrl;
}

type Section = Record<string, string | undefined>;

function hasEnvironmentCredentials(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY);
}

// The SDK merges a profile's config section with its credentials section, the latter winning.
function mergedProfiles(configFile: IniData, credentialsFile: IniData): Map<string, Section> {
  const profiles = new Map<string, Section>();
  for (const [name, section] of Object.entries(configFile)) {
    if (name.startsWith('sso-session.') || name.startsWith('services.')) continue;
    profiles.set(name, { ...section });
  }
  for (const [name, section] of Object.entries(credentialsFile)) {
    // [profile x] in the credentials file is not a profile the SDK looks up as x.
    if (/^(profile|sso-session|services)\./.test(name)) continue;
    profiles.set(name, { ...profiles.get(name), ...section });
  }
  return profiles;
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isStatic = (data: Section) => isString(data.aws_access_key_id) && isString(data.aws_secret_access_key);
const isRole = (data: Section) => isString(data.role_arn) && isString(data.source_profile) !== isString(data.credential_source);
const isWebIdentity = (data: Section) => isString(data.web_identity_token_file) && isString(data.role_arn);
const isProcess = (data: Section) => isString(data.credential_process);
const isSso = (data: Section) =>
  [data.sso_start_url, data.sso_account_id, data.sso_session, data.sso_region, data.sso_role_name].some(isString);
const isLogin = (data: Section) => isString(data.login_session);
const CREDENTIAL_SOURCES = ['EcsContainer', 'Ec2InstanceMetadata', 'Environment'];

/** Why a source_profile chain will not resolve, following fromIni's rules; undefined when it will. */
function sourceProblem(name: string, profiles: Map<string, Section>, visited: Set<string>): string | undefined {
  const data = profiles.get(name);
  if (!data) return `source_profile "${name}" does not exist`;
  if (visited.has(name)) return `source_profile chain loops back to "${name}"`;
  if (isStatic(data)) return undefined;
  const next = new Set(visited).add(name);
  if (isRole(data)) return isString(data.source_profile) ? sourceProblem(data.source_profile, profiles, next) : credentialSourceProblem(data);
  // A source profile with credential_source and no role_arn gives that source's credentials.
  if (!data.role_arn && isString(data.credential_source)) return credentialSourceProblem(data);
  if (isWebIdentity(data) || isProcess(data) || isSso(data) || isLogin(data)) return undefined;
  return `source_profile "${name}" has no credentials`;
}

function credentialSourceProblem(data: Section): string | undefined {
  return data.credential_source && !CREDENTIAL_SOURCES.includes(data.credential_source)
    ? `credential_source "${data.credential_source}" is not one of ${CREDENTIAL_SOURCES.join(', ')}`
    : undefined;
}

function ssoProblem(data: Section, configFile: IniData): string | undefined {
  if (isString(data.sso_session)) {
    const session = configFile[`sso-session.${data.sso_session}`];
    if (!session) return `sso-session "${data.sso_session}" does not exist`;
    const missing = ['sso_start_url', 'sso_region'].filter((key) => !session[key]);
    if (missing.length) return `sso-session "${data.sso_session}" has no ${missing.join(' or ')}`;
    const missingInProfile = ['sso_account_id', 'sso_role_name'].filter((key) => !data[key]);
    return missingInProfile.length ? `${missingInProfile.join(' and ')} missing` : undefined;
  }
  const missing = ['sso_start_url', 'sso_account_id', 'sso_region', 'sso_role_name'].filter((key) => !data[key]);
  return missing.length ? `${missing.join(', ')} missing` : undefined;
}

function classify(name: string, data: Section, profiles: Map<string, Section>, configFile: IniData): Pick<AwsProfileSummary, 'kind' | 'problem'> {
  if (isRole(data)) {
    const problem = isString(data.source_profile)
      ? sourceProblem(data.source_profile, profiles, new Set([name]))
      : credentialSourceProblem(data);
    return { kind: 'role', problem };
  }
  if (isString(data.role_arn) && isString(data.source_profile) && isString(data.credential_source)) {
    return { kind: 'incomplete', problem: 'role_arn needs source_profile or credential_source, not both' };
  }
  if (isStatic(data)) return { kind: 'static' };
  if (isWebIdentity(data)) return { kind: 'webIdentity' };
  if (isProcess(data)) return { kind: 'process' };
  if (isSso(data)) return { kind: 'sso', problem: ssoProblem(data, configFile) };
  if (isLogin(data)) return { kind: 'login' };
  if (isString(data.aws_access_key_id)) return { kind: 'incomplete', problem: 'aws_secret_access_key is missing' };
  if (isString(data.role_arn)) return { kind: 'incomplete', problem: 'role_arn needs source_profile or credential_source' };
  return { kind: 'incomplete', problem: 'no credentials in this profile' };
}

const ENV_SERVICE_SUFFIX: Record<AwsServiceKey, string> = {
  lambda: 'LAMBDA',
  sts: 'STS',
  cloudwatch_logs: 'CLOUDWATCH_LOGS',
  s3: 'S3',
  iam: 'IAM',
  secrets_manager: 'SECRETS_MANAGER',
};

/**
 * Each service's endpoint in the SDK's order: AWS_ENDPOINT_URL_<SERVICE>, AWS_ENDPOINT_URL, the
 * profile's services section, the profile's endpoint_url; none when
 * AWS_IGNORE_CONFIGURED_ENDPOINT_URLS or ignore_configured_endpoint_urls is true.
 */
function endpoints(data: Section, configFile: IniData, env: NodeJS.ProcessEnv): Pick<AwsProfileSummary, 'endpointUrl' | 'serviceEndpoints' | 'problem'> {
  if (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS === 'true' || data.ignore_configured_endpoint_urls === 'true') return {};
  const services = data.services ? configFile[`services.${data.services}`] : undefined;
  const problem = data.services && !services ? `services section "${data.services}" does not exist` : undefined;
  const byService: Partial<Record<AwsServiceKey, string>> = {};
  for (const key of AWS_SERVICE_KEYS) {
    const url = env[`AWS_ENDPOINT_URL_${ENV_SERVICE_SUFFIX[key]}`] || env.AWS_ENDPOINT_URL || services?.[`${key}.endpoint_url`] || data.endpoint_url;
    if (url) byService[key] = url;
  }
  const urls = AWS_SERVICE_KEYS.map((key) => byService[key]);
  // One endpoint for every service is the common case; keep the map only when services differ.
  const uniform = urls.every((url) => url === urls[0]);
  return { endpointUrl: byService.lambda, serviceEndpoints: uniform ? undefined : byService, problem };
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function environmentProfile(env: NodeJS.ProcessEnv): AwsProfileSummary {
  const endpoint = endpoints({}, {}, env);
  return withoutUndefined<AwsProfileSummary>({
    name: ENVIRONMENT_AWS_PROFILE,
    kind: 'environment',
    region: env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined,
    endpointUrl: endpoint.endpointUrl,
    serviceEndpoints: endpoint.serviceEndpoints,
  });
}

function byName(a: AwsProfileSummary, b: AwsProfileSummary): number {
  if (a.name === 'default') return -1;
  if (b.name === 'default') return 1;
  return a.name.localeCompare(b.name);
}

/**
 * Profiles of the shared config and credentials files ('default' first, then by name), then the
 * environment pseudo-profile when AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are set.
 * Throws AwsConfigError when a file exists but cannot be read or is not an INI file.
 */
export async function listAwsProfiles(env: NodeJS.ProcessEnv = process.env): Promise<AwsProfileSummary[]> {
  const { configFile, credentialsFile } = await loadSharedConfig(env);
  const profiles = mergedProfiles(configFile, credentialsFile);
  const summaries = [...profiles].map(([name, data]) => {
    const { kind, problem } = classify(name, data, profiles, configFile);
    const endpoint = endpoints(data, configFile, env);
    return withoutUndefined<AwsProfileSummary>({
      name,
      kind,
      region: data.region || undefined,
      endpointUrl: endpoint.endpointUrl,
      serviceEndpoints: endpoint.serviceEndpoints,
      mfaSerial: data.mfa_serial || undefined,
      sourceProfile: kind === 'role' ? data.source_profile : undefined,
      credentialSource: kind === 'role' ? data.credential_source : undefined,
      ssoSession: kind === 'sso' ? data.sso_session : undefined,
      problem: problem ?? endpoint.problem,
    });
  });
  summaries.sort(byName);
  if (hasEnvironmentCredentials(env)) summaries.push(environmentProfile(env));
  return summaries;
}

export interface DefaultProfileContext {
  /** The profile the user chose last time (e.g. kept in VS Code's global state). */
  remembered?: string;
  /** The AWS Toolkit's `aws.profile` setting, e.g. 'profile:dev'; other credential kinds are ignored. */
  toolkitProfile?: string;
  env: NodeJS.ProcessEnv;
  profiles: AwsProfileSummary[];
}

/** The profile to start with: remembered, AWS Toolkit's, AWS_PROFILE, 'default', then the environment's credentials. */
export function defaultAwsProfileName(context: DefaultProfileContext): string | undefined {
  const exists = (name: string | undefined): name is string => Boolean(name) && context.profiles.some((profile) => profile.name === name);
  const toolkit = context.toolkitProfile?.startsWith('profile:') ? context.toolkitProfile.slice('profile:'.length) : undefined;
  const candidates = [context.remembered, toolkit, context.env.AWS_PROFILE, 'default'];
  const found = candidates.find(exists);
  if (found) return found;
  return hasEnvironmentCredentials(context.env) && exists(ENVIRONMENT_AWS_PROFILE) ? ENVIRONMENT_AWS_PROFILE : undefined;
}
