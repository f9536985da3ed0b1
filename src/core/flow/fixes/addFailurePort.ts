// "Add a failure output port": the top group gets an output port named "failure", and every error
// relationship that nothing handles (auto-terminated, or connected nowhere) is routed to it, from
// child groups through their own failure ports. Error relationships already connected elsewhere
// keep their route: a second connection would send a copy of each failed FlowFile down both.
// Disabled processors are left alone, as the failure rules leave them: they never run, so never fail.
import type { FixSpec } from '../finding';
import type { FlowModel } from '../model';
import { parseFlow } from '../parse';
import { errorRelationshipsOf } from '../relationships';
import { isDisabled } from '../rules/failureReach';
import { addTopFailurePort, routeToFailurePort } from './routeToFailurePort';
import type { TextDraft } from './textDraft';

type RouteToFailurePort = Extract<FixSpec, { kind: 'routeToFailurePort' }>;

/** Nothing when the top group has a port named "failure" already (the file changed since the finding). */
export function addFailurePort(draft: TextDraft, model: FlowModel): void {
  if (model.top.outputPorts.some((port) => port.name.toLowerCase() === 'failure')) return;
  const routes = unhandledErrors(model);
  if (routes.length === 0) {
    addTopFailurePort(draft, model);
    return;
  }
  let current = model;
  for (const route of routes) {
    // Each route adds ports and connections: the next one is found in the text as it is now, so it
    // reuses the "failure" port the first one added instead of adding another.
    if (current.text !== draft.doc.text) {
      const outcome = parseFlow(draft.doc.text);
      if (outcome.kind !== 'flow') return;
      current = outcome.model;
    }
    routeToFailurePort(draft, current, route);
  }
}

/** Connected relationships by source, the source known by group and identifier (a group imported twice reuses identifiers). */
const sourceKey = (groupId: string, id: string) => `${groupId}\u0000${id}`;

function unhandledErrors(model: FlowModel): RouteToFailurePort[] {
  const connected = new Map<string, Set<string>>();
  for (const group of model.groups) {
    for (const connection of group.connections) {
      const key = sourceKey(connection.source.groupId || group.id, connection.source.id);
      let names = connected.get(key);
      if (!names) connected.set(key, names = new Set());
      for (const name of connection.selectedRelationships) names.add(name.toLowerCase());
    }
  }
  const routes: RouteToFailurePort[] = [];
  for (const group of model.groups) {
    for (const processor of group.processors) {
      if (isDisabled(processor)) continue;
      const handled = connected.get(sourceKey(group.id, processor.id)) ?? new Set<string>();
      for (const relationship of errorRelationshipsOf(processor, handled)) {
        if (handled.has(relationship.toLowerCase())) continue;
        routes.push({ kind: 'routeToFailurePort', processorId: processor.id, componentPath: processor.path, relationship });
      }
    }
  }
  return routes;
}
