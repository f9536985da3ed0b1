// Diagnostics for flow documents: validated on open and, debounced, on change; a run scheduled for
// a version that is no longer current is dropped; cleared when the document closes.
import * as vscode from 'vscode';
import type { Validation } from '../../core/flow/validate';
import { toDiagnostic } from './convert';
import { isCandidate, type FlowDocuments } from './flowDocuments';
import { settings } from './settings';

export class FlowDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('dff');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly waiters = new Map<string, (() => void)[]>();
  private readonly validatedEmitter = new vscode.EventEmitter<vscode.TextDocument>();
  /** Fires after a document's diagnostics were replaced. */
  readonly onDidValidate = this.validatedEmitter.event;

  constructor(private readonly documents: FlowDocuments) {}

  schedule(document: vscode.TextDocument, delayMs = settings.debounceMs()): void {
    if (!isCandidate(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    const version = document.version;
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      // A later change has scheduled its own run.
      if (document.isClosed || document.version !== version) return;
      this.publish(document);
    }, delayMs));
  }

  /** The validation of the document's current version, after the run scheduled for it (if any) has been published. */
  async validated(document: vscode.TextDocument): Promise<Validation | undefined> {
    const key = document.uri.toString();
    if (this.timers.has(key) && !this.documents.isCurrent(document)) {
      await new Promise<void>((resolve) => this.waiters.set(key, [...(this.waiters.get(key) ?? []), resolve]));
    }
    return document.isClosed ? undefined : this.documents.get(document);
  }

  close(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.collection.delete(document.uri);
    this.documents.forget(document);
    this.release(key);
  }

  /** Validates every open document again, e.g. after a settings change. */
  refreshAll(): void {
    this.documents.clear();
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const key of [...this.waiters.keys()]) this.release(key);
    this.collection.dispose();
    this.validatedEmitter.dispose();
  }

  private publish(document: vscode.TextDocument): void {
    const validation = this.documents.get(document);
    if (validation) this.collection.set(document.uri, validation.findings.map((finding) => toDiagnostic(document.uri, finding)));
    else this.collection.delete(document.uri);
    this.release(document.uri.toString());
    this.validatedEmitter.fire(document);
  }

  private release(key: string): void {
    const waiting = this.waiters.get(key) ?? [];
    this.waiters.delete(key);
    for (const resolve of waiting) resolve();
  }
}
