import * as vscode from 'vscode';
import type { AwsProblem } from '../../core/aws/engine';
import { loadAwsEngine } from '../lazy';
import { log } from '../shared/log';

// AWS failures as a sentence saying what went wrong and what to do (the core's describeAwsError),
// with the actions that help: sign in again for an expired SSO session, another profile for missing
// or rejected credentials, Retry for what may pass, and the log.

export const CHOOSE_AWS_PROFILE = 'Choose AWS Profile';
export const RELOAD_CREDENTIALS = 'Reload AWS Credentials';
export const SIGN_IN = 'Sign In';
export const RETRY = 'Retry';
export const SHOW_LOG = 'Show Log';

export function describeProblem(error: unknown, context: { profile?: string; action?: string } = {}): AwsProblem {
  return loadAwsEngine().describeAwsError(error, context);
}

/** Failures that another profile, a reload or a new login fixes. */
export function isCredentialProblem(kind: AwsProblem['kind']): boolean {
  return kind === 'noCredentials' || kind === 'ssoExpired' || kind === 'expired' || kind === 'rejected';
}

export function problemActions(problem: AwsProblem, canRetry: boolean): string[] {
  const actions: string[] = [];
  if (problem.kind === 'ssoExpired') actions.push(SIGN_IN);
  if (isCredentialProblem(problem.kind)) actions.push(CHOOSE_AWS_PROFILE, RELOAD_CREDENTIALS);
  if (canRetry && (problem.retryable || problem.kind === 'accessDenied' || problem.kind === 'other')) actions.push(RETRY);
  actions.push(SHOW_LOG);
  return actions;
}

/**
 * Shows a failed AWS operation with the actions that help. The core's sentence already says what
 * failed (from `action`, e.g. 'invoke f') and what to do. Callers need not wait: the returned
 * promise settles once the user picked an action or dismissed the message.
 */
export async function showAwsError(error: unknown, options: { profile?: string; action?: string; retry?: () => unknown } = {}): Promise<void> {
  const problem = describeProblem(error, options);
  if (problem.kind === 'cancelled') return;
  log().error(problem.message);
  const choice = await vscode.window.showErrorMessage(problem.message, ...problemActions(problem, Boolean(options.retry)));
  try {
    await runProblemAction(choice, options.retry);
  } catch (actionError) {
    const reason = actionError instanceof Error ? actionError.message : String(actionError);
    log().error(`${choice}: ${reason}`);
  }
}

export async function runProblemAction(choice: string | undefined, retry?: () => unknown): Promise<void> {
  if (choice === SIGN_IN) await vscode.commands.executeCommand('dff.aws.ssoLogin');
  else if (choice === CHOOSE_AWS_PROFILE) await vscode.commands.executeCommand('dff.aws.selectProfile');
  else if (choice === RELOAD_CREDENTIALS) await vscode.commands.executeCommand('dff.aws.reloadCredentials');
  else if (choice === RETRY) await retry?.();
  else if (choice === SHOW_LOG) log().show(true);
}
