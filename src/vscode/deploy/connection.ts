import type { AwsClientFactory, AwsClients } from '../../core/aws/engine';
import type { DeployTarget } from '../../core/deploy/target';
import type { AwsSession } from '../aws/session';
import { loadAwsEngine } from '../lazy';
import { log } from '../shared/log';

// The AWS connection a deploy uses: the session's (the Functions view's profile and region) when the
// target names neither, or names the same ones; otherwise a factory for the target's own profile and
// region, made by the same engine and logging its calls the same way, dropped after the deploy.

export interface DeployConnection {
  clients: AwsClients;
  profile: string;
  region: string;
  account: string;
  /** True when the connection is the session's, so the Functions view shows what the deploy changed. */
  isSession: boolean;
  dispose(): void;
}

export async function connectForTarget(session: AwsSession, target: DeployTarget, signal?: AbortSignal): Promise<DeployConnection> {
  const sessionFactory = await session.factory();
  const current = session.connection;
  const sameProfile = !target.profile || target.profile === current?.profile.name;
  const sameRegion = !target.region || target.region === current?.region;
  if (current && sameProfile && sameRegion) {
    if (current.problem) throw new Error(current.problem.message);
    const account = current.identity?.account ?? (await loadAwsEngine().whoAmI(sessionFactory.sts(), signal)).account;
    return { clients: sessionFactory.clients(), profile: current.profile.name, region: current.region, account, isSession: true, dispose: () => undefined };
  }
  return ownConnection(session, target, signal);
}

async function ownConnection(session: AwsSession, target: DeployTarget, signal?: AbortSignal): Promise<DeployConnection> {
  const engine = loadAwsEngine();
  const profiles = await session.listProfiles();
  const name = target.profile ?? session.connection?.profile.name;
  const profile = profiles.find((candidate) => candidate.name === name);
  if (!profile) {
    throw new Error(`The target's AWS profile "${name ?? '(none)'}" is not in your AWS config or credentials files. Add it with \`aws configure --profile ${name ?? '<name>'}\`, or remove "profile" from the target to use the current one.`);
  }
  const region = target.region ?? profile.region ?? session.connection?.region;
  if (!region) throw new Error(`AWS profile "${profile.name}" names no region: set "region" in the deploy target.`);
  const factory: AwsClientFactory = new engine.AwsClientFactory(
    { profile, region, credentials: engine.credentialProvider(profile, { env: process.env, region }) },
    {
      onCall: (event) => log().debug(`AWS ${event.service} ${event.operation}${event.target ? ` ${event.target}` : ''}: ${event.outcome} (${Math.round(event.ms)} ms)`),
    },
  );
  try {
    const identity = await engine.whoAmI(factory.sts(), signal);
    log().info(`Deploy uses AWS profile ${profile.name} · ${region}, account ${identity.account} (the target's, not the Functions view's).`);
    return { clients: factory.clients(), profile: profile.name, region, account: identity.account, isSession: false, dispose: () => factory.destroy() };
  } catch (error) {
    factory.destroy();
    throw error;
  }
}

