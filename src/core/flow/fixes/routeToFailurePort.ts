// Routes an auto-terminated relationship to a failure output port of the exported group: inside
// the processor's group to that group's "failure" port, then from each group's port up through
// its parent's, until the top group's. Ports and connections that exist are reused; new ones are
// written as the file's NiFi writes them (portFunction from NiFi 2.0 on, the fields their siblings carry).
import type { FixSpec } from '../finding';
import type { Component, Connection, FlowModel, Group, Port, Processor, RawObject } from '../model';
import { nifiMajorVersion } from '../rules/nifiVersion';
import { appendToArray, removeArrayItem } from './jsonEdits';
import { fileHasInstanceIds, likeSiblings, newInstanceId, sampleOf } from './newComponent';
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
  instanceId: string | undefined;
  existing: Port | undefined;
}

interface Source {
  id: string;
  name: string;
  groupId: string;
  type: 'PROCESSOR' | 'OUTPUT_PORT';
  instanceId: string | undefined;
}

/** How the file writes new components: fixed once per fix. */
interface Style {
  portFunction: boolean;
  instanceIds: boolean;
  port: RawObject | undefined;
  connection: RawObject | undefined;
  end: RawObject | undefined;
}

/** Where a new port goes, relative to what feeds it: below it, clear of a processor's or group's box. */
const PORT_OFFSET: Position = { x: 0, y: 250 };

export function routeToFailurePort(draft: TextDraft, model: FlowModel, fix: RouteToFailurePort): void {
  const processor = targetComponent(model, fix.processorId, fix.componentPath,
    (component): component is Processor => component.kind === 'PROCESSOR');
  if (!processor?.group) return;
  stopAutoTerminating(draft, processor, fix.relationship);
  const style = styleOf(model);
  let group: Group = processor.group;
  let source: Source = { id: processor.id, name: processor.name, groupId: group.id, type: 'PROCESSOR', instanceId: instanceIdOf(processor) };
  let near = positionOf(processor);
  for (;;) {
    const existing = failurePortOf(group, group === model.top);
    const port: PortRef = existing
      ? { id: existing.id, name: existing.name, instanceId: instanceIdOf(existing), existing }
      : addPort(draft, group, near, style);
    connect(draft, group, source, port, fix.relationship, style);
    const parent = group.group;
    if (!parent) return;
    // A failure port the user already routes onward in the parent keeps its route; another
    // connection from it would send a copy of every flow file down a second path.
    if (existing && parent.connections.some((connection) => connection.source.id === existing.id)) return;
    source = { id: port.id, name: port.name, groupId: group.id, type: 'OUTPUT_PORT', instanceId: port.instanceId };
    near = positionOf(group);
    group = parent;
  }
}

/** Adds a failure output port to the top group, connected to nothing yet, below its other components. */
export function addTopFailurePort(draft: TextDraft, model: FlowModel): void {
  // A loop, not Math.min(...spread): the file decides how many components there are.
  let near: Position | undefined;
  for (const list of [model.top.processors, model.top.outputPorts, model.top.groups]) {
    for (const component of list) {
      const at = positionOf(component);
      near = near ? { x: Math.min(near.x, at.x), y: Math.max(near.y, at.y) } : at;
    }
  }
  addPort(draft, model.top, near ?? { x: 0, y: 0 }, styleOf(model));
}

function styleOf(model: FlowModel): Style {
  return {
    // NiFi 2.x writes portFunction on every port (a file whose bundles say no version but whose port has one is 2.x too).
    portFunction: nifiMajorVersion(model) === 2,
    instanceIds: fileHasInstanceIds(model),
    port: sampleOf(model, 'port'),
    connection: sampleOf(model, 'connection'),
    end: sampleOf(model, 'end'),
  };
}

/**
 * The group's port that failures go to: its local "failure" port (any case). A port with remote
 * access sends its data over site-to-site, not to the parent group, so in a child group it cannot be
 * the way out; the top group's is one all the same (DataFlow Functions knows failure ports by name).
 * When a remote port holds the name, a local port added by an earlier fix has the next free name.
 */
function failurePortOf(group: Group, isTop: boolean): Port | undefined {
  const named = group.outputPorts.filter((port) => port.name.toLowerCase() === FAILURE);
  const local = named.find((port) => !port.allowRemoteAccess);
  if (local || isTop) return local ?? named[0];
  if (named.length === 0) return undefined;
  return group.outputPorts.find((port) => !port.allowRemoteAccess && port.name.toLowerCase() === freePortName(group, named));
}

