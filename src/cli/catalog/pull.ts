// `dff catalog pull <version CRN> [-o file]`
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { flowTextForDisplay } from '../../core/catalog/flowText';
import { EXIT_CANNOT_RUN, EXIT_FINDINGS, EXIT_OK } from '../io';
import type { CommandContext } from './context';
import { withoutControls } from './format';

/** The catalog's text as stored when it is laid out already, else laid out as NiFi does; ends with a line break. */
function pretty(text: string): string {
  const shown = flowTextForDisplay(text);
  return shown.endsWith('\n') ? shown : `${shown}\n`;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

export async function runPull(options: { versionCrn: string; output?: string }, context: CommandContext): Promise<number> {
  const pulled = await context.client.getFlowVersion(options.versionCrn, { signal: context.signal });
  const text = pretty(pulled);
  if (options.output === undefined && context.stdoutIsTerminal && !isJson(pulled)) {
    context.io.stderr(`dff catalog pull: ${withoutControls(options.versionCrn)} is not JSON, so it is not printed to the terminal (it could hold escape sequences). Write it to a file with -o <file>.\n`);
    return EXIT_FINDINGS;
  }
  if (options.output === undefined) {
    context.io.stdout(text);
    return EXIT_OK;
  }
  const target = resolve(context.io.cwd, options.output);
  try {
    await writeFile(target, text, 'utf8');
  } catch (error) {
    context.io.stderr(`dff catalog pull: cannot write ${options.output} (${(error as NodeJS.ErrnoException).code ?? 'error'}). Check the folder exists and is writable.\n`);
    return EXIT_CANNOT_RUN;
  }
  context.io.stderr(`Wrote ${withoutControls(options.versionCrn)} to ${options.output}\n`);
  return EXIT_OK;
}
