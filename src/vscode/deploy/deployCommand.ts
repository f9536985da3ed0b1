import * as path from 'path';
import * as vscode from 'vscode';
import type { DesiredDeployment, DesiredResult, FunctionKey } from '../../core/deploy/desired';
import type { NamedTarget } from '../../core/deploy/target';
import type { AwsSession } from '../aws/session';
import type { CdpSession } from '../catalog/session';
import { requireTrust } from '../catalog/trust';
import { loadAwsEngine } from '../lazy';
import { log } from '../shared/log';
import { applyPlanned, planDeploy, StepFailure, type PlannedDeploy } from './backend';
import { connectForTarget, type DeployConnection } from './connection';
import { DeployFileError, findFlowTargets, showDeployFileProblem, writeTarget } from './deployFiles';
import { readFlowText } from './flowText';
import type { FunctionKeys } from './functionKey';
import { askNewTarget, targetFromAnswers } from './newTargetWizard';
import type { DeployOptions, DeployOutcome } from './options';
import { showFailure, showResult, type ResultActions } from './outcome';
import { NEW_TARGET, pickTarget, rememberTarget } from './pickTarget';
import type { PlanDocuments } from './planDocuments';
import { askSensitiveValues } from './sensitiveValues';
import { NoFlowVersionError, resolveVersionCrn } from './versionCrn';
import { wizardSuggestions } from './suggestions';

// "Deploy to Lambda…": flow file -> target (picked, or created by the guided input) -> flow version
// -> sensitive values and the function's key -> plan under progress -> the plan in a read-only
// document -> a modal naming account, region and function -> apply with cancellable progress ->
// the result with Show Logs, Invoke, Copy ARN and Reveal in Functions, or which step failed and why.

export interface DeployDependencies {
  aws: AwsSession;
  cdp: CdpSession;
  keys: FunctionKeys;
  workspaceState: vscode.Memento;
  plans: PlanDocuments;
  actions: ResultActions;
  /** Called with each outcome (the API keeps the last for tests). */
  onOutcome(outcome: DeployOutcome): void;
}

/** Deploys one flow file; resolves to what happened (never rejects: failures are shown). */
export async function deployFlowFile(deps: DeployDependencies, flow: vscode.Uri, options: DeployOptions): Promise<DeployOutcome> {
  const outcome = await deploy(deps, flow, options).catch(async (error: unknown): Promise<DeployOutcome> => {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof DeployFileError) {
      const open = 'Open dff.deploy.json';
      void vscode.window.showErrorMessage(`Cannot deploy ${path.basename(flow.fsPath)}: ${message}`, open).then(async (choice) => {
        if (choice === open) await showDeployFileProblem(error);
      });
    } else if (error instanceof NoFlowVersionError) {
      const push = 'Push to Catalog';
      void vscode.window.showErrorMessage(`Cannot deploy ${path.basename(flow.fsPath)}: ${message}`, push).then(async (choice) => {
        if (choice === push) await vscode.commands.executeCommand('dff.catalog.push', flow);
      });
    } else {
      const problem = loadAwsEngine().describeAwsError(error, { action: `deploy ${path.basename(flow.fsPath)}` });
      if (problem.kind === 'cancelled') return { status: 'cancelled' };
      log().error(`Deploy of ${path.basename(flow.fsPath)}: ${problem.message}`);
      void vscode.window.showErrorMessage(`Could not deploy ${path.basename(flow.fsPath)}: ${problem.message}`, 'Show Log').then((choice) => choice && log().show(true));
      return { status: 'failed', reason: problem.message };
    }
    return { status: 'failed', reason: message };
  });
  deps.onOutcome(outcome);
  return outcome;
}

