// Opening the AWS connection for a command: the profile (--profile, else the default order of the
// core), the region, the credentials and one client factory. Files and variables come from io.env.
import type { CliIo } from '../io';
import { EXIT_CANNOT_RUN } from '../io';
import type { AwsTargetOptions } from './args';
import { loadAwsEngine, type AwsEngineModule } from './loadEngine';

type Engine = AwsEngineModule;
export type AwsProfileSummary = Awaited<ReturnType<Engine['listAwsProfiles']>>[number];
export type AwsClientFactory = InstanceType<Engine['AwsClientFactory']>;

/** A problem the CLI itself reports in one line, with the exit code it means. */
export class CliProblem extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_CANNOT_RUN,
  ) {
    super(message);
  }
}

export interface AwsCliDeps {
  /** Cancels the running command (tests; a caller that owns Ctrl-C). */
  signal?: AbortSignal;
  /** SDK attempts per call (tests lower it so an injected throttle fails fast). */
  maxAttempts?: number;
  /** Waits between polls and retries (tests make them instant). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** The clock (tests pin it). */
  now?: () => number;
}

export interface AwsSession {
  engine: Engine;
  profile: AwsProfileSummary;
  region: string;
  /** Makes each client on first use; destroyed when the command ends. */
  factory: AwsClientFactory;
}

export async function openAwsSession(options: AwsTargetOptions, io: CliIo, deps: AwsCliDeps): Promise<AwsSession> {
  const engine = await loadAwsEngine();
  const profile = await chooseProfile(engine, options.profile, io.env);
  const region = options.region ?? io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION ?? profile.region;
  if (!region) {
    throw new CliProblem(`No AWS region: profile ${profile.name} sets none. Pass --region <region>, set AWS_REGION, or add "region = ..." to the profile.`);
  }
  const credentials = engine.credentialProvider(profile, { env: io.env, region });
  // The factory takes each service's endpoint_url from the profile itself (its services section too).
  const factory = new engine.AwsClientFactory({ profile, region, credentials }, deps.maxAttempts === undefined ? {} : { maxAttempts: deps.maxAttempts });
  return { engine, profile, region, factory };
}

async function chooseProfile(engine: Engine, requested: string | undefined, env: NodeJS.ProcessEnv): Promise<AwsProfileSummary> {
  let profiles: AwsProfileSummary[];
  try {
    profiles = await engine.listAwsProfiles(env);
  } catch (error) {
    if (error instanceof engine.AwsConfigError) throw new CliProblem(error.message);
    throw error;
  }
  const name = requested ?? engine.defaultAwsProfileName({ env, profiles });
  if (name === undefined) {
    throw new CliProblem(
      'No AWS credentials found: no profile in the AWS config files and no AWS_ACCESS_KEY_ID in the environment. Run `aws configure` (or `aws configure sso`), or pass --profile <name>.',
    );
  }
  const profile = profiles.find((candidate) => candidate.name === name);
  if (!profile) {
    const names = profiles.map((candidate) => candidate.name);
    throw new CliProblem(`No AWS profile named "${name}". ${names.length ? `Profiles: ${names.join(', ')}.` : 'The AWS config files have no profiles.'}`);
  }
  if (profile.kind === 'incomplete') throw new CliProblem(`AWS profile ${profile.name} cannot be used: ${profile.problem ?? 'it has no credentials'}.`);
  return profile;
}
