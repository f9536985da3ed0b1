// Routes an auto-terminated relationship to a failure output port of the exported group: inside
// the processor's group to that group's "failure" port, then from each group's port up through
// its parent's, until the top group's. Ports and connections that exist are reused.
import { randomUUID } from 'crypto';
import type { FixSpec } from '../finding';
import type { Component, Connection, FlowModel, Group, Port, Processor, RawObject } from '../model';
import { appendToArray, removeArrayItem } from './jsonEdits';
import { targetComponent } from './targetComponent';
import type { TextDraft } from './textDraft';

type RouteToFailurePort = Extract<FixSpec, { kind: 'routeToFailurePort' }>;

interface Position {
  x: number;
  y: number;
}

/** A port as the fix knows it: one from the file or one it has just added. */
interface PortRef {
  id: string;
  name: string;
  existing: Port | undefined;
}

interface Source {
  id: string;
  name: string;
  groupId: string;
  type: 'PROCESSOR' | 'OUTPUT_PORT';
}

/** Where a new port goes, relative to what feeds it: below it, clear of a processor's or group's box. */
const PORT_OFFSET: Position = { x: 0, y: 250 };

export function routeToFailurePort(draft: TextDraft, model: FlowModel, fix: RouteToFailurePort): void {
  const processor = targetComponent(model, fix.processorId, fix.componentPath,
    (component): component is Processor => component.kind === 'PROCESSOR');
  if (!processor?.group) return;
  stopAutoTerminating(draft, processor, fix.relationship);
  const withPortFunction = model.groups.some((group) =>
    [...group.inputPorts, ...group.outputPorts].some((port) => port.portFunction !== undefined));
  let group: Group = processor.group;
  let source: Source = { id: processor.id, name: processor.name, groupId: group.id, type: 'PROCESSOR' };
  let near = positionOf(processor);
  for (;;) {
    const existing = group.outputPorts.find(isFailurePort);
    const port: PortRef = existing
      ? { id: existing.id, name: existing.name, existing }
      : addPort(draft, group, near, withPortFunction);
    connect(draft, group, source, port, fix.relationship);
    const parent = group.group;
    if (!parent) return;
    // A failure port the user already routes onward in the parent keeps its route; another
    // connection from it would send a copy of every flow file down a second path.
    if (existing && parent.connections.some((connection) => connection.source.id === existing.id)) return;
    source = { id: port.id, name: port.name, groupId: group.id, type: 'OUTPUT_PORT' };
    near = positionOf(group);
    group = parent;
  }
}

function isFailurePort(port: Port): boolean {
  return !port.allowRemoteAccess && port.name.toLowerCase() === 'failure';
}

function stopAutoTerminating(draft: TextDraft, processor: Processor, relationship: string): void {
  const path = [...processor.path, 'autoTerminatedRelationships'];
  let count = processor.autoTerminatedRelationships.length;
  // Last first, so the indexes still to remove stay valid.
  for (let index = count - 1; index >= 0; index--) {
    if (processor.autoTerminatedRelationships[index] !== relationship) continue;
    draft.apply([removeArrayItem(draft.doc, path, index, count)]);
    count--;
  }
}

function addPort(draft: TextDraft, group: Group, near: Position, withPortFunction: boolean): PortRef {
  const id = randomUUID();
  // NiFi 2.x allows one FAILURE port per group; a group that has one under another name gets a standard port.
  const hasFailureFunction = group.outputPorts.some((port) => port.portFunction === 'FAILURE');
  const port: RawObject = {
    identifier: id,
    name: 'failure',
    componentType: 'OUTPUT_PORT',
    type: 'OUTPUT_PORT',
    groupIdentifier: group.id,
    position: { x: near.x + PORT_OFFSET.x, y: near.y + PORT_OFFSET.y },
    concurrentlySchedulableTaskCount: 1,
    scheduledState: 'ENABLED',
    allowRemoteAccess: false,
  };
  if (withPortFunction) port.portFunction = hasFailureFunction ? 'STANDARD' : 'FAILURE';
  draft.apply([appendToArray(draft.doc, [...group.path, 'outputPorts'], port)]);
  return { id, name: 'failure', existing: undefined };
}

function connect(draft: TextDraft, group: Group, source: Source, port: PortRef, relationship: string): void {
  const existing = port.existing && group.connections.find((connection: Connection) =>
    connection.source.id === source.id && connection.destination.id === port.id);
  if (existing) {
    if (source.type === 'PROCESSOR' && !existing.selectedRelationships.includes(relationship)) {
      draft.apply([appendToArray(draft.doc, [...existing.path, 'selectedRelationships'], relationship)]);
    }
    return;
  }
  const connection = {
    identifier: randomUUID(),
    name: '',
    componentType: 'CONNECTION',
    groupIdentifier: group.id,
    source: { id: source.id, groupId: source.groupId, name: source.name, type: source.type, comments: '' },
    destination: { id: port.id, groupId: group.id, name: port.name, type: 'OUTPUT_PORT', comments: '' },
    selectedRelationships: [source.type === 'PROCESSOR' ? relationship : ''],
    backPressureObjectThreshold: 10000,
    backPressureDataSizeThreshold: '1 GB',
    flowFileExpiration: '0 sec',
    prioritizers: [],
    bends: [],
    loadBalanceStrategy: 'DO_NOT_LOAD_BALANCE',
    loadBalanceCompression: 'DO_NOT_COMPRESS',
    labelIndex: 1,
    zIndex: 0,
  };
  draft.apply([appendToArray(draft.doc, [...group.path, 'connections'], connection)]);
}

function positionOf(component: Component): Position {
  const position = component.raw.position as { x?: unknown; y?: unknown } | undefined;
  const x = typeof position?.x === 'number' ? position.x : 0;
  const y = typeof position?.y === 'number' ? position.y : 0;
  return { x, y };
}
