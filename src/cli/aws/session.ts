// Runs one AWS command: opens the connection, links cancellation, reports failures, closes the clients.
import type { CliIo } from '../io';
import type { AwsTargetOptions } from './args';
import { openAwsSession, type AwsCliDeps, type AwsSession } from './connection';
import { reportFailure } from './failure';

export interface SessionRun {
  session: AwsSession;
  signal: AbortSignal;
}

export async function withAwsSession(
  command: string,
  /** `action` is a verb phrase for error messages: 'list functions'. */
  options: AwsTargetOptions & { action?: string },
  io: CliIo,
  deps: AwsCliDeps,
  body: (run: SessionRun) => Promise<number>,
): Promise<number> {
  const controller = new AbortController();
  const onAbort = (): void => controller.abort();
  deps.signal?.addEventListener('abort', onAbort, { once: true });
  if (deps.signal?.aborted) controller.abort();
  let session: AwsSession | undefined;
  try {
    session = await openAwsSession(options, io, deps);
    return await body({ session, signal: controller.signal });
  } catch (error) {
    return await reportFailure(command, error, io, {
      profile: session?.profile.name ?? options.profile,
      region: session?.region ?? options.region,
      action: options.action,
    });
  } finally {
    session?.factory.destroy();
    deps.signal?.removeEventListener('abort', onAbort);
  }
}
