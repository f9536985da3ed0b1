import * as vscode from 'vscode';
import type { DesiredDeployment } from '../../core/deploy/desired';
import { log } from '../shared/log';
import type { AppliedDeploy, StepFailure } from './backend';
import type { DeployConnection } from './connection';

// How a deploy ends for the user: the version and alias with the actions that follow (Show Logs,
// Invoke, Copy ARN, Reveal in Functions: the Functions view's own commands), or the step that failed,
// why, and that deploying again resumes, with Retry and Show Log.

/** The function a deploy left, as the Functions view's commands take it. */
export interface DeployedFunction {
  functionName: string;
  /** The alias the deploy moved. */
  qualifier: string;
  region: string;
  arn: string;
}

/** The Functions view's actions (src/vscode/aws), reused rather than built again. */
export interface ResultActions {
  showLogs(fn: DeployedFunction): Thenable<unknown>;
  invoke(fn: DeployedFunction): Thenable<unknown>;
  reveal(fn: DeployedFunction): Thenable<unknown>;
  refreshFunctions(): void;
}

export async function showResult(actions: ResultActions, desired: DesiredDeployment, result: AppliedDeploy, connection: DeployConnection): Promise<void> {
  const fn: DeployedFunction = { functionName: desired.functionName, qualifier: result.alias, region: connection.region, arn: result.aliasArn };
  const showLogs = 'Show Logs';
  const invoke = 'Invoke';
  const copyArn = 'Copy ARN';
  const reveal = 'Reveal in Functions';
  const buttons = connection.isSession ? [showLogs, invoke, copyArn, reveal] : [copyArn];
  const choice = await vscode.window.showInformationMessage(
    `Deployed ${desired.flowName} to ${desired.functionName}: version ${result.version}, alias ${result.alias} (${connection.region}).`,
    ...buttons,
  );
  try {
    if (choice === showLogs) await actions.showLogs(fn);
    else if (choice === invoke) await actions.invoke(fn);
    else if (choice === reveal) await actions.reveal(fn);
    else if (choice === copyArn) {
      await vscode.env.clipboard.writeText(result.aliasArn);
      vscode.window.setStatusBarMessage('$(copy) Copied alias ARN', 3000);
    }
  } catch (error) {
    log().error(`${choice}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function showFailure(desired: DesiredDeployment, failure: StepFailure, retry: () => Thenable<unknown>): Promise<void> {
  const denied = failure.deniedAction ? ` AWS denied ${failure.deniedAction}: grant it to your AWS identity.` : '';
  const message = `Deploy of ${desired.functionName} failed at step ${failure.index} of ${failure.total}, "${failure.step}": ${failure.reason}${denied} Deploying again resumes from there: the steps already done are not repeated.`;
  log().error(message);
  const retryLabel = 'Retry';
  const showLog = 'Show Log';
  const choice = await vscode.window.showErrorMessage(message, retryLabel, showLog);
  if (choice === retryLabel) await retry();
  else if (choice === showLog) log().show(true);
}
