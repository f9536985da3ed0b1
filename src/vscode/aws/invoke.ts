import * as path from 'path';
import * as vscode from 'vscode';
import type { InvokeOutcome } from '../../core/aws/engine';
import { loadAwsEngine } from '../lazy';
import { log } from '../shared/log';
import { showAwsError } from './errors';
import type { AwsSession } from './session';
import type { AwsTextDocuments } from './textDocuments';

// "Invoke with Test Event": an S3 object-created event (bucket and key asked for), an empty event,
// or a JSON file of the workspace; one synchronous Invoke with LogType Tail; the result (status,
// function error, payload, decoded log tail) in a read-only document.

export interface InvokeTarget {
  name: string;
  qualifier?: string;
}

/** Test events given without asking (scripts, tests): an S3 event, a payload, or a workspace file. */
export type TestEvent = { event: 's3'; bucket: string; key: string } | { event: 'empty' } | { payload: string } | { file: vscode.Uri };

export interface InvokeResult {
  outcome: InvokeOutcome;
  /** The document that shows it. */
  uri: vscode.Uri;
}

const MAX_JSON_FILES = 500;

export async function invokeWithTestEvent(session: AwsSession, documents: AwsTextDocuments, target: InvokeTarget, given?: TestEvent): Promise<InvokeResult | undefined> {
  const label = target.qualifier ? `${target.name}:${target.qualifier}` : target.name;
  const payload = await eventPayload(session, label, given);
  if (payload === undefined) return undefined;
  let outcome: InvokeOutcome;
  try {
    const clients = await session.clients();
    outcome = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Invoking ${label}…`, cancellable: true },
      (_, token) => {
        const controller = new AbortController();
        token.onCancellationRequested(() => controller.abort());
        return loadAwsEngine().invokeFunction(clients.lambda, { name: target.name, ...(target.qualifier ? { qualifier: target.qualifier } : {}), payload, signal: controller.signal });
      },
    );
  } catch (error) {
    void showAwsError(error, {
      profile: session.connection?.profile.name,
      action: `invoke ${label}`,
      retry: () => invokeWithTestEvent(session, documents, target, { payload }),
    });
    return undefined;
  }
  log().info(`Invoked ${label}: status ${outcome.statusCode}${outcome.functionError ? `, function error ${outcome.functionError}` : ''}${outcome.executedVersion ? `, version ${outcome.executedVersion}` : ''}.`);
  const uri = await documents.show(`${label} invocation.dff-log`, describeOutcome(label, outcome));
  if (outcome.functionError) void vscode.window.showWarningMessage(`${label} returned a function error (${outcome.functionError}): see the invocation's result.`);
  return { outcome, uri };
}

/** The result as a user reads it: status line, the payload (pretty JSON when it is JSON), then the log tail. */
export function describeOutcome(label: string, outcome: InvokeOutcome): string {
  const lines = [
    `# Invocation of ${label}`,
    `# Status: ${outcome.statusCode}${outcome.executedVersion ? ` · executed version ${outcome.executedVersion}` : ''}`,
    outcome.functionError ? `# ERROR: function error: ${outcome.functionError}` : '# No function error',
    '',
    '# Response payload',
    prettyJson(outcome.payload) || '(empty)',
    '',
    '# Log tail (the last 4 KB of the invocation\'s log)',
    outcome.logTail?.replace(/\s+$/, '') || '(none)',
  ];
  return `${lines.join('\n')}\n`;
}

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

async function eventPayload(session: AwsSession, label: string, given?: TestEvent): Promise<string | undefined> {
  if (given) {
    if ('payload' in given) return given.payload;
    if ('file' in given) return readJsonFile(given.file);
    if (given.event === 'empty') return '{}';
    return s3Payload(session, given.bucket, given.key);
  }
  type Item = vscode.QuickPickItem & { pick: 's3' | 'empty' | 'file' };
  const choice = await vscode.window.showQuickPick<Item>(
    [
      { label: '$(database) S3 object created…', description: 'the event an S3 trigger sends; asks for the bucket and key', pick: 's3' },
      { label: '$(json) Empty event', description: '{}', pick: 'empty' },
      { label: '$(file) JSON file from the workspace…', pick: 'file' },
    ],
    { title: `Invoke ${label} with a Test Event`, placeHolder: 'The event to send (a synchronous invocation)' },
  );
  if (!choice) return undefined;
  if (choice.pick === 'empty') return '{}';
  if (choice.pick === 'file') {
    const file = await pickJsonFile(label);
    return file && readJsonFile(file);
  }
  const bucket = await vscode.window.showInputBox({
    title: `Invoke ${label}: S3 object created (1/2)`,
    prompt: 'Bucket name',
    ignoreFocusOut: true,
    validateInput: (value) => (/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(value.trim()) ? undefined : 'An S3 bucket name: 3 to 63 lowercase letters, digits, "." and "-".'),
  });
  if (bucket === undefined) return undefined;
  const key = await vscode.window.showInputBox({
    title: `Invoke ${label}: S3 object created (2/2)`,
    prompt: 'Object key, as stored (it is URL-encoded in the event, as S3 does)',
    ignoreFocusOut: true,
    validateInput: (value) => (value.length > 0 && Buffer.byteLength(value) <= 1024 ? undefined : 'An object key: 1 to 1024 bytes.'),
  });
  if (key === undefined) return undefined;
  return s3Payload(session, bucket.trim(), key);
}

function s3Payload(session: AwsSession, bucket: string, key: string): string {
  const region = session.connection?.region ?? 'us-east-1';
  return JSON.stringify(loadAwsEngine().s3ObjectCreatedEvent({ bucket, key, region }));
}

async function pickJsonFile(label: string): Promise<vscode.Uri | undefined> {
  const files = await vscode.workspace.findFiles('**/*.json', '{**/node_modules/**,**/.git/**}', MAX_JSON_FILES);
  const items = files
    .map((uri) => ({ label: path.basename(uri.path), description: vscode.workspace.asRelativePath(path.dirname(uri.fsPath)), uri }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const choice = await vscode.window.showQuickPick(items, { title: `Invoke ${label} with a JSON File`, placeHolder: files.length ? 'The event to send' : 'No JSON files in the workspace', matchOnDescription: true });
  return choice?.uri;
}

async function readJsonFile(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  const text = open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  try {
    JSON.parse(text);
  } catch (error) {
    void vscode.window.showErrorMessage(`${vscode.workspace.asRelativePath(uri)} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  return text;
}
