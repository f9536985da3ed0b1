import * as vscode from 'vscode';

// The extension's one log: the "DataFlow Functions" output channel. Never pass it a key or a
// sensitive parameter value.
let channel: vscode.LogOutputChannel | undefined;

export function log(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('DataFlow Functions', { log: true });
  return channel;
}

/** Disposes the channel with the extension (call once from activate). */
export function registerLog(context: vscode.ExtensionContext): void {
  context.subscriptions.push({
    dispose: () => {
      channel?.dispose();
      channel = undefined;
    },
  });
}