const FAILURE = 'failure';

/** "failure", or when an output port holds that name already (NiFi refuses a second), "failure 2", "failure 3"… */
function freePortName(group: Group, named = group.outputPorts.filter((port) => port.name.toLowerCase() === FAILURE)): string {
  if (named.length === 0) return FAILURE;
  const taken = new Set(group.outputPorts.filter((port) => port.allowRemoteAccess).map((port) => port.name.toLowerCase()));
  for (let n = 2; ; n++) if (!taken.has(`${FAILURE} ${n}`)) return `${FAILURE} ${n}`;
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

function addPort(draft: TextDraft, group: Group, near: Position, style: Style): PortRef {
  const id = newInstanceId();
  const instanceId = style.instanceIds || style.port?.instanceIdentifier !== undefined ? newInstanceId() : undefined;
  const name = freePortName(group);
  // NiFi 2.x allows one FAILURE port per group; a group that has one under another name gets a standard port.
  const hasFailureFunction = group.outputPorts.some((port) => port.portFunction === 'FAILURE');
  const port: RawObject = likeSiblings({
    identifier: id,
    instanceIdentifier: instanceId,
    name,
    comments: '',
    position: { x: near.x + PORT_OFFSET.x, y: near.y + PORT_OFFSET.y },
    type: 'OUTPUT_PORT',
    concurrentlySchedulableTaskCount: 1,
    scheduledState: 'ENABLED',
    allowRemoteAccess: false,
    ...(style.portFunction ? { portFunction: hasFailureFunction ? 'STANDARD' : 'FAILURE' } : {}),
    componentType: 'OUTPUT_PORT',
    groupIdentifier: group.id,
  }, style.port, style.instanceIds);
  if (port.instanceIdentifier === undefined) delete port.instanceIdentifier;
  draft.apply([appendToArray(draft.doc, [...group.path, 'outputPorts'], port)]);
  return { id, name, instanceId: port.instanceIdentifier as string | undefined, existing: undefined };
}

function connect(draft: TextDraft, group: Group, source: Source, port: PortRef, relationship: string, style: Style): void {
  const existing = port.existing && group.connections.find((connection: Connection) =>
    connection.source.id === source.id && connection.destination.id === port.id);
  if (existing) {
    if (source.type === 'PROCESSOR' && !existing.selectedRelationships.includes(relationship)) {
      draft.apply([appendToArray(draft.doc, [...existing.path, 'selectedRelationships'], relationship)]);
    }
    return;
  }
  const end = (id: string, type: string, groupId: string, name: string, instanceId: string | undefined): RawObject => {
    const shaped = likeSiblings({ id, type, groupId, name, comments: '', instanceIdentifier: instanceId }, style.end, style.instanceIds);
    if (shaped.instanceIdentifier === undefined) delete shaped.instanceIdentifier;
    return shaped;
  };
  const connection = likeSiblings({
    identifier: newInstanceId(),
    instanceIdentifier: newInstanceId(),
    name: '',
    source: end(source.id, source.type, source.groupId, source.name, source.instanceId),
    destination: end(port.id, 'OUTPUT_PORT', group.id, port.name, port.instanceId),
    labelIndex: 1,
    zIndex: 0,
    selectedRelationships: [source.type === 'PROCESSOR' ? relationship : ''],
    backPressureObjectThreshold: 10000,
    backPressureDataSizeThreshold: '1 GB',
    flowFileExpiration: '0 sec',
    prioritizers: [],
    bends: [],
    loadBalanceStrategy: 'DO_NOT_LOAD_BALANCE',
    partitioningAttribute: '',
    loadBalanceCompression: 'DO_NOT_COMPRESS',
    componentType: 'CONNECTION',
    groupIdentifier: group.id,
  }, style.connection, style.instanceIds);
  draft.apply([appendToArray(draft.doc, [...group.path, 'connections'], connection)]);
}

function instanceIdOf(component: Component): string | undefined {
  const id = component.raw.instanceIdentifier;
  return typeof id === 'string' ? id : undefined;
}

function positionOf(component: Component): Position {
  const position = component.raw.position as { x?: unknown; y?: unknown } | undefined;
  const x = typeof position?.x === 'number' ? position.x : 0;
  const y = typeof position?.y === 'number' ? position.y : 0;
  return { x, y };
}
