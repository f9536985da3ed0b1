import * as vscode from 'vscode';
import type { FlowPage } from '../../core/catalog/types';
import { log } from '../shared/log';
import { describeFailure, showCatalogError } from './errors';
import type { CdpSession } from './session';

// After an access key is added: one cheap call (a one-flow page of the catalog) tells the user at
// once whether the key works. The key stays saved either way: the user may just be offline.

/** Checks the active profile's key with a progress notification; `edit` runs when the user picks "Edit key" after a failure. */
export async function checkAccessKey(session: CdpSession, profile: string, edit: () => unknown): Promise<boolean> {
  let page: FlowPage;
  try {
    page = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Checking the CDP access key of profile ${profile}…`, cancellable: true },
      async (_progress, token) => {
        const controller = new AbortController();
        const subscription = token.onCancellationRequested(() => controller.abort());
        try {
          return await (await session.client()).listFlowDefinitions({ pageSize: 1 }, { signal: controller.signal });
        } finally {
          subscription.dispose();
        }
      },
    );
  } catch (error) {
    const failure = describeFailure(error);
    if (failure.kind === 'cancelled') return false;
    log().warn(`Checking the access key of profile ${profile}: ${failure.message}`);
    void vscode.window
      .showErrorMessage(`The access key of profile ${profile} is saved, but it did not work: ${failure.message}`, 'Edit key')
      .then(async (choice) => {
        if (choice === 'Edit key') await edit();
      })
      .then(undefined, (editError: unknown) => showCatalogError('Could not edit the CDP access key', editError));
    return false;
  }
  log().info(`The access key of profile ${profile} works.`);
  void vscode.window.showInformationMessage(`Access key works: ${flowsVisible(page)} (profile ${profile}).`);
  return true;
}

/** A page of one flow tells 0, 1, or more than one. */
function flowsVisible(page: FlowPage): string {
  if (page.nextToken) return '2 or more flows visible';
  return page.flows.length === 1 ? '1 flow visible' : '0 flows visible (the catalog is empty)';
}
