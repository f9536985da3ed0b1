// `dff functions invoke <name[:qualifier]> --event s3 --bucket b --key k | --event empty | --payload file.json`
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { InvokeOutcome } from '../../core/aws/engine';
import { CliProblem } from '../aws/connection';
import type { SessionRun } from '../aws/session';
import { decodeFileText } from '../decodeText';
import { EXIT_FINDINGS, EXIT_OK, type CliIo } from '../io';
import type { FunctionRef, InvokeInput } from './args';
import { formatLogTail } from './logLines';

export interface InvokeOptions {
  target: FunctionRef;
  input: InvokeInput;
  json: boolean;
}

async function payloadText(input: InvokeInput, region: string, io: CliIo, session: SessionRun['session']): Promise<string> {
  switch (input.kind) {
    case 'empty':
      return '{}';
    case 's3':
      return JSON.stringify(session.engine.s3ObjectCreatedEvent({ bucket: input.bucket, key: input.key, region }));
    case 'file': {
      let text: string;
      try {
        text = decodeFileText(await readFile(resolve(io.cwd, input.path)));
      } catch (error) {
        throw new CliProblem(`cannot read ${input.path} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
      }
      try {
        JSON.parse(text);
      } catch {
        throw new CliProblem(`${input.path} is not JSON; Lambda takes a JSON event as the payload.`);
      }
      return text;
    }
  }
}

function pretty(payload: string): string {
  try {
    return JSON.stringify(JSON.parse(payload), null, 2);
  } catch {
    return payload;
  }
}

function toJson(outcome: InvokeOutcome): Record<string, unknown> {
  return {
    statusCode: outcome.statusCode,
    ...(outcome.functionError ? { functionError: outcome.functionError } : {}),
    ...(outcome.executedVersion ? { executedVersion: outcome.executedVersion } : {}),
    payload: outcome.payload,
    ...(outcome.logTail !== undefined ? { logTail: outcome.logTail } : {}),
  };
}

export async function runInvoke(options: InvokeOptions, { session, signal }: SessionRun, io: CliIo): Promise<number> {
  const payload = await payloadText(options.input, session.region, io, session);
  const { name, qualifier } = options.target;
  const outcome = await session.engine.invokeFunction(session.factory.lambda(), { name, qualifier, payload, signal });
  const code = outcome.functionError ? EXIT_FINDINGS : EXIT_OK;
  if (options.json) {
    io.stdout(`${JSON.stringify(toJson(outcome), null, 2)}\n`);
    return code;
  }
  const lines = [`Status: ${outcome.statusCode}${outcome.executedVersion ? ` (version ${outcome.executedVersion})` : ''}`];
  if (outcome.functionError) lines.push(`Function error: ${outcome.functionError}`);
  io.stdout(`${lines.join('\n')}\nPayload:\n${outcome.payload === '' ? '(empty)' : pretty(outcome.payload)}\n`);
  if (outcome.logTail !== undefined && outcome.logTail.trim() !== '') {
    io.stdout(`Log tail (the last 4 KB):\n${formatLogTail(outcome.logTail, session.engine.classifyLogLine)}`);
  }
  if (outcome.functionError) io.stderr(`dff functions invoke: ${qualifier ? `${name}:${qualifier}` : name} failed (${outcome.functionError}); see the payload and log tail above.\n`);
  return code;
}
