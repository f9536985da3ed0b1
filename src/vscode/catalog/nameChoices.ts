import type { QuickPickItem } from 'vscode';

// The rows of the push name picker, apart from VS Code so that unit tests can check the order.

export const NEW_FLOW = 'new flow';
export const NEW_VERSION = 'new version of existing flow';
export const CLOSE_NAME = 'existing flow, name differs only in case, spaces or punctuation';
const CHECKING = 'checking the catalog…';

export interface NameItem extends QuickPickItem {
  name: string;
}

/** The name with case, spaces and punctuation taken out: "S3 to SQS" and "S3ToSqs" are both "s3tosqs". */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

/**
 * Existing flows whose name differs from `name` only in case, spaces or punctuation. Names one
 * letter apart ("S3ToSqs", "S3ToSns") are different flows: ranking one first would make Enter add
 * a version to the wrong flow.
 */
export function closeExistingNames(name: string, existing: readonly string[]): string[] {
  const key = nameKey(name);
  if (!key) return [];
  return existing.filter((other) => other !== name && nameKey(other) === key).sort((a, b) => a.localeCompare(b));
}

/**
 * The picker's rows: an existing flow whose name is close to the one the user would push under
 * (so Enter adds a version to it rather than making a near-duplicate), what the user typed (a new
 * flow, unless a flow has that name), the suggested name, then the catalog's other flows.
 * `existing` is undefined while it loads.
 */
export function nameChoices(typed: string, suggested: string, existing: readonly string[] | undefined): NameItem[] {
  const names = new Set(existing ?? []);
  const describe = (name: string) => (existing === undefined ? CHECKING : names.has(name) ? NEW_VERSION : NEW_FLOW);
  const name = typed.trim();
  const wanted = name || suggested;
  const close = existing && wanted && !names.has(wanted) ? closeExistingNames(wanted, existing) : [];
  const items: NameItem[] = close.map((other) => ({ label: other, name: other, description: CLOSE_NAME, alwaysShow: true }));
  if (name && !names.has(name)) items.push({ label: name, name, description: describe(name), alwaysShow: true });
  if (suggested && suggested !== name) items.push({ label: suggested, name: suggested, description: describe(suggested) });
  const listed = new Set([...close, suggested, name]);
  const others = [...names].filter((other) => !listed.has(other)).sort((a, b) => a.localeCompare(b));
  if (name && names.has(name)) others.unshift(name);
  for (const other of others) items.push({ label: other, name: other, description: NEW_VERSION });
  return items;
}
