import * as vscode from 'vscode';
import type { AwsApi } from '../aws/register';
import { StoredKeys } from '../catalog/secretKeys';
import { CdpSession } from '../catalog/session';
import type { FunctionKey } from '../../core/deploy/desired';
import type { VersionNode } from '../catalog/treeItems';
import { deployFlowFile, type DeployDependencies } from './deployCommand';
import { createMachineUserForFunction, isCreateMachineUserRequest } from './createMachineUser';
import { askFunctionKey, FunctionKeys, removeFunctionKey } from './functionKey';
import { isDeployOptions, type DeployOutcome } from './options';
import type { ResultActions } from './outcome';
import { PLAN_SCHEME, PlanDocuments } from './planDocuments';
import { registerSmallCommands } from './smallCommands';
import { flowForVersion } from './versionFlow';
import { flowUri } from './flowText';

// Deploy to AWS Lambda in VS Code: "Deploy to Lambda…" on flow files, "Deploy this Version" on
// catalog versions, Publish Version / Update Parameters / Add S3 Trigger, the function access key,
// and the dff-plan documents that show a plan before it is applied.

/** What the extension exposes of deploy to tests: what the last deploy did and the plans shown. */
export interface DeployApi {
  /** The outcome of the last deploy command (no secret value is in it). */
  lastOutcome(): DeployOutcome | undefined;
  /** The text of the plan documents shown, oldest first. */
  plansShown(): string[];
}

export interface DeployRegistration {
  /** The AWS session and the Functions view's actions: deploy uses them, it builds no second session. */
  aws: AwsApi;
}

export function registerDeploy(context: vscode.ExtensionContext, registration: DeployRegistration): DeployApi {
  // The catalog's profile choice and stored keys, read from the same storage as the Catalog view's session.
  const cdp = new CdpSession(context.globalState, new StoredKeys(context.globalState, context.secrets));
  const keys = new FunctionKeys(context.secrets, cdp);
  const plans = new PlanDocuments();
  let last: DeployOutcome | undefined;
  const deps: DeployDependencies = {
    aws: registration.aws.session,
    cdp,
    keys,
    workspaceState: context.workspaceState,
    plans,
    actions: resultActions(registration.aws),
    onOutcome: (outcome) => (last = outcome),
  };
  // Flow files being deployed: a second click while the first deploy runs would plan against a half-applied state.
  const running = new Set<string>();
  const deployGuarded = async (flow: vscode.Uri, options: unknown): Promise<DeployOutcome | undefined> => {
    const key = flow.toString();
    if (running.has(key)) {
      void vscode.window.showInformationMessage(`A deploy of ${vscode.workspace.asRelativePath(flow)} is already running. Wait for it to finish before deploying the file again.`);
      return undefined;
    }
    running.add(key);
    try {
      return await deployFlowFile(deps, flow, isDeployOptions(options) ? options : {});
    } finally {
      running.delete(key);
    }
  };

  context.subscriptions.push(
    cdp,
    plans,
    vscode.workspace.registerTextDocumentContentProvider(PLAN_SCHEME, plans),
    vscode.commands.registerCommand('dff.deploy.deploy', (target?: unknown, options?: unknown) => {
      const flow = flowUri(target);
      if (!flow) {
        void vscode.window.showErrorMessage('Open a flow definition file (or right-click one in the Explorer) to deploy it to AWS Lambda.');
        return undefined;
      }
      return deployGuarded(flow, options);
    }),
    vscode.commands.registerCommand('dff.deploy.deployVersion', async (node?: VersionNode, local?: unknown, options?: unknown) => {
      if (node?.kind !== 'version') return undefined;
      const flow = local instanceof vscode.Uri ? local : await flowForVersion(context.workspaceState, node.flow.flow.name);
      if (!flow) return undefined;
      return deployGuarded(flow, { ...(isDeployOptions(options) ? options : {}), versionCrn: node.version.crn });
    }),
    // A key given as an argument is stored without asking (for scripts and tests).
    vscode.commands.registerCommand('dff.deploy.setFunctionKey', (given?: unknown) => askFunctionKey(keys, isFunctionKey(given) ? given : undefined)),
    vscode.commands.registerCommand('dff.deploy.removeFunctionKey', () => removeFunctionKey(keys)),
    // Options ({name, functionName, confirm}) for scripts and tests; the private key is not returned.
    vscode.commands.registerCommand('dff.deploy.createMachineUser', async (request?: unknown) => {
      const created = await createMachineUserForFunction(keys, cdp, isCreateMachineUserRequest(request) ? request : {});
      if (!created) return undefined;
      return { machineUserName: created.machineUserName, accessKeyId: created.accessKeyId, createdUser: created.createdUser, assignedRole: created.assignedRole, profile: created.profile };
    }),
    ...registerSmallCommands(deps, deployGuarded),
  );

  return { lastOutcome: () => last, plansShown: () => plans.shown() };
}

function isFunctionKey(value: unknown): value is FunctionKey {
  const key = value as Partial<FunctionKey> | undefined;
  return typeof key?.accessKeyId === 'string' && typeof key.privateKey === 'string' && key.accessKeyId !== '' && key.privateKey !== '';
}

/** The end-of-deploy buttons run the Functions view's own Show Logs, Invoke and reveal. */
function resultActions(aws: AwsApi): ResultActions {
  return {
    showLogs: (fn) => aws.showLogs(fn),
    invoke: (fn) => aws.invoke(fn),
    reveal: (fn) => aws.reveal(fn),
    refreshFunctions: () => aws.refreshFunctions(),
  };
}
