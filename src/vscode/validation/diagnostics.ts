// Diagnostics for flow documents: validated on open and, debounced, on change (a change restarts the
// wait); cleared when the document closes.
import * as vscode from 'vscode';
import type { Validation } from '../../core/flow/validate';
import type { ValidationRecord } from './api';
import { toDiagnostic } from './convert';
import { isCandidate, type FlowDocuments } from './flowDocuments';
import { settings } from './settings';

export class FlowDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('dff');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly waiters = new Map<string, (() => void)[]>();
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
   * The validation of the document's current version, after the run scheduled for it (if any) has been published.
   * Waiters are released by every end of a pending run: run(), close() and dispose().
   */
  async validated(document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<Validation | undefined> {
    const key = document.uri.toString();
    // A change while waiting schedules another run: wait for that one too rather than validate out of turn.
    while (this.timers.has(key) && !this.documents.isCurrent(document) && !token?.isCancellationRequested) {
      await this.nextRun(key, token);
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
    this.release(key);
  }

  /** Validates every open document again, e.g. after a settings change. */
  refreshAll(): void {
    this.documents.clear();
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const key of [...this.waiters.keys()]) this.release(key);
    this.collection.dispose();
    this.validatedEmitter.dispose();
  }

  /**
   * A pending run ends here, and always releases its waiters, even if validation throws. A change to the
   * document clears this timer and schedules another, so the version is the one the run was scheduled for.
   */
  private run(key: string, document: vscode.TextDocument): void {
    this.timers.delete(key);
    try {
      if (!document.isClosed) this.publish(document);
    } finally {
      this.release(key);
    }
  }

  private publish(document: vscode.TextDocument): void {
    const validation = this.documents.get(document);
    if (validation) this.collection.set(document.uri, validation.findings.map((finding) => toDiagnostic(document.uri, finding)));
    else this.collection.delete(document.uri);
    // FlowDocuments caches a result only for documents it examined.
    const verdict = validation ? 'flow' : this.documents.isCurrent(document) ? 'not-a-flow' : 'not-examined';
    this.records.set(document.uri.toString(), { version: document.version, verdict });
    this.validatedEmitter.fire(document);
  }

  /** Resolves when the pending run for key ends, or when the token is cancelled. */
  private nextRun(key: string, token: vscode.CancellationToken | undefined): Promise<void> {
    return new Promise<void>((resolve) => {
      let cancelled: vscode.Disposable | undefined;
      const done = (): void => {
        cancelled?.dispose();
        resolve();
      };
      this.waiters.set(key, [...(this.waiters.get(key) ?? []), done]);
      cancelled = token?.onCancellationRequested(() => {
        this.waiters.set(key, (this.waiters.get(key) ?? []).filter((waiter) => waiter !== done));
        done();
      });
    });
  }

  private release(key: string): void {
    const waiting = this.waiters.get(key) ?? [];
    this.waiters.delete(key);
    for (const resolve of waiting) resolve();
  }
}
