// A deploy refused before AWS was read (invalid flow, unsupplied parameter, oversized environment...).
import type { DesiredResult } from '../../core/aws/engine';
import type { AwsEngineModule } from '../aws/loadEngine';
import { EXIT_FINDINGS, type CliIo } from '../io';
import { earlyRefusalJson, renderEarlyRefusal } from './planned';
import type { Prepared } from './prepare';

export type DesiredOk = Extract<DesiredResult, { ok: true }>;

/** Prints the refusal (as plan text or plan JSON) and gives exit code 1. */
export function reportEarlyRefusal(engine: AwsEngineModule, prepared: Prepared, region: string | undefined, json: boolean, io: CliIo): number {
  const result = prepared.result as Extract<DesiredResult, { ok: false }>;
  const early = {
    flowPath: prepared.inputs.flowPath,
    flowName: prepared.inputs.flowName,
    targetName: prepared.inputs.targetName,
    functionName: prepared.inputs.target.functionName,
    versionCrn: prepared.versionCrn,
    region,
    refusals: result.refusals,
    warnings: result.warnings,
  };
  io.stdout(json ? `${JSON.stringify(earlyRefusalJson(early, engine.PLAN_JSON_FORMAT_VERSION), null, 2)}\n` : renderEarlyRefusal(early));
  return EXIT_FINDINGS;
}
