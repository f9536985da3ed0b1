// What an invocation does in the stand-in. It cannot run NiFi, so by default it behaves as a
// DataFlow Function would given its configuration (refusing to start without DF_ACCESS_KEY,
// DF_PRIVATE_KEY or FLOW_CRN); a seeded function may script its own answer. Each invocation logs
// START/END/REPORT lines into the function's log group, in a stream named as Lambda names them.
import { randomBytes, randomUUID } from 'node:crypto';
import type { FakeAwsWorld } from './protocol';
import { logGroupOf, type FunctionConfig, type InvokeScript, type StoredFunction } from './lambdaModel';

export const DFF_HANDLER = 'com.cloudera.naaf.aws.lambda.StatelessNiFiFunctionHandler::handleRequest';
export const DFF_REQUIRED_ENVIRONMENT = ['DF_ACCESS_KEY', 'DF_PRIVATE_KEY', 'FLOW_CRN'] as const;
/** X-Amz-Log-Result carries the last 4 KB of the invocation's log. */
export const LOG_TAIL_BYTES = 4096;

export interface InvocationOutcome {
  requestId: string;
  payload: string;
  functionError?: 'Handled' | 'Unhandled';
  /** The invocation's whole log text, lines ending in \n. */
  log: string;
}

function javaTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

/** A log stream name as Lambda makes them: YYYY/MM/DD/[<version>]<32 hex digits>. */
export function logStreamName(ms: number, version: string): string {
  const day = new Date(ms).toISOString().slice(0, 10).replace(/-/g, '/');
  return `${day}/[${version}]${randomBytes(16).toString('hex')}`;
}

function defaultScript(config: FunctionConfig, event: unknown, now: number): InvokeScript {
  if (config.handler !== DFF_HANDLER) return { payload: null, logLines: [] };
  const env = config.environment ?? {};
  const logger = 'c.c.n.a.l.StatelessNiFiFunctionHandler';
  const missing = DFF_REQUIRED_ENVIRONMENT.find((key) => !env[key]);
  if (missing) {
    const message = `Environment variable ${missing} is required but was not set`;
    return {
      functionError: 'Unhandled',
      payload: { errorMessage: message, errorType: 'java.lang.IllegalStateException', stackTrace: ['com.cloudera.naaf.aws.lambda.StatelessNiFiFunctionHandler.handleRequest(StatelessNiFiFunctionHandler.java:87)'] },
      logLines: [`${javaTimestamp(now)} ERROR [main] ${logger} - ${message}`, `java.lang.IllegalStateException: ${message}`],
    };
  }
  const size = Buffer.byteLength(JSON.stringify(event ?? null));
  const failurePorts = env.FAILURE_PORTS ? ` (failure ports: ${env.FAILURE_PORTS})` : '';
  return {
    payload: { status: 'success', flow: env.FLOW_CRN, flowFiles: 1 },
    logLines: [
      `${javaTimestamp(now)} INFO [main] ${logger} - Running flow ${env.FLOW_CRN}${failurePorts}`,
      `${javaTimestamp(now)} INFO [main] ${logger} - Triggering flow with an event of ${size} bytes`,
      `${javaTimestamp(now)} INFO [main] ${logger} - Flow completed: 1 FlowFile transferred to output port success`,
    ],
  };
}

/** e.g. java11 -> java:11.v1, nodejs20.x -> nodejs:20.v1 (the shape of Lambda's runtime versions). */
function runtimeVersion(runtime: string): string {
  return `${runtime.replace(/^([a-z]+)/, '$1:').replace(/\.(x|al2|al2023)$/, '')}.v1`;
}

/** Runs one invocation of `version` with `config`, writing its log through world.logs. */
export function runInvocation(fn: StoredFunction, version: string, config: FunctionConfig, event: unknown, world: FakeAwsWorld): InvocationOutcome {
  const now = world.now();
  const requestId = randomUUID();
  const scripted = typeof fn.invokeScript === 'function' ? fn.invokeScript(event, version) : fn.invokeScript;
  const script = scripted ?? defaultScript(config, event, now);
  let stream = fn.warmStreams.get(version);
  const cold = stream === undefined;
  if (stream === undefined) {
    stream = logStreamName(now, version);
    fn.warmStreams.set(version, stream);
  }
  const duration = cold ? 2350.17 : 412.48;
  const lines = [
    ...(cold ? [`INIT_START Runtime Version: ${runtimeVersion(config.runtime)}\tRuntime Version ARN: arn:aws:lambda:${fn.region}::runtime:${'0'.repeat(64)}`] : []),
    `START RequestId: ${requestId} Version: ${version}`,
    ...(script.logLines ?? []),
    `END RequestId: ${requestId}`,
    `REPORT RequestId: ${requestId}\tDuration: ${duration.toFixed(2)} ms\tBilled Duration: ${Math.ceil(duration)} ms\tMemory Size: ${config.memorySize} MB\tMax Memory Used: ${Math.min(config.memorySize, 180)} MB${cold ? '\tInit Duration: 5123.45 ms' : ''}`,
  ];
  world.logs?.append(logGroupOf(fn, config), stream, lines, now);
  return {
    requestId,
    payload: script.payload === undefined ? '' : JSON.stringify(script.payload),
    functionError: script.functionError,
    log: lines.map((line) => `${line}\n`).join(''),
  };
}

/** The base64 of the last 4 KB of an invocation's log, as X-Amz-Log-Result carries it. */
export function logTail(log: string): string {
  const bytes = Buffer.from(log, 'utf8');
  return bytes.subarray(Math.max(0, bytes.length - LOG_TAIL_BYTES)).toString('base64');
}
