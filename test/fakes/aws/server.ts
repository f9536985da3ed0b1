// A local stand-in of the AWS APIs this extension uses, on one loopback port: it verifies SigV4,
// routes by the service in the signature's scope, injects faults on demand, records every call,
// and lets each service module answer in its own protocol.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import {
  AwsServiceError,
  isReadOperation,
  type AwsCall,
  type AwsIdentity,
  type AwsReply,
  type AwsServiceName,
  type FakeAwsWorld,
  type FaultKind,
  type RecordedCall,
  type ServiceModule,
} from './protocol';
import { createServices, type FakeAwsServices } from './services';
import { credentialScope, signatureError, verifySigV4, type StoredCredential } from './sigv4';

export const DEFAULT_ACCOUNT = '123456789012';
export const DEFAULT_REGION = 'us-east-1';

export interface FakeAwsOptions {
  port?: number;
  account?: string;
  region?: string;
}

export interface CredentialInput {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /** Defaults to the stand-in's account. */
  account?: string;
  /** Defaults to 'dev'; the identity's ARN is arn:aws:iam::<account>:user/<userName>. */
  userName?: string;
}

export interface Fault {
  service?: AwsServiceName;
  operation?: string;
  kind: FaultKind;
  /** How many matching calls fail; default 1. */
  times?: number;
}

export interface FakeAws extends Omit<FakeAwsServices, 'modules'> {
  url: string;
  port: number;
  account: string;
  region: string;
  world: FakeAwsWorld;
  /** Every signed call that reached a service, in order (refused signatures too, with their status). */
  calls: RecordedCall[];
  resetCalls(): void;
  addCredentials(input: CredentialInput): AwsIdentity;
  /** Later calls signed with this key are refused as AWS refuses an expired session. */
  expireCredentials(accessKeyId: string): void;
  /** The next matching call(s) fail with the service's own error for that kind of fault. */
  inject(fault: Fault): void;
  /** Faults injected and not yet spent. */
  pendingFaults(): Fault[];
  /** Moves the stand-in's clock (world.now()) forward; timed states (Pending, InProgress) follow it. */
  advanceClock(ms: number): void;
  close(): Promise<void>;
}

const SERVICES: readonly AwsServiceName[] = ['lambda', 'sts', 'logs', 'iam', 's3', 'secretsmanager'];

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** Where the scope gives no service (no or broken Authorization), guess it from the request so the refusal has the right shape. */
function guessService(request: IncomingMessage, rawPath: string, body: Buffer): AwsServiceName {
  const target = String(request.headers['x-amz-target'] ?? '');
  if (target.startsWith('Logs_')) return 'logs';
  if (target.startsWith('secretsmanager.')) return 'secretsmanager';
  if (rawPath.startsWith('/2015-03-31/') || rawPath.startsWith('/2015-03-31?')) return 'lambda';
  const text = body.toString('utf8');
  if (/(^|&)Version=2011-06-15(&|$)/.test(text)) return 'sts';
  if (/(^|&)Version=2010-05-08(&|$)/.test(text)) return 'iam';
  return 's3';
}

function unknownOperation(service: AwsServiceName, method: string, path: string): AwsServiceError {
  switch (service) {
    case 'lambda':
      return new AwsServiceError('UnknownOperationException', 404, `No operation matches ${method} ${path}`);
    case 'sts':
    case 'iam':
      return new AwsServiceError('InvalidAction', 400, 'Could not find operation for this request.');
    case 's3':
      return new AwsServiceError('NotImplemented', 501, 'A header you provided implies functionality that is not implemented');
    default:
      return new AwsServiceError('UnknownOperationException', 400, '');
  }
}

/** Used only when a service has no module yet: a JSON error body that every SDK can at least name. */
function fallbackError(error: AwsServiceError): AwsReply {
  return {
    status: error.status,
    headers: { 'Content-Type': 'application/json', 'x-amzn-ErrorType': error.code, ...error.headers },
    body: JSON.stringify({ __type: error.code, message: error.message }),
  };
}

function anonymous(accessKeyId: string): AwsIdentity {
  return { accessKeyId, account: '', arn: '', userId: '' };
}

function userId(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  return `AIDA${[...randomBytes(17)].map((b) => alphabet[b % alphabet.length]).join('')}`;
}

