// How a bucket's notification configuration changes, computed without calling AWS: every entry is
// kept as it is, except that triggers of this function still bound to a bare version move to the
// alias (a version never follows a publish), and each trigger of the target is added or updated on
// the alias. PutBucketNotificationConfiguration replaces the whole configuration, so the result
// must hold every entry of every kind that was there.
import { createHash } from 'node:crypto';
import type { FilterRule, LambdaFunctionConfiguration, NotificationConfiguration } from '@aws-sdk/client-s3';
import type { DesiredTrigger } from '../desired';

export interface NotificationChange {
  kind: 'add' | 'update' | 'move' | 'merge';
  id: string;
  before?: string;
  after: string;
}

export interface NotificationMerge {
  configuration: NotificationConfiguration;
  changes: NotificationChange[];
  /** Ids of triggers of this function on $LATEST (unpublished code): left alone, but worth a warning. */
  onLatest: string[];
}

export interface MergeTarget {
  functionArn: string;
  aliasArn: string;
  alias: string;
  triggers: DesiredTrigger[];
}

function rules(entry: { Filter?: LambdaFunctionConfiguration['Filter'] }): { prefix: string; suffix: string } {
  const list: FilterRule[] = entry.Filter?.Key?.FilterRules ?? [];
  // S3 answers with "Prefix"/"Suffix" while requests use lower case: compare without case.
  const find = (name: string): string => list.find((rule) => rule.Name?.toLowerCase() === name)?.Value ?? '';
  return { prefix: find('prefix'), suffix: find('suffix') };
}

function sameFilter(entry: LambdaFunctionConfiguration, trigger: { prefix?: string; suffix?: string }): boolean {
  const { prefix, suffix } = rules(entry);
  return prefix === (trigger.prefix ?? '') && suffix === (trigger.suffix ?? '');
}

function sameEvents(a: readonly string[] | undefined, b: readonly string[]): boolean {
  const left = [...new Set(a ?? [])].sort();
  const right = [...new Set(b)].sort();
  return left.length === right.length && left.every((event, index) => event === right[index]);
}

export function triggerId(alias: string, trigger: DesiredTrigger): string {
  const hash = createHash('sha256').update(JSON.stringify([trigger.events.slice().sort(), trigger.prefix ?? '', trigger.suffix ?? ''])).digest('hex').slice(0, 10);
  return `dff-${alias}-${hash}`;
}

function describe(trigger: { events: readonly string[]; prefix?: string; suffix?: string }): string {
  const filter = [trigger.prefix ? `prefix ${trigger.prefix}` : '', trigger.suffix ? `suffix ${trigger.suffix}` : ''].filter(Boolean).join(', ');
  return `${trigger.events.join(', ')}${filter ? ` (${filter})` : ''}`;
}

