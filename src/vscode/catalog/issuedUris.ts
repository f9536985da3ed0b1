// The dff-catalog: URIs this extension made (from the Catalog view's own listing). Only those are
// served: a URI of the scheme written anywhere else (a $schema in a workspace file, a link) would
// otherwise make a signed catalog call as soon as VS Code resolves it. No vscode import: unit-tested.

export class IssuedUris {
  private readonly issued = new Set<string>();

  /** Remembers a URI the extension made; returns it. */
  issue(uri: string): string {
    this.issued.add(uri);
    return uri;
  }

  has(uri: string): boolean {
    return this.issued.has(uri);
  }
}

/** The one list of URIs made in this window. */
export const issuedCatalogUris = new IssuedUris();

export function notIssuedError(uri: string): Error {
  return new Error(`${uri.slice(0, 200)} was not opened from the DataFlow Catalog view, so it is not loaded (a file or link cannot make catalog calls). Open the version from the Catalog view.`);
}
