// How apply talks to AWS: every call logged (names, never values), retried with backoff when AWS
// says "not yet" (throttling, ResourceConflictException while the function updates, a new role not
// yet assumable, a new permission not yet visible to S3), and cancellable between and during waits.
import type { DeployClients } from './readState';
import type { DeployPlan } from './planTypes';
import { abortableSleep, type Sleep } from '../sleep';

export type { Sleep };


export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** No retry starts once the waits so far plus the next one would pass this. */
  maxTotalDelayMs: number;
}

export interface WaitPolicy {
  firstPollMs: number;
  maxPollMs: number;
  /** The longest apply waits for one function update to finish. */
  maxWaitMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 1000, maxDelayMs: 15_000, maxTotalDelayMs: 90_000 };
export const DEFAULT_WAIT: WaitPolicy = { firstPollMs: 1000, maxPollMs: 5000, maxWaitMs: 600_000 };

export class CancelledError extends Error {
  constructor() {
    super('The deploy was cancelled.');
    this.name = 'CancelledError';
  }
}

export const realSleep: Sleep = (ms, signal) => abortableSleep(ms, signal, () => new CancelledError());

/** What apply learns while it runs and later steps need. */
export interface Resolved {
  roleArn?: string;
  secretArn?: string;
  /** The version the alias should point at. */
  version?: string;
  /** The IAM action of the last call AWS refused, e.g. lambda:CreateFunction. */
  failedAction?: string;
}

// Where an operation's IAM action has another name than the operation.
const IAM_ACTION_OF: Readonly<Record<string, string>> = {
  's3:PutBucketNotificationConfiguration': 's3:PutBucketNotification',
  's3:GetBucketNotificationConfiguration': 's3:GetBucketNotification',
  's3:HeadObject': 's3:GetObject',
};

/** The IAM action a call label ('service:Operation target') needs. */
export function iamActionOf(label: string): string {
  const operation = label.split(' ')[0];
  return IAM_ACTION_OF[operation] ?? operation;
}

export interface ApplyRuntime {
  clients: DeployClients;
  plan: DeployPlan;
  signal?: AbortSignal;
  sleep: Sleep;
  log: (line: string) => void;
  retry: RetryPolicy;
  wait: WaitPolicy;
  resolved: Resolved;
  /** Runs one AWS call: logged, retried when AWS says "not yet", cancellable. `label` is 'service:Operation target'. */
  call<T>(label: string, run: (options: { abortSignal?: AbortSignal }) => Promise<T>): Promise<T>;
}

/** Why an error means "try again shortly"; undefined when it does not. */
export function retryReason(error: unknown): string | undefined {
  const value = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number }; $retryable?: unknown; $fault?: string };
  const name = value?.name ?? '';
  const message = value?.message ?? '';
  const status = value?.$metadata?.httpStatusCode;
  if (/^Throttl/.test(name) || ['TooManyRequestsException', 'SlowDown', 'RequestLimitExceeded'].includes(name) || status === 429) return 'AWS is throttling requests';
  // "Function already exist", "The statement id (...) provided already exists": settled, not busy.
  if (name === 'ResourceConflictException' && /already exist/i.test(message)) return undefined;
  if (name === 'ResourceConflictException') return 'the function is still being updated';
  if (name === 'InvalidParameterValueException' && /cannot be assumed/i.test(message)) return 'the new execution role is not assumable by Lambda yet';
  if (/Unable to validate the following destination configurations/i.test(message)) return 'S3 does not see the new invoke permission yet';
  if (value?.$fault === 'server' || (status !== undefined && status >= 500)) return 'AWS answered with a server error';
  return undefined;
}

export function isWriteOperation(operation: string): boolean {
  return !/^(Get|List|Describe|Filter|Head)/.test(operation);
}

export function makeCall(base: Omit<ApplyRuntime, 'call'>): ApplyRuntime['call'] {
  return async (label, run) => {
    let waited = 0;
    for (let attempt = 1; ; attempt++) {
      if (base.signal?.aborted) throw new CancelledError();
      const started = Date.now();
      try {
        const result = await run({ abortSignal: base.signal });
        base.log(`${label}: ok (${Date.now() - started} ms)`);
        return result;
      } catch (error) {
        if (base.signal?.aborted || (error as { name?: string })?.name === 'AbortError') throw new CancelledError();
        const reason = retryReason(error);
        const delay = Math.min(base.retry.baseDelayMs * 2 ** (attempt - 1), base.retry.maxDelayMs);
        const name = (error as { name?: string })?.name ?? 'Error';
        if (!reason || attempt >= base.retry.maxAttempts || waited + delay > base.retry.maxTotalDelayMs) {
          base.log(`${label}: ${name}`);
          base.resolved.failedAction = iamActionOf(label);
          throw error;
        }
        base.log(`${label}: ${name} (${reason}); retrying in ${delay} ms`);
        await base.sleep(delay, base.signal);
        waited += delay;
      }
    }
  };
}
