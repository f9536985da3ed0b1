// The dff.validation.* and dff.codeLens.* settings, read fresh each time (they may change at any moment).
// Each reader takes the resource the setting is for: in a multi-root workspace, folders may differ.
import * as vscode from 'vscode';

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
};

/** Whether a configuration change can change what validation reports. */
export function affectsValidation(event: vscode.ConfigurationChangeEvent): boolean {
  // json.validate.enable decides whether VS Code's JSON service or we report a syntax error.
  return event.affectsConfiguration('dff.validation') || event.affectsConfiguration('json.validate');
}
