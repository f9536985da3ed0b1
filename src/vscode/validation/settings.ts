// The dff.validation.* and dff.codeLens.* settings, read fresh each time (they may change at any moment).
// Each reader takes the resource the setting is for: in a multi-root workspace, folders may differ.
import * as vscode from 'vscode';
import { ruleSettings, type RuleSetting } from '../../core/flow/editor/ruleSettings';

function section(resource: vscode.Uri | undefined): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('dff', resource);
}

/**
 * dff.validation.failurePorts: extra output port names that count as failure ports. Entries that are not
 * strings (settings.json is edited by hand) are left out. Exported so that pushing to the catalog reads
 * the setting the same way as the editor does.
 */
export function failurePorts(resource?: vscode.Uri): string[] {
  const names = section(resource).get<unknown>('validation.failurePorts', []);
  return Array.isArray(names) ? names.filter((name): name is string => typeof name === 'string') : [];
}

export const settings = {
  validationEnabled: (resource?: vscode.Uri): boolean => section(resource).get<boolean>('validation.enabled', true),
  debounceMs: (resource?: vscode.Uri): number => Math.max(0, section(resource).get<number>('validation.debounceMs', 300)),
  failurePorts,
  codeLensEnabled: (resource?: vscode.Uri): boolean => section(resource).get<boolean>('codeLens.enabled', true),
  /** dff.validation.rules: rule code -> "off" or the severity to show its findings with. */
  rules: (resource?: vscode.Uri): ReadonlyMap<string, RuleSetting> => ruleSettings(section(resource).get<unknown>('validation.rules', {})),
};

/** Turns a rule off for the workspace (the user settings when no folder is open), keeping the other rules' settings. */
export async function turnOffRule(code: string, resource?: vscode.Uri): Promise<void> {
  const workspace = (vscode.workspace.workspaceFolders ?? []).length > 0;
  const target = workspace ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const inspected = section(resource).inspect<Record<string, unknown>>('validation.rules');
  const current = (workspace ? inspected?.workspaceValue : inspected?.globalValue) ?? {};
  await section(resource).update('validation.rules', { ...current, [code]: 'off' }, target);
}

/** Lists an output port name in dff.validation.failurePorts for the workspace (the user settings when no folder is open). */
export async function addFailurePortName(name: string, resource?: vscode.Uri): Promise<void> {
  const workspace = (vscode.workspace.workspaceFolders ?? []).length > 0;
  const target = workspace ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const inspected = section(resource).inspect<unknown>('validation.failurePorts');
  const value = workspace ? inspected?.workspaceValue : inspected?.globalValue;
  const current = Array.isArray(value) ? value : [];
  if (current.includes(name)) return;
  await section(resource).update('validation.failurePorts', [...current, name], target);
}

/** Whether a configuration change can change what validation reports. */
export function affectsValidation(event: vscode.ConfigurationChangeEvent): boolean {
  // json.validate.enable decides whether VS Code's JSON service or we report a syntax error.
  return event.affectsConfiguration('dff.validation') || event.affectsConfiguration('json.validate');
}
