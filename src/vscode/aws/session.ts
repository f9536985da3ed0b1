import * as vscode from 'vscode';
import type { AwsCallEvent, AwsClientFactory, AwsClients, AwsProblem, AwsProfileSummary } from '../../core/aws/engine';
import { loadAwsEngine } from '../lazy';
import { log } from '../shared/log';
import { DEFAULT_AWS_REGION } from './regions';

// Which AWS profile and region the Functions view (and deploy) use, and the one client factory for
// them. Profile and region are remembered per machine in globalState, never in settings: nothing in
// a workspace may change where credentials are sent. Nothing is read (and the AWS engine is not
// loaded) until AWS is first used: 'unloaded' until then. STS GetCallerIdentity is asked once per
// switch; its answer (or why it failed) is what the status bar shows.

export type AwsState = 'unloaded' | 'untrusted' | 'noProfiles' | 'ready';

export interface AwsIdentity {
  account: string;
  arn: string;
}

/** What is in use: the profile, its region, and (once STS answered) the account. */
export interface AwsConnectionInfo {
  profile: AwsProfileSummary;
  region: string;
  identity?: AwsIdentity;
  /** Why the credentials do not work (missing, rejected, expired, SSO expired); undefined when STS answered. */
  problem?: AwsProblem;
}

/** Remembered on this machine: shown before anything is read. */
export interface RememberedAws {
  profile: string;
  region?: string;
}

const PROFILE_KEY = 'dff.aws.profile';
/** Region chosen per profile: { [profile]: region }. */
const REGIONS_KEY = 'dff.aws.regions';

