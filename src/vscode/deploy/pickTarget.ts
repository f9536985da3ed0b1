import * as vscode from 'vscode';
import type { NamedTarget } from '../../core/deploy/target';

// Which target of a flow file to deploy: the one named by the caller, else the only one, else the
// user's pick with the one last used first. The last one used is remembered per workspace per file.

export const NEW_TARGET = Symbol('new target');

const lastTargetKey = (flow: vscode.Uri) => `dff.deploy.lastTarget:${flow.toString()}`;

export function lastTarget(state: vscode.Memento, flow: vscode.Uri): string | undefined {
  return state.get<string>(lastTargetKey(flow));
}

export async function rememberTarget(state: vscode.Memento, flow: vscode.Uri, name: string): Promise<void> {
  await state.update(lastTargetKey(flow), name);
}

interface TargetItem extends vscode.QuickPickItem {
  choice: NamedTarget | typeof NEW_TARGET;
}

/** The chosen target, NEW_TARGET to create one, or undefined when the user cancels. */
export async function pickTarget(
  state: vscode.Memento,
  flow: vscode.Uri,
  flowName: string,
  targets: readonly NamedTarget[],
): Promise<NamedTarget | typeof NEW_TARGET | undefined> {
  if (targets.length === 0) return NEW_TARGET;
  if (targets.length === 1) return targets[0];
  const last = lastTarget(state, flow);
  const ordered = [...targets].sort((a, b) => Number(b.name === last) - Number(a.name === last));
  const items: TargetItem[] = ordered.map((named) => ({
    label: named.name,
    description: [named.target.functionName, named.target.region, named.target.profile ? `profile ${named.target.profile}` : undefined]
      .filter(Boolean)
      .join(' · '),
    detail: named.name === last ? 'last used' : undefined,
    choice: named,
  }));
  items.push({ label: '$(add) New target…', description: 'add a target to dff.deploy.json', choice: NEW_TARGET });
  const picked = await vscode.window.showQuickPick(items, {
    title: `Deploy ${flowName} to Lambda`,
    placeHolder: 'Deploy target',
    ignoreFocusOut: true,
  });
  return picked?.choice;
}
