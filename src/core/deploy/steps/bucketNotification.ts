// One write per trigger bucket: read the whole notification configuration, merge (see
// moveTriggers.ts), and write it back only when something changed. Apply reads again right
// before writing, so entries another team added since the plan are kept too.
import { GetBucketNotificationConfigurationCommand, PutBucketNotificationConfigurationCommand } from '@aws-sdk/client-s3';
import type { PlanStep } from '../planTypes';
import type { ApplyRuntime } from '../runtime';
import { refuse, warn, type PlanContext } from './context';
import { mergeNotification, overlappingEntries } from './moveTriggers';

export function planBucketNotifications(context: PlanContext): PlanStep[] {
  const { desired, state } = context;
  const buckets = [...new Set(desired.triggers.map((trigger) => trigger.bucket))];
  return buckets.map((bucket) => {
    const found = state.buckets[bucket];
    if (!found?.found) {
      refuse(context, 'bucket-not-found', `Trigger bucket ${bucket} does not exist (or this profile cannot read its notification configuration).`);
      return { id: `bucketNotification:${bucket}`, kind: 'bucketNotification' as const, change: 'none' as const, title: `Bucket ${bucket} not found`, resource: bucket, details: [] };
    }
    const merge = mergeNotification(found.configuration, {
      functionArn: context.functionArn,
      aliasArn: context.aliasArn,
      alias: desired.alias,
      triggers: desired.triggers.filter((trigger) => trigger.bucket === bucket),
    });
    const ours = (arn: string): boolean => arn === context.functionArn || arn.startsWith(`${context.functionArn}:`);
    for (const trigger of desired.triggers.filter((item) => item.bucket === bucket)) {
      const overlaps = overlappingEntries(found.configuration, trigger, ours);
      if (overlaps.length > 0) {
        refuse(context, 'trigger-overlap', `The trigger on bucket ${bucket} (${trigger.events.join(', ')}${trigger.prefix ? `, prefix ${trigger.prefix}` : ''}${trigger.suffix ? `, suffix ${trigger.suffix}` : ''}) ` +
          `overlaps ${overlaps.join(', ')}: S3 refuses two notifications that one object event could match. Narrow the prefix or suffix, or the events.`);
      }
    }
    for (const id of merge.onLatest) {
      warn(context, 'trigger-on-latest', `Trigger "${id}" on bucket ${bucket} invokes ${desired.functionName} without a version ($LATEST, unpublished code); it is left as it is.`);
    }
    const others = countOthers(found.configuration, context.functionArn);
    return {
      id: `bucketNotification:${bucket}`,
      kind: 'bucketNotification' as const,
      change: merge.changes.length > 0 ? 'update' as const : 'none' as const,
      title: merge.changes.length > 0
        ? `Update the notifications of bucket ${bucket}, keeping its ${others} other ${others === 1 ? 'entry' : 'entries'}`
        : `Bucket ${bucket} already triggers alias ${desired.alias}`,
      resource: bucket,
      details: merge.changes.map((change) => ({ field: `${change.kind} ${change.id}`, before: change.before, after: change.after })),
    };
  });
}

function countOthers(configuration: PlanContext['state']['buckets'][string]['configuration'], functionArn: string): number {
  const lambdas = (configuration.LambdaFunctionConfigurations ?? []).filter((entry) => !(entry.LambdaFunctionArn ?? '').startsWith(`${functionArn}:`) && entry.LambdaFunctionArn !== functionArn);
  return lambdas.length + (configuration.QueueConfigurations?.length ?? 0) + (configuration.TopicConfigurations?.length ?? 0) + (configuration.EventBridgeConfiguration ? 1 : 0);
}

export async function runBucketNotification(step: PlanStep, runtime: ApplyRuntime): Promise<void> {
  const { desired, functionArn, aliasArn } = runtime.plan;
  const bucket = step.resource;
  const s3 = runtime.clients.s3;
  const current = await runtime.call(`s3:GetBucketNotificationConfiguration ${bucket}`, (options) =>
    s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: bucket }), options));
  const { $metadata: _metadata, ...configuration } = current;
  const merge = mergeNotification(configuration, {
    functionArn,
    aliasArn,
    alias: desired.alias,
    triggers: desired.triggers.filter((trigger) => trigger.bucket === bucket),
  });
  if (merge.changes.length === 0) return;
  await runtime.call(`s3:PutBucketNotificationConfiguration ${bucket}`, (options) =>
    s3.send(new PutBucketNotificationConfigurationCommand({ Bucket: bucket, NotificationConfiguration: merge.configuration }), options));
}
