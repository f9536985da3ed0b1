// From the command line to the desired deployment: inputs, flow version, values, function key.
import * as path from 'node:path';
import type { DesiredResult } from '../../core/aws/engine';
import type { CatalogClientOptions } from '../../core/catalog/client';
import type { AwsEngineModule } from '../aws/loadEngine';
import type { CliIo } from '../io';
import type { DeployInputOptions } from './args';
import { resolveVersionCrn } from './flowVersion';
import { functionKey, loadDeployInputs, sensitiveValues, type DeployInputs } from './inputs';

export interface Prepared {
  inputs: DeployInputs;
  versionCrn: string;
  result: DesiredResult;
  /** Values that go only to the secret: scrubbed from anything printed. */
  secretValues: string[];
}

export async function prepareDeploy(
  engine: AwsEngineModule,
  options: DeployInputOptions,
  io: CliIo,
  context: { signal: AbortSignal; today: Date; catalogClientOptions?: CatalogClientOptions; needsFunctionKey: boolean },
): Promise<Prepared> {
  const inputs = await loadDeployInputs(engine, options, io);
  const key = context.needsFunctionKey ? functionKey(io.env) : undefined;
  const supplied = await sensitiveValues(options, inputs, io);
  if (supplied.ignored.length) io.stderr(`Note: ${supplied.ignored.join(', ')} ${supplied.ignored.length === 1 ? 'names' : 'name'} no sensitive parameter of this flow; left out.\n`);
  const version = await resolveVersionCrn(engine, inputs.target, options.flowVersion, inputs.flowName, {
    profile: options.cdpProfile,
    clientOptions: context.catalogClientOptions,
    signal: context.signal,
    io,
  });
  io.stderr(`Flow version: ${version.versionCrn} (${version.how}).\n`);
  const result = engine.buildDesired({
    flowText: inputs.flowText,
    flowPath: inputs.flowPath,
    targetName: inputs.targetName,
    target: inputs.target,
    deployFileDir: path.dirname(inputs.deployFilePath),
    versionCrn: version.versionCrn,
    sensitiveValues: supplied.values,
    ...(key ? { functionKey: key } : {}),
    today: context.today,
  });
  return {
    inputs,
    versionCrn: version.versionCrn,
    result,
    secretValues: [...Object.values(supplied.values), ...(key ? [key.privateKey] : [])],
  };
}
