import * as path from 'path';
import * as vscode from 'vscode';
import type { PushValidationSummary } from '../../core/catalog/preparePush';
import type { PushResult } from '../../core/catalog/push';
import { loadCatalogEngine } from '../lazy';
import { readEditorOrFile } from '../shared/editorText';
import { log } from '../shared/log';
import { failurePorts } from '../validation/settings';
import { showCatalogError } from './errors';
import { askFlowName } from './pushName';
import type { CdpSession } from './session';
import { requireTrust } from './trust';

// "Push to DataFlow Catalog": validate the flow file, ask for the flow name (picked from the
// catalog's flows, see pushName.ts) and version comments, push it as a new flow or a new version
// of the flow with that name, and remember the version CRN per file for the deploy.

/** What a script (or a test) may decide instead of being asked. */
export interface PushOptions {
  name?: string;
  comments?: string;
  /** true: push even when the flow has errors; false: refuse such a flow without asking. Unset: ask. */
  pushWithErrors?: boolean;
  /** For an editor with unsaved changes: save first, or push the editor text as it is. */
  unsaved?: 'save' | 'editorText';
}

export interface PushDependencies {
  session: CdpSession;
  workspaceState: vscode.Memento;
  /** Called after every push so the Catalog view shows the new version. */
  refresh(): void;
  reveal(flowCrn: string, versionCrn: string): Promise<unknown>;
  /** Refreshes the Catalog view and selects the flow of that name (or says it is not there). */
  showFlowNamed(name: string): Promise<unknown>;
}

export const lastPushedVersionKey = (uri: vscode.Uri) => `dff.lastPushedVersion:${uri.toString()}`;
const lastPushedNameKey = (uri: vscode.Uri) => `dff.lastPushedFlowName:${uri.toString()}`;

export function registerPushCommand(deps: PushDependencies): vscode.Disposable {
  // Files being pushed: a second click (CodeLens, title button) while the first push runs would
  // otherwise see no flow of that name yet and create a second one.
  const running = new Set<string>();
  return vscode.commands.registerCommand('dff.catalog.push', async (target?: unknown, options?: unknown) => {
    if (!requireTrust('push flows to the DataFlow Catalog')) return undefined;
    const uri = target instanceof vscode.Uri ? target : vscode.window.activeTextEditor?.document.uri;
    if (!uri) {
      void vscode.window.showErrorMessage('Open a flow definition file (or right-click one in the Explorer) to push it to the DataFlow Catalog.');
      return undefined;
    }
    const key = uri.toString();
    if (running.has(key)) {
      void vscode.window.showInformationMessage(`A push of ${path.basename(uri.path)} is already running. Wait for it to finish before pushing the file again.`);
      return undefined;
    }
    running.add(key);
    try {
      return await pushFile(deps, uri, isPushOptions(options) ? options : {});
    } finally {
      running.delete(key);
    }
  });
}

