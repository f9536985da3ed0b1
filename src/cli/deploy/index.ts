// `dff deploy plan|apply|export`: parse, read the flow and its target, resolve the flow version,
// build the desired deployment, then plan (reading AWS), apply, or export a template.
import { loadAwsEngine } from '../aws/loadEngine';
import { openAwsSession, type AwsSession } from '../aws/connection';
import { reportFailure } from '../aws/failure';
import { type CliIo, EXIT_CANNOT_RUN, EXIT_OK } from '../io';
import { parseOrReportUsage } from '../usage';
import { runApply } from './apply';
import { parseDeployArgs } from './args';
import type { ConfirmingIo } from './confirm';
import type { DeployCliDeps } from './deps';
import { runExport } from './export';
import { DEPLOY_HELP } from './help';
import { runPlan } from './plan';
import { prepareDeploy } from './prepare';
import { reportEarlyRefusal } from './refused';

export type { DeployCliDeps } from './deps';

export async function runDeploy(argv: string[], io: CliIo & ConfirmingIo, deps: DeployCliDeps = {}): Promise<number> {
  const command = parseOrReportUsage('deploy', () => parseDeployArgs(argv), io);
  if (command === undefined) return EXIT_CANNOT_RUN;
  if (command.kind === 'help') {
    io.stdout(DEPLOY_HELP);
    return EXIT_OK;
  }
  const controller = new AbortController();
  const onAbort = (): void => controller.abort();
  deps.signal?.addEventListener('abort', onAbort, { once: true });
  if (deps.signal?.aborted) controller.abort();
  const signal = controller.signal;
  let session: AwsSession | undefined;
  let secrets: string[] = [];
  let profile = command.profile;
  let region = command.region;
  try {
    const engine = await loadAwsEngine();
    const prepared = await prepareDeploy(engine, command, io, {
      signal,
      today: deps.today ?? new Date(deps.now?.() ?? Date.now()),
      catalogClientOptions: deps.catalogClientOptions,
      needsFunctionKey: command.kind !== 'export',
    });
    secrets = prepared.secretValues;
    const { target } = prepared.inputs;
    profile ??= target.profile;
    region ??= target.region;
    if (!prepared.result.ok) return reportEarlyRefusal(engine, prepared, region, command.kind === 'export' ? false : command.json, io);
    if (command.kind === 'export') return await runExport(command, prepared.result, engine, io);
    session = await openAwsSession({ profile, region }, io, deps);
    profile = session.profile.name;
    region = session.region;
    return command.kind === 'plan'
      ? await runPlan(command, prepared.result, session, io, signal)
      : await runApply(command, prepared.result, session, io, deps, signal);
  } catch (error) {
    return await reportFailure(`deploy ${command.kind}`, error, io, { profile, region, action: `${command.kind} the deploy`, secrets });
  } finally {
    session?.factory.destroy();
    deps.signal?.removeEventListener('abort', onAbort);
  }
}
