import * as os from 'os';
import * as vscode from 'vscode';
// The profile files are read without the catalog engine (no axios): credentials.ts needs Node only.
import { defaultCdpProfileName, listCdpProfiles, type CdpProfileSummary, type CredentialsContext, type ExtraKey } from '../../core/catalog/credentials';
import type { CatalogClient } from '../../core/catalog/types';
import { loadCatalogEngine } from '../lazy';
import { log } from '../shared/log';
import type { StoredKey, StoredKeys } from './secretKeys';

// Which CDP profile the catalog commands use, and a client for it. The choice is remembered per
// machine in globalState. Credential files and the environment are read again on every reload,
// so a profile added with `cdp configure` shows up without restarting VS Code. Nothing is read
// (and the catalog engine is not loaded) until the catalog is first used: 'unloaded' until then.

export type CdpState = 'unloaded' | 'untrusted' | 'noCredentials' | 'ready';

/** A profile as remembered on this machine: no key, and the region only once it has been in use. */
export interface RememberedProfile {
  name: string;
  region?: string;
}

const SELECTED_KEY = 'dff.cdp.profile';
/** The profile last in use and its region, so the status bar can show it before anything is read. */
const LAST_PROFILE_KEY = 'dff.cdp.lastProfile';
export const SECRET_STORAGE_SOURCE = 'VS Code secret storage';

