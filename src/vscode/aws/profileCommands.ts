import * as vscode from 'vscode';
import type { AwsProfileSummary } from '../../core/aws/engine';
import { requireTrust } from '../catalog/trust';
import { log } from '../shared/log';
import { showAwsError } from './errors';
import { AWS_REGIONS, isRegionId } from './regions';
import type { AwsSession } from './session';
import { describeKind } from './statusBar';

// Choosing the AWS profile and region (the status bar item's click), reloading the credentials,
// and `aws sso login` in a terminal when an SSO session has expired.

export const SSO_LOGIN_COMMAND = 'dff.aws.ssoLogin';

export function registerProfileCommands(session: AwsSession): vscode.Disposable[] {
  const loginTerminals = new Set<vscode.Terminal>();
  return [
    vscode.commands.registerCommand('dff.aws.selectProfile', (name?: unknown, region?: unknown) =>
      selectProfile(session, typeof name === 'string' ? name : undefined, typeof region === 'string' ? region : undefined),
    ),
    vscode.commands.registerCommand('dff.aws.selectRegion', (region?: unknown) => selectRegion(session, typeof region === 'string' ? region : undefined)),
    vscode.commands.registerCommand('dff.aws.reloadCredentials', () => reloadCredentials(session)),
    vscode.commands.registerCommand(SSO_LOGIN_COMMAND, (profile?: unknown) => {
      const name = typeof profile === 'string' ? profile : session.connection?.profile.name;
      if (!name || !requireTrust('sign in to AWS')) return undefined;
      const terminal = ssoLoginTerminal(name);
      loginTerminals.add(terminal);
      return terminal.name;
    }),
    // Once the login terminal closes, the new SSO token is in the cache: use it.
    vscode.window.onDidCloseTerminal((terminal) => {
      if (loginTerminals.delete(terminal)) void session.reload();
    }),
  ];
}

const CHANGE_REGION = '$(globe) Change Region…';
const RELOAD = '$(refresh) Reload AWS Credentials';

/** `name` (and `region`) choose without asking, for scripts and tests. Returns the profile now in use. */
async function selectProfile(session: AwsSession, name?: string, region?: string): Promise<string | undefined> {
  if (!requireTrust('choose an AWS profile')) return undefined;
  let profiles: AwsProfileSummary[];
  try {
    profiles = await session.listProfiles();
  } catch (error) {
    void showAwsError(error, { action: 'read the AWS profiles' });
    return undefined;
  }
  if (name !== undefined) {
    if (!profiles.some((profile) => profile.name === name)) {
      const known = profiles.map((profile) => profile.name);
      void vscode.window.showErrorMessage(`There is no AWS profile "${name}".${known.length ? ` Profiles: ${known.join(', ')}.` : ' Run `aws configure` to add one.'}`);
      return undefined;
    }
    if (region !== undefined && !isRegionId(region)) {
      void vscode.window.showErrorMessage(`"${region}" is not an AWS region id (such as eu-west-1).`);
      return undefined;
    }
    await session.select(name, region);
    return name;
  }
  type Item = vscode.QuickPickItem & { profile?: AwsProfileSummary; action?: 'region' | 'reload' };
  const active = session.connection;
  const items: Item[] = profiles.map((profile) => ({
    label: `${profile.name === active?.profile.name ? '$(check) ' : ''}${profile.name}`,
    description: [describeKind(profile.kind), profile.region, profile.endpointUrl].filter(Boolean).join(' · '),
    detail: profile.problem ? `$(warning) ${profile.problem}` : undefined,
    profile,
  }));
  items.push(
    { label: '', kind: vscode.QuickPickItemKind.Separator },
    { label: CHANGE_REGION, description: active ? `now ${active.region}` : undefined, action: 'region' },
    { label: RELOAD, description: 'read ~/.aws again and ask STS who the credentials belong to', action: 'reload' },
  );
  const choice = await vscode.window.showQuickPick(items, {
    title: 'AWS Profile for the Functions View',
    placeHolder: profiles.length ? 'Choose the profile whose credentials the AWS commands use' : 'No AWS profiles found: run `aws configure` in a terminal',
  });
  if (!choice) return undefined;
  if (choice.action === 'region') return (await selectRegion(session)) ? active?.profile.name : undefined;
  if (choice.action === 'reload') {
    await reloadCredentials(session);
    return session.connection?.profile.name;
  }
  if (!choice.profile) return undefined;
  await session.select(choice.profile.name);
  return choice.profile.name;
}

/** `region` chooses without asking. Returns the region now in use. */
async function selectRegion(session: AwsSession, region?: string): Promise<string | undefined> {
  if (!requireTrust('choose an AWS region')) return undefined;
  await session.ensureLoaded();
  if (!session.connection) {
    void vscode.window.showWarningMessage('Choose an AWS profile first: no profile with credentials is in use.');
    return undefined;
  }
  if (region === undefined) {
    const current = session.connection.region;
    const items = AWS_REGIONS.map((entry) => ({ label: entry.id, description: entry.name, picked: entry.id === current }));
    // The region in use first, so Enter keeps it.
    items.sort((a, b) => Number(b.label === current) - Number(a.label === current));
    const choice = await vscode.window.showQuickPick(items, { title: 'AWS Region', placeHolder: `The region whose functions the view shows (now ${current})` });
    if (!choice) return undefined;
    region = choice.label;
  } else if (!isRegionId(region)) {
    void vscode.window.showErrorMessage(`"${region}" is not an AWS region id (such as eu-west-1).`);
    return undefined;
  }
  await session.selectRegion(region);
  return region;
}

async function reloadCredentials(session: AwsSession): Promise<void> {
  if (!requireTrust('reload the AWS credentials')) return;
  await session.reload();
  const connection = session.connection;
  if (connection?.problem) log().warn(`Reloaded AWS credentials of ${connection.profile.name}: ${connection.problem.message}`);
  else if (connection) log().info(`Reloaded AWS credentials of ${connection.profile.name}: account ${connection.identity?.account}.`);
}

function ssoLoginTerminal(profile: string): vscode.Terminal {
  const terminal = vscode.window.createTerminal({ name: `AWS SSO login: ${profile}` });
  terminal.show();
  // Profile names are letters, digits and a few marks; quote anyway so a space cannot split it.
  terminal.sendText(`aws sso login --profile '${profile.replace(/'/g, `'\\''`)}'`);
  return terminal;
}
