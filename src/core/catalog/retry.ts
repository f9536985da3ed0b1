// Exponential backoff as cdpcli does it (base 0.1 s, factor 2, up to 10 attempts), with a cap on the total wait.
import { CatalogError } from './types';
import { abortableSleep, type Sleep } from '../sleep';

export type { Sleep };

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  /** No retry starts once the waits so far plus the next one would pass this. */
  maxTotalDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 10, baseDelayMs: 100, maxTotalDelayMs: 30_000 };


export const realSleep: Sleep = (ms, signal) => abortableSleep(ms, signal, () => cancelled());

export function cancelled(): CatalogError {
  return new CatalogError('cancelled', 'The catalog request was cancelled.');
}

/** Runs `attempt` until it succeeds, or fails with an error `isRetryable` rejects, or the policy runs out. */
export async function withRetry<T>(
  attempt: () => Promise<T>,
  isRetryable: (error: unknown) => boolean,
  policy: RetryPolicy,
  sleep: Sleep,
  signal?: AbortSignal,
): Promise<T> {
  let waited = 0;
  for (let number = 1; ; number++) {
    try {
      return await attempt();
    } catch (error) {
      const delay = policy.baseDelayMs * 2 ** (number - 1);
      if (!isRetryable(error) || number >= policy.maxAttempts || waited + delay > policy.maxTotalDelayMs) throw error;
      if (signal?.aborted) throw cancelled();
      await sleep(delay, signal);
      waited += delay;
    }
  }
}
