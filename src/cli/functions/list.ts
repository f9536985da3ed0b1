// `dff functions list [--all] [--json]`
import { formatTime, table } from '../catalog/format';
import { EXIT_OK, type CliIo } from '../io';
import type { SessionRun } from '../aws/session';
import type { FunctionSummary, FunctionWarning } from '../../core/aws/engine';
import { mapLimited } from './mapLimited';

interface ListedFunction {
  summary: FunctionSummary;
  dataflowFunction: boolean;
  warnings: FunctionWarning[];
}

/** The documented --json shape of one function (see dff functions --help and the README). */
function toJson({ summary, dataflowFunction, warnings }: ListedFunction): Record<string, unknown> {
  const flow = summary.flow;
  return {
    name: summary.name,
    arn: summary.arn,
    dataflowFunction,
    flow: flow
      ? { name: flow.name, version: flow.version ?? null, crn: flow.flowCrn, versionCrn: flow.version === undefined ? null : summary.flowCrnValue ?? null }
      : null,
    runtime: summary.runtime ?? null,
    handler: summary.handler ?? null,
    memoryMb: summary.memory ?? null,
    timeoutSeconds: summary.timeout ?? null,
    state: summary.state ?? null,
    ...(summary.stateReason ? { stateReason: summary.stateReason } : {}),
    lastUpdateStatus: summary.lastUpdateStatus ?? null,
    lastModified: summary.lastModified ?? null,
    logGroup: summary.logGroup,
    warnings: warnings.map(({ code, message }) => ({ code, message })),
  };
}

const STATE_READS_IN_PARALLEL = 4;

function lastModifiedText(value: string | undefined): string {
  if (!value) return '';
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : formatTime(time);
}

export async function runList(options: { all: boolean; json: boolean }, { session, signal }: SessionRun, io: CliIo): Promise<number> {
  const { engine } = session;
  const lambda = session.factory.lambda();
  const summaries: FunctionSummary[] = [];
  for await (const page of engine.listFunctionPages(lambda, { all: options.all, signal })) summaries.push(...page);
  // ListFunctions leaves out State and LastUpdateStatus: read each function's configuration for them.
  const listed = await mapLimited(summaries, STATE_READS_IN_PARALLEL, async (listedSummary): Promise<ListedFunction> => {
    const summary = await engine.readFunctionSummary(lambda, listedSummary.name, undefined, signal).catch((error: unknown) => {
      // Deleted since it was listed: show what the listing said.
      if ((error as { name?: string }).name === 'ResourceNotFoundException') return listedSummary;
      throw error;
    });
    const dataflowFunction = engine.isDataFlowFunction(summary);
    return { summary, dataflowFunction, warnings: dataflowFunction ? engine.functionWarnings(summary, undefined, {}) : [] };
  });
  listed.sort((a, b) => a.summary.name.localeCompare(b.summary.name));
  if (options.json) {
    io.stdout(`${JSON.stringify({ profile: session.profile.name, region: session.region, functions: listed.map(toJson) }, null, 2)}\n`);
    return EXIT_OK;
  }
  if (listed.length === 0) {
    io.stdout(
      options.all
        ? `No Lambda functions in ${session.region} (profile ${session.profile.name}).\n`
        : `No DataFlow Functions in ${session.region} (profile ${session.profile.name}). "dff functions list --all" lists every Lambda function.\n`,
    );
    return EXIT_OK;
  }
  const rows = listed.map(({ summary, dataflowFunction, warnings }) => [
    summary.name,
    summary.flow?.name ?? (dataflowFunction ? '?' : '-'),
    summary.flow?.version === undefined ? (summary.flow ? '?' : '-') : `v.${summary.flow.version}`,
    summary.runtime ?? '',
    summary.memory === undefined ? '' : `${summary.memory} MB`,
    summary.state ?? '',
    lastModifiedText(summary.lastModified),
    warnings.length ? String(warnings.length) : '',
  ]);
  io.stdout(table(['NAME', 'FLOW', 'VERSION', 'RUNTIME', 'MEMORY', 'STATE', 'LAST MODIFIED', 'WARNINGS'], rows));
  const warned = listed.filter((entry) => entry.warnings.length > 0);
  if (warned.length) {
    io.stdout('\nWarnings:\n');
    for (const { summary, warnings } of warned) for (const warning of warnings) io.stdout(`  ${summary.name}: ${warning.message}\n`);
  }
  return EXIT_OK;
}
