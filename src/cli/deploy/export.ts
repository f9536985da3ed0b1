// `dff deploy export <flow> --target <name> --format cloudformation [--out file]`
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { AwsEngineModule } from '../aws/loadEngine';
import { CliProblem } from '../aws/connection';
import { EXIT_CANNOT_RUN, EXIT_OK, type CliIo } from '../io';
import type { DesiredOk } from './refused';

export async function runExport(options: { out?: string }, ok: DesiredOk, engine: AwsEngineModule, io: CliIo): Promise<number> {
  // TODO(coredeploy): exportCloudFormation has not landed in src/core/deploy yet; call it directly once it has.
  const exportCloudFormation = (engine as Partial<Record<'exportCloudFormation', (desired: DesiredOk['desired']) => unknown>>).exportCloudFormation;
  if (!exportCloudFormation) throw new CliProblem('this build of dff cannot export CloudFormation templates yet (the deploy core has no exporter).', EXIT_CANNOT_RUN);
  const exported = exportCloudFormation(ok.desired);
  const text = typeof exported === 'string' ? exported : `${JSON.stringify(exported, null, 2)}\n`;
  for (const warning of ok.warnings) io.stderr(`Warning: ${warning.message}\n`);
  if (options.out === undefined) {
    io.stdout(text.endsWith('\n') ? text : `${text}\n`);
    return EXIT_OK;
  }
  try {
    await writeFile(resolve(io.cwd, options.out), text, 'utf8');
  } catch (error) {
    throw new CliProblem(`cannot write ${options.out} (${(error as NodeJS.ErrnoException).code ?? 'error'}). Check the folder exists and is writable.`);
  }
  io.stderr(`Wrote the CloudFormation template of target ${ok.desired.targetName} to ${options.out}\n`);
  return EXIT_OK;
}
