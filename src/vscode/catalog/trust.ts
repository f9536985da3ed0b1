import * as vscode from 'vscode';
import { log } from '../shared/log';

// CDP credentials are never read in an untrusted workspace: a workspace could otherwise point the
// credential files or endpoint at something of its choosing.

/** True when the workspace is trusted; otherwise tells the user how to turn `action` on. */
export function requireTrust(action: string): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window
    .showWarningMessage(`Trust this workspace to ${action}: commands that use CDP credentials are off in untrusted workspaces.`, 'Manage Workspace Trust')
    .then(
      (choice) => choice && vscode.commands.executeCommand('workbench.trust.manage'),
      (error: unknown) => log().warn(`Could not open Manage Workspace Trust: ${error instanceof Error ? error.message : String(error)}`),
    );
  return false;
}