export class CdpSession implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private currentState: CdpState = 'unloaded';
  private current: CdpProfileSummary | undefined;

  constructor(
    private readonly globalState: vscode.Memento,
    readonly storedKeys: StoredKeys,
  ) {}

  /** The profile the catalog will use, as read at start-up; undefined until read (or unreadable), null when there is none. */
  private startup: CdpProfileSummary | null | undefined;

  get state(): CdpState {
    return this.currentState;
  }

  /** The profile in use, without its key; undefined unless state is 'ready'. */
  get active(): CdpProfileSummary | undefined {
    return this.current;
  }

  /** The profile last in use on this machine (else the one chosen, if none was loaded yet); reading it loads nothing. */
  get remembered(): RememberedProfile | undefined {
    // null: the last load found no usable profile.
    const last = this.globalState.get<RememberedProfile | null>(LAST_PROFILE_KEY);
    if (last !== undefined) return last ?? undefined;
    const chosen = this.globalState.get<string>(SELECTED_KEY);
    return chosen ? { name: chosen } : undefined;
  }

  /** The profile the catalog will use, read at start-up without the catalog engine; null when there is none. */
  get startupProfile(): CdpProfileSummary | null | undefined {
    return this.currentState === 'unloaded' ? this.startup : undefined;
  }

  /**
   * Reads which profile the catalog will use (the files and the stored keys' names, as reload does)
   * so the status bar names it from start-up. Loads no catalog engine, checks no key, and changes
   * nothing that "the catalog was used" means (the state stays 'unloaded', nothing is remembered).
   */
  async readStartupProfile(): Promise<void> {
    if (this.currentState !== 'unloaded' || !vscode.workspace.isTrusted) return;
    let found: CdpProfileSummary | null;
    try {
      const profiles = listCdpProfiles(this.credentialsContext(await this.storedKeys.loadAll()));
      found = pickProfile(profiles, this.globalState.get<string>(SELECTED_KEY), defaultCdpProfileName(process.env)) ?? null;
    } catch (error) {
      // A file cdpcli would refuse: the catalog says so when it is used; until then, the remembered profile shows.
      log().debug(`CDP profiles not read at start-up: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (this.currentState !== 'unloaded') return;
    this.startup = found;
    this.changed.fire();
  }

  /** Every profile the user has, stored keys included; empty in an untrusted workspace. */
  async listProfiles(): Promise<CdpProfileSummary[]> {
    if (!vscode.workspace.isTrusted) return [];
    return loadCatalogEngine().listCdpProfiles(this.credentialsContext(await this.storedKeys.loadAll()));
  }

  /** Reads the profiles unless that was done already. */
  async ensureLoaded(): Promise<void> {
    if (this.currentState === 'unloaded') await this.reload();
  }

  /** Reads the profiles again and picks the active one: the remembered choice, else the default. */
  async reload(): Promise<void> {
    let next: CdpProfileSummary | undefined;
    let state: CdpState = 'untrusted';
    if (vscode.workspace.isTrusted) {
      next = pickProfile(await this.listProfiles(), this.globalState.get<string>(SELECTED_KEY), defaultCdpProfileName(process.env));
      state = next ? 'ready' : 'noCredentials';
    }
    const changed = state !== this.currentState || !sameProfile(next, this.current);
    this.currentState = state;
    this.current = next;
    if (state !== 'untrusted') await this.remember(next);
    await vscode.commands.executeCommand('setContext', 'dff.cdp.state', state);
    if (changed) {
      log().info(next ? `CDP profile: ${next.name} (${next.region}), key from ${next.source}` : `CDP profile: none (${state})`);
      this.changed.fire();
    }
  }

  private async remember(profile: CdpProfileSummary | undefined): Promise<void> {
    const last = this.globalState.get<RememberedProfile | null>(LAST_PROFILE_KEY);
    if (last !== undefined && last?.name === profile?.name && last?.region === profile?.region) return;
    await this.globalState.update(LAST_PROFILE_KEY, profile ? { name: profile.name, region: profile.region } : null);
  }

  async select(name: string): Promise<void> {
    await this.globalState.update(SELECTED_KEY, name);
    await this.reload();
    // Selecting the profile that is already active still means "use it again from the files".
    this.changed.fire();
  }

  /**
   * A client for a key that is not stored (or not active) yet, to check it before it is saved and
   * made the active profile. The other stored keys and the files are read as for the active one.
   */
  async clientForKey(candidate: StoredKey): Promise<CatalogClient> {
    const engine = loadCatalogEngine();
    const others = (await this.storedKeys.loadAll()).filter((key) => key.profile !== candidate.profile);
    const profile = engine.loadCdpProfile(candidate.profile, this.credentialsContext([...others, candidate]));
    return engine.createCatalogClient(profile, this.proxyOptions());
  }

  /** A client for the active profile. Throws a 'credentials' CatalogError when there is none. */
  async client(): Promise<CatalogClient> {
    const engine = loadCatalogEngine();
    if (!vscode.workspace.isTrusted) {
      throw new engine.CatalogError('credentials', 'CDP credentials are not read in an untrusted workspace. Trust the workspace to use the DataFlow Catalog.');
    }
    if (this.currentState === 'unloaded' || !this.current) await this.reload();
    const active = this.current;
    if (!active) {
      throw new engine.CatalogError('credentials', 'No CDP credentials found. Add a CDP access key or run "cdp configure" in a terminal.');
    }
    const profile = engine.loadCdpProfile(active.name, this.credentialsContext(await this.storedKeys.loadAll()));
    return engine.createCatalogClient(profile, this.proxyOptions());
  }

  /** VS Code's http.proxy setting wins; without it, HTTPS_PROXY/NO_PROXY of the editor's environment. */
  private proxyOptions(): { proxyUrl?: string } {
    const proxyUrl = vscode.workspace.getConfiguration('http').get<string>('proxy')?.trim();
    return proxyUrl ? { proxyUrl } : {};
  }

  /** A key added in VS Code carries its own region and endpoint, which win over the files for that profile. */
  private credentialsContext(stored: StoredKey[]): CredentialsContext {
    const extraKeys: Record<string, ExtraKey> = {};
    for (const key of stored) {
      extraKeys[key.profile] = {
        accessKeyId: key.accessKeyId,
        privateKey: key.privateKey,
        source: SECRET_STORAGE_SOURCE,
        region: key.region,
        ...(key.endpointUrl ? { endpointUrl: key.endpointUrl } : {}),
      };
    }
    return { env: process.env, homeDir: os.homedir(), extraKeys };
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function sameProfile(a: CdpProfileSummary | undefined, b: CdpProfileSummary | undefined): boolean {
  return a?.name === b?.name && a?.region === b?.region && a?.endpointUrl === b?.endpointUrl && a?.source === b?.source;
}

/** The profile in use: the one chosen, else the default one, else the first with a key. */
function pickProfile(profiles: CdpProfileSummary[], chosen: string | undefined, defaultName: string): CdpProfileSummary | undefined {
  const usable = profiles.filter((profile) => profile.hasKey);
  return [chosen, defaultName].map((name) => usable.find((profile) => profile.name === name)).find(Boolean) ?? usable[0];
}