function isPushOptions(value: unknown): value is PushOptions {
  // The explorer passes the selected URIs as a second argument; that is not options.
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function pushFile(deps: PushDependencies, uri: vscode.Uri, options: PushOptions): Promise<PushResult | undefined> {
  const fileName = path.basename(uri.path);
  const text = await readFlowText(uri, options);
  if (text === undefined) return undefined;

  const prepared = loadCatalogEngine().preparePush(text, { name: options.name, failurePorts: failurePorts(uri) });
  if (!prepared.isFlow) {
    void vscode.window.showErrorMessage(
      `${fileName} is not a NiFi flow definition (it has no "flowContents"). In NiFi, right-click the process group and choose Download flow definition.`,
    );
    return undefined;
  }
  const { validation, unreadable } = prepared;
  if (unreadable !== undefined) {
    // The catalog answers such a file with HTTP 400, and a function could not load it: never pushed, whatever pushWithErrors says.
    void vscode.window.showErrorMessage(`${fileName} was not pushed: ${unreadable} Fix it (see the Problems panel) and push again.`, 'Show Problems')
      .then((choice) => (choice ? vscode.commands.executeCommand('workbench.actions.view.problems') : undefined));
    return undefined;
  }
  if (validation.errors > 0 && options.pushWithErrors === false) {
    void vscode.window.showErrorMessage(
      `${fileName} was not pushed: it has ${errorCount(validation)} that would make the function fail. Fix them (see the Problems panel) and push again.`,
    );
    return undefined;
  }
  if (validation.errors > 0 && !options.pushWithErrors && !(await confirmPushWithErrors(fileName, validation))) {
    return undefined;
  }

  // A name given by a script is final; otherwise the user confirms the name last pushed from this file, or the flow's own.
  const name = options.name?.trim() || (await askFlowName(deps.session, deps.workspaceState.get<string>(lastPushedNameKey(uri)) ?? prepared.name ?? ''));
  if (!name) return undefined;
  const comments =
    options.comments ??
    (await vscode.window.showInputBox({
      title: `Push ${name} to the DataFlow Catalog`,
      prompt: 'Comments for this version (optional)',
      placeHolder: 'What changed in this version',
      ignoreFocusOut: true,
    }));
  if (comments === undefined) return undefined;

  let result: PushResult;
  try {
    const client = await deps.session.client();
    result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Pushing ${name} to the DataFlow Catalog…`, cancellable: true },
      (_progress, token) => {
        const controller = new AbortController();
        const subscription = token.onCancellationRequested(() => controller.abort());
        return loadCatalogEngine()
          .pushFlow(client, { name, fileText: text, comments, fileName }, { signal: controller.signal })
          .finally(() => subscription.dispose());
      },
    );
  } catch (error) {
    // Retry is offered only for failures before the upload; once the upload may have reached the
    // catalog ('uncertain'), pushing again could add a second version, so it shows the flow instead.
    void showCatalogError(`Could not push ${name}`, error, {
      retry: () => vscode.commands.executeCommand('dff.catalog.push', uri, { ...options, name, comments }),
      showInCatalog: () => deps.showFlowNamed(name),
    });
    return undefined;
  }

  await deps.workspaceState.update(lastPushedVersionKey(uri), result.versionCrn);
  await deps.workspaceState.update(lastPushedNameKey(uri), name);
  log().info(`Pushed ${fileName} as ${result.created ? 'new flow' : 'a new version of'} ${name} v${result.version}: ${result.versionCrn}`);
  deps.refresh();
  void announce(deps, name, result);
  if (result.warning) void warn(deps, name, result.warning);
  return result;
}

/** The push worked but needs a look, e.g. another flow of the same name was created at the same time. */
async function warn(deps: PushDependencies, name: string, warning: string): Promise<void> {
  log().warn(`Pushed ${name}: ${warning}`);
  const choice = await vscode.window.showWarningMessage(warning, 'Show in Catalog');
  if (choice === 'Show in Catalog') await deps.showFlowNamed(name);
}

async function announce(deps: PushDependencies, name: string, result: PushResult): Promise<void> {
  const choice = await vscode.window.showInformationMessage(`Pushed ${name} v${result.version}: ${result.versionCrn}`, 'Copy CRN', 'Reveal in Catalog');
  if (choice === 'Copy CRN') {
    await vscode.env.clipboard.writeText(result.versionCrn);
    vscode.window.setStatusBarMessage('$(copy) Copied version CRN', 3000);
  } else if (choice === 'Reveal in Catalog') {
    await deps.reveal(result.flowCrn, result.versionCrn);
  }
}

/** The text to push: an open editor's text (saved first if the user wants), else the file. */
function readFlowText(uri: vscode.Uri, options: PushOptions): Promise<string | undefined> {
  return readEditorOrFile(uri, options.unsaved, { verb: 'Push', notDone: 'pushed', detail: 'Push the text as it is in the editor, or save the file first?' });
}

function errorCount(validation: PushValidationSummary): string {
  return `${validation.errors} error${validation.errors === 1 ? '' : 's'}`;
}

async function confirmPushWithErrors(fileName: string, validation: PushValidationSummary): Promise<boolean> {
  const pushAnyway = 'Push Anyway';
  const showProblems = 'Show Problems';
  const count = errorCount(validation);
  const shown = validation.firstErrors.map((finding) => `• ${finding.message}`);
  if (validation.errors > shown.length) shown.push(`… and ${validation.errors - shown.length} more`);
  const choice = await vscode.window.showWarningMessage(
    `${count}. Push anyway?`,
    { modal: true, detail: `${fileName} has ${count} that would make the function fail:\n${shown.join('\n')}` },
    // The first button is the default one (Enter): it must not push a broken flow.
    showProblems,
    pushAnyway,
  );
  if (choice === showProblems) await vscode.commands.executeCommand('workbench.actions.view.problems');
  return choice === pushAnyway;
}
