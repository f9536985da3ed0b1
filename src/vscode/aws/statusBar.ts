import * as vscode from 'vscode';
import { statusVisibility } from '../shared/statusVisibility';
import type { AwsSession } from './session';

// "$(cloud) AWS: <profile> · <region>" in the status bar of a trusted workspace, the account id in
// its tooltip; a warning when the credentials are missing, rejected or expired. Until AWS is first
// used nothing is read (that would load the AWS SDK): it shows the profile remembered from last time.

/** What the item shows, for tests and other extensions (a status bar item cannot be read back). */
export interface AwsStatus {
  visible: boolean;
  text: string;
  tooltip: string;
  command: string;
  warning: boolean;
}

export const AWS_STATUS_COMMAND = 'dff.aws.selectProfile';
const CLICK = 'Click to choose another profile or region.';
const SANDBOX_PROFILE = 'sandbox';

export class AwsStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('dff.aws.profile', vscode.StatusBarAlignment.Left, 9);
  private readonly subscriptions: vscode.Disposable[];
  private current: AwsStatus = { visible: false, text: '', tooltip: '', command: AWS_STATUS_COMMAND, warning: false };

  constructor(private readonly session: AwsSession) {
    this.item.name = 'AWS Profile';
    this.item.command = AWS_STATUS_COMMAND;
    this.subscriptions = [
      session.onDidChange(() => this.update()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.update()),
      // Only where it matters: a flow definition open, or a DataFlow view visible (not beside any package.json).
      statusVisibility().onDidChange(() => this.update()),
    ];
    this.update();
  }

  get status(): AwsStatus {
    return { ...this.current };
  }

  private update(): void {
    if (!statusVisibility().visible || !vscode.workspace.isTrusted || this.session.state === 'untrusted') {
      this.current = { ...this.current, visible: false };
      this.item.hide();
      return;
    }
    const { text, tooltip, warning } = this.describe();
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.backgroundColor = warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
    this.current = { visible: true, text, tooltip, command: AWS_STATUS_COMMAND, warning };
  }

  private describe(): { text: string; tooltip: string; warning: boolean } {
    const { session } = this;
    const connection = session.connection;
    if (connection) {
      const { profile, region, identity, problem } = connection;
      const text = `${problem ? '$(warning)' : '$(cloud)'} AWS: ${profile.name} · ${region}`;
      const lines = [
        profile.name === SANDBOX_PROFILE
          ? `AWS profile sandbox: the local AWS stand-in${profile.endpointUrl ? ` at ${profile.endpointUrl}` : ''}, region ${region}.`
          : `AWS profile ${profile.name} (${describeKind(profile.kind)}), region ${region}${profile.endpointUrl ? `, endpoint ${profile.endpointUrl}` : ''}.`,
        problem ? problem.message : `Account ${identity?.account ?? 'unknown'}${identity?.arn ? ` as ${identity.arn}` : ''}.`,
        CLICK,
      ];
      return { text, tooltip: lines.join('\n'), warning: Boolean(problem) };
    }
    if (session.state === 'noProfiles') {
      return {
        text: '$(warning) AWS: no profile',
        tooltip: session.loadError
          ? `The AWS profiles could not be read: ${messageOf(session.loadError)}\n${CLICK}`
          : 'No AWS credentials found: run `aws configure` or `aws configure sso` in a terminal, then reload the AWS credentials.',
        warning: true,
      };
    }
    const remembered = session.remembered;
    return {
      text: remembered ? `$(cloud) AWS: ${remembered.profile}${remembered.region ? ` · ${remembered.region}` : ''}` : '$(cloud) AWS: choose profile',
      tooltip: remembered
        ? `AWS profile ${remembered.profile}, as last used on this machine; its credentials are read when AWS is first used.\n${CLICK}`
        : 'Click to choose the AWS profile and region that the Functions view uses.',
      warning: false,
    };
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.item.dispose();
  }
}

export function describeKind(kind: string): string {
  switch (kind) {
    case 'static':
      return 'access key';
    case 'role':
      return 'assumed role';
    case 'sso':
      return 'IAM Identity Center (SSO)';
    case 'process':
      return 'credential process';
    case 'webIdentity':
      return 'web identity';
    case 'login':
      return 'console login';
    case 'environment':
      return 'environment variables';
    default:
      return 'incomplete';
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
