// What every catalog command gets: the client for the chosen profile, the output, a cancel signal.
import { homedir } from 'node:os';
import { createCatalogClient, type CatalogClientOptions } from '../../core/catalog/client';
import { loadCdpProfile } from '../../core/catalog/credentials';
import type { CatalogClient, CdpProfile } from '../../core/catalog/types';
import type { CliIo } from '../io';

export interface CommandContext {
  io: CliIo;
  client: CatalogClient;
  profile: CdpProfile;
  signal: AbortSignal;
  /** Standard output is a terminal: no raw server content goes there. */
  stdoutIsTerminal?: boolean;
}

/** Throws CatalogError('credentials') when the profile cannot be read. */
export function openCatalog(profileName: string | undefined, io: CliIo, clientOptions: CatalogClientOptions): { client: CatalogClient; profile: CdpProfile } {
  const profile = loadCdpProfile(profileName, { env: io.env, homeDir: io.env.HOME || homedir(), cwd: io.cwd });
  // HTTPS_PROXY/NO_PROXY from the command's environment, as cdp reads them.
  return { profile, client: createCatalogClient(profile, { proxyEnv: io.env, ...clientOptions }) };
}
