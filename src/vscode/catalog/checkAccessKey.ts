import * as vscode from 'vscode';
import type { CatalogClient, FlowPage } from '../../core/catalog/types';
import { log } from '../shared/log';
import { flowsVisible } from './accessKeyShape';
import { describeFailure } from './errors';

// Before an added access key is saved and made the active profile: one cheap call (the first page
// of the catalog, at the API's largest page size) tells whether the key works, and how many flows it sees.

/** The API's largest page of listFlowDefinitions (1..100). */
const CHECK_PAGE_SIZE = 100;

export type KeyCheck = { outcome: 'works'; flowsVisible: string } | { outcome: 'cancelled' } | { outcome: 'failed'; reason: string };

/** Checks a key through `client` with a progress notification; says nothing else (the caller decides what to keep). */
export async function checkAccessKey(profile: string, client: () => Promise<CatalogClient>): Promise<KeyCheck> {
  let page: FlowPage;
  try {
    page = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Checking the CDP access key of profile ${profile}…`, cancellable: true },
      async (_progress, token) => {
        const controller = new AbortController();
        const subscription = token.onCancellationRequested(() => controller.abort());
        try {
          return await (await client()).listFlowDefinitions({ pageSize: CHECK_PAGE_SIZE }, { signal: controller.signal });
        } finally {
          subscription.dispose();
        }
      },
    );
  } catch (error) {
    const failure = describeFailure(error);
    if (failure.kind === 'cancelled') return { outcome: 'cancelled' };
    log().warn(`Checking the access key of profile ${profile}: ${failure.message}`);
    return { outcome: 'failed', reason: failure.message };
  }
  log().info(`The access key of profile ${profile} works.`);
  return { outcome: 'works', flowsVisible: flowsVisible(page) };
}
