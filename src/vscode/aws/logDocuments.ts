import * as vscode from 'vscode';
import type { LogEvent } from '../../core/aws/engine';
import { loadAwsEngine } from '../lazy';
import { log } from '../shared/log';
import { describeProblem } from './errors';
import type { AwsSession } from './session';

// "Show Logs": a read-only document (language dff-log, whose grammar colours ERROR lines) with a
// function's CloudWatch log events of the last N minutes, then new events as they arrive until the
// user stops following or closes the document. One document per Show Logs: dff-logs:/<name>.dff-log?<id>.

export const LOGS_SCHEME = 'dff-logs';
const FOLLOWING_CONTEXT = 'dff.logs.following';
/** Lines kept per document; the oldest go first (the log group keeps them all). */
const MAX_LINES = 20_000;

export interface LogTarget {
  /** Function name. */
  name: string;
  /** A version number or alias name; logs of other versions are left out. */
  qualifier?: string;
  /** The function's log group (LoggingConfig.LogGroup, else /aws/lambda/<name>). */
  logGroup: string;
}

export interface LogOptions {
  sinceMinutes: number;
  filterPattern?: string;
  /** Keep polling for new events after the first read (default true). */
  follow?: boolean;
}

interface LogSession {
  target: LogTarget;
  lines: string[];
  dropped: number;
  controller: AbortController;
  following: boolean;
  /** Settles once the first read (the last N minutes) is in the document. */
  loaded: Promise<void>;
  /** Events seen, so an event the poll returns again is not shown twice. */
  seen: Set<string>;
}

