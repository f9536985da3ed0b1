// A local stand-in of the CDP DataFlow Catalog API for tests: signed requests, paging, redirect uploads, failures on demand.
import { randomUUID, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { toPublicKey, verifyAltusAuth } from './altusAuth';
import { FlowStore, flowDetailJson, flowSummaryJson, versionJson, type StoredFlow } from './flowStore';
import { FakeIam, IAM_PREFIX, IamFailure } from './iamService';

/**
 * A status to answer with, a connection dropped before the request is handled ('drop'), no answer
 * ever ('stall'), or the request handled and stored but the connection dropped instead of the
 * answer ('dropAnswer': the client cannot tell it worked), or an upload stored but answered with
 * something that is not JSON ('notJsonAnswer').
 */
export type InjectedFailure = number | 'drop' | 'stall' | 'dropAnswer' | 'notJsonAnswer';

export interface FakeCatalogOptions {
  port?: number;
  /** Most flows per listFlowDefinitions page, whatever pageSize asks (to exercise paging). Default 100. */
  pageLimit?: number;
  /** Server clock for the x-altus-date check. */
  now?: () => Date;
  /** Author recorded on new flows and versions. */
  author?: string;
  /** Serve https with this certificate instead of plain http. */
  tls?: { key: string; cert: string };
}

export interface UploadRecord {
  operation: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface FakeCatalog {
  url: string;
  port: number;
  accountId: string;
  addKey(accessKeyId: string, publicKey: string | KeyObject): void;
  seedFlow(name: string, versions: { fileText: string; comments?: string; author?: string }[]): string;
  /** Inspectable state: flow CRN -> flow with its versions (file text included). */
  flows: Map<string, StoredFlow>;
  /**
   * Fail the next `count` requests (of `opName`, if given). An import's opName matches both its steps;
   * "<operation>:upload" matches only the upload.
   */
  failNext(failure: InjectedFailure, count?: number, opName?: string): void;
  /** Every request's operation name in order; uploads are logged as "<operation>:upload". */
  requests: string[];
  /** The JSON body of every API request (not uploads) that parsed, in order. */
  apiBodies: { operation: string; body: Record<string, unknown> }[];
  uploads: UploadRecord[];
  /** CDP IAM's machine-user operations at /iam/<operation> (iamService.ts); its keys sign catalog calls too. */
  iam: FakeIam;
  close(): Promise<void>;
}

const API_PREFIX = '/api/v1/df/';
// The df service redirects an import to its upload path (/dfx/api/flows/..., as in the CDP Java SDK's tests).
const UPLOAD_PREFIX = '/dfx/api/flows/';
const CODES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ALREADY_EXISTS',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
  509: 'RESOURCE_EXHAUSTED',
};

class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  // The df service names each request for support in x-cdp-request-id.
  response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), 'x-cdp-request-id': randomUUID(), ...headers });
  response.end(text);
}

function sendError(response: ServerResponse, status: number, message: string): void {
  send(response, status, { code: CODES[status] ?? 'UNKNOWN', message });
}

function requiredString(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (typeof value !== 'string' || value === '') throw new ApiError(400, `${name} is required.`);
  return value;
}

function optionalString(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new ApiError(400, `${name} must be a string.`);
  return value;
}

/** A FlowDefinitionTagData / FlowVersionTag: {tagName (required), tagColor?}, nothing else (df.yaml). */
function checkTags(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw new ApiError(400, `${where} must be an array of {tagName, tagColor} objects.`);
  for (const tag of value) {
    const fields = tag && typeof tag === 'object' && !Array.isArray(tag) ? (tag as Record<string, unknown>) : undefined;
    const known = fields && Object.keys(fields).every((key) => key === 'tagName' || key === 'tagColor');
    if (!fields || !known || typeof fields.tagName !== 'string' || !fields.tagName || (fields.tagColor !== undefined && typeof fields.tagColor !== 'string')) {
      throw new ApiError(400, `${where}: each tag must be {tagName, tagColor}, got ${JSON.stringify(tag)}.`);
    }
  }
  return value;
}

function decodedHeader(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined) return undefined;
  try {
    return decodeURIComponent(text);
  } catch {
    throw new ApiError(400, `Header ${name} is not URI-encoded.`);
  }
}

