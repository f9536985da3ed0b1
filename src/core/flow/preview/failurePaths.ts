// Which connections carry failures to a failure port, and which error relationships are left
// without one. Connections link components by identifier across groups (a child's port shares its
// id with the connections on both sides), as in rules/failureReach.ts.
import type { Connection, FlowModel } from '../model';
import type { ValidationOptions } from '../options';
import { isErrorRelationship } from '../relationships';
import { idsReachingFailurePort, topFailurePorts, unroutedErrorConnections } from '../rules/failureReach';
import type { EdgeKind } from './types';

/**
 * The kind of every connection. 'failurePath': it leads to a failure port and is an error
 * relationship or lies downstream of one. 'unrouted': it carries an error relationship and never
 * reaches a failure port: exactly the connections the failure rules judge unrouted (by group and identifier,
 * so the copies of a group imported twice are told apart). Cycles end: each id is visited once.
 */
export function edgeKinds(model: FlowModel, options: ValidationOptions): Map<Connection, EdgeKind> {
  const failurePorts = topFailurePorts(model, options);
  const reaching = failurePorts.length > 0 ? idsReachingFailurePort(model, failurePorts) : new Set<string>();
  const unrouted = new Set(unroutedErrorConnections(model, failurePorts).map((item) => item.connection));
  const outgoing = new Map<string, Connection[]>();
  const carriesError = new Set<Connection>();
  for (const group of model.groups) {
    for (const connection of group.connections) {
      const list = outgoing.get(connection.source.id);
      if (list) list.push(connection);
      else outgoing.set(connection.source.id, [connection]);
      if (connection.selectedRelationships.some(isErrorRelationship)) carriesError.add(connection);
    }
  }
  // Everything downstream of an error connection carries failures.
  const downstream = new Set<string>();
  const pending: string[] = [];
  for (const connection of carriesError) {
    if (!downstream.has(connection.destination.id)) {
      downstream.add(connection.destination.id);
      pending.push(connection.destination.id);
    }
  }
  while (pending.length > 0) {
    for (const connection of outgoing.get(pending.pop()!) ?? []) {
      if (!downstream.has(connection.destination.id)) {
        downstream.add(connection.destination.id);
        pending.push(connection.destination.id);
      }
    }
  }
  const kinds = new Map<Connection, EdgeKind>();
  for (const group of model.groups) {
    for (const connection of group.connections) {
      const leadsToFailure = reaching.has(connection.destination.id);
      // An error connection the rules leave alone that leads nowhere either leaves a disabled processor.
      if (carriesError.has(connection)) kinds.set(connection, unrouted.has(connection) ? 'unrouted' : leadsToFailure ? 'failurePath' : 'plain');
      else kinds.set(connection, leadsToFailure && downstream.has(connection.source.id) ? 'failurePath' : 'plain');
    }
  }
  return kinds;
}
