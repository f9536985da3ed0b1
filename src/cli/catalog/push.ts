// `dff catalog push <file>`: validate, then a new version of the flow with that name, or a new flow.
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { countOf } from '../../core/countOf';
import { preparePush } from '../../core/catalog/preparePush';
import { decodeFileText } from '../decodeText';
import { pushFlow } from '../../core/catalog/push';
import { EXIT_CANNOT_RUN, EXIT_FINDINGS, EXIT_OK } from '../io';
import type { CatalogCommand } from './args';
import type { CommandContext } from './context';
import { withoutControls } from './format';

export type PushOptions = Omit<Extract<CatalogCommand, { kind: 'push' }>, 'kind' | 'profile'>;

export async function runPush(options: PushOptions, context: CommandContext): Promise<number> {
  const { io } = context;
  let text: string;
  try {
    text = decodeFileText(await readFile(resolve(io.cwd, options.file)));
  } catch (error) {
    io.stderr(`dff catalog push: cannot read ${options.file} (${(error as NodeJS.ErrnoException).code ?? 'error'}).\n`);
    return EXIT_CANNOT_RUN;
  }
  const prepared = preparePush(text, { name: options.name, failurePorts: options.failurePorts });
  if (!prepared.isFlow) {
    io.stderr(`dff catalog push: ${options.file} is not a NiFi flow definition (no flowContents). Export the flow from NiFi with "Download flow definition".\n`);
    return EXIT_CANNOT_RUN;
  }
  const { errors, firstErrors } = prepared.validation;
  if (errors > 0) {
    for (const finding of firstErrors) {
      io.stderr(`${options.file}:${finding.range.start.line + 1}:${finding.range.start.character + 1}: error ${finding.code}: ${finding.message}\n`);
    }
    if (errors > firstErrors.length) io.stderr(`... and ${errors - firstErrors.length} more errors (dff validate ${options.file} shows them all)\n`);
    if (prepared.unreadable !== undefined) {
      // --force pushes past rule errors, never a file the catalog would answer with HTTP 400.
      io.stderr(`dff catalog push: ${options.file} was not pushed: ${prepared.unreadable}\n`);
      return EXIT_FINDINGS;
    }
    if (!options.force) {
      io.stderr(`dff catalog push: ${countOf(errors, 'error')} in ${options.file}; the function would fail. Fix them, or add --force to push anyway.\n`);
      return EXIT_FINDINGS;
    }
    io.stderr(`Pushing despite ${countOf(errors, 'error')} (--force).\n`);
  }
  const name = prepared.name;
  if (name === undefined) {
    io.stderr(`dff catalog push: the flow in ${options.file} has no name (its top process group is unnamed). Give one with --name <name>.\n`);
    return EXIT_CANNOT_RUN;
  }
  const result = await pushFlow(
    context.client,
    { name, fileText: text, comments: options.comments ?? '', description: options.description, tags: options.tags, fileName: basename(options.file) },
    { signal: context.signal },
  );
  if (options.json) {
    io.stdout(`${JSON.stringify({ name, ...result }, null, 2)}\n`);
    return EXIT_OK;
  }
  io.stderr(result.created ? `Created flow "${name}" (version ${result.version}).\n` : `Added version ${result.version} to flow "${name}".\n`);
  if (result.warning) io.stderr(`Warning: ${withoutControls(result.warning, true)}\n`);
  io.stdout(`${result.versionCrn}\n`);
  return EXIT_OK;
}
