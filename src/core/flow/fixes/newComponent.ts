// New components written as NiFi writes its own: with the fields the file's components of that kind
// carry, in their order. A file exported from a NiFi canvas gives every component an
// "instanceIdentifier" and its connection ends a "comments"; a registry snapshot has neither.
import { randomUUID } from 'crypto';
import { isObject } from '../detect';
import type { FlowModel, RawObject } from '../model';

/** Fields NiFi writes but a flow may lack; written only when the file's components of that kind carry them. */
const OPTIONAL = new Set(['instanceIdentifier', 'comments', 'partitioningAttribute']);

/**
 * `full` (every field, in the order NiFi writes them) reduced and ordered like `sample`, a component
 * of the same kind from the file: optional fields only where the sample has them. Without a sample,
 * every field is kept, and "instanceIdentifier" only when the file's components carry one.
 */
export function likeSiblings(full: RawObject, sample: RawObject | undefined, fileHasInstanceIds: boolean): RawObject {
  if (!sample) {
    const shaped: RawObject = {};
    for (const key in full) if (key !== 'instanceIdentifier' || fileHasInstanceIds) shaped[key] = full[key];
    return shaped;
  }
  const shaped: RawObject = {};
  for (const key in sample) if (key in full) shaped[key] = full[key];
  for (const key in full) if (!(key in shaped) && !OPTIONAL.has(key)) shaped[key] = full[key];
  return shaped;
}

/** The first component of a kind in the file, as a sample of how the file writes that kind. */
export function sampleOf(model: FlowModel, kind: 'port' | 'connection' | 'end'): RawObject | undefined {
  for (const group of model.groups) {
    if (kind === 'port') {
      const [port] = [...group.outputPorts, ...group.inputPorts];
      if (port) return port.raw;
    } else if (group.connections.length > 0) {
      const raw = group.connections[0].raw;
      if (kind === 'connection') return raw;
      return isObject(raw.source) ? raw.source : undefined;
    }
  }
  return undefined;
}

/** Whether the file gives its components an "instanceIdentifier" (a canvas export does). */
export function fileHasInstanceIds(model: FlowModel): boolean {
  if (typeof model.top.raw.instanceIdentifier === 'string') return true;
  for (const group of model.groups) {
    const [first] = [...group.processors, ...group.inputPorts, ...group.outputPorts, ...group.connections];
    if (first) return typeof first.raw.instanceIdentifier === 'string';
  }
  return false;
}

export function newInstanceId(): string {
  return randomUUID();
}