export async function startFakeAws(options: FakeAwsOptions = {}): Promise<FakeAws> {
  const account = options.account ?? DEFAULT_ACCOUNT;
  const region = options.region ?? DEFAULT_REGION;
  let clockOffset = 0;
  const world: FakeAwsWorld = { now: () => Date.now() + clockOffset, account, region };
  const services = createServices(world);
  const modules = new Map<AwsServiceName, ServiceModule>(services.modules.map((m) => [m.service, m]));
  const credentials = new Map<string, StoredCredential>();
  const faults: (Fault & { times: number })[] = [];
  const calls: RecordedCall[] = [];

  function takeFault(service: AwsServiceName, operation: string): FaultKind | undefined {
    const index = faults.findIndex((f) => (f.service === undefined || f.service === service) && (f.operation === undefined || f.operation === operation));
    if (index < 0) return undefined;
    const fault = faults[index];
    fault.times -= 1;
    if (fault.times <= 0) faults.splice(index, 1);
    return fault.kind;
  }

  function render(module: ServiceModule | undefined, error: AwsServiceError, call: AwsCall): AwsReply {
    return module ? module.renderError(error, call) : fallbackError(error);
  }

  async function answer(request: IncomingMessage, body: Buffer): Promise<{ reply: AwsReply; record?: RecordedCall }> {
    const rawUrl = request.url ?? '/';
    const q = rawUrl.indexOf('?');
    const rawPath = q >= 0 ? rawUrl.slice(0, q) : rawUrl;
    const rawQuery = q >= 0 ? rawUrl.slice(q + 1) : '';
    let path: string;
    try {
      path = decodeURIComponent(rawPath);
    } catch {
      path = rawPath;
    }
    const method = request.method ?? 'GET';
    const scope = credentialScope(request.headers);
    const service = scope && (SERVICES as readonly string[]).includes(scope.service) ? (scope.service as AwsServiceName) : guessService(request, rawPath, body);
    const module = modules.get(service);
    const call: AwsCall = {
      service,
      region: scope?.region ?? region,
      identity: anonymous(scope?.accessKeyId ?? ''),
      method,
      path,
      query: new URLSearchParams(rawQuery),
      headers: request.headers,
      body,
    };
    const operation = module?.operation(call);
    const verified = verifySigV4({ method, rawPath, rawQuery, headers: request.headers, body }, (id) => credentials.get(id), world.now());
    if (!verified.ok) {
      const reply = render(module, signatureError(service, verified.failure, verified.detail), call);
      return { reply, record: { service, operation: operation ?? 'Unknown', write: !isReadOperation(operation ?? 'Unknown'), status: reply.status } };
    }
    const { credential } = verified;
    call.identity = {
      accessKeyId: credential.accessKeyId,
      account: credential.account,
      arn: `arn:aws:iam::${credential.account}:user/${credential.userName}`,
      userId: credential.userId,
    };
    if (!module) return { reply: fallbackError(new AwsServiceError('UnknownServiceException', 400, `The stand-in does not serve ${service} yet.`)) };
    if (operation === undefined) {
      const reply = module.renderError(unknownOperation(service, method, path), call);
      return { reply, record: { service, operation: 'Unknown', write: method !== 'GET' && method !== 'HEAD', status: reply.status } };
    }
    let reply: AwsReply;
    const fault = takeFault(service, operation);
    if (fault) {
      reply = module.renderError(module.faultError(fault, call, operation), call);
    } else {
      try {
        reply = await module.handle(call, operation);
      } catch (error) {
        const serviceError =
          error instanceof AwsServiceError ? error : new AwsServiceError(service === 's3' ? 'InternalError' : 'ServiceException', 500, `Stand-in failure: ${error instanceof Error ? error.message : String(error)}`);
        reply = module.renderError(serviceError, call);
      }
    }
    return { reply, record: { service, operation, write: !isReadOperation(operation), status: reply.status } };
  }

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    const { reply, record } = await answer(request, body);
    if (record) calls.push(record);
    const payload = reply.body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(reply.body) ? reply.body : Buffer.from(reply.body, 'utf8');
    // The Date header tells the SDK the service's clock; it corrects its own from it, as with AWS.
    const headers: Record<string, string | number> = {
      Date: new Date(world.now()).toUTCString(),
      'x-amzn-RequestId': reply.headers?.['x-amzn-RequestId'] ?? randomBytes(16).toString('hex'),
      ...reply.headers,
    };
    if (request.method !== 'HEAD' || headers['Content-Length'] === undefined) headers['Content-Length'] = payload.length;
    response.writeHead(reply.status, headers);
    response.end(request.method === 'HEAD' ? undefined : payload);
  }

  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    serve(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain' });
      response.end(`Stand-in failure: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const { modules: _modules, ...serviceApis } = services;

  return {
    ...serviceApis,
    url: `http://127.0.0.1:${port}`,
    port,
    account,
    region,
    world,
    calls,
    resetCalls: () => {
      calls.length = 0;
    },
    addCredentials(input) {
      const stored: StoredCredential = {
        accessKeyId: input.accessKeyId,
        secretAccessKey: input.secretAccessKey,
        sessionToken: input.sessionToken,
        account: input.account ?? account,
        userName: input.userName ?? 'dev',
        userId: userId(),
        expired: false,
      };
      credentials.set(input.accessKeyId, stored);
      return { accessKeyId: stored.accessKeyId, account: stored.account, arn: `arn:aws:iam::${stored.account}:user/${stored.userName}`, userId: stored.userId };
    },
    expireCredentials(accessKeyId) {
      const stored = credentials.get(accessKeyId);
      if (!stored) throw new Error(`No credentials with access key id ${accessKeyId}`);
      stored.expired = true;
    },
    inject(fault) {
      faults.push({ ...fault, times: fault.times ?? 1 });
    },
    pendingFaults: () => faults.map((f) => ({ ...f })),
    advanceClock(ms) {
      clockOffset += ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
