// An AWS failure as one line on stderr (what went wrong and what to do), and the exit code it means.
import { type CliIo, EXIT_CANNOT_RUN, EXIT_FINDINGS } from '../io';
import { CliProblem } from './connection';
import { loadAwsEngine } from './loadEngine';

/** Kinds that mean the command could not run at all: fix the credentials and run it again. */
const CANNOT_RUN_KINDS = new Set(['noCredentials', 'ssoExpired', 'expired', 'rejected']);

/** Programming errors are not AWS failures: they go up to main's "unexpected failure" message. */
function isBug(error: unknown): boolean {
  return error instanceof TypeError || error instanceof ReferenceError || error instanceof RangeError || error instanceof SyntaxError;
}

export async function reportFailure(command: string, error: unknown, io: CliIo, context: { profile?: string; region?: string; action?: string; secrets?: string[] }): Promise<number> {
  if (error instanceof CliProblem) {
    io.stderr(`dff ${command}: ${error.message}\n`);
    return error.exitCode;
  }
  if (isBug(error)) throw error;
  const engine = await loadAwsEngine();
  if (error instanceof engine.AwsConfigError) {
    io.stderr(`dff ${command}: ${error.message}\n`);
    return EXIT_CANNOT_RUN;
  }
  const problem = engine.describeAwsError(error, context);
  io.stderr(`dff ${command}: ${problem.message}\n`);
  return CANNOT_RUN_KINDS.has(problem.kind) ? EXIT_CANNOT_RUN : EXIT_FINDINGS;
}
