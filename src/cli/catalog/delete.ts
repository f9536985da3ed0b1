// `dff catalog delete <flow CRN> --yes`
import { EXIT_OK } from '../io';
import type { CommandContext } from './context';

export async function runDelete(options: { flowCrn: string }, context: CommandContext): Promise<number> {
  await context.client.deleteFlow(options.flowCrn, { signal: context.signal });
  context.io.stdout(`Deleted ${options.flowCrn}\n`);
  return EXIT_OK;
}
