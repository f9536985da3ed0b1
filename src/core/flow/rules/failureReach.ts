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
  // Most components have one incoming connection: its source is kept as a plain string, and a list
  // is made only for a second one (tens of thousands fewer arrays on a big flow).
  const incoming = new Map<string, string | string[]>();
  for (const group of model.groups) {
    const { connections } = group;
    for (let i = 0; i < connections.length; i++) {
      const sourceId = connections[i].source.id;
      const destinationId = connections[i].destination.id;
      if (!sourceId || !destinationId) continue;
      const sources = incoming.get(destinationId);
      if (sources === undefined) incoming.set(destinationId, sourceId);
      else if (typeof sources === 'string') incoming.set(destinationId, [sources, sourceId]);
      else sources.push(sourceId);
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
  const visit = (source: string): void => {
    if (!reaching.has(source)) {
      reaching.add(source);
      pending.push(source);
    }
  };
  while (pending.length > 0) {
    const sources = incoming.get(pending.pop()!);
    if (sources === undefined) continue;
    if (typeof sources === 'string') visit(sources);
    else for (const source of sources) visit(source);
  }
  return reaching;
}
