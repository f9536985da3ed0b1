// A flow named by the user: a CRN as is, or the one flow with exactly that name.
import { CatalogError, type CallOptions, type CatalogClient } from '../../core/catalog/types';

export async function flowCrnFor(nameOrCrn: string, client: CatalogClient, options: CallOptions): Promise<string> {
  if (nameOrCrn.startsWith('crn:')) return nameOrCrn.replace(/\/v\.\d+$/, '');
  const matches = (await client.listAllFlowDefinitions({ searchTerm: nameOrCrn }, options)).filter((flow) => flow.name === nameOrCrn);
  if (matches.length === 0) throw new CatalogError('notFound', `No flow named "${nameOrCrn}" in the catalog. Run "dff catalog list" to see the names.`);
  if (matches.length > 1) {
    throw new CatalogError('badRequest', `${matches.length} flows are named "${nameOrCrn}": give one of their CRNs instead:\n  ${matches.map((flow) => flow.crn).join('\n  ')}`);
  }
  return matches[0].crn;
}
