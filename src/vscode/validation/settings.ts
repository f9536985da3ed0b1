// The dff.validation.* and dff.codeLens.* settings, read fresh each time (they may change at any moment).
import * as vscode from 'vscode';

function section(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('dff');
}

export const settings = {
  validationEnabled: (): boolean => section().get<boolean>('validation.enabled', true),
  debounceMs: (): number => Math.max(0, section().get<number>('validation.debounceMs', 300)),
  failurePorts: (): string[] => section().get<string[]>('validation.failurePorts', []).filter((name) => typeof name === 'string'),
  codeLensEnabled: (): boolean => section().get<boolean>('codeLens.enabled', true),
};

/** Whether a configuration change can change what validation reports. */
export function affectsValidation(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration('dff.validation');
}
