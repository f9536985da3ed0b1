// Structural integrity: identifiers are unique within each process group and every connection
// joins existing components.
import { isObject } from '../detect';
import type { Finding } from '../finding';
import { JsonLocator } from '../locate';
import type { Component, Connection, ConnectionEnd, FlowModel, Group } from '../model';
import type { ValidationOptions } from '../options';
import { quoteName } from '../quoteName';

export function checkStructure(model: FlowModel, _options: ValidationOptions): Finding[] {
  return [...duplicateIdentifiers(model), ...missingEndpoints(model)];
}

/**
 * NiFi requires an identifier to be unique among the components of one process group (a connection
 * names its ends by group and identifier); flows NiFi exports itself reuse identifiers across groups
 * (a group imported twice keeps its components' versioned identifiers), and NiFi imports them.
 */
function duplicateIdentifiers(model: FlowModel): Finding[] {
  const findings: Finding[] = [];
  let locator: JsonLocator | undefined;
  // forEach rather than for-of: no [id, components] entry array for each of tens of thousands of ids.
  model.byId.forEach((components, id) => {
    if (components.length < 2) return;
    for (const sameGroup of bySiblings(components)) {
      if (sameGroup.length < 2) continue;
      const [first, ...others] = inTextOrder(sameGroup, locator ??= new JsonLocator(model.text));
      for (const component of others) {
        findings.push({
          code: 'duplicate-identifier',
          severity: 'error',
          message: `${capitalize(describe(component))} has the identifier ${quoteName(id)}, which ${describe(first)} already uses. ` +
            'Identifiers must be unique within a process group (connections name their ends by group and identifier, so NiFi ' +
            'cannot tell the two apart): give one of them a ' +
            'new identifier (a new UUID), or download the flow definition again from NiFi.',
          at: { path: [...component.path, 'identifier'] },
          componentId: id,
          componentName: component.name,
          related: [{ at: { path: [...first.path, 'identifier'] }, message: `First use of ${quoteName(id)} in this group: ${describe(first)}` }],
        });
      }
    }
  });
  return findings;
}

/** Components that share an identifier, split by the group that holds them (the top group is alone in its own). */
function bySiblings(components: readonly Component[]): Component[][] {
  const groups = new Map<Group | undefined, Component[]>();
  for (const component of components) {
    const list = groups.get(component.group);
    if (list) list.push(component);
    else groups.set(component.group, [component]);
  }
  return [...groups.values()];
}

/** The model lists groups after their parent's components; NiFi writes child groups first. Report the later one in the file. */
function inTextOrder(components: readonly Component[], locator: JsonLocator): Component[] {
  const offset = (component: Component): number => locator.find(component.path)?.valueStart ?? 0;
  return components.map((component) => ({ component, at: offset(component) }))
    .sort((a, b) => a.at - b.at)
    .map((item) => item.component);
}

function missingEndpoints(model: FlowModel): Finding[] {
  const remotePortIds = remoteGroupPortIds(model.groups);
  const { byId } = model;
  const findings: Finding[] = [];
  for (const group of model.groups) {
    const { connections } = group;
    for (let i = 0; i < connections.length; i++) {
      const connection = connections[i];
      // The usual case, both ends present, without allocating anything.
      if (endExists(byId, connection.source) && endExists(byId, connection.destination)) continue;
      for (const end of ['source', 'destination'] as const) {
        const { id } = connection[end];
        if (endExists(byId, connection[end]) || remotePortIds.has(id)) continue;
        findings.push({
          code: 'connection-endpoint-missing',
          severity: 'error',
          message: `${capitalize(describe(connection))} has ${id ? `a ${end} ${quoteName(id)} that matches no component in the flow` : `no ${end} id`}. ` +
            `Reconnect its ${end} in NiFi and download the flow definition again, or remove the connection.`,
          at: { path: [...connection.path, end, 'id'] },
          componentId: connection.id,
          componentName: connectionName(connection),
        });
      }
    }
  }
  return findings;
}

/**
 * A connection names each end by identifier and by the group that holds it: identifiers repeat across
 * groups (a group imported twice), so the end must be in that group. An end without groupId is
 * matched by identifier alone.
 */
function endExists(byId: ReadonlyMap<string, Component[]>, end: ConnectionEnd): boolean {
  const candidates = byId.get(end.id);
  if (!candidates) return false;
  if (!end.groupId) return true;
  for (const candidate of candidates) if (candidate.group?.id === end.groupId) return true;
  return false;
}

/** Ports of remote process groups are not model components, but connections may join them. */
function remoteGroupPortIds(groups: readonly Group[]): Set<string> {
  const ids = new Set<string>();
  for (const group of groups) {
    for (const remote of group.remoteProcessGroups) {
      for (const key of ['inputPorts', 'outputPorts']) {
        const ports = remote.raw[key];
        if (!Array.isArray(ports)) continue;
        for (const port of ports) {
          if (isObject(port) && typeof port.identifier === 'string') ids.add(port.identifier);
        }
      }
    }
  }
  return ids;
}

const KIND_LABELS: Record<Component['kind'], string> = {
  PROCESS_GROUP: 'process group',
  PROCESSOR: 'processor',
  INPUT_PORT: 'input port',
  OUTPUT_PORT: 'output port',
  CONNECTION: 'connection',
  FUNNEL: 'funnel',
  LABEL: 'label',
  CONTROLLER_SERVICE: 'controller service',
  REMOTE_PROCESS_GROUP: 'remote process group',
};

function describe(component: Component): string {
  const label = KIND_LABELS[component.kind];
  const name = component.kind === 'CONNECTION' ? connectionName(component as Connection) : component.name;
  const where = component.group ? ` in group ${quoteName(component.group.name)}` : '';
  return `the ${label}${name ? ` ${quoteName(name)}` : ''}${where}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function connectionName(connection: Connection): string {
  if (connection.name) return connection.name;
  const from = connection.source.name || connection.source.id;
  const to = connection.destination.name || connection.destination.id;
  return `${from} → ${to}`;
}
