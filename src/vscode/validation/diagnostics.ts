// Diagnostics for flow documents: validated on open and, debounced, on change (a change restarts the
// wait), or at once when a provider asks while a run is pending; cleared when the document closes.
import * as vscode from 'vscode';
import type { ResolvedFinding } from '../../core/flow/finding';
import type { Validation } from '../../core/flow/validate';
import type { ValidationRecord } from './api';
import { toDiagnostic } from './convert';
import { isCandidate, type FlowDocuments } from './flowDocuments';
import { settings } from './settings';

export class FlowDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('dff');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly records = new Map<string, ValidationRecord>();
  private readonly validatedEmitter = new vscode.EventEmitter<vscode.TextDocument>();
  /** Fires after a document's diagnostics were replaced. */
  readonly onDidValidate = this.validatedEmitter.event;

  constructor(private readonly documents: FlowDocuments) {}

  schedule(document: vscode.TextDocument, delayMs = settings.debounceMs(document.uri)): void {
    if (!isCandidate(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => this.run(key, document), delayMs));
  }

  /**
   * The validation of the document's current version. A pending run is not waited out: it runs now
   * and publishes its diagnostics, so hover, completion and code actions answer without the debounce delay.
   */
  async validated(document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<Validation | undefined> {
    const key = document.uri.toString();
    const pending = this.timers.get(key);
    if (pending !== undefined) {
      clearTimeout(pending);
      this.run(key, document);
    }
    if (document.isClosed || token?.isCancellationRequested) return undefined;
    return this.documents.get(document);
  }

  /** What the last published run found, for which version. */
  lastValidation(uri: vscode.Uri): ValidationRecord | undefined {
    return this.records.get(uri.toString());
  }

  close(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.records.delete(key);
    this.collection.delete(document.uri);
    this.documents.forget(document);
  }

  /** Validates every open document again, e.g. after a settings change. */
  refreshAll(): void {
    this.documents.clear();
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.collection.dispose();
    this.validatedEmitter.dispose();
  }

  /** A pending run ends here: when its timer fires, or early when validated() asks for it. */
  private run(key: string, document: vscode.TextDocument): void {
    this.timers.delete(key);
    if (!document.isClosed) this.publish(document);
  }

  private publish(document: vscode.TextDocument): void {
    const validation = this.documents.get(document);
    if (validation) this.collection.set(document.uri, shownFindings(document, validation).map((finding) => toDiagnostic(document.uri, finding)));
    else this.collection.delete(document.uri);
    // FlowDocuments caches a result only for documents it examined.
    const verdict = validation ? 'flow' : this.documents.isCurrent(document) ? 'not-a-flow' : 'not-examined';
    this.records.set(document.uri.toString(), { version: document.version, verdict });
    this.validatedEmitter.fire(document);
  }
}

/** The JSON syntax error finding; VS Code's JSON language service reports the same error. */
export const SYNTAX_CODE = 'flow-syntax';

/**
 * The findings shown as diagnostics. A syntax error is reported once: by VS Code's JSON language service
 * when it checks the document (its default), else by us.
 */
export function shownFindings(document: vscode.TextDocument, validation: Validation): ResolvedFinding[] {
  if (!jsonServiceReportsSyntax(document)) return validation.findings;
  return validation.findings.filter((finding) => finding.code !== SYNTAX_CODE);
}

function jsonServiceReportsSyntax(document: vscode.TextDocument): boolean {
  return vscode.extensions.getExtension('vscode.json-language-features') !== undefined &&
    vscode.workspace.getConfiguration('json', document.uri).get<boolean>('validate.enable', true);
}
