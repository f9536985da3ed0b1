// Credentials for a profile, through the SDK's own providers only: this code never reads or keeps a secret.
import { fromEnv, fromIni, fromNodeProviderChain, fromSSO } from '@aws-sdk/credential-providers';
import { memoize } from '@smithy/core/config';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { awsConfigPaths } from './configFiles';
import { ENVIRONMENT_AWS_PROFILE, profileEndpoint, type AwsProfileSummary } from './profiles';

export interface CredentialProviderOptions {
  /** Where the shared files are (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE, HOME); default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Asked for the current code of the MFA device when a role profile has mfa_serial. */
  mfaCodeProvider?: (serial: string) => Promise<string>;
  /** Region of the STS client that assumes roles, when the profile names none. */
  region?: string;
  /** STS endpoint for assuming roles when it is not the profile's own (e.g. a connection's endpoint override). */
  endpointUrl?: string;
}

const REFRESH_BEFORE_MS = 5 * 60_000;

// Every client of a factory shares one provider; memoizing it here means one AssumeRole (and one
// MFA prompt) for all of them instead of one per client. The SDK refreshes on expiry the same way.
function shared(provider: AwsCredentialIdentityProvider): AwsCredentialIdentityProvider {
  return memoize(
    provider,
    (credentials: AwsCredentialIdentity) => credentials.expiration !== undefined && credentials.expiration.getTime() - Date.now() < REFRESH_BEFORE_MS,
    (credentials: AwsCredentialIdentity) => credentials.expiration !== undefined,
  );
}

/**
 * The credentials of a profile: fromIni for file profiles (role chains, mfa_serial,
 * credential_process, sso and sso-session, web identity), fromEnv for the environment
 * pseudo-profile, and the SDK's default chain when there is no profile at all (a machine with
 * only an instance role or container credentials).
 */
export function credentialProvider(profile: AwsProfileSummary | undefined, options: CredentialProviderOptions = {}): AwsCredentialIdentityProvider {
  if (!profile) return shared(fromNodeProviderChain({ mfaCodeProvider: options.mfaCodeProvider, ignoreCache: true }));
  if (profile.kind === 'environment' || profile.name === ENVIRONMENT_AWS_PROFILE) return shared(fromEnv());
  const paths = awsConfigPaths(options.env ?? process.env);
  const endpoint = options.endpointUrl ?? profileEndpoint(profile, 'sts');
  const region = profile.region ?? options.region;
  const clientConfig = endpoint || region ? { ...(endpoint ? { endpoint } : {}), ...(region ? { region } : {}) } : undefined;
  // fromIni hands an SSO profile to fromSSO without the file paths, so fromSSO would read the files
  // process.env names, not the ones given here; an SSO profile goes to fromSSO directly.
  if (profile.kind === 'sso') {
    return shared(fromSSO({ profile: profile.name, filepath: paths.credentialsFile, configFilepath: paths.configFile, ignoreCache: true }));
  }
  return shared(
    fromIni({
      profile: profile.name,
      filepath: paths.credentialsFile,
      configFilepath: paths.configFile,
      mfaCodeProvider: options.mfaCodeProvider,
      ignoreCache: true,
      clientConfig,
    }),
  );
}
