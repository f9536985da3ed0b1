import * as os from 'os';
import * as vscode from 'vscode';
import type { ExtraKey } from '../../core/catalog/credentials';
import type { FunctionKey } from '../../core/deploy/desired';
import type { CdpSession } from '../catalog/session';
import { requireTrust } from '../catalog/trust';
import { loadCatalogEngine } from '../lazy';
import { log } from '../shared/log';
import { createMachineUserForFunction } from './createMachineUser';

// The CDP key the function runs with (DF_ACCESS_KEY / DF_PRIVATE_KEY): a machine user's key kept in
// SecretStorage ("Set Function Access Key…"), or, after a warning, the catalog profile's own key.
// The private key goes to Lambda's environment and nowhere else: never to a log, message or file.

const SECRET_KEY = 'dff.deploy.functionKey';

/** What a script (or a test) may decide instead of being asked. */
export type FunctionKeyChoice = 'stored' | 'catalogProfile';

export class FunctionKeys {
  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly cdp: CdpSession,
  ) {}

  async stored(): Promise<FunctionKey | undefined> {
    const text = await this.secrets.get(SECRET_KEY);
    if (!text) return undefined;
    try {
      const value = JSON.parse(text) as Partial<FunctionKey>;
      return typeof value.accessKeyId === 'string' && typeof value.privateKey === 'string' ? { accessKeyId: value.accessKeyId, privateKey: value.privateKey } : undefined;
    } catch {
      return undefined;
    }
  }

  async store(key: FunctionKey): Promise<void> {
    await this.secrets.store(SECRET_KEY, JSON.stringify(key));
    log().info(`Function access key set: ${key.accessKeyId} (kept in VS Code secret storage).`);
  }

  async remove(): Promise<boolean> {
    if (!(await this.secrets.get(SECRET_KEY))) return false;
    await this.secrets.delete(SECRET_KEY);
    log().info('Function access key removed from VS Code secret storage.');
    return true;
  }

  /** The key of the catalog's CDP profile (the user's own, most likely). */
  async catalogProfileKey(): Promise<FunctionKey & { profile: string }> {
    await this.cdp.ensureLoaded();
    const active = this.cdp.active;
    if (!active) throw new Error('No CDP profile with a key: set a function access key (a machine user\'s) or add a CDP access key first.');
    const extraKeys: Record<string, ExtraKey> = {};
    for (const key of await this.cdp.storedKeys.loadAll()) {
      extraKeys[key.profile] = { accessKeyId: key.accessKeyId, privateKey: key.privateKey, source: 'VS Code secret storage', region: key.region };
    }
    const profile = loadCatalogEngine().loadCdpProfile(active.name, { env: process.env, homeDir: os.homedir(), extraKeys });
    return { profile: active.name, accessKeyId: profile.key.accessKeyId, privateKey: profile.key.privateKey };
  }

  /**
   * The key for this deploy: the stored machine-user key, else the catalog profile's key once the
   * user accepts that a personal key will run in Lambda, or a machine user's key made for
   * `functionName` on the spot. Undefined when the user declines.
   */
  async choose(choice?: FunctionKeyChoice, functionName?: string): Promise<FunctionKey | undefined> {
    const stored = choice === 'catalogProfile' ? undefined : await this.stored();
    if (stored) return stored;
    if (choice === 'stored') {
      void vscode.window.showErrorMessage('No function access key is set. Run "DataFlow: Set Function Access Key…" with a CDP machine user\'s key, or "DataFlow: Create CDP Machine User for Function…".');
      return undefined;
    }
    const own = await this.catalogProfileKey();
    if (choice === 'catalogProfile') return own;
    const useMine = 'Use My Key';
    const setKey = 'Set Function Access Key…';
    const createUser = 'Create Machine User…';
    const answer = await vscode.window.showWarningMessage(
      `No function access key is set. Deploy with the key of CDP profile "${own.profile}"?`,
      {
        modal: true,
        detail:
          `The function needs a CDP key to download the flow (DF_ACCESS_KEY, DF_PRIVATE_KEY). The key of profile "${own.profile}" (${own.accessKeyId}) is probably ` +
          'your personal key: it would run in Lambda, with your permissions, and be visible to anyone who can read the function\'s configuration. ' +
          'A machine user with only the DFCatalogViewer role is the safer choice.',
      },
      createUser,
      setKey,
      useMine,
    );
    if (answer === useMine) {
      log().warn(`Deploying with the CDP key of profile ${own.profile} (${own.accessKeyId}): a personal key will run in Lambda.`);
      return own;
    }
    if (answer === setKey) return (await askFunctionKey(this)) ?? undefined;
    if (answer === createUser) return (await createMachineUserForFunction(this, this.cdp, { functionName }))?.key;
    return undefined;
  }
}

/** "Set Function Access Key…": asks for a machine user's key and keeps it in SecretStorage. */
export async function askFunctionKey(keys: FunctionKeys, given?: FunctionKey): Promise<FunctionKey | undefined> {
  if (!requireTrust('set the function access key')) return undefined;
  if (given) {
    await keys.store(given);
    return given;
  }
  const title = 'Set Function Access Key';
  const accessKeyId = await vscode.window.showInputBox({
    title: `${title} (1/2)`,
    prompt: 'Access key ID of the CDP machine user the function runs as (it needs the DFCatalogViewer role)',
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() ? undefined : 'Paste the access key ID.'),
  });
  if (accessKeyId === undefined) return undefined;
  const privateKey = await vscode.window.showInputBox({
    title: `${title} (2/2)`,
    prompt: 'Its private key (kept in VS Code secret storage; deploy sets it as DF_PRIVATE_KEY of the function)',
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) =>
      loadCatalogEngine().parsePrivateKey(value.trim()) ? undefined : 'This is not a CDP private key: paste the Ed25519 key (44 characters) or the whole PEM key.',
  });
  if (privateKey === undefined) return undefined;
  const key = { accessKeyId: accessKeyId.trim(), privateKey: privateKey.trim() };
  await keys.store(key);
  void vscode.window.showInformationMessage(`Function access key ${key.accessKeyId} set: deploys use it for DF_ACCESS_KEY and DF_PRIVATE_KEY.`);
  return key;
}

export async function removeFunctionKey(keys: FunctionKeys): Promise<boolean> {
  const removed = await keys.remove();
  void vscode.window.showInformationMessage(removed ? 'Function access key removed. Functions deployed with it keep it until the next deploy.' : 'No function access key is set.');
  return removed;
}
