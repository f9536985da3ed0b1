// Records the messages the extension shows (it shares this test's `vscode` API object, both being
// loaded from the extension's folder) and answers its modal dialogs, which would otherwise wait for
// a click nobody makes. Non-modal messages are still shown as usual.
import * as vscode from 'vscode';

export interface ShownMessage {
  severity: 'error' | 'warning' | 'information';
  message: string;
  detail: string | undefined;
  modal: boolean;
}

type ShowMessage = (message: string, ...rest: unknown[]) => Thenable<unknown>;
const methods = { error: 'showErrorMessage', warning: 'showWarningMessage', information: 'showInformationMessage' } as const;

export class MessageCapture {
  readonly shown: ShownMessage[] = [];
  /** Answers for the next modal dialogs, in order; a modal with no answer queued is dismissed. */
  readonly modalAnswers: (string | undefined)[] = [];
  private readonly originals = new Map<string, ShowMessage>();

  install(): void {
    const window = vscode.window as unknown as Record<string, ShowMessage>;
    for (const [severity, method] of Object.entries(methods) as [ShownMessage['severity'], string][]) {
      const original = window[method];
      this.originals.set(method, original);
      window[method] = (message, ...rest) => {
        const options = isMessageOptions(rest[0]) ? rest[0] : undefined;
        const modal = options?.modal === true;
        this.shown.push({ severity, message, detail: options?.detail, modal });
        if (modal) return Promise.resolve(this.modalAnswers.shift());
        return original.call(vscode.window, message, ...rest);
      };
      if (window[method] === original) throw new Error(`vscode.window.${method} cannot be replaced, so the messages cannot be checked`);
    }
  }

  uninstall(): void {
    const window = vscode.window as unknown as Record<string, ShowMessage>;
    for (const [method, original] of this.originals) window[method] = original;
    this.originals.clear();
  }

  /** Messages shown since `from` (an index into `shown`). */
  since(from: number): ShownMessage[] {
    return this.shown.slice(from);
  }
}

function isMessageOptions(value: unknown): value is vscode.MessageOptions {
  // Message items have a title; options have none.
  return typeof value === 'object' && value !== null && !('title' in value);
}
