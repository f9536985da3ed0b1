// What a deploy command reads before it talks to AWS: the flow file, its deploy file and target,
// the sensitive parameter values (DFF_PARAM_<name>, --secret-values) and the function's CDP key
// (DFF_FUNCTION_ACCESS_KEY / DFF_FUNCTION_PRIVATE_KEY). Values are never printed.
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { DeployTarget, FunctionKey } from '../../core/aws/engine';
import type { FlowModel } from '../../core/flow/model';
import { usedContexts } from '../../core/flow/parameterScope';
import { validateText } from '../../core/flow/validate';
import { CliProblem } from '../aws/connection';
import type { AwsEngineModule } from '../aws/loadEngine';
import { decodeFileText } from '../decodeText';
import type { CliIo } from '../io';
import type { DeployInputOptions } from './args';

export const PARAM_ENV_PREFIX = 'DFF_PARAM_';
export const FUNCTION_ACCESS_KEY_ENV = 'DFF_FUNCTION_ACCESS_KEY';
export const FUNCTION_PRIVATE_KEY_ENV = 'DFF_FUNCTION_PRIVATE_KEY';

export interface DeployInputs {
  flowPath: string;
  flowText: string;
  /** The flow's top process group name, when it is a flow with a name. */
  flowName?: string;
  /** Names of the flow's sensitive parameters. */
  sensitiveNames: string[];
  deployFilePath: string;
  targetName: string;
  target: DeployTarget;
}

function reason(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? 'error';
}

async function readText(file: string): Promise<string | undefined> {
  try {
    return decodeFileText(await readFile(file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new CliProblem(`cannot read ${file} (${reason(error)}).`);
  }
}

function sensitiveParameterNames(model: FlowModel | undefined): string[] {
  if (!model) return [];
  return [...new Set(usedContexts(model).flatMap((context) => context.parameters.filter((parameter) => parameter.sensitive).map((parameter) => parameter.name)))];
}

/** The deploy file beside the flow, else the nearest one above it that lists the flow; or the one given. */
async function findTargets(engine: AwsEngineModule, flowPath: string, given: string | undefined, cwd: string) {
  const candidates: string[] = [];
  if (given) candidates.push(path.resolve(cwd, given));
  else for (let folder = path.dirname(flowPath); ; folder = path.dirname(folder)) {
    candidates.push(path.join(folder, engine.DEPLOY_FILE_NAME));
    if (path.dirname(folder) === folder) break;
  }
  const read: string[] = [];
  for (const candidate of candidates) {
    const text = await readText(candidate);
    if (text === undefined) {
      if (given) throw new CliProblem(`cannot read ${given} (ENOENT).`);
      continue;
    }
    const loaded = engine.loadDeployFile(text, candidate);
    if (!loaded.ok) {
      const shown = path.relative(cwd, candidate) || candidate;
      const lines = loaded.problems.map((problem) => `${shown}:${problem.line}:${problem.column}: ${problem.message}`);
      throw new CliProblem(`${shown} has ${loaded.problems.length === 1 ? 'a problem' : `${loaded.problems.length} problems`}:\n${lines.join('\n')}`);
    }
    read.push(candidate);
    const targets = engine.targetsForFlow(loaded.file, flowPath);
    if (targets.length > 0 || given) return { deployFilePath: candidate, targets };
  }
  const shownFlow = path.relative(cwd, flowPath) || flowPath;
  throw new CliProblem(
    read.length
      ? `no deploy target lists ${shownFlow}: ${read.map((file) => path.relative(cwd, file) || file).join(', ')} ${read.length === 1 ? 'has' : 'have'} no entry for it under "flows".`
      : `no ${engine.DEPLOY_FILE_NAME} beside ${shownFlow} or in a folder above it. Create one with a target (see "dff deploy --help"), or make one with "Deploy to Lambda" in VS Code.`,
  );
}

export async function loadDeployInputs(engine: AwsEngineModule, options: DeployInputOptions, io: CliIo): Promise<DeployInputs> {
  const flowPath = path.resolve(io.cwd, options.flow);
  const flowText = await readText(flowPath);
  if (flowText === undefined) throw new CliProblem(`cannot read ${options.flow} (ENOENT).`);
  const validation = validateText(flowText, {});
  if (!validation.isFlow) throw new CliProblem(`${options.flow} is not a NiFi flow definition (no flowContents).`);
  const { deployFilePath, targets } = await findTargets(engine, flowPath, options.deployFile, io.cwd);
  const found = targets.find((candidate) => candidate.name === options.target);
  if (!found) {
    const names = targets.map((candidate) => candidate.name);
    const shown = path.relative(io.cwd, deployFilePath) || deployFilePath;
    throw new CliProblem(`${shown} has no target "${options.target}" for ${options.flow}${names.length ? `; its targets: ${names.join(', ')}` : ''}.`);
  }
  return {
    flowPath,
    flowText,
    flowName: validation.model?.top.name.trim() || undefined,
    sensitiveNames: sensitiveParameterNames(validation.model),
    deployFilePath,
    targetName: found.name,
    target: found.target,
  };
}

export interface SensitiveValues {
  values: Record<string, string>;
  /** DFF_PARAM_<name> variables that name no sensitive parameter of this flow (left out, names only). */
  ignored: string[];
}

/** --secret-values file first, then DFF_PARAM_<name> variables (they win); never from a flag. */
export async function sensitiveValues(options: DeployInputOptions, inputs: DeployInputs, io: CliIo): Promise<SensitiveValues> {
  const values: Record<string, string> = {};
  if (options.secretValues) {
    const text = await readText(path.resolve(io.cwd, options.secretValues));
    if (text === undefined) throw new CliProblem(`cannot read ${options.secretValues} (ENOENT).`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not the parser's message: it may quote part of the file, which holds secrets.
      throw new CliProblem(`${options.secretValues} is not JSON; it should be an object of parameter names to string values.`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new CliProblem(`${options.secretValues} should be a JSON object of parameter names to string values.`);
    }
    for (const [name, value] of Object.entries(parsed)) {
      if (typeof value !== 'string') throw new CliProblem(`${options.secretValues}: the value of "${name}" must be a string.`);
      values[name] = value;
    }
  }
  const ignored: string[] = [];
  for (const [variable, value] of Object.entries(io.env)) {
    if (!variable.startsWith(PARAM_ENV_PREFIX) || value === undefined) continue;
    const name = variable.slice(PARAM_ENV_PREFIX.length);
    // One CI environment may carry the values of several flows: only this flow's sensitive parameters count.
    if (inputs.sensitiveNames.includes(name)) values[name] = value;
    else ignored.push(variable);
  }
  return { values, ignored: ignored.sort() };
}

/** The function's CDP key from the environment; both variables or neither. */
export function functionKey(env: NodeJS.ProcessEnv): FunctionKey | undefined {
  const accessKeyId = env[FUNCTION_ACCESS_KEY_ENV]?.trim();
  const privateKey = env[FUNCTION_PRIVATE_KEY_ENV];
  if (!accessKeyId && !privateKey) return undefined;
  if (!accessKeyId) throw new CliProblem(`${FUNCTION_PRIVATE_KEY_ENV} is set but ${FUNCTION_ACCESS_KEY_ENV} is not: set both (the function's CDP machine-user key) or neither.`);
  if (!privateKey) throw new CliProblem(`${FUNCTION_ACCESS_KEY_ENV} is set but ${FUNCTION_PRIVATE_KEY_ENV} is not: set both (the function's CDP machine-user key) or neither.`);
  return { accessKeyId, privateKey };
}
