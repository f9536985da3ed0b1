import * as path from 'path';
import * as vscode from 'vscode';
import { workspaceFlowFiles } from '../catalog/localFlowFiles';

// "Deploy this Version" runs a catalog version, but the deploy target (function, role, parameters)
// belongs to a flow file: the file that version's flow was pushed from, else one the user picks.

const LAST_PUSHED_NAME_PREFIX = 'dff.lastPushedFlowName:';

export async function flowForVersion(state: vscode.Memento, flowName: string): Promise<vscode.Uri | undefined> {
  const pushedFrom = state
    .keys()
    .filter((key) => key.startsWith(LAST_PUSHED_NAME_PREFIX) && state.get<string>(key) === flowName)
    .map((key) => vscode.Uri.parse(key.slice(LAST_PUSHED_NAME_PREFIX.length)))
    .filter((uri) => uri.scheme === 'file');
  if (pushedFrom.length === 1) return pushedFrom[0];
  if (pushedFrom.length > 1) {
    const picked = await vscode.window.showQuickPick(
      pushedFrom.map((uri) => ({ label: path.basename(uri.fsPath), description: vscode.workspace.asRelativePath(path.dirname(uri.fsPath)), uri })),
      { title: `Deploy ${flowName}`, placeHolder: 'The flow file whose deploy targets to use (each was pushed as this flow)', ignoreFocusOut: true },
    );
    return picked?.uri;
  }
  const picked = await vscode.window.showQuickPick<vscode.QuickPickItem & { uri: vscode.Uri }>(
    workspaceFlowFiles().then((files) => files.map((uri) => ({ label: path.basename(uri.fsPath), description: vscode.workspace.asRelativePath(path.dirname(uri.fsPath)), uri }))),
    { title: `Deploy ${flowName}`, placeHolder: 'No file here was pushed as this flow: pick the flow file whose deploy targets to use', ignoreFocusOut: true, matchOnDescription: true },
  );
  return picked?.uri;
}
