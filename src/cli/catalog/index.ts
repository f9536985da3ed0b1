// Placeholder so `dff catalog` dispatches before the catalog commands land; replaced by their author.
import { type CliIo, EXIT_CANNOT_RUN } from '../io';

export async function runCatalog(_argv: string[], io: CliIo): Promise<number> {
  io.stderr('dff catalog: not available in this build\n');
  return EXIT_CANNOT_RUN;
}
