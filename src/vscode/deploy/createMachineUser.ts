import * as os from 'os';
import * as vscode from 'vscode';
import type { CredentialsContext, ExtraKey } from '../../core/catalog/credentials';
import type { IamClient } from '../../core/catalog/iamClient';
import type { FunctionKey } from '../../core/deploy/desired';
import type { CdpSession } from '../catalog/session';
import { requireTrust } from '../catalog/trust';
import { loadCatalogEngine } from '../lazy';
import { log } from '../shared/log';
import type { FunctionKeys } from './functionKey';

// "Create CDP Machine User for Function…": with the catalog's CDP profile, a machine user with the
// DFCatalogViewer role and a new access key, kept in SecretStorage where "Set Function Access Key…"
// keeps its key, so the next deploys use it. The private key goes to SecretStorage only.

export interface CreateMachineUserRequest {
  /** The machine user's name; asked for when not given. */
  name?: string;
  /** The function it is for: the name offered is made from it. */
  functionName?: string;
  /** Skip the modal confirmation (scripts and tests). */
  confirm?: boolean;
}

/** What the command returns (tests read it); the private key is not in it. */
export interface CreatedMachineUser {
  machineUserName: string;
  accessKeyId: string;
  createdUser: boolean;
  assignedRole: boolean;
  profile: string;
}

export function isCreateMachineUserRequest(value: unknown): value is CreateMachineUserRequest {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !('scheme' in value);
}

async function credentialsContext(cdp: CdpSession): Promise<CredentialsContext> {
  const extraKeys: Record<string, ExtraKey> = {};
  for (const key of await cdp.storedKeys.loadAll()) {
    extraKeys[key.profile] = {
      accessKeyId: key.accessKeyId,
      privateKey: key.privateKey,
      source: 'VS Code secret storage',
      region: key.region,
      ...(key.endpointUrl ? { endpointUrl: key.endpointUrl } : {}),
    };
  }
  return { env: process.env, homeDir: os.homedir(), extraKeys };
}

async function askName(functionName: string | undefined): Promise<string | undefined> {
  const engine = loadCatalogEngine();
  const name = await vscode.window.showInputBox({
    title: 'Create CDP Machine User for Function',
    prompt: `Name of the CDP machine user the function runs as (it gets the ${engine.FUNCTION_ROLE_NAME} role; an existing machine user of that name is reused)`,
    value: engine.machineUserNameForFunction(functionName ?? 'function'),
    ignoreFocusOut: true,
    validateInput: (value) => engine.machineUserNameProblem(value.trim()),
  });
  return name?.trim();
}

/**
 * Creates (or reuses) the machine user, gives it the role, makes its key and stores the key as the
 * function access key. Undefined when the user cancels; failures are shown, never thrown.
 */
export async function createMachineUserForFunction(keys: FunctionKeys, cdp: CdpSession, request: CreateMachineUserRequest = {}): Promise<(CreatedMachineUser & { key: FunctionKey }) | undefined> {
  if (!requireTrust('create a CDP machine user')) return undefined;
  const engine = loadCatalogEngine();
  // Read again: the profile chosen in the Catalog view may have changed since this session last looked.
  await cdp.reload();
  const active = cdp.active;
  if (!active) {
    void vscode.window.showErrorMessage('No CDP profile with a key: add a CDP access key or run "cdp configure" first. The machine user is created with that profile.');
    return undefined;
  }
  const name = request.name?.trim() ?? (await askName(request.functionName));
  if (name === undefined) return undefined;
  const problem = engine.machineUserNameProblem(name);
  if (problem) {
    void vscode.window.showErrorMessage(`"${name}" is not a valid machine user name: ${problem}`);
    return undefined;
  }

  let iam: IamClient;
  try {
    const context = await credentialsContext(cdp);
    const profile = engine.loadCdpProfile(active.name, context);
    const proxyUrl = vscode.workspace.getConfiguration('http').get<string>('proxy')?.trim();
    iam = engine.openIamClient(profile, context, proxyUrl ? { proxyUrl } : {});
  } catch (error) {
    void vscode.window.showErrorMessage(`Cannot create the machine user: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }

  if (request.confirm !== true) {
    const create = 'Create';
    const answer = await vscode.window.showWarningMessage(
      `Create CDP machine user "${name}" with profile "${active.name}"?`,
      {
        modal: true,
        detail:
          `With the key of CDP profile "${active.name}" (${active.region}, ${iam.profile.key.accessKeyId}), at ${iam.endpointUrl}: ` +
          `create machine user "${name}" in that CDP account (or reuse it if it exists), give it the ${engine.FUNCTION_ROLE_NAME} role, and create a new access key for it. ` +
          `The key replaces the function access key in VS Code secret storage; deploys set it as DF_ACCESS_KEY and DF_PRIVATE_KEY. ` +
          `This needs the ${engine.MACHINE_USER_RIGHTS} role in CDP.`,
      },
      create,
    );
    if (answer !== create) return undefined;
  }

  try {
    const user = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `CDP machine user ${name}`, cancellable: true },
      async (progress, token) => {
        const controller = new AbortController();
        const subscription = token.onCancellationRequested(() => controller.abort());
        try {
          return await engine.createFunctionMachineUser(iam, {
            name,
            signal: controller.signal,
            onStep: (_step, text) => {
              progress.report({ message: text });
              log().info(`Machine user ${name}: ${text} (profile ${active.name})`);
            },
          });
        } finally {
          subscription.dispose();
        }
      },
    );
    const key: FunctionKey = { accessKeyId: user.accessKeyId, privateKey: user.privateKey };
    await keys.store(key);
    const summary =
      `Machine user ${user.machineUserName} ${user.createdUser ? 'created' : 'reused'}` +
      `${user.assignedRole ? `, ${engine.FUNCTION_ROLE_NAME} role given` : `, has the ${engine.FUNCTION_ROLE_NAME} role`}` +
      `; its new access key ${user.accessKeyId} is the function access key.`;
    log().info(summary);
    void vscode.window.showInformationMessage(`${summary} Deploys use it for DF_ACCESS_KEY and DF_PRIVATE_KEY.`);
    return { machineUserName: user.machineUserName, accessKeyId: user.accessKeyId, createdUser: user.createdUser, assignedRole: user.assignedRole, profile: active.name, key };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof engine.CatalogError && error.kind === 'cancelled') {
      log().info(`Machine user ${name}: cancelled.`);
      return undefined;
    }
    log().error(`Machine user ${name}: ${message}`);
    void vscode.window.showErrorMessage(`Could not create CDP machine user ${name}: ${message}`, 'Show Log').then((choice) => choice && log().show(true));
    return undefined;
  }
}