export class AwsSession implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the profile, region, identity or state changes: whoever holds clients must ask again. */
  readonly onDidChange = this.changed.event;
  private readonly callEmitter = new vscode.EventEmitter<AwsCallEvent>();
  /** Every AWS call made through the session's factory (service, operation, target, outcome, ms). */
  readonly onDidCall = this.callEmitter.event;
  private currentState: AwsState = 'unloaded';
  private current: AwsConnectionInfo | undefined;
  private currentFactory: AwsClientFactory | undefined;
  private loading: Promise<void> | undefined;
  private profiles: AwsProfileSummary[] = [];
  /** Why the profiles could not be listed (a broken config file); shown as the view's error. */
  private listError: unknown;

  constructor(private readonly globalState: vscode.Memento) {}

  get state(): AwsState {
    return this.currentState;
  }

  /** The profile, region and account in use; undefined unless state is 'ready'. */
  get connection(): AwsConnectionInfo | undefined {
    return this.current;
  }

  /** The failure of the last profile listing (e.g. a garbled ~/.aws/config), if it failed. */
  get loadError(): unknown {
    return this.listError;
  }

  get remembered(): RememberedAws | undefined {
    const profile = this.globalState.get<string>(PROFILE_KEY);
    return profile ? { profile, region: this.rememberedRegion(profile) } : undefined;
  }

  /** Every profile of the shared files plus the environment's credentials; empty in an untrusted workspace. */
  async listProfiles(): Promise<AwsProfileSummary[]> {
    if (!vscode.workspace.isTrusted) return [];
    return loadAwsEngine().listAwsProfiles(process.env);
  }

  async ensureLoaded(): Promise<void> {
    if (this.currentState === 'unloaded' && !this.loading) await this.reload();
    else await this.loading;
  }

  /** Reads the profiles again, drops every cached client and asks STS who the credentials belong to. */
  reload(): Promise<void> {
    const run = (this.loading ?? Promise.resolve()).then(() => this.load()).catch(() => undefined);
    this.loading = run;
    return run;
  }

  async select(profileName: string, region?: string): Promise<void> {
    await this.globalState.update(PROFILE_KEY, profileName);
    if (region) await this.rememberRegion(profileName, region);
    await this.reload();
  }

  async selectRegion(region: string): Promise<void> {
    const profile = this.current?.profile.name ?? this.remembered?.profile;
    if (!profile) return;
    await this.rememberRegion(profile, region);
    await this.reload();
  }

  /**
   * The client factory for the profile and region in use (one per switch; its clients are cached).
   * Throws when there is no usable profile; credential failures surface from the calls themselves.
   */
  async factory(): Promise<AwsClientFactory> {
    if (!vscode.workspace.isTrusted) throw new Error('AWS credentials are not read in an untrusted workspace. Trust the workspace to use AWS.');
    await this.ensureLoaded();
    if (this.listError) throw this.listError;
    if (!this.currentFactory) throw new Error('No AWS profile found. Run `aws configure` (or `aws configure sso`) in a terminal, then reload the AWS credentials.');
    return this.currentFactory;
  }

  async clients(): Promise<AwsClients> {
    return (await this.factory()).clients();
  }

  private async load(): Promise<void> {
    const previous = this.current;
    this.currentFactory?.destroy();
    this.currentFactory = undefined;
    this.listError = undefined;
    if (!vscode.workspace.isTrusted) {
      this.setState('untrusted', undefined);
      return;
    }
    const engine = loadAwsEngine();
    try {
      this.profiles = await engine.listAwsProfiles(process.env);
    } catch (error) {
      this.profiles = [];
      this.listError = error;
      log().error(`Could not read the AWS profiles: ${engine.describeAwsError(error, {}).message}`);
    }
    const name = engine.defaultAwsProfileName({
      remembered: this.globalState.get<string>(PROFILE_KEY),
      toolkitProfile: toolkitProfileSetting(),
      env: process.env,
      profiles: this.profiles,
    });
    // No profile named by choice, AWS_PROFILE or 'default': the first one that looks usable, as the
    // status bar then says which (rather than claiming there are no credentials).
    const profile = this.profiles.find((candidate) => candidate.name === name) ?? this.profiles.find((candidate) => !candidate.problem && candidate.kind !== 'incomplete');
    if (!profile) {
      this.setState('noProfiles', undefined);
      if (!this.listError) log().info('AWS: no profile with credentials found.');
      return;
    }
    const region = this.rememberedRegion(profile.name) ?? profile.region ?? envRegion() ?? DEFAULT_AWS_REGION;
    const factory = new engine.AwsClientFactory(
      {
        profile,
        region,
        // The factory passes the profile's endpoint_url (and services endpoints) to each client itself.
        credentials: engine.credentialProvider(profile, { env: process.env, region, mfaCodeProvider: askMfaCode }),
      },
      { onCall: (event) => this.reportCall(event) },
    );
    this.currentFactory = factory;
    const connection: AwsConnectionInfo = { profile, region };
    try {
      const identity = await engine.whoAmI(factory.sts());
      connection.identity = { account: identity.account, arn: identity.arn };
    } catch (error) {
      connection.problem = engine.describeAwsError(error, { profile: profile.name, action: 'check the credentials', region });
    }
    // A switch made while STS was asked has replaced this factory: its answer is stale.
    if (this.currentFactory !== factory) return;
    if (this.globalState.get<string>(PROFILE_KEY) !== profile.name) await this.globalState.update(PROFILE_KEY, profile.name);
    this.setState('ready', connection);
    const where = `${profile.name} · ${region}${profile.endpointUrl ? ` at ${profile.endpointUrl}` : ''}`;
    if (connection.problem) log().warn(`AWS profile ${where}: ${connection.problem.message}`);
    else if (previous?.profile.name !== profile.name || previous.region !== region || previous.identity?.account !== connection.identity?.account) {
      log().info(`AWS profile ${where}, account ${connection.identity?.account}`);
    }
  }

  private setState(state: AwsState, connection: AwsConnectionInfo | undefined): void {
    this.currentState = state;
    this.current = connection;
    void vscode.commands.executeCommand('setContext', 'dff.aws.state', connection?.problem ? 'problem' : state);
    this.changed.fire();
  }

  private reportCall(event: AwsCallEvent): void {
    // Names only: the factory reports no input value other than the target's name.
    const target = event.target ? ` ${event.target}` : '';
    log().debug(`AWS ${event.service} ${event.operation}${target}: ${event.outcome} (${Math.round(event.ms)} ms)`);
    this.callEmitter.fire(event);
  }

  private rememberedRegion(profile: string): string | undefined {
    return this.globalState.get<Record<string, string>>(REGIONS_KEY)?.[profile];
  }

  private async rememberRegion(profile: string, region: string): Promise<void> {
    const regions = { ...this.globalState.get<Record<string, string>>(REGIONS_KEY), [profile]: region };
    await this.globalState.update(REGIONS_KEY, regions);
  }

  /** The profiles read by the last reload (for pickers that must not read the files again). */
  get knownProfiles(): readonly AwsProfileSummary[] {
    return this.profiles;
  }

  dispose(): void {
    this.currentFactory?.destroy();
    this.changed.dispose();
    this.callEmitter.dispose();
  }
}

/**
 * The AWS Toolkit's `aws.profile`, from user settings only: a workspace must not choose which
 * credentials are used.
 */
function toolkitProfileSetting(): string | undefined {
  const value = vscode.workspace.getConfiguration('aws').inspect<string>('profile')?.globalValue;
  return typeof value === 'string' ? value : undefined;
}

function envRegion(): string | undefined {
  return process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || undefined;
}

async function askMfaCode(serial: string): Promise<string> {
  const code = await vscode.window.showInputBox({
    title: 'AWS Multi-Factor Authentication',
    prompt: `The code shown by the MFA device ${serial}`,
    ignoreFocusOut: true,
    validateInput: (value) => (/^\d{6}$/.test(value.trim()) ? undefined : 'Enter the 6-digit code.'),
  });
  if (code === undefined) {
    const cancelled = new Error('The MFA code was not entered.');
    cancelled.name = 'AbortError';
    throw cancelled;
  }
  return code.trim();
}
