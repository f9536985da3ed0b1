import * as vscode from 'vscode';
import type { DesiredDeployment } from '../../core/deploy/desired';

// Sensitive parameter values, asked once per deploy in password boxes. They go to the Secrets
// Manager secret only: never to a file, setting, log or message. An empty answer keeps the value
// the secret already holds (the plan refuses if the secret has none).

/** Values by parameter name (only those typed); undefined when the user cancels. */
export async function askSensitiveValues(desired: DesiredDeployment | undefined, names: readonly string[]): Promise<Record<string, string> | undefined> {
  const values: Record<string, string> = {};
  const secret = desired?.secret?.name;
  for (const [index, name] of names.entries()) {
    const value = await vscode.window.showInputBox({
      title: `Sensitive parameter ${index + 1} of ${names.length}: ${name}`,
      prompt: `Value of ${name}, stored only in the Secrets Manager secret${secret ? ` "${secret}"` : ''}. Leave empty to keep the value the secret already holds.`,
      password: true,
      ignoreFocusOut: true,
    });
    if (value === undefined) return undefined;
    if (value !== '') values[name] = value;
  }
  return values;
}
