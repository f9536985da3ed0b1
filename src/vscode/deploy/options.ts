import type { FunctionKeyChoice } from './functionKey';
import type { NewTargetAnswers } from './newTargetWizard';

// What a script (or a test) may decide instead of being asked, for "Deploy to Lambda" and the
// smaller commands built on it. Sensitive values given here are used for this deploy only.

export interface DeployOptions {
  /** The target's name in dff.deploy.json. */
  target?: string;
  /** Answers for the guided input that creates a target (when the flow has none, or with `target` unset). */
  newTarget?: NewTargetAnswers;
  /** The flow version CRN to run, instead of the target's (as "Deploy this Version" gives it). */
  versionCrn?: string;
  /** Sensitive parameter values, by parameter name; parameters left out keep the value already in the secret. */
  sensitiveValues?: Record<string, string>;
  functionKey?: FunctionKeyChoice;
  /** Use a secret of the flow's name that this extension did not create. */
  confirmForeignSecret?: boolean;
  /** For an editor with unsaved changes: save first, or deploy the text as it is in the editor. */
  unsaved?: 'save' | 'editorText';
  /** Deploy without the modal confirmation. Unset: ask. */
  confirm?: boolean;
  /** Publish a version even when nothing changed ("Publish Version"). */
  forcePublish?: boolean;
}

export type DeployStatus = 'deployed' | 'noChanges' | 'refused' | 'cancelled' | 'failed';

/** What the command returns (tests read it). No secret value is in it. */
export interface DeployOutcome {
  status: DeployStatus;
  targetName?: string;
  functionName?: string;
  account?: string;
  region?: string;
  /** The plan as shown in the dff-plan document. */
  planText?: string;
  /** Reasons the plan was refused. */
  refusals?: string[];
  version?: string;
  alias?: string;
  aliasArn?: string;
  /** For 'failed': which step and why. */
  failedStep?: string;
  reason?: string;
}

export function isDeployOptions(value: unknown): value is DeployOptions {
  // The explorer passes the selected URIs as a second argument; that is not options.
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !('scheme' in value);
}
