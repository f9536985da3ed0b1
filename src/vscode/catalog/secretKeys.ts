import type * as vscode from 'vscode';

// Access keys added in VS Code: the private key lives in SecretStorage only; the rest (profile
// name, key id, region, endpoint) is not secret and lives in globalState, per machine.

export interface StoredKeyInfo {
  profile: string;
  accessKeyId: string;
  region: string;
  endpointUrl?: string;
}

export interface StoredKey extends StoredKeyInfo {
  privateKey: string;
}

const INFO_KEY = 'dff.cdp.storedKeys';
const secretName = (profile: string) => `dff.cdp.privateKey:${profile}`;

export class StoredKeys {
  constructor(
    private readonly state: vscode.Memento,
    private readonly secrets: vscode.SecretStorage,
  ) {}

  list(): StoredKeyInfo[] {
    return this.state.get<StoredKeyInfo[]>(INFO_KEY, []);
  }

  /** Every stored key whose private key is still in SecretStorage. */
  async loadAll(): Promise<StoredKey[]> {
    const keys: StoredKey[] = [];
    for (const info of this.list()) {
      const privateKey = await this.secrets.get(secretName(info.profile));
      if (privateKey) keys.push({ ...info, privateKey });
    }
    return keys;
  }

  async save(info: StoredKeyInfo, privateKey: string): Promise<void> {
    await this.secrets.store(secretName(info.profile), privateKey);
    const others = this.list().filter((item) => item.profile !== info.profile);
    await this.state.update(INFO_KEY, [...others, info]);
  }

  async remove(profile: string): Promise<void> {
    await this.secrets.delete(secretName(profile));
    await this.state.update(
      INFO_KEY,
      this.list().filter((item) => item.profile !== profile),
    );
  }
}