export async function startFakeCatalog(options: FakeCatalogOptions = {}): Promise<FakeCatalog> {
  const now = options.now ?? (() => new Date());
  const author = options.author ?? 'flow.engineer@example.com';
  const pageLimit = options.pageLimit ?? 100;
  const store = new FlowStore(() => now().getTime());
  const keys = new Map<string, KeyObject>();
  const failures: { failure: InjectedFailure; remaining: number; opName?: string }[] = [];
  const pendingUploads = new Map<string, { operation: string; params: Record<string, unknown> }>();
  const requests: string[] = [];
  const apiBodies: { operation: string; body: Record<string, unknown> }[] = [];
  const uploads: UploadRecord[] = [];
  const sockets = new Set<Socket>();
  let baseUrl = '';
  const iam = new FakeIam(store.accountId, 'us-west-1', keys, now);

  function takeFailure(operation: string, logged: string): InjectedFailure | undefined {
    const index = failures.findIndex((entry) => !entry.opName || entry.opName === operation || entry.opName === logged);
    if (index < 0) return undefined;
    const entry = failures[index];
    if (--entry.remaining <= 0) failures.splice(index, 1);
    return entry.failure;
  }

  function listFlowDefinitions(body: Record<string, unknown>): unknown {
    const pageSize = body.pageSize ?? 100;
    if (typeof pageSize !== 'number' || !Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) {
      throw new ApiError(400, 'pageSize must be an integer from 1 to 100.');
    }
    const token = optionalString(body, 'startingToken');
    const start = token === undefined ? 0 : Number(Buffer.from(token, 'base64url').toString('utf8').replace(/^offset:/, ''));
    if (!Number.isInteger(start) || start < 0) throw new ApiError(400, 'startingToken is not a token this API gave out.');
    const term = optionalString(body, 'searchTerm')?.toLowerCase();
    const matching = store.sorted().filter((flow) => !term || flow.name.toLowerCase().includes(term));
    const size = Math.min(pageSize, pageLimit);
    const page = matching.slice(start, start + size);
    const next = start + size < matching.length ? Buffer.from(`offset:${start + size}`).toString('base64url') : undefined;
    return { flows: page.map(flowSummaryJson), ...(next ? { nextToken: next } : {}) };
  }

  function flowOrNotFound(crn: string): StoredFlow {
    const flow = store.flows.get(crn);
    if (!flow) throw new ApiError(404, `Flow ${crn} not found.`);
    return flow;
  }

  function redirect(operation: string, params: Record<string, unknown>, host: string | undefined): { status: number; location: string } {
    const token = randomUUID();
    pendingUploads.set(token, { operation, params });
    // Back to the host the client called (a name that reached this server through a proxy included).
    const origin = host ? `${options.tls ? 'https' : 'http'}://${host}` : baseUrl;
    return { status: 307, location: `${origin}${UPLOAD_PREFIX}${token}` };
  }

  /** What the df API requires of an import's first request: `file` (a string, df.yaml ImportFlowDefinitionRequest) and well-formed tags. */
  function checkImportParameters(body: Record<string, unknown>): void {
    requiredString(body, 'file');
    if (body.tags !== undefined) checkTags(body.tags, 'tags');
  }

  function handleApi(operation: string, body: Record<string, unknown>, host?: string): { status: number; body?: unknown; location?: string } {
    switch (operation) {
      case 'listFlowDefinitions':
        return { status: 200, body: listFlowDefinitions(body) };
      case 'describeFlow':
        return { status: 200, body: { flowDetail: flowDetailJson(flowOrNotFound(requiredString(body, 'flowCrn'))) } };
      case 'listFlowDefinitionVersions': {
        const flow = flowOrNotFound(requiredString(body, 'flowCrn'));
        const term = optionalString(body, 'searchTerm')?.toLowerCase();
        const versions = [...flow.versions].reverse().filter((version) => !term || version.comments.toLowerCase().includes(term));
        return { status: 200, body: { flowVersions: versions.map(versionJson) } };
      }
      case 'getFlowVersion': {
        const crn = requiredString(body, 'flowVersionCrn');
        const version = store.findVersion(crn);
        if (!version) throw new ApiError(404, `Flow version ${crn} not found.`);
        return { status: 200, body: { flowDefinition: Buffer.from(version.fileText, 'utf8').toString('base64') } };
      }
      case 'importFlowDefinition':
        requiredString(body, 'name');
        checkImportParameters(body);
        return redirect(operation, body, host);
      case 'importFlowDefinitionVersion':
        flowOrNotFound(requiredString(body, 'flowCrn'));
        checkImportParameters(body);
        return redirect(operation, body, host);
      case 'deleteFlow': {
        const flow = flowOrNotFound(requiredString(body, 'flowCrn'));
        store.flows.delete(flow.crn);
        return { status: 200, body: { flow: flowSummaryJson(flow) } };
      }
      default:
        throw new ApiError(404, `Operation ${operation} not found.`);
    }
  }

  function handleUpload(request: IncomingMessage, pending: { operation: string; params: Record<string, unknown> }, fileText: string): unknown {
    if (!/^application\/json\b/.test(request.headers['content-type'] ?? '')) throw new ApiError(400, 'The flow definition must be sent as application/json.');
    try {
      JSON.parse(fileText);
    } catch {
      throw new ApiError(400, 'The flow definition file is not valid JSON.');
    }
    const comments = decodedHeader(request, 'Flow-Definition-Comments') ?? '';
    const tagsHeader = decodedHeader(request, 'Flow-Definition-Tags');
    let tags: unknown[] = [];
    if (tagsHeader !== undefined) {
      try {
        const parsed = JSON.parse(tagsHeader) as { tags?: unknown };
        if (!Array.isArray(parsed.tags)) throw new Error('no tags');
        tags = parsed.tags;
      } catch {
        throw new ApiError(400, 'Flow-Definition-Tags must be JSON {"tags": [...]}.');
      }
      checkTags(tags, 'Flow-Definition-Tags');
    }
    if (pending.operation === 'importFlowDefinition') {
      const name = decodedHeader(request, 'Flow-Definition-Name');
      if (!name) throw new ApiError(400, 'Flow-Definition-Name header is required.');
      if (store.byName(name)) throw new ApiError(409, `A flow named ${name} already exists.`);
      const flow = store.createFlow(name, decodedHeader(request, 'Flow-Definition-Description') ?? '', author);
      store.addVersion(flow, fileText, comments, author, tags);
      return flowDetailJson(flow);
    }
    const flow = flowOrNotFound(String(pending.params.flowCrn));
    return versionJson(store.addVersion(flow, fileText, comments, author, tags));
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://fake').pathname;
    const isUpload = path.startsWith(UPLOAD_PREFIX);
    const pending = isUpload ? pendingUploads.get(path.slice(UPLOAD_PREFIX.length)) : undefined;
    const isIam = path.startsWith(IAM_PREFIX);
    const operation = isUpload ? (pending?.operation ?? 'unknownUpload') : path.startsWith(API_PREFIX) ? path.slice(API_PREFIX.length) : isIam ? path.slice(IAM_PREFIX.length) : path;
    const logged = isUpload ? `${operation}:upload` : operation;
    requests.push(logged);
    const body = await readBody(request);

    const failure = takeFailure(operation, logged);
    if (failure === 'drop') {
      request.socket.destroy();
      return;
    }
    if (failure === 'stall') return;
    if (typeof failure === 'number') return sendError(response, failure, `Injected failure ${failure}.`);

    if (request.method !== 'POST') return sendError(response, 405 as number, 'Only POST is supported.');
    const auth = verifyAltusAuth(request.method, path, request.headers, keys, now());
    if (!auth.ok) return sendError(response, 401, auth.message);

    try {
      if (!isIam) iam.authorizeCatalog(auth.accessKeyId, operation);
      if (isUpload) {
        if (!pending) throw new ApiError(404, 'This upload address is unknown or was used already.');
        pendingUploads.delete(path.slice(UPLOAD_PREFIX.length));
        const fileText = body.toString('utf8');
        uploads.push({ operation, path, headers: Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)])), body: fileText });
        const answer = handleUpload(request, pending, fileText);
        if (failure === 'dropAnswer') return void request.socket.destroy();
        if (failure === 'notJsonAnswer') return void response.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>Stored</html>');
        return send(response, 200, answer);
      }
      let parsed: unknown;
      try {
        parsed = body.length ? JSON.parse(body.toString('utf8')) : {};
      } catch {
        throw new ApiError(400, 'The request body is not JSON.');
      }
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new ApiError(400, 'The request body must be a JSON object.');
      apiBodies.push({ operation, body: parsed as Record<string, unknown> });
      if (isIam) {
        const answer = iam.handle(operation, parsed as Record<string, unknown>, auth.accessKeyId);
        if (failure === 'dropAnswer') return void request.socket.destroy();
        return send(response, 200, answer);
      }
      const result = handleApi(operation, parsed as Record<string, unknown>, request.headers.host);
      if (failure === 'dropAnswer') return void request.socket.destroy();
      if (result.location) {
        response.writeHead(result.status, { Location: result.location, 'Content-Length': 0 });
        response.end();
        return;
      }
      send(response, result.status, result.body);
    } catch (error) {
      if (error instanceof ApiError || error instanceof IamFailure) return sendError(response, error.status, error.message);
      sendError(response, 500, 'Internal error in the fake catalog.');
    }
  }

  const listener = (request: IncomingMessage, response: ServerResponse): void => {
    handle(request, response).catch(() => {
      if (!response.headersSent) sendError(response, 500, 'Internal error in the fake catalog.');
    });
  };
  const server = options.tls ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, listener) : createServer(listener);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`;

  return {
    url: baseUrl,
    port,
    accountId: store.accountId,
    flows: store.flows,
    requests,
    apiBodies,
    uploads,
    iam,
    addKey(accessKeyId, publicKey) {
      keys.set(accessKeyId, toPublicKey(publicKey));
    },
    seedFlow(name, versions) {
      const flow = store.byName(name) ?? store.createFlow(name, '', versions[0]?.author ?? author);
      for (const version of versions) store.addVersion(flow, version.fileText, version.comments ?? '', version.author ?? author);
      return flow.crn;
    },
    failNext(failure, count = 1, opName) {
      failures.push({ failure, remaining: count, opName });
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
