import * as vscode from 'vscode';
import type { CdpSession } from './session';

// "$(cloud) CDP: <profile> (<region>)" in the status bar; a click chooses another profile. Shown
// once the catalog has been used, since reading the profiles loads the catalog engine.

export function createProfileStatusBar(session: CdpSession): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('dff.cdp.profile', vscode.StatusBarAlignment.Left, 10);
  item.name = 'CDP Profile';
  item.command = 'dff.cdp.selectProfile';
  const update = () => {
    const active = session.active;
    if (session.state === 'untrusted' || session.state === 'unloaded') {
      item.hide();
      return;
    }
    if (active) {
      item.text = `$(cloud) CDP: ${active.name} (${active.region})`;
      item.tooltip = `DataFlow Catalog profile ${active.name}, region ${active.region}${active.endpointUrl ? ` at ${active.endpointUrl}` : ''}.\nAccess key from ${active.source}.\nClick to choose another profile.`;
      item.backgroundColor = undefined;
    } else {
      item.text = '$(cloud) CDP: no profile';
      item.tooltip = 'No CDP credentials found. Click to add an access key or choose a profile.';
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    }
    item.show();
  };
  update();
  const subscription = session.onDidChange(update);
  return vscode.Disposable.from(item, subscription);
}
