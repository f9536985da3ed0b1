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
import { isErrorRelationship } from '../relationships';

export function topFailurePorts(model: FlowModel, options: ValidationOptions): Port[] {
  return model.top.outputPorts.filter((port) => isFailurePortName(port.name, options));
}

/** A processor whose scheduledState is DISABLED: it never runs, so it neither fails nor passes FlowFiles on. */
export function isDisabled(processor: Processor): boolean {
  return processor.raw.scheduledState === 'DISABLED';
}

/** A connection with an error relationship from whose destination no path reaches a failure port of the top group. */
export interface UnroutedConnection {
  connection: Connection;
  /** It goes into a disabled processor, where everything it carries stops. */
  intoDisabledProcessor: boolean;
}

const UNKNOWN = 0;
const REACHES = 1;
const DISABLED = 2;

/**
 * The connections, in the model's order (groups, then each group's connections), that carry an error
 * relationship and lead to no failure port; not those out of a disabled processor, which never sends
 * anything down them.
 */
export function unroutedErrorConnections(model: FlowModel, failurePorts: readonly Port[]): UnroutedConnection[] {
  const { connections, sources, destinations, state } = walkToFailurePorts(model, failurePorts);
  const unrouted: UnroutedConnection[] = [];
  for (let edge = 0; edge < connections.length; edge++) {
    const destination = destinations[edge];
    if (destination !== -1 && state[destination] === REACHES) continue;
    if (sources[edge] !== -1 && state[sources[edge]] === DISABLED) continue;
    const connection = connections[edge];
    if (!connection.selectedRelationships.some(isErrorRelationship)) continue;
    unrouted.push({ connection, intoDisabledProcessor: destination !== -1 && state[destination] === DISABLED });
  }
  return unrouted;
}

/**
 * Identifiers of the components from which some path reaches a failure port of the top group, with
 * identifiers alone: where two groups reuse an identifier, an end of one copy counts for both. Kept
 * for the flow preview; the rules use unroutedErrorConnections, which tells the copies apart.
 */
export function idsReachingFailurePort(model: FlowModel, failurePorts: readonly Port[]): Set<string> {
  const { connections, sources, destinations, state } = walkToFailurePorts(model, failurePorts);
  const ids = new Set<string>();
  for (const port of failurePorts) if (port.id) ids.add(port.id);
  for (let edge = 0; edge < connections.length; edge++) {
    if (destinations[edge] === -1 || state[destinations[edge]] !== REACHES) continue;
    ids.add(connections[edge].destination.id);
    if (state[sources[edge]] === REACHES) ids.add(connections[edge].source.id);
  }
  return ids;
}

interface Walk {
  /** Every connection of the flow; the same index in sources and destinations gives its end numbers (-1: no identifier). */
  connections: Connection[];
  sources: Int32Array;
  destinations: Int32Array;
  /** Per end number: UNKNOWN, REACHES or DISABLED. */
  state: Uint8Array;
}

function walkToFailurePorts(model: FlowModel, failurePorts: readonly Port[]): Walk {
  // One look at each group: how many connections, and how many components (see identifiersRepeat).
  let count = 0;
  let components = 0;
  for (const group of model.groups) {
    count += group.connections.length;
    components += 1 + group.processors.length + group.controllerServices.length + group.inputPorts.length + group.outputPorts.length +
      group.connections.length + group.funnels.length + group.labels.length + group.remoteProcessGroups.length;
  }
  const ends = new EndIndex(model, identifiersRepeat(model, components));
  // Each connection as an edge between two end numbers; no objects per connection.
  const connections: Connection[] = new Array(count);
  const sources = new Int32Array(count);
  const destinations = new Int32Array(count);
  let edge = 0;
  for (const group of model.groups) {
    const groupConnections = group.connections;
    for (let i = 0; i < groupConnections.length; i++, edge++) {
      const connection = groupConnections[i];
      const { source, destination } = connection;
      connections[edge] = connection;
      const linked = source.id !== '' && destination.id !== '';
      sources[edge] = linked ? ends.add(source, group) : -1;
      destinations[edge] = linked ? ends.add(destination, group) : -1;
    }
  }
  // The incoming edges of each end, as linked lists: firstIncoming[end], then nextIncoming[edge].
  const firstIncoming = new Int32Array(ends.size).fill(-1);
  const nextIncoming = new Int32Array(count);
  for (let at = 0; at < count; at++) {
    const destination = destinations[at];
    if (destination === -1) continue;
    nextIncoming[at] = firstIncoming[destination];
    firstIncoming[destination] = at;
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
    for (let at = firstIncoming[pending[--queued]]; at !== -1; at = nextIncoming[at]) {
      const source = sources[at];
      if (state[source] === UNKNOWN) {
        state[source] = REACHES;
        pending[queued++] = source;
      }
    }
  }
  return { connections, sources, destinations, state };
}

/**
 * Numbers for connection ends. Where no identifier is used twice in the flow (nearly every flow), an
 * identifier names one component, and ends are numbered by identifier alone (a groupId that names the
 * wrong group is connection-endpoint-missing's finding). Otherwise the first group seen for an
 * identifier is still found by identifier, and each other group with that identifier (a group
 * imported twice) gets numbers of its own, the only place a key string is built.
 */
class EndIndex {
  private readonly byId = new Map<string, number>();
  private readonly groupOfEnd: string[] = [];
  private readonly reused = new Map<string, number>();
  size = 0;

  constructor(private readonly model: FlowModel, private readonly identifiersRepeat: boolean) {}

  add(end: ConnectionEnd, connectionGroup: Group): number {
    const first = this.byId.get(end.id);
    if (first === undefined) {
      this.byId.set(end.id, this.size);
      if (this.identifiersRepeat) this.groupOfEnd.push(this.groupIdOf(end, connectionGroup));
      return this.size++;
    }
    if (!this.identifiersRepeat) return first;
    const groupId = this.groupIdOf(end, connectionGroup);
    if (this.groupOfEnd[first] === groupId) return first;
    const key = `${groupId}\u0000${end.id}`;
    let number = this.reused.get(key);
    if (number === undefined) {
      this.reused.set(key, number = this.size++);
      this.groupOfEnd.push(groupId);
    }
    return number;
  }

  find(groupId: string, id: string): number {
    const first = this.byId.get(id);
    if (first === undefined) return -1;
    if (!this.identifiersRepeat || this.groupOfEnd[first] === groupId) return first;
    return this.reused.get(`${groupId}\u0000${id}`) ?? -1;
  }

  /**
   * The end's group. NiFi always writes groupId; without one (a hand edit, reported by the shape check),
   * the group of the only component with that identifier, else the connection's own group.
   */
  private groupIdOf(end: ConnectionEnd, connectionGroup: Group): string {
    if (end.groupId) return end.groupId;
    const candidates = this.model.byId.get(end.id);
    const sole = candidates?.length === 1 ? candidates[0].group : undefined;
    return sole?.id ?? connectionGroup.id;
  }
}

/**
 * Whether two components share an identifier. When byId holds as many identifiers as the groups hold
 * components (counted from the lengths of their lists, reading no component), none can; otherwise
 * byId is looked through (a component without an identifier is not in it).
 */
function identifiersRepeat(model: FlowModel, components: number): boolean {
  if (components === model.byId.size) return false;
  for (const sharing of model.byId.values()) if (sharing.length > 1) return true;
  return false;
}
