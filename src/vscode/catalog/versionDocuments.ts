import * as vscode from 'vscode';
import { loadCatalogEngine } from '../lazy';
import { issuedCatalogUris, notIssuedError } from './issuedUris';
import type { CdpSession } from './session';

// Read-only documents for catalog flow versions: dff-catalog:/<flow name> v<N>.json?<version CRN>.
// The .json name makes VS Code treat them as JSON, so they are validated like any flow file.

export const CATALOG_SCHEME = 'dff-catalog';

export function versionUri(flowName: string, version: number, versionCrn: string): vscode.Uri {
  const safeName = flowName.replace(/[\\/?#%]/g, '_');
  const uri = vscode.Uri.from({ scheme: CATALOG_SCHEME, path: `/${safeName} v${version}.json`, query: versionCrn });
  issuedCatalogUris.issue(uri.toString());
  return uri;
}

export class VersionDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  /** Text of the versions that are open (or opening), by version CRN. A flow can be tens of MB. */
  private readonly contents = new Map<string, Promise<string>>();
  private readonly closing: vscode.Disposable;

  constructor(private readonly session: CdpSession) {
    // Forget a version once VS Code has no document of it left; opening it again loads it again.
    this.closing = vscode.workspace.onDidCloseTextDocument((document) => {
      if (document.uri.scheme !== CATALOG_SCHEME) return;
      const versionCrn = document.uri.query;
      const stillOpen = vscode.workspace.textDocuments.some((other) => other !== document && other.uri.scheme === CATALOG_SCHEME && other.uri.query === versionCrn);
      if (!stillOpen) this.contents.delete(versionCrn);
    });
  }

  /**
   * Loads a version before it is opened: a failure then reaches the caller as the catalog's error
   * (its kind decides whether Retry helps), not as VS Code's "cannot open" wrapped around it.
   */
  async prefetch(uri: vscode.Uri): Promise<void> {
    const never = new vscode.CancellationTokenSource();
    try {
      await this.provideTextDocumentContent(uri, never.token);
    } finally {
      never.dispose();
    }
  }

  provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    // Only URIs this extension made: one from a workspace file or link must not make a signed call.
    if (!issuedCatalogUris.has(uri.toString())) return Promise.reject(notIssuedError(uri.toString()));
    const versionCrn = uri.query;
    let content = this.contents.get(versionCrn);
    if (!content) {
      content = this.load(versionCrn, token);
      this.contents.set(versionCrn, content);
      // A failed load must not stay cached: the next open tries again.
      const loading = content;
      loading.catch(() => {
        if (this.contents.get(versionCrn) === loading) this.contents.delete(versionCrn);
      });
    }
    return content;
  }

  private async load(versionCrn: string, token: vscode.CancellationToken): Promise<string> {
    const controller = new AbortController();
    const subscription = token.onCancellationRequested(() => controller.abort());
    try {
      const client = await this.session.client();
      // As stored when it is laid out already, so comparing it with the pushed file shows no change.
      return loadCatalogEngine().flowTextForDisplay(await client.getFlowVersion(versionCrn, { signal: controller.signal }));
    } finally {
      subscription.dispose();
    }
  }

  dispose(): void {
    this.closing.dispose();
    this.contents.clear();
  }
}