async function deploy(deps: DeployDependencies, flow: vscode.Uri, options: DeployOptions): Promise<DeployOutcome> {
  if (!requireTrust('deploy flows to AWS Lambda')) return { status: 'cancelled' };
  const fileName = path.basename(flow.fsPath);
  const flowText = await readFlowText(flow, options.unsaved);
  if (flowText === undefined) return { status: 'cancelled' };

  const named = await chooseTarget(deps, flow, fileName, options);
  if (!named) return { status: 'cancelled' };
  const { target } = named;
  await rememberTarget(deps.workspaceState, flow, named.name);

  // The flow itself first: a refusal that needs no AWS call (validation errors, parameters, env size)
  // is shown before anything is asked or read.
  const probe = buildDesired(flow, flowText, named, options.versionCrn ?? PLACEHOLDER_CRN, {}, undefined);
  const early = probe.ok ? [] : probe.refusals.filter((refusal) => refusal.code !== 'version-crn-invalid' && refusal.code !== 'function-key-missing');
  if (early.length > 0) return refused(deps, named, early.map((refusal) => refusal.message), { functionName: target.functionName });

  const version = options.versionCrn ? { versionCrn: options.versionCrn, how: 'chosen in the Catalog view' } : await resolveVersionCrn(target, flow, probe.ok ? probe.desired.flowName : undefined, deps.workspaceState, deps.cdp);
  const sensitiveNames = probe.ok ? probe.desired.parameters.filter((parameter) => parameter.sensitive).map((parameter) => parameter.name) : [];
  const sensitiveValues = options.sensitiveValues ?? (await askSensitiveValues(probe.ok ? probe.desired : undefined, sensitiveNames));
  if (!sensitiveValues) return { status: 'cancelled' };
  const functionKey = await deps.keys.choose(options.functionKey, target.functionName);
  if (!functionKey) return { status: 'cancelled' };

  const built = buildDesired(flow, flowText, named, version.versionCrn, sensitiveValues, functionKey);
  for (const warning of built.warnings) log().warn(`Deploy ${named.name}: ${warning.message}`);
  if (!built.ok) return refused(deps, named, built.refusals.map((refusal) => refusal.message), { functionName: target.functionName });
  const desired = built.desired;
  log().info(`Deploy ${fileName} to ${desired.functionName} (target ${named.name}): flow version ${version.versionCrn} (${version.how})`);

  const connection = await connectForTarget(deps.aws, target);
  try {
    return await planAndApply(deps, flow, named, desired, connection, options, built.warnings.map((warning) => warning.message));
  } finally {
    connection.dispose();
  }
}

async function planAndApply(
  deps: DeployDependencies,
  flow: vscode.Uri,
  named: NamedTarget,
  desired: DesiredDeployment,
  connection: DeployConnection,
  options: DeployOptions,
  warnings: string[],
): Promise<DeployOutcome> {
  const where = { functionName: desired.functionName, account: connection.account, region: connection.region, targetName: named.name };
  const planned = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Planning the deploy of ${desired.functionName} (${connection.region})…`, cancellable: true },
    (_progress, token) => withSignal(token, (signal) => planDeploy(connection, desired, { signal, confirmForeignSecret: options.confirmForeignSecret, forcePublish: options.forcePublish })),
  );
  const planText = withWarnings(planned.text, [...warnings, ...planned.warnings]);
  await deps.plans.show(`${desired.functionName} ${named.name} plan`, planText);

  if (planned.refusals.length > 0) {
    return refused(deps, named, planned.refusals, { ...where, planText });
  }
  if (planned.changes === 0) {
    void vscode.window.showInformationMessage(`No changes: ${desired.functionName} (${connection.region}) already runs this flow version with these settings. Nothing was written.`);
    log().info(`Deploy ${desired.functionName}: no changes, no write call.`);
    return { status: 'noChanges', ...where, planText };
  }
  if (!options.confirm && !(await confirmDeploy(planned, connection, desired))) return { status: 'cancelled', ...where, planText };
  return apply(deps, flow, named, planned, connection, options, planText);
}

async function apply(
  deps: DeployDependencies,
  flow: vscode.Uri,
  named: NamedTarget,
  planned: PlannedDeploy,
  connection: DeployConnection,
  options: DeployOptions,
  planText: string,
): Promise<DeployOutcome> {
  const { desired } = planned;
  const where = { functionName: desired.functionName, account: connection.account, region: connection.region, targetName: named.name, planText };
  const writes = connection.isSession ? deps.aws.onDidCall((event) => event.write && log().info(`AWS ${event.service} ${event.operation}${event.target ? ` ${event.target}` : ''}: ${event.outcome}`)) : undefined;
  try {
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Deploying ${desired.functionName}`, cancellable: true },
      (progress, token) =>
        withSignal(token, (signal) =>
          applyPlanned(connection, planned, {
            signal,
            onStep: (index, total, title) => {
              log().info(`Deploy ${desired.functionName}: step ${index} of ${total}: ${title}`);
              progress.report({ message: `step ${index} of ${total}: ${title}`, increment: 100 / Math.max(total, 1) });
            },
          }),
        ),
    );
    log().info(`Deployed ${desired.functionName} version ${result.version} behind alias ${result.alias} (${result.aliasArn}).`);
    if (connection.isSession) deps.actions.refreshFunctions();
    void showResult(deps.actions, desired, result, connection);
    return { status: 'deployed', ...where, version: result.version, alias: result.alias, aliasArn: result.aliasArn };
  } catch (error) {
    if (error instanceof StepFailure) {
      if (error.cancelled) {
        void vscode.window.showWarningMessage(`Deploy of ${desired.functionName} cancelled during "${error.step}". Deploy again to finish it: steps already done are not repeated.`);
        return { status: 'cancelled', ...where, failedStep: error.step };
      }
      void showFailure(desired, error, () => vscode.commands.executeCommand('dff.deploy.deploy', flow, { ...options, target: named.name }));
      return { status: 'failed', ...where, failedStep: error.step, reason: error.reason };
    }
    throw error;
  } finally {
    writes?.dispose();
  }
}

