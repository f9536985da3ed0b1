// Which components can pass a FlowFile on to a failure port of the top group.
//
// Every connection in every group is an edge source.id -> destination.id. Because a connection
// into a child's input port and the child's connections out of that port share the port's id (and
// likewise a child's output port and the parent's connections out of it), following ids walks
// through funnels, processors (any outgoing connection) and child-group ports alike. One backward
// walk from the failure ports marks everything that reaches one: linear, and cycles end because
// each component is visited once.
import type { FlowModel, Port } from '../model';
import { isFailurePortName, type ValidationOptions } from '../options';

export function topFailurePorts(model: FlowModel, options: ValidationOptions): Port[] {
  return model.top.outputPorts.filter((port) => isFailurePortName(port.name, options));
}

/** Ids of the components from which some path of connections reaches a failure port of the top group. */
export function idsReachingFailurePort(model: FlowModel, failurePorts: readonly Port[]): Set<string> {
  const incoming = new Map<string, string[]>();
  for (const group of model.groups) {
    for (const connection of group.connections) {
      const { source, destination } = connection;
      if (!source.id || !destination.id) continue;
      const sources = incoming.get(destination.id);
      if (sources) sources.push(source.id);
      else incoming.set(destination.id, [source.id]);
    }
  }
  const reaching = new Set<string>();
  const pending: string[] = [];
  for (const port of failurePorts) {
    if (port.id && !reaching.has(port.id)) {
      reaching.add(port.id);
      pending.push(port.id);
    }
  }
  while (pending.length > 0) {
    const id = pending.pop()!;
    for (const source of incoming.get(id) ?? []) {
      if (!reaching.has(source)) {
        reaching.add(source);
        pending.push(source);
      }
    }
  }
  return reaching;
}
