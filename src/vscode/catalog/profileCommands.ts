import * as vscode from 'vscode';
import type { CdpProfileSummary } from '../../core/catalog/credentials';
import { loadCatalogEngine } from '../lazy';
import { log } from '../shared/log';
import { accessKeyIdProblem } from './accessKeyShape';
import { checkAccessKey } from './checkAccessKey';
import { showCatalogError } from './errors';
import { mayKeepSavedPrivateKey } from './keepPrivateKey';
import type { StoredKey, StoredKeyInfo, StoredKeys } from './secretKeys';
import type { CdpSession } from './session';
import { requireTrust } from './trust';

// Choosing the CDP profile, and adding or removing an access key kept in VS Code.

export function registerProfileCommands(session: CdpSession, storedKeys: StoredKeys): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('dff.cdp.selectProfile', (name?: unknown) => selectProfile(session, typeof name === 'string' ? name : undefined)),
    vscode.commands.registerCommand('dff.cdp.addAccessKey', () => addAccessKey(session)),
    vscode.commands.registerCommand('dff.cdp.removeAccessKey', (name?: unknown) =>
      removeAccessKey(session, storedKeys, typeof name === 'string' ? name : undefined),
    ),
  ];
}

const ADD_KEY = '$(add) Add CDP Access Key…';

/** `name` chooses without asking (for scripts and tests). Returns the profile now in use. */
async function selectProfile(session: CdpSession, name?: string): Promise<string | undefined> {
  if (!requireTrust('choose a CDP profile')) return undefined;
  let profiles: CdpProfileSummary[];
  try {
    profiles = await session.listProfiles();
  } catch (error) {
    await showCatalogError('Could not read the CDP profiles', error);
    return undefined;
  }
  if (name !== undefined) {
    const profile = profiles.find((item) => item.name === name);
    if (!profile?.hasKey) {
      const known = profiles.filter((item) => item.hasKey).map((item) => item.name);
      void vscode.window.showErrorMessage(
        `There is no CDP profile "${name}" with an access key.${known.length ? ` Profiles with keys: ${known.join(', ')}.` : ' Add a CDP access key first.'}`,
      );
      return undefined;
    }
    await session.select(name);
    return name;
  }
  type Item = vscode.QuickPickItem & { profile?: CdpProfileSummary };
  const items: Item[] = profiles.map((profile) => ({
    label: `${profile.name === session.active?.name ? '$(check) ' : ''}${profile.name}`,
    description: profile.endpointUrl ? `${profile.region} · ${profile.endpointUrl}` : profile.region,
    detail: profile.hasKey ? `Access key from ${profile.source}` : `No access key (only in ${profile.source}); add one to use this profile`,
    profile,
  }));
  items.push({ label: ADD_KEY });
  const choice = await vscode.window.showQuickPick(items, {
    title: 'CDP Profile for the DataFlow Catalog',
    placeHolder: profiles.length ? 'Choose the profile whose access key the catalog commands use' : 'No CDP profiles found: add an access key',
  });
  if (!choice) return undefined;
  if (!choice.profile) return addAccessKey(session);
  if (!choice.profile.hasKey) return addAccessKey(session, { profile: choice.profile.name });
  await session.select(choice.profile.name);
  return choice.profile.name;
}

