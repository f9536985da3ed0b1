// AWS benchmark (part of npm run bench): the Functions view's listing and a deploy, against the
// local AWS stand-in on loopback. Prints figures, asserts nothing. Each figure is given with a
// baseline measured in the same run: the same calls made with the bare SDK client.
import { GetFunctionCommand, LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { AwsClientFactory, type AwsCallEvent } from '../../src/core/aws/clientFactory';
import { listFunctionPages } from '../../src/core/aws/functions';
import type { AwsProfileSummary } from '../../src/core/aws/profiles';
import { newTestCredentials } from '../../test/fakes/aws/harness';
import { seedGeneratedFunctions } from '../../test/fakes/aws/seed';
import { startFakeAws, type FakeAws } from '../../test/fakes/aws/server';
import { benchDeploy } from './awsDeploy';

const FUNCTIONS = 1000;
const RUNS = 5;

export interface BenchConnection {
  fake: FakeAws;
  factory(onCall?: (event: AwsCallEvent) => void): AwsClientFactory;
  bareLambda: LambdaClient;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

async function connect(): Promise<BenchConnection> {
  const fake = await startFakeAws({ region: 'us-east-1' });
  const credentials = newTestCredentials();
  fake.addCredentials({ ...credentials, userName: 'bench' });
  const profile: AwsProfileSummary = { name: 'bench', kind: 'static', region: 'us-east-1', endpointUrl: fake.url };
  const provider = async () => credentials;
  return {
    fake,
    factory: (onCall) => new AwsClientFactory({ profile, region: 'us-east-1', credentials: provider, endpointUrl: fake.url }, { onCall }),
    bareLambda: new LambdaClient({ region: 'us-east-1', endpoint: fake.url, credentials }),
  };
}

/** Time to the first page and to all pages, as the Functions view pages them (DataFlow Functions only). */
async function benchListing(connection: BenchConnection): Promise<void> {
  seedGeneratedFunctions(connection.fake, FUNCTIONS);
  const first: number[] = [];
  const all: number[] = [];
  const bare: number[] = [];
  let calls = 0;
  let shown = 0;
  for (let run = 0; run <= RUNS; run++) {
    const events: AwsCallEvent[] = [];
    const factory = connection.factory((event) => events.push(event));
    const started = performance.now();
    let firstAt = 0;
    let count = 0;
    for await (const page of listFunctionPages(factory.lambda(), { all: false })) {
      if (firstAt === 0) firstAt = performance.now() - started;
      count += page.length;
    }
    const allAt = performance.now() - started;
    const bareStarted = performance.now();
    let marker: string | undefined;
    do {
      const answer = await connection.bareLambda.send(new ListFunctionsCommand({ MaxItems: 50, Marker: marker }));
      marker = answer.NextMarker;
    } while (marker);
    const bareAt = performance.now() - bareStarted;
    factory.destroy();
    if (run === 0) continue; // warm-up
    first.push(firstAt);
    all.push(allAt);
    bare.push(bareAt);
    calls = events.length;
    shown = count;
  }
  const baseline = median(bare);
  console.log(`== Functions view listing: ${FUNCTIONS} functions in the stand-in (half of them DataFlow Functions), ${RUNS} runs, medians`);
  console.log(`  first page            ${ms(median(first))} (${(median(first) / baseline).toFixed(2)} x the baseline)`);
  console.log(`  all ${String(shown).padEnd(4)} shown       ${ms(median(all))} (${(median(all) / baseline).toFixed(2)} x the baseline)`);
  console.log(`  AWS calls             ${calls} ListFunctions (50 per page, the most Lambda returns)`);
  console.log(`  baseline              ${ms(baseline)}: the same ${calls} ListFunctions pages with a bare SDK client, no summaries`);
  console.log('');
}

async function main(): Promise<void> {
  const connection = await connect();
  try {
    await benchListing(connection);
    const oneCall: number[] = [];
    for (let run = 0; run < 20; run++) {
      const started = performance.now();
      await connection.bareLambda.send(new GetFunctionCommand({ FunctionName: 'generated-0001' }));
      oneCall.push(performance.now() - started);
    }
    await benchDeploy(connection, median(oneCall));
  } finally {
    connection.bareLambda.destroy();
    await connection.fake.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
