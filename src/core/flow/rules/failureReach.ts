// Which connections can pass a FlowFile on to a failure port of the top group.
//
// A connection names each end by the group that holds it and its identifier: identifiers are unique
// only within a group (a group imported twice reuses them), so an end is (groupId, id), as NiFi finds
// it. A connection into a child's input port and the child's connections out of that port name the
// same (child, port) end (likewise a child's output port and the parent's connections out of it), so
// following ends walks through funnels, processors (any outgoing connection) and child-group ports
// alike. One backward walk from the failure ports marks every end that reaches one: linear, and cycles
// end because each end is visited once.
//
// A disabled processor never runs: NiFi's flow synchronizer disables it (in the stateless engine too,
// StatelessProcessScheduler.disableProcessor), so it passes nothing on and the walk stops there.
import type { Connection, ConnectionEnd, FlowModel, Group, Port, Processor } from '../model';
import { isFailurePortName, type ValidationOptions } from '../options';

export function topFailurePorts(model: FlowModel, options: ValidationOptions): Port[] {
  return model.top.outputPorts.filter((port) => isFailurePortName(port.name, options));
}

/** A processor whose scheduledState is DISABLED: it never runs, so it neither fails nor passes FlowFiles on. */
export function isDisabled(processor: Processor): boolean {
  return processor.raw.scheduledState === 'DISABLED';
}

export interface FailureReach {
  /** Whether some path from the connection's destination reaches a failure port of the top group. */
  leadsToFailurePort(connection: Connection): boolean;
  /** Whether the connection comes out of a disabled processor (which never sends anything down it). */
  fromDisabledProcessor(connection: Connection): boolean;
  /** Whether the connection goes into a disabled processor (where everything it carries stops). */
  intoDisabledProcessor(connection: Connection): boolean;
}

const UNKNOWN = 0;
const REACHES = 1;
const DISABLED = 2;

export function failureReach(model: FlowModel, failurePorts: readonly Port[]): FailureReach {
  const ends = new EndIndex(model);
  let count = 0;
  for (const group of model.groups) count += group.connections.length;
  // Each connection as an edge between two end numbers; no objects per connection.
  const sources = new Int32Array(count);
  const destinations = new Int32Array(count);
  let edges = 0;
  for (const group of model.groups) {
    const { connections } = group;
    for (let i = 0; i < connections.length; i++) {
      const { source, destination } = connections[i];
      if (!source.id || !destination.id) continue;
      sources[edges] = ends.add(source, group);
      destinations[edges++] = ends.add(destination, group);
    }
  }
  // The incoming edges of each end, as linked lists: firstIncoming[end], then nextIncoming[edge].
  const firstIncoming = new Int32Array(ends.size).fill(-1);
  const nextIncoming = new Int32Array(edges);
  for (let edge = 0; edge < edges; edge++) {
    nextIncoming[edge] = firstIncoming[destinations[edge]];
    firstIncoming[destinations[edge]] = edge;
  }
  const state = new Uint8Array(ends.size);
  for (const group of model.groups) {
    const { processors } = group;
    for (let i = 0; i < processors.length; i++) {
      if (!isDisabled(processors[i])) continue;
      const end = ends.find(group.id, processors[i].id);
      if (end !== -1) state[end] = DISABLED;
    }
  }
  const pending = new Int32Array(ends.size);
  let queued = 0;
  for (const port of failurePorts) {
    const end = ends.find(model.top.id, port.id);
    if (end !== -1 && state[end] === UNKNOWN) {
      state[end] = REACHES;
      pending[queued++] = end;
    }
  }
  while (queued > 0) {
    for (let edge = firstIncoming[pending[--queued]]; edge !== -1; edge = nextIncoming[edge]) {
      const source = sources[edge];
      if (state[source] === UNKNOWN) {
        state[source] = REACHES;
        pending[queued++] = source;
      }
    }
  }
  const stateOf = (end: ConnectionEnd, connection: Connection): number => {
    const at = ends.find(ends.groupIdOf(end, connection.group), end.id);
    return at === -1 ? UNKNOWN : state[at];
  };
  return {
    leadsToFailurePort: (connection) => stateOf(connection.destination, connection) === REACHES,
    fromDisabledProcessor: (connection) => stateOf(connection.source, connection) === DISABLED,
    intoDisabledProcessor: (connection) => stateOf(connection.destination, connection) === DISABLED,
  };
}

/**
 * Identifiers of the components from which some path reaches a failure port of the top group, with
 * identifiers alone: where two groups reuse an identifier, an end of one copy counts for both. Kept
 * for the flow preview; the rules use failureReach, which tells the copies apart.
 */
export function idsReachingFailurePort(model: FlowModel, failurePorts: readonly Port[]): Set<string> {
  const reach = failureReach(model, failurePorts);
  const ids = new Set<string>();
  for (const port of failurePorts) if (port.id) ids.add(port.id);
  for (const group of model.groups) {
    for (const connection of group.connections) {
      if (connection.source.id && connection.destination.id && reach.leadsToFailurePort(connection)) {
        ids.add(connection.destination.id);
        if (!reach.fromDisabledProcessor(connection)) ids.add(connection.source.id);
      }
    }
  }
  return ids;
}

/** Numbers for connection ends, by group identifier then identifier (no key strings built per end). */
class EndIndex {
  private readonly groups = new Map<string, Map<string, number>>();
  size = 0;

  constructor(private readonly model: FlowModel) {}

  add(end: ConnectionEnd, connectionGroup: Group | undefined): number {
    const groupId = this.groupIdOf(end, connectionGroup);
    let ids = this.groups.get(groupId);
    if (!ids) this.groups.set(groupId, ids = new Map());
    let number = ids.get(end.id);
    if (number === undefined) ids.set(end.id, number = this.size++);
    return number;
  }

  find(groupId: string, id: string): number {
    return this.groups.get(groupId)?.get(id) ?? -1;
  }

  /**
   * The end's group. NiFi always writes groupId; without one (a hand edit, reported by the shape check),
   * the group of the only component with that identifier, else the connection's own group.
   */
  groupIdOf(end: ConnectionEnd, connectionGroup: Group | undefined): string {
    if (end.groupId) return end.groupId;
    const candidates = this.model.byId.get(end.id);
    const sole = candidates?.length === 1 ? candidates[0].group : undefined;
    return sole?.id ?? connectionGroup?.id ?? this.model.top.id;
  }
}
