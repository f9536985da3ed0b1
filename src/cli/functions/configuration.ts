// One function's current configuration (GetFunctionConfiguration) as a summary with the state
// fields ListFunctions leaves out. It also tells an unknown function, version or alias apart.
import type { LambdaClient } from '@aws-sdk/client-lambda';
import type { FunctionSummary } from '../../core/aws/engine';
import type { AwsEngineModule } from '../aws/loadEngine';

// TODO(coreaws): the engine has no call for one function's configuration alone (describeFunction
// reads everything); this goes through the engine once it exports one.
export async function readFunctionSummary(
  engine: AwsEngineModule,
  lambda: LambdaClient,
  name: string,
  qualifier: string | undefined,
  signal: AbortSignal,
): Promise<FunctionSummary> {
  const { GetFunctionConfigurationCommand } = await import('@aws-sdk/client-lambda');
  const config = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: name, ...(qualifier ? { Qualifier: qualifier } : {}) }), {
    abortSignal: signal,
  });
  return engine.summarizeFunction(config);
}

/** Runs `work` on each item, `parallel` at a time, keeping the order of the results. */
export async function mapLimited<T, R>(items: T[], parallel: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, worker));
  return results;
}
