// The catalog API surface shared by the core client, the VS Code shell and the CLI.
// Field names follow the CDP `df` API (see cdp-dataflow-catalog-api.md).

export type AuthMethod = 'ed25519v1' | 'rsav1' | 'ecdsav1';

/** An access key and where it came from. The private key never goes into messages or logs. */
export interface CdpAccessKey {
  accessKeyId: string;
  privateKey: string;
  /** Where the key was read, for error messages: a file path, 'environment' or 'VS Code secret storage'. */
  source: string;
}

export interface CdpProfile {
  name: string;
  /** CDP control plane region: us-west-1 (default), eu-1, ap-1, usg-1. */
  region: string;
  /** Base URL of the API, e.g. https://api.us-west-1.cdp.cloudera.com. */
  endpointUrl: string;
  key: CdpAccessKey;
  /** CA certificates (PEM file) to trust instead of the system's: CDP_CA_BUNDLE or the profile's ca_bundle. */
  caBundle?: { path: string; where: string };
}

export interface FlowSummary {
  crn: string;
  name: string;
  versionCount: number;
  modifiedTimestamp?: number;
  artifactType?: string;
  collectionName?: string;
  collectionCrn?: string;
}

/** A version tag as the df API models it (FlowDefinitionTagData, FlowVersionTag). */
export interface FlowVersionTag {
  tagName: string;
  tagColor?: string;
}

export interface FlowVersion {
  crn: string;
  version: number;
  author?: string;
  timestamp?: number;
  comments?: string;
  tags?: FlowVersionTag[];
  deploymentCount?: number;
}

export interface FlowDetail {
  crn: string;
  name: string;
  description?: string;
  author?: string;
  versionCount: number;
  createdTimestamp?: number;
  modifiedTimestamp?: number;
  versions: FlowVersion[];
}

export interface FlowPage {
  flows: FlowSummary[];
  nextToken?: string;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface CatalogClient {
  listFlowDefinitions(request: { pageSize?: number; startingToken?: string; searchTerm?: string }, options?: CallOptions): Promise<FlowPage>;
  /** Follows nextToken until the last page. */
  listAllFlowDefinitions(request: { searchTerm?: string }, options?: CallOptions): Promise<FlowSummary[]>;
  describeFlow(flowCrn: string, options?: CallOptions): Promise<FlowDetail>;
  listFlowDefinitionVersions(flowCrn: string, options?: CallOptions): Promise<FlowVersion[]>;
  /** The flow definition JSON text of one version (decoded from base64). */
  getFlowVersion(flowVersionCrn: string, options?: CallOptions): Promise<string>;
  importFlowDefinition(
    request: { name: string; description?: string; comments?: string; tags?: FlowVersionTag[]; collectionCrn?: string; file: string; fileName?: string },
    options?: CallOptions,
  ): Promise<FlowDetail>;
  /**
   * `file` is the flow definition's text; `fileName` is what the first, signed request names in its
   * required `file` field, as cdpcli sends the path it was given (default "flow.json").
   * `flowName` is not sent: it only names the flow in messages.
   */
  importFlowDefinitionVersion(
    request: { flowCrn: string; flowName?: string; comments?: string; tags?: FlowVersionTag[]; file: string; fileName?: string },
    options?: CallOptions,
  ): Promise<FlowVersion>;
  deleteFlow(flowCrn: string, options?: CallOptions): Promise<void>;
}

export type CatalogErrorKind =
  | 'unauthenticated' // 401: wrong key, or the machine clock is off
  | 'forbidden' // 403: a CDP role is missing
  | 'notFound' // 404
  | 'badRequest' // other 4xx
  | 'throttled' // 429/509 after retries
  | 'unavailable' // 503/5xx after retries
  | 'network' // connection failed after retries
  | 'timeout'
  | 'cancelled'
  | 'credentials' // a profile or key could not be read
  | 'uncertain'; // an import failed or answered oddly after the catalog may have stored it: check before trying again

/** Every failure of the catalog core: the message says what to do and never holds a key. */
export class CatalogError extends Error {
  constructor(
    readonly kind: CatalogErrorKind,
    message: string,
    readonly status?: number,
    readonly code?: string,
    /** The server's x-altus-request-id / x-cdp-request-id, when it answered: support asks for it. */
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'CatalogError';
  }
}
