import type { AwsProblem } from '../../core/aws/engine';
import type { AwsSession } from '../aws/session';
import { loadAwsEngine } from '../lazy';
import { log } from '../shared/log';
import type { Listing, WizardSuggestions, ZipChoice } from './newTargetWizard';

// What the guided input offers from the account, read with the session's clients (its profile and
// region are the ones a new target deploys with). A listing that fails (no permission, no
// credentials) offers nothing and says why in a few words; the step then takes a typed value, and
// the log has the whole reason.

/** Functions offered: enough to find one by typing, without paging through a huge account. */
const MAX_FUNCTIONS = 500;

/** The wizard's listings, and the bucket names alone for picks that show no reason (Add S3 Trigger). */
export interface AccountSuggestions extends WizardSuggestions {
  buckets(): Promise<string[]>;
}

export function wizardSuggestions(aws: AwsSession): AccountSuggestions {
  let buckets: Promise<Listing<string>> | undefined;
  const bucketNames = () =>
    (buckets ??= listed(aws, 'buckets', async (engine) => ({ items: await engine.listBucketNames((await aws.clients()).s3), region: aws.connection?.region })));
  return {
    functionNames: () =>
      listed(aws, 'functions', async (engine) => {
        const lambda = (await aws.clients()).lambda;
        const names: string[] = [];
        let more = false;
        // Every function, not only DataFlow Functions: a new deploy may take over a function made by hand.
        for await (const page of engine.listFunctionPages(lambda, { all: true })) {
          names.push(...page.map((fn) => fn.name));
          if (names.length >= MAX_FUNCTIONS) {
            more = true;
            break;
          }
        }
        return { items: names.sort((a, b) => a.localeCompare(b)), more, region: aws.connection?.region };
      }),
    roles: () => listed(aws, 'roles', async (engine) => ({ items: await engine.listLambdaRoles((await aws.clients()).iam) })),
    bucketNames,
    zips: (bucket) =>
      listed(aws, `zips in ${bucket}`, async (engine): Promise<Listing<ZipChoice>> => {
        const found = await engine.listZipObjects((await aws.clients()).s3, bucket);
        return { items: found.objects, more: found.more };
      }),
    buckets: () => bucketNames().then((listing) => listing.items),
  };
}

async function listed<T>(aws: AwsSession, what: string, list: (engine: ReturnType<typeof loadAwsEngine>) => Promise<Listing<T>>): Promise<Listing<T>> {
  const engine = loadAwsEngine();
  try {
    return await list(engine);
  } catch (error) {
    const problem = engine.describeAwsError(error, { action: `list ${what}`, profile: aws.connection?.profile.name, region: aws.connection?.region });
    log().warn(`Could not list ${what} for the new deploy target: ${problem.message}`);
    return { items: [], problem: shortReason(problem, error) };
  }
}

/** A few words for a placeholder; the log has the whole sentence. */
function shortReason(problem: AwsProblem, error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PermanentRedirect') return 'the bucket is in another region, and Lambda reads code only from its own region';
  switch (problem.kind) {
    case 'accessDenied':
      return problem.deniedAction ? `no permission ${problem.deniedAction}` : 'access denied';
    case 'ssoExpired':
      return problem.loginCommand ? `the SSO session has expired: run ${problem.loginCommand}` : 'the SSO session has expired';
    case 'expired':
      return 'the AWS credentials have expired';
    case 'rejected':
      return 'AWS rejected the credentials';
    case 'noCredentials':
      return 'no AWS credentials';
    case 'network':
      return 'AWS could not be reached';
    case 'throttled':
      return 'AWS is throttling requests';
    case 'notFound':
      return name === 'NoSuchBucket' ? 'no such bucket' : 'not found';
    case 'cancelled':
      return 'cancelled';
    default:
      // Not from AWS (e.g. no profile at all): the error's own sentence.
      return problem.code && problem.code !== 'Error' ? problem.code : (error instanceof Error ? error.message : String(error)).replace(/[.\s]+$/, '');
  }
}
