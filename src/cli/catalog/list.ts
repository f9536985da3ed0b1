// `dff catalog list`
import { EXIT_OK } from '../io';
import type { CommandContext } from './context';
import { formatTime, table, withoutControls } from './format';

export async function runList(options: { json: boolean; search?: string }, context: CommandContext): Promise<number> {
  const flows = await context.client.listAllFlowDefinitions({ searchTerm: options.search }, { signal: context.signal });
  if (options.json) {
    context.io.stdout(`${JSON.stringify(flows, null, 2)}\n`);
    return EXIT_OK;
  }
  if (flows.length === 0) {
    context.io.stdout(options.search ? `No flows in the catalog match "${withoutControls(options.search)}".\n` : 'The catalog has no flows yet. Push one with: dff catalog push <file>\n');
    return EXIT_OK;
  }
  const rows = flows.map((flow) => [flow.name, String(flow.versionCount), formatTime(flow.modifiedTimestamp), flow.crn]);
  context.io.stdout(table(['NAME', 'VERSIONS', 'MODIFIED', 'CRN'], rows));
  return EXIT_OK;
}