export class LogDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly sessions = new Map<string, LogSession>();
  private readonly subscriptions: vscode.Disposable[];
  private counter = 0;

  constructor(private readonly session: AwsSession) {
    this.subscriptions = [
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document.uri.scheme === LOGS_SCHEME) this.close(document.uri);
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.updateContext()),
      // Another profile or region: the clients these documents poll with are gone.
      session.onDidChange(() => {
        for (const uri of [...this.sessions.keys()]) this.stop(vscode.Uri.parse(uri), 'the AWS profile or region changed');
      }),
    ];
  }

  /** Starts reading and opens the document; resolves once the first read is shown. */
  async open(target: LogTarget, options: LogOptions): Promise<vscode.Uri> {
    const id = ++this.counter;
    const label = target.qualifier ? `${target.name}:${target.qualifier}` : target.name;
    const uri = vscode.Uri.from({ scheme: LOGS_SCHEME, path: `/${label.replace(/[\\/?#%]/g, '_')}.dff-log`, query: String(id) });
    const since = Date.now() - options.sinceMinutes * 60_000;
    const controller = new AbortController();
    const session: LogSession = { target, lines: [], dropped: 0, controller, following: options.follow !== false, loaded: Promise.resolve(), seen: new Set() };
    const connection = this.session.connection;
    session.lines.push(
      `# Logs of ${label} · ${target.logGroup}${connection ? ` · ${connection.profile.name} · ${connection.region}` : ''}`,
      `# Since ${new Date(since).toISOString()} (last ${options.sinceMinutes} minutes)${options.filterPattern ? ` · filter ${JSON.stringify(options.filterPattern)}` : ''}`,
    );
    this.sessions.set(uri.toString(), session);
    session.loaded = this.read(uri, session, since, options);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: false });
    await session.loaded;
    // A change fired while VS Code was still opening the document is lost: bring it up to date.
    await this.refreshed(document);
    this.updateContext();
    return uri;
  }

  /** Resolves once the open document shows what the session holds (or after a second at most). */
  private async refreshed(document: vscode.TextDocument): Promise<void> {
    if (document.getText() === this.provideTextDocumentContent(document.uri)) return;
    const updated = new Promise<void>((resolve) => {
      const timer = setTimeout(done, 1_000);
      const listener = vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === document) done();
      });
      function done(): void {
        clearTimeout(timer);
        listener.dispose();
        resolve();
      }
    });
    this.changed.fire(document.uri);
    await updated;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const session = this.sessions.get(uri.toString());
    if (!session) return '# These logs are no longer loaded: run Show Logs again.';
    const head = session.dropped ? [`# (${session.dropped} older lines left out)`] : [];
    return [...session.lines.slice(0, 2), ...head, ...session.lines.slice(2)].join('\n');
  }

  /** Whether new events are still being polled for (tests and the Stop command). */
  isFollowing(uri: vscode.Uri): boolean {
    return this.sessions.get(uri.toString())?.following ?? false;
  }

  /** Waits until the first read is in the document. */
  async loaded(uri: vscode.Uri): Promise<void> {
    await this.sessions.get(uri.toString())?.loaded;
  }

  stop(uri: vscode.Uri, why = 'stopped'): void {
    const session = this.sessions.get(uri.toString());
    if (!session?.following) return;
    session.following = false;
    session.controller.abort();
    this.append(uri, session, [`# Stopped following: ${why}.`]);
    this.updateContext();
  }

  /** The active editor's log, if it is one. */
  activeLog(): vscode.Uri | undefined {
    const uri = vscode.window.activeTextEditor?.document.uri;
    return uri?.scheme === LOGS_SCHEME ? uri : undefined;
  }

  private async read(uri: vscode.Uri, session: LogSession, since: number, options: LogOptions): Promise<void> {
    const engine = loadAwsEngine();
    const { target } = session;
    const { signal } = session.controller;
    let last = since;
    try {
      const clients = await this.session.clients();
      let count = 0;
      for await (const events of engine.readLogs(clients.logs, {
        group: target.logGroup,
        startTime: since,
        ...(options.filterPattern ? { filterPattern: options.filterPattern } : {}),
        ...(target.qualifier ? { qualifier: target.qualifier, lambda: clients.lambda, functionName: target.name } : {}),
        signal,
      })) {
        count += events.length;
        last = Math.max(last, ...events.map((event) => event.timestamp));
        this.append(uri, session, this.format(session, events));
      }
      if (count === 0) this.append(uri, session, ['# No events in this time.']);
    } catch (error) {
      this.fail(uri, session, error, 'read');
      return;
    }
    if (!session.following) return;
    this.append(uri, session, ['# Following new events (run "Stop Following Logs" to stop)…']);
    // Polling runs on after the first read; the caller does not wait for it.
    void this.follow(uri, session, last, options);
  }

  private async follow(uri: vscode.Uri, session: LogSession, since: number, options: LogOptions): Promise<void> {
    const engine = loadAwsEngine();
    const { target } = session;
    try {
      const clients = await this.session.clients();
      for await (const events of engine.followLogs(clients.logs, {
        group: target.logGroup,
        since,
        ...(options.filterPattern ? { filterPattern: options.filterPattern } : {}),
        ...(target.qualifier ? { qualifier: target.qualifier, lambda: clients.lambda, functionName: target.name } : {}),
        signal: session.controller.signal,
      })) {
        this.append(uri, session, this.format(session, events));
      }
    } catch (error) {
      if (!session.following) return; // stopped: the abort is expected
      this.fail(uri, session, error, 'follow');
    }
  }

  private format(session: LogSession, events: LogEvent[]): string[] {
    const lines: string[] = [];
    for (const event of events) {
      const key = event.eventId ?? `${event.logStreamName}/${event.timestamp}/${event.message}`;
      if (session.seen.has(key)) continue;
      session.seen.add(key);
      const time = new Date(event.timestamp).toISOString();
      // Lambda ends every message with a newline; a stack trace is one event of many lines.
      const [first, ...rest] = event.message.replace(/\r?\n$/, '').split(/\r?\n/);
      lines.push(`${time}  ${first}`, ...rest.map((line) => `    ${line}`));
    }
    return lines;
  }

  private fail(uri: vscode.Uri, session: LogSession, error: unknown, what: 'read' | 'follow'): void {
    const connection = this.session.connection;
    const problem = describeProblem(error, { profile: connection?.profile.name, action: `read the logs of ${session.target.name}` });
    if (problem.kind === 'cancelled') return;
    log().error(`Could not ${what} the logs of ${session.target.name}: ${problem.message}`);
    session.following = false;
    this.append(uri, session, [`# ERROR: could not ${what} the logs: ${problem.message}`]);
    this.updateContext();
  }

  private append(uri: vscode.Uri, session: LogSession, lines: string[]): void {
    if (lines.length === 0 || !this.sessions.has(uri.toString())) return;
    session.lines.push(...lines);
    const excess = session.lines.length - 2 - MAX_LINES;
    if (excess > 0) {
      session.lines.splice(2, excess);
      session.dropped += excess;
    }
    this.changed.fire(uri);
  }

  private close(uri: vscode.Uri): void {
    const session = this.sessions.get(uri.toString());
    if (!session) return;
    session.following = false;
    session.controller.abort();
    this.sessions.delete(uri.toString());
    this.updateContext();
  }

  private updateContext(): void {
    const active = this.activeLog();
    void vscode.commands.executeCommand('setContext', FOLLOWING_CONTEXT, Boolean(active && this.isFollowing(active)));
  }

  dispose(): void {
    for (const session of this.sessions.values()) session.controller.abort();
    this.sessions.clear();
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
  }
}