async function chooseTarget(deps: DeployDependencies, flow: vscode.Uri, fileName: string, options: DeployOptions): Promise<NamedTarget | undefined> {
  const found = await findFlowTargets(flow);
  if (options.target) {
    const named = found.targets.find((item) => item.name === options.target);
    if (named) return named;
    if (!options.newTarget) throw new Error(`${vscode.workspace.asRelativePath(found.deployFile)} has no target "${options.target}" for ${fileName}.`);
  }
  const picked = options.newTarget ? NEW_TARGET : await pickTarget(deps.workspaceState, flow, fileName, found.targets);
  if (picked !== NEW_TARGET) return picked;
  const answers = options.newTarget ?? (await askNewTarget(fileName, found.targets.map((item) => item.name), wizardSuggestions(deps.aws)));
  if (!answers) return undefined;
  const target = targetFromAnswers(answers, path.dirname(found.deployFile.fsPath));
  const written = await writeTarget(flow, found.deployFile, answers.name, target);
  log().info(`Added target ${answers.name} for ${fileName} to ${vscode.workspace.asRelativePath(written)}.`);
  return { name: answers.name, target };
}

/** A syntactically valid version CRN for the first, AWS-free check; never deployed. */
const PLACEHOLDER_CRN = 'crn:cdp:df:us-west-1:00000000-0000-0000-0000-000000000000:flow:placeholder/v.1';

function buildDesired(
  flow: vscode.Uri,
  flowText: string,
  named: NamedTarget,
  versionCrn: string,
  sensitiveValues: Record<string, string>,
  functionKey: FunctionKey | undefined,
): DesiredResult {
  return loadAwsEngine().buildDesired({
    flowText,
    flowPath: flow.fsPath,
    targetName: named.name,
    target: named.target,
    versionCrn,
    sensitiveValues,
    functionKey,
    today: new Date(),
  });
}

function refused(deps: DeployDependencies, named: NamedTarget, reasons: string[], where: Partial<DeployOutcome>): DeployOutcome {
  log().warn(`Deploy ${named.name} refused:\n${reasons.map((reason) => `  - ${reason}`).join('\n')}`);
  // Several reasons do not fit a notification: they are listed in the plan document (shown already
  // when the refusal came from the plan), and the notification offers it.
  const showReasons = 'Show Reasons';
  const document = where.planText ?? `Deploy of ${named.target.functionName} (target ${named.name}) refused. Nothing was changed.\n\n${reasons.map((reason) => `- ${reason}`).join('\n')}\n`;
  const first = reasons[0] ?? 'the plan was refused';
  const more = reasons.length > 1 ? ` (and ${reasons.length - 1} more reason${reasons.length === 2 ? '' : 's'})` : '';
  void vscode.window.showErrorMessage(`Not deployed: ${first}${more}`, showReasons).then(async (choice) => {
    if (choice === showReasons) await deps.plans.show(`${named.target.functionName} ${named.name} refused`, document);
  });
  return { status: 'refused', targetName: named.name, refusals: reasons, ...where };
}

async function confirmDeploy(planned: PlannedDeploy, connection: DeployConnection, desired: DesiredDeployment): Promise<boolean> {
  const deploy = 'Deploy';
  const choice = await vscode.window.showWarningMessage(
    `Deploy ${desired.flowName} to ${desired.functionName} in account ${connection.account}, region ${connection.region}?`,
    {
      modal: true,
      detail:
        `${planned.changes} change${planned.changes === 1 ? '' : 's'} (see the plan beside the editor), profile ${connection.profile}, alias ${desired.alias}.\n` +
        planned.summary.map((line) => `• ${line}`).join('\n'),
    },
    deploy,
  );
  return choice === deploy;
}

function withWarnings(text: string, warnings: string[]): string {
  if (warnings.length === 0) return text;
  return `${text.trimEnd()}\n\nWarnings:\n${warnings.map((warning) => `  - ${warning}`).join('\n')}\n`;
}

async function withSignal<T>(token: vscode.CancellationToken, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const subscription = token.onCancellationRequested(() => controller.abort());
  try {
    return await run(controller.signal);
  } finally {
    subscription.dispose();
  }
}
