// How messages name a process group: by its name, or, when it has none, by what it is.
import type { Group } from '../model';
import { quoteName } from '../quoteName';

/** What an unnamed group is called. */
function unnamed(group: Group): string {
  return group.group === undefined ? 'the exported process group' : 'a process group without a name';
}

/** 'process group "Orders"' (`label` instead of 'process group' where a message says so); what it is when unnamed. */
export function groupName(group: Group, label = 'process group'): string {
  return group.name ? `${label} ${quoteName(group.name)}` : unnamed(group);
}

/** groupName at the start of a sentence. */
export function GroupName(group: Group): string {
  const text = groupName(group);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** '"Orders"' alone, where the sentence already says it is a group; what it is when unnamed. */
export function quotedGroupName(group: Group): string {
  return group.name ? quoteName(group.name) : unnamed(group);
}
