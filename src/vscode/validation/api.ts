// What activate() tells tests and other extensions about validation.
import type * as vscode from 'vscode';

/** The outcome of the last validation published for a document. */
export interface ValidationRecord {
  /** The document version that was validated. */
  version: number;
  /** 'not-examined' when validation is turned off (dff.validation.enabled) or the document is no JSON file of its own. */
  verdict: 'flow' | 'not-a-flow' | 'not-examined';
}

export interface ValidationApi {
  /** The last validation published for the document; undefined before the first, and after it closes. */
  lastValidation(uri: vscode.Uri): ValidationRecord | undefined;
  /**
   * The provider VS Code asks for quick fixes. Tests call it as the lightbulb does (provide, then resolve
   * the picked action), to pick an action after the document changed.
   */
  quickFixes: vscode.CodeActionProvider;
}
