// Publishing freezes code and configuration into a numbered version. Only when something changed:
// after an update, or when the alias's version differs from $LATEST (an earlier run stopped after
// updating). When the newest version already equals $LATEST, the alias just moves to it.
import { PublishVersionCommand } from '@aws-sdk/client-lambda';
import type { PlanStep } from '../planTypes';
import type { ApplyRuntime } from '../runtime';
import type { FunctionSnapshot } from '../state';
import type { PlanContext } from './context';
import { waitUntilReady } from './waitActive';

/** Whether two snapshots run the same code with the same configuration (a version's description is its own, so it does not count). */
export function sameFunction(a: FunctionSnapshot, b: FunctionSnapshot): boolean {
  const environment = (snapshot: FunctionSnapshot): string =>
    JSON.stringify(Object.entries(snapshot.environment).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
  return a.codeSha256 === b.codeSha256 && a.runtime === b.runtime && a.role === b.role && a.handler === b.handler &&
    a.memoryMb === b.memoryMb && a.timeoutSeconds === b.timeoutSeconds && a.ephemeralStorageMb === b.ephemeralStorageMb &&
    a.architecture === b.architecture && a.deadLetterArn === b.deadLetterArn &&
    environment(a) === environment(b);
}

/** The publish step, and the version the alias should point at when nothing is published. */
export function planPublish(context: PlanContext, functionWrites: boolean): { step: PlanStep; aliasTarget?: string } {
  const { state, desired, options } = context;
  const latest = state.function;
  const publish = (reason: string): { step: PlanStep } => ({
    step: {
      id: 'publish',
      kind: 'publish',
      change: 'create',
      title: `Publish a new version of ${desired.functionName}`,
      resource: context.functionArn,
      details: [{ field: 'version', before: state.versions.at(-1)?.version ?? 'none', after: `next number (${reason})` }],
    },
  });
  if (!latest) return publish('new function');
  if (functionWrites) return publish('code or configuration changed');
  if (options.forcePublish) return publish('asked for');
  const aliased = state.alias ? state.versions.find((version) => version.version === state.alias?.version) : undefined;
  const unchanged = (version: string): { step: PlanStep; aliasTarget: string } => ({
    aliasTarget: version,
    step: { id: 'publish', kind: 'publish', change: 'none', title: `Version ${version} already has this code and configuration`, resource: context.functionArn, details: [] },
  });
  if (aliased && sameFunction(aliased, latest)) return unchanged(aliased.version);
  const newest = state.versions.at(-1);
  if (newest && sameFunction(newest, latest)) return unchanged(newest.version);
  return publish('$LATEST differs from every published version');
}

export async function runPublish(_step: PlanStep, runtime: ApplyRuntime): Promise<void> {
  const { desired } = runtime.plan;
  await waitUntilReady(runtime);
  const version = /\/v\.(\d+)$/.exec(desired.versionCrn)?.[1];
  const published = await runtime.call(`lambda:PublishVersion ${desired.functionName}`, (options) => runtime.clients.lambda.send(new PublishVersionCommand({
    FunctionName: desired.functionName,
    Description: `${desired.flowName} flow version ${version ?? '?'} (${desired.targetName})`.slice(0, 256),
  }), options));
  if (!published.Version) throw new Error('Lambda published a version but did not say its number.');
  runtime.resolved.version = published.Version;
}
