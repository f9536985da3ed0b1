// `dff catalog versions <flow>`
import { EXIT_OK } from '../io';
import type { CommandContext } from './context';
import { flowCrnFor } from './findFlow';
import { formatTime, oneLine, table, withoutControls } from './format';

export async function runVersions(options: { json: boolean; flow: string }, context: CommandContext): Promise<number> {
  const callOptions = { signal: context.signal };
  const flowCrn = await flowCrnFor(options.flow, context.client, callOptions);
  const versions = (await context.client.listFlowDefinitionVersions(flowCrn, callOptions)).sort((a, b) => b.version - a.version);
  if (options.json) {
    context.io.stdout(`${JSON.stringify(versions, null, 2)}\n`);
    return EXIT_OK;
  }
  if (versions.length === 0) {
    context.io.stdout(`Flow ${withoutControls(flowCrn)} has no versions.\n`);
    return EXIT_OK;
  }
  const rows = versions.map((version) => [String(version.version), formatTime(version.timestamp), version.author ?? '', oneLine(version.comments, 40), version.crn]);
  context.io.stdout(table(['VERSION', 'CREATED', 'AUTHOR', 'COMMENTS', 'CRN'], rows));
  return EXIT_OK;
}