/** `earlier` fills the answers in again, as "Edit key" does after a key did not work; its private key may be kept if profile and key ID stay. */
async function addAccessKey(session: CdpSession, earlier: Partial<StoredKeyInfo> = {}): Promise<string | undefined> {
  if (!requireTrust('add a CDP access key')) return undefined;
  const keys = session.storedKeys;
  const title = 'Add CDP Access Key';
  const profile = await vscode.window.showInputBox({
    title: `${title} (1/5)`,
    prompt: 'A name for this profile',
    value: earlier.profile ?? (keys.list().length ? '' : 'default'),
    ignoreFocusOut: true,
    validateInput: (value) => (/^[\w.@-]+$/.test(value.trim()) ? undefined : 'Use letters, digits, ".", "@", "_" or "-".'),
  });
  if (profile === undefined) return undefined;
  const accessKeyId = await vscode.window.showInputBox({
    title: `${title} (2/5)`,
    prompt: 'Access key ID, as shown in the CDP console (Management Console > User > Access Keys)',
    value: earlier.accessKeyId,
    ignoreFocusOut: true,
    validateInput: accessKeyIdProblem,
  });
  if (accessKeyId === undefined) return undefined;
  // Editing a saved key without changing which key it is: its private key may be kept (it is never shown).
  const savedKey = mayKeepSavedPrivateKey(earlier, { profile, accessKeyId })
    ? (await keys.loadAll()).find((key) => key.profile === earlier.profile && key.accessKeyId === earlier.accessKeyId)?.privateKey
    : undefined;
  const privateKey = await vscode.window.showInputBox({
    title: `${title} (3/5)`,
    prompt: savedKey
      ? 'Private key (kept in VS Code secret storage only): leave empty to keep the saved one'
      : 'Private key (kept in VS Code secret storage only)',
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) =>
      (savedKey && !value.trim()) || loadCatalogEngine().parsePrivateKey(value.trim())
        ? undefined
        : 'This is not a CDP private key: paste the Ed25519 key (44 characters) or the whole PEM key.',
  });
  if (privateKey === undefined) return undefined;
  const regions = loadCatalogEngine().CDP_REGIONS.map((label) => ({ label }));
  const region = await vscode.window.showQuickPick(
    // The region chosen before comes first, so Enter keeps it.
    [...regions.filter((item) => item.label === earlier.region), ...regions.filter((item) => item.label !== earlier.region)],
    { title: `${title} (4/5)`, placeHolder: 'CDP control plane region of the account', ignoreFocusOut: true },
  );
  if (!region) return undefined;
  const endpointUrl = await vscode.window.showInputBox({
    title: `${title} (5/5)`,
    prompt: 'API endpoint URL: leave empty unless your CDP control plane is private',
    placeHolder: 'https://api.example.com',
    value: earlier.endpointUrl,
    ignoreFocusOut: true,
    validateInput: (value) => (!value.trim() || /^https?:\/\/\S+$/.test(value.trim()) ? undefined : 'Enter an http(s) URL, or leave it empty.'),
  });
  if (endpointUrl === undefined) return undefined;
  const name = profile.trim();
  const info: StoredKeyInfo = { profile: name, accessKeyId: accessKeyId.trim(), region: region.label, ...(endpointUrl.trim() ? { endpointUrl: endpointUrl.trim() } : {}) };
  const candidate: StoredKey = { ...info, privateKey: privateKey.trim() || savedKey || '' };
  // Checked before it is saved or used: a key that does not work never replaces the profile in use.
  const check = await checkAccessKey(name, () => session.clientForKey(candidate));
  if (check.outcome === 'works') {
    await keys.save(info, candidate.privateKey);
    log().info(`Stored CDP access key ${info.accessKeyId} as profile ${name} (${region.label}).`);
    await session.select(name);
    void vscode.window.showInformationMessage(`Access key works: ${check.flowsVisible} (profile ${name}).`);
    return name;
  }
  const why = check.outcome === 'cancelled' ? 'the check was cancelled' : `it did not work: ${check.reason}`;
  const inUse = session.active ? ` Profile ${session.active.name} is still in use.` : '';
  // Not awaited: the command returns while the message waits for the user.
  // Saving over the key of the profile in use would make it the one in use: only editing is offered then.
  const buttons = name === session.active?.name ? [EDIT_KEY] : [EDIT_KEY, SAVE_ANYWAY];
  void vscode.window
    .showErrorMessage(`The access key of profile ${name} was not saved: ${why}.${inUse}`, ...buttons)
    .then(async (choice) => {
      if (choice === EDIT_KEY) await addAccessKey(session, info);
      if (choice === SAVE_ANYWAY) await saveWithoutUsing(keys, info, candidate.privateKey);
    })
    .then(undefined, (error: unknown) => showCatalogError('Could not save the CDP access key', error));
  return undefined;
}

const EDIT_KEY = 'Edit Key';
/** For a key that is fine but cannot be checked now (offline, a proxy): kept, not made the active profile. */
const SAVE_ANYWAY = 'Save Without Using';

async function saveWithoutUsing(keys: StoredKeys, info: StoredKeyInfo, privateKey: string): Promise<void> {
  await keys.save(info, privateKey);
  log().info(`Stored CDP access key ${info.accessKeyId} as profile ${info.profile} (${info.region}) without checking it.`);
  void vscode.window.showInformationMessage(`Saved the access key as profile ${info.profile}. Choose it from the CDP status bar item once it works.`);
}

async function removeAccessKey(session: CdpSession, storedKeys: StoredKeys, name?: string): Promise<boolean> {
  const stored = storedKeys.list();
  let profile = name;
  if (profile === undefined) {
    if (stored.length === 0) {
      void vscode.window.showInformationMessage('No CDP access key is stored in VS Code. Keys in ~/.cdp/credentials are managed with the cdp CLI.');
      return false;
    }
    const choice = await vscode.window.showQuickPick(
      stored.map((key) => ({ label: key.profile, description: `${key.accessKeyId} · ${key.region}` })),
      { title: 'Remove Stored CDP Access Key', placeHolder: 'The private key is deleted from VS Code secret storage' },
    );
    if (!choice) return false;
    profile = choice.label;
  }
  if (!stored.some((key) => key.profile === profile)) {
    void vscode.window.showErrorMessage(`No CDP access key named "${profile}" is stored in VS Code.`);
    return false;
  }
  await storedKeys.remove(profile);
  log().info(`Removed the stored CDP access key of profile ${profile}.`);
  await session.reload();
  void vscode.window.showInformationMessage(`Removed the CDP access key "${profile}" from VS Code.`);
  return true;
}
