// Structural integrity: identifiers are unique and every connection joins existing components.
import { isObject } from '../detect';
import type { Finding } from '../finding';
import { JsonLocator } from '../locate';
import type { Component, Connection, FlowModel, Group } from '../model';
import type { ValidationOptions } from '../options';

export function checkStructure(model: FlowModel, _options: ValidationOptions): Finding[] {
  return [...duplicateIdentifiers(model), ...missingEndpoints(model)];
}

function duplicateIdentifiers(model: FlowModel): Finding[] {
  const findings: Finding[] = [];
  let locator: JsonLocator | undefined;
  // forEach rather than for-of: no [id, components] entry array for each of tens of thousands of ids.
  model.byId.forEach((components, id) => {
    if (components.length < 2) return;
    const [first, ...others] = inTextOrder(components, locator ??= new JsonLocator(model.text));
    for (const component of others) {
      findings.push({
        code: 'duplicate-identifier',
        severity: 'error',
        message: `${capitalize(describe(component))} has the identifier "${id}", which ${describe(first)} already uses. ` +
          'Identifiers must be unique in a flow definition: give one of them a new identifier (a new UUID), ' +
          'or download the flow definition again from NiFi.',
        at: { path: [...component.path, 'identifier'] },
        componentId: id,
        componentName: component.name,
        related: [{ at: { path: [...first.path, 'identifier'] }, message: `First use of "${id}": ${describe(first)}` }],
      });
    }
  });
  return findings;
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
      if (byId.has(connection.source.id) && byId.has(connection.destination.id)) continue;
      for (const end of ['source', 'destination'] as const) {
        const { id } = connection[end];
        if (byId.has(id) || remotePortIds.has(id)) continue;
        findings.push({
          code: 'connection-endpoint-missing',
          severity: 'error',
          message: `${capitalize(describe(connection))} has ${id ? `a ${end} "${id}" that matches no component in the flow` : `no ${end} id`}. ` +
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
  const where = component.group ? ` in group "${component.group.name}"` : '';
  return `the ${label}${name ? ` "${name}"` : ''}${where}`;
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