export function mergeNotification(configuration: NotificationConfiguration, target: MergeTarget): NotificationMerge {
  const entries: LambdaFunctionConfiguration[] = (configuration.LambdaFunctionConfigurations ?? []).map((entry) => ({ ...entry }));
  const changes: NotificationChange[] = [];
  const onLatest: string[] = [];
  const versionArn = new RegExp(`^${target.functionArn.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(\\d+)$`);
  for (const entry of entries) {
    const arn = entry.LambdaFunctionArn ?? '';
    const version = versionArn.exec(arn)?.[1];
    if (version) {
      changes.push({ kind: 'move', id: entry.Id ?? '', before: `version ${version}`, after: `alias ${target.alias}` });
      entry.LambdaFunctionArn = target.aliasArn;
    } else if (arn === target.functionArn || arn === `${target.functionArn}:$LATEST`) {
      onLatest.push(entry.Id ?? '');
    }
  }
  // Two moved triggers may now be the same trigger on the alias; S3 refuses such overlaps.
  const kept: LambdaFunctionConfiguration[] = [];
  for (const entry of entries) {
    const duplicate = entry.LambdaFunctionArn === target.aliasArn && kept.some((other) =>
      other.LambdaFunctionArn === target.aliasArn && sameEvents(other.Events, entry.Events ?? []) && sameFilter(other, rules(entry)));
    if (duplicate) changes.push({ kind: 'merge', id: entry.Id ?? '', after: 'dropped: same trigger as another on the alias' });
    else kept.push(entry);
  }
  for (const trigger of target.triggers) {
    const match = kept.find((entry) => entry.LambdaFunctionArn === target.aliasArn && sameFilter(entry, trigger));
    if (match) {
      if (!sameEvents(match.Events, trigger.events)) {
        changes.push({ kind: 'update', id: match.Id ?? '', before: describe({ events: match.Events ?? [], ...rules(match) }), after: describe(trigger) });
        match.Events = [...trigger.events] as LambdaFunctionConfiguration['Events'];
      }
      continue;
    }
    const id = triggerId(target.alias, trigger);
    const filterRules: FilterRule[] = [
      ...(trigger.prefix ? [{ Name: 'prefix' as const, Value: trigger.prefix }] : []),
      ...(trigger.suffix ? [{ Name: 'suffix' as const, Value: trigger.suffix }] : []),
    ];
    kept.push({
      Id: id,
      LambdaFunctionArn: target.aliasArn,
      Events: [...trigger.events] as LambdaFunctionConfiguration['Events'],
      ...(filterRules.length > 0 ? { Filter: { Key: { FilterRules: filterRules } } } : {}),
    });
    changes.push({ kind: 'add', id, after: `${describe(trigger)} → alias ${target.alias}` });
  }
  const merged: NotificationConfiguration = { ...configuration };
  if (kept.length > 0) merged.LambdaFunctionConfigurations = kept;
  else delete merged.LambdaFunctionConfigurations;
  return { configuration: merged, changes, onLatest };
}

function eventsOverlap(a: readonly string[], b: readonly string[]): boolean {
  const covers = (pattern: string, event: string): boolean =>
    pattern === event || (pattern.endsWith(':*') && event.startsWith(pattern.slice(0, -1)));
  return a.some((x) => b.some((y) => covers(x, y) || covers(y, x)));
}

function filtersOverlap(a: { prefix: string; suffix: string }, b: { prefix: string; suffix: string }): boolean {
  const prefixes = a.prefix.startsWith(b.prefix) || b.prefix.startsWith(a.prefix);
  const suffixes = a.suffix.endsWith(b.suffix) || b.suffix.endsWith(a.suffix);
  return prefixes && suffixes;
}

/**
 * Entries of other destinations that S3 would refuse next to this trigger ("Configurations overlap"):
 * they share an event type and an object key could match both filters.
 */
export function overlappingEntries(configuration: NotificationConfiguration, trigger: DesiredTrigger, ownArns: (arn: string) => boolean): string[] {
  const wanted = { prefix: trigger.prefix ?? '', suffix: trigger.suffix ?? '' };
  const entries: Array<{ Id?: string; Events?: string[]; Filter?: LambdaFunctionConfiguration['Filter']; destination: string }> = [
    ...(configuration.LambdaFunctionConfigurations ?? []).map((entry) => ({ ...entry, destination: entry.LambdaFunctionArn ?? '' })),
    ...(configuration.QueueConfigurations ?? []).map((entry) => ({ ...entry, destination: entry.QueueArn ?? '' })),
    ...(configuration.TopicConfigurations ?? []).map((entry) => ({ ...entry, destination: entry.TopicArn ?? '' })),
  ];
  return entries
    .filter((entry) => !ownArns(entry.destination))
    .filter((entry) => eventsOverlap(entry.Events ?? [], trigger.events) && filtersOverlap(rules(entry), wanted))
    .map((entry) => `${entry.Id ?? '(no id)'} (${entry.destination})`);
}
