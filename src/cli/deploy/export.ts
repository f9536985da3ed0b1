// `dff deploy export <flow> --target <name> --format cloudformation [--out file]`
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { AwsEngineModule } from '../aws/loadEngine';
import { CliProblem } from '../aws/connection';
import { EXIT_OK, type CliIo } from '../io';
import type { DesiredOk } from './refused';

export async function runExport(options: { out?: string }, ok: DesiredOk, engine: AwsEngineModule, io: CliIo): Promise<number> {
  const exported = engine.exportCloudFormation(ok.desired);
  const text = exported.text.endsWith('\n') ? exported.text : `${exported.text}\n`;
  for (const warning of ok.warnings) io.stderr(`Warning: ${warning.message}\n`);
  if (options.out === undefined) io.stdout(text);
  else {
    try {
      await writeFile(resolve(io.cwd, options.out), text, 'utf8');
    } catch (error) {
      throw new CliProblem(`cannot write ${options.out} (${(error as NodeJS.ErrnoException).code ?? 'error'}). Check the folder exists and is writable.`);
    }
    io.stderr(`Wrote the CloudFormation template of target ${ok.desired.targetName} to ${options.out}\n`);
  }
  if (exported.parameters.length) {
    io.stderr('Stack parameters to give when creating the stack (secret ones are NoEcho):\n');
    for (const parameter of exported.parameters) io.stderr(`  ${parameter.name}${parameter.noEcho ? ' (NoEcho)' : ''}: ${parameter.description}\n`);
  }
  return EXIT_OK;
}
