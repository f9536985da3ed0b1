import * as vscode from 'vscode';
import { statusVisibility } from '../shared/statusVisibility';
import type { CdpSession } from './session';

// "$(cloud) CDP: <profile> (<region>)" in the status bar of a trusted workspace; a click chooses
// another profile. At start-up the profile files are read (not the catalog engine: no key is
// checked), so it names the profile the catalog will use; once the catalog is used, the one loaded.

/** What the item shows, for tests and other extensions (a status bar item cannot be read back). */
export interface ProfileStatus {
  visible: boolean;
  text: string;
  tooltip: string;
  command: string;
}

const CLICK = 'Click to choose another profile.';

export class ProfileStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('dff.cdp.profile', vscode.StatusBarAlignment.Left, 10);
  private readonly subscriptions: vscode.Disposable[];
  private current: ProfileStatus = { visible: false, text: '', tooltip: '', command: 'dff.cdp.selectProfile' };

  constructor(private readonly session: CdpSession) {
    this.item.name = 'CDP Profile';
    this.item.command = this.current.command;
    this.subscriptions = [
      session.onDidChange(() => this.update()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.update()),
      // Only where it matters: a flow definition open, or a DataFlow view visible (not beside any package.json).
      statusVisibility().onDidChange(() => this.update()),
    ];
    this.update();
  }

  get status(): ProfileStatus {
    return { ...this.current };
  }

  private update(): void {
    const { session, item } = this;
    if (!statusVisibility().visible || !vscode.workspace.isTrusted || session.state === 'untrusted') {
      this.current = { ...this.current, visible: false };
      item.hide();
      return;
    }
    let warning = false;
    let text: string;
    let tooltip: string;
    const active = session.active;
    if (active) {
      text = `$(cloud) CDP: ${active.name} (${active.region})`;
      tooltip = `DataFlow Catalog profile ${active.name}, region ${active.region}${active.endpointUrl ? ` at ${active.endpointUrl}` : ''}.\nAccess key from ${active.source}.\n${CLICK}`;
    } else if (session.startupProfile) {
      const startup = session.startupProfile;
      text = `$(cloud) CDP: ${startup.name} (${startup.region})`;
      tooltip = `DataFlow Catalog profile ${startup.name}, region ${startup.region}${startup.endpointUrl ? ` at ${startup.endpointUrl}` : ''}.\nAccess key from ${startup.source}; it is used when the catalog is first opened.\n${CLICK}`;
    } else if (session.state === 'noCredentials' || session.startupProfile === null) {
      text = '$(cloud) CDP: no profile';
      tooltip = 'No CDP credentials found. Click to add an access key or choose a profile.';
      warning = true;
    } else {
      const remembered = session.remembered;
      text = remembered ? `$(cloud) CDP: ${remembered.name}${remembered.region ? ` (${remembered.region})` : ''}` : '$(cloud) CDP: choose profile';
      tooltip = remembered
        ? `DataFlow Catalog profile ${remembered.name}${remembered.region ? `, region ${remembered.region}` : ''}, as last used on this machine; its credentials are read when the catalog is first used.\n${CLICK}`
        : 'Click to choose the CDP profile (or add an access key) that the DataFlow Catalog commands use.';
    }
    item.text = text;
    item.tooltip = tooltip;
    item.backgroundColor = warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.show();
    this.current = { visible: true, text, tooltip, command: this.current.command };
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.item.dispose();
  }
}
