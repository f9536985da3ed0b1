import * as vscode from 'vscode';
import type { FunctionSummary, FunctionWarning } from '../../core/aws/engine';
import { FUNCTION_DECORATION_SCHEME, functionDecorationUri } from './functionNodes';

// The badge and colour of a function row with warnings (or a failed state), with the warnings as
// its tooltip: the Functions view's "decorations", so a trap shows before anything runs.

export class FunctionDecorations implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri[] | undefined>();
  readonly onDidChangeFileDecorations = this.changed.event;
  private readonly byUri = new Map<string, vscode.FileDecoration>();

  set(summary: FunctionSummary, warnings: readonly FunctionWarning[]): void {
    const uri = functionDecorationUri(summary.name);
    const failed = summary.state === 'Failed' || summary.lastUpdateStatus === 'Failed';
    if (warnings.length === 0 && !failed) {
      if (this.byUri.delete(uri.toString())) this.changed.fire([uri]);
      return;
    }
    const decoration = new vscode.FileDecoration(
      warnings.length > 9 ? '9+' : String(Math.max(1, warnings.length)),
      warnings.map((warning) => warning.message).join('\n'),
      new vscode.ThemeColor(failed ? 'list.errorForeground' : 'list.warningForeground'),
    );
    this.byUri.set(uri.toString(), decoration);
    this.changed.fire([uri]);
  }

  /** The decoration of a function, for tests. */
  get(name: string): vscode.FileDecoration | undefined {
    return this.byUri.get(functionDecorationUri(name).toString());
  }

  clear(): void {
    this.byUri.clear();
    this.changed.fire(undefined);
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    return uri.scheme === FUNCTION_DECORATION_SCHEME ? this.byUri.get(uri.toString()) : undefined;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
