import type { AwsClients } from '../../core/aws/engine';
import type { AwsSession } from '../aws/session';
import { loadAwsEngine } from '../lazy';
import { log } from '../shared/log';
import type { WizardSuggestions } from './newTargetWizard';

// What the guided input offers: the account's functions, roles, buckets and the zips in a bucket,
// read with the session's clients. A listing that fails (no permission, no credentials) offers
// nothing: the step then takes a typed value, and the log says why.

/** The engine's listing helpers (src/core/deploy/listings.ts). */
interface Listings {
  listFunctionNames(clients: AwsClients, signal?: AbortSignal): Promise<string[]>;
  listRoles(clients: AwsClients, signal?: AbortSignal): Promise<Array<{ name: string; arn: string }>>;
  listBucketNames(clients: AwsClients, signal?: AbortSignal): Promise<string[]>;
  listZipKeys(clients: AwsClients, bucket: string, signal?: AbortSignal): Promise<string[]>;
}

export function wizardSuggestions(aws: AwsSession): WizardSuggestions {
  const listed = async <T>(what: string, list: (listings: Listings, clients: AwsClients) => Promise<T[]>): Promise<T[]> => {
    try {
      const listings = loadAwsEngine() as unknown as Partial<Listings>;
      if (typeof listings.listFunctionNames !== 'function') return [];
      return await list(listings as Listings, await aws.clients());
    } catch (error) {
      log().warn(`Could not list ${what} for the new target: ${loadAwsEngine().describeAwsError(error, { action: `list ${what}` }).message}`);
      return [];
    }
  };
  let buckets: Promise<string[]> | undefined;
  return {
    functionNames: () => listed('functions', (listings, clients) => listings.listFunctionNames(clients)),
    roles: () => listed('roles', (listings, clients) => listings.listRoles(clients)),
    buckets: () => (buckets ??= listed('buckets', (listings, clients) => listings.listBucketNames(clients))),
    zipKeys: (bucket) => listed(`zips in ${bucket}`, (listings, clients) => listings.listZipKeys(clients, bucket)),
  };
}
