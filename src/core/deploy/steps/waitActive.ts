// Lambda refuses a second update or a publish while the function is Pending (after create) or
// InProgress (after an update): poll GetFunctionConfiguration until it is Active and Successful,
// with a growing interval, for at most WaitPolicy.maxWaitMs. Reads only.
import { GetFunctionConfigurationCommand } from '@aws-sdk/client-lambda';
import type { PlanStep } from '../planTypes';
import type { ApplyRuntime } from '../runtime';

export function planWaitActive(functionName: string): PlanStep {
  return {
    id: 'waitActive',
    kind: 'waitActive',
    change: 'wait',
    title: `Wait until function ${functionName} is Active and its update Successful`,
    resource: functionName,
    details: [],
  };
}

export async function waitUntilReady(runtime: ApplyRuntime): Promise<void> {
  const name = runtime.plan.functionName;
  let waited = 0;
  let poll = runtime.wait.firstPollMs;
  for (;;) {
    const config = await runtime.call(`lambda:GetFunctionConfiguration ${name}`, (options) =>
      runtime.clients.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: name }), options));
    if (config.State === 'Failed') throw new Error(`Function ${name} is in state Failed: ${config.StateReason ?? 'no reason given'}.`);
    if (config.LastUpdateStatus === 'Failed') throw new Error(`The last update of function ${name} failed: ${config.LastUpdateStatusReason ?? 'no reason given'}.`);
    const busy = config.State === 'Pending' || config.LastUpdateStatus === 'InProgress';
    // An Inactive function (idle for weeks) wakes on the next invoke or update; it does not block one.
    if (!busy) return;
    if (waited + poll > runtime.wait.maxWaitMs) {
      throw new Error(`Function ${name} was still ${config.State === 'Pending' ? 'Pending' : 'updating (InProgress)'} after ${Math.round(waited / 1000)} s; deploy again once it is Active.`);
    }
    await runtime.sleep(poll, runtime.signal);
    waited += poll;
    poll = Math.min(Math.round(poll * 1.5), runtime.wait.maxPollMs);
  }
}

export async function runWaitActive(_step: PlanStep, runtime: ApplyRuntime): Promise<void> {
  await waitUntilReady(runtime);
}
