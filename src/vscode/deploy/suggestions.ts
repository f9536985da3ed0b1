import type { AwsSession } from '../aws/session';
import { loadAwsEngine } from '../lazy';
import { log } from '../shared/log';
import type { WizardSuggestions } from './newTargetWizard';

// What the guided input offers from the account, read with the session's clients. A listing that
// fails (no permission, no credentials) offers nothing: the step then takes a typed value, and the
// log says why.

/** Functions offered: enough to find one by typing, without paging through a huge account. */
const MAX_FUNCTIONS = 500;

export function wizardSuggestions(aws: AwsSession): WizardSuggestions {
  return {
    functionNames: () =>
      listed('functions', async () => {
        const engine = loadAwsEngine();
        const lambda = (await aws.clients()).lambda;
        const names: string[] = [];
        // Every function, not only DataFlow Functions: a new deploy may take over a function made by hand.
        for await (const page of engine.listFunctionPages(lambda, { all: true })) {
          names.push(...page.map((fn) => fn.name));
          if (names.length >= MAX_FUNCTIONS) break;
        }
        return names.sort((a, b) => a.localeCompare(b));
      }),
    // The engine has no listing of roles, buckets or objects yet: these steps take typed values.
    roles: async () => [],
    buckets: async () => [],
    zipKeys: async () => [],
  };
}

async function listed<T>(what: string, list: () => Promise<T[]>): Promise<T[]> {
  try {
    return await list();
  } catch (error) {
    log().warn(`Could not list ${what} for the new deploy target: ${loadAwsEngine().describeAwsError(error, { action: `list ${what}` }).message}`);
    return [];
  }
}
