// FlowModel + findings -> the drawing model the preview renders: one canvas per process group,
// components at the positions the file holds (or laid out when it holds none), connections with
// their relationships and bends, the DFF roles of the exported group's ports, failure paths, badges.
import type { Component, Connection, FlowModel, Group, RawObject } from '../model';
import type { ValidationOptions } from '../options';
import { relationshipConcern } from '../relationships';
import { BadgeCounter } from './badges';
import { componentKey, componentKeyOfPath } from './componentKey';
import { edgeKinds } from './failurePaths';
import { layOut } from './layout';
import { pathsAtOffsets } from './pathAtOffset';
import { parseFlow } from '../parse';
import { portRoles } from './roles';
import { DEFAULT_LABEL_SIZE, NODE_SIZES } from './sizes';
import type { GroupView, PreviewFinding, NodeKind, Point, PortRole, PreviewEdge, PreviewModel, PreviewNode } from './types';

export function buildPreview(model: FlowModel, findings: readonly PreviewFinding[], options: ValidationOptions = {}): PreviewModel {
  const roles = portRoles(model, options);
  const kinds = edgeKinds(model, options);
  const { direct, inside, elsewhere, totals } = countFindings(model, findings);
  const groups = model.groups.map((group) => groupView(group, roles, kinds, direct, inside));
  return { groups, elsewhere: elsewhere.get(''), totals };
}

function groupView(
  group: Group, roles: Map<string, PortRole>, kinds: Map<Connection, EdgeKind>, direct: BadgeCounter, inside: BadgeCounter,
): GroupView {
  const key = componentKey(group.path);
  const nodes: PreviewNode[] = [];
  const unplaced = new Set<PreviewNode>();
  /** Where a connection end's id leads in this group: its own components, or the child group or remote group holding a port. */
  const byId = new Map<string, string>();
  const holderOf = new Map<string, string>();
  const add = (component: Component, kind: NodeKind, extra: Partial<PreviewNode> = {}): PreviewNode => {
    const nodeKey = componentKey(component.path);
    const size = kind === 'label' ? labelSize(component.raw) : NODE_SIZES[kind];
    const position = positionOf(component.raw);
    const node: PreviewNode = { key: nodeKey, kind, name: component.name, x: position?.x ?? 0, y: position?.y ?? 0, ...size, ...extra };
    const badge = kind === 'group' ? inside.get(nodeKey) : direct.get(nodeKey);
    if (badge) node.badge = badge;
    if (!position) unplaced.add(node);
    nodes.push(node);
    if (component.id && !byId.has(component.id)) byId.set(component.id, nodeKey);
    return node;
  };
  for (const processor of group.processors) {
    const autoTerminated = processor.autoTerminatedRelationships.filter((name) => relationshipConcern(name) !== undefined);
    add(processor, 'processor', { detail: processor.shortType, ...(autoTerminated.length > 0 ? { autoTerminated } : {}) });
  }
  for (const port of group.inputPorts) add(port, 'inputPort', withRole(roles, group, port.id));
  for (const port of group.outputPorts) add(port, 'outputPort', withRole(roles, group, port.id));
  for (const funnel of group.funnels) add(funnel, 'funnel');
  for (const label of group.labels) add(label, 'label', { detail: typeof label.raw.label === 'string' ? label.raw.label : '' });
  for (const child of group.groups) {
    const node = add(child, 'group', { detail: summary(child), opens: componentKey(child.path) });
    if (child.id && !holderOf.has(child.id)) holderOf.set(child.id, node.key);
  }
  for (const remote of group.remoteProcessGroups) {
    const node = add(remote, 'remoteGroup');
    if (remote.id && !holderOf.has(remote.id)) holderOf.set(remote.id, node.key);
  }

  const edges: PreviewEdge[] = [];
  const endKey = (end: Connection['source']): string | undefined => byId.get(end.id) ?? holderOf.get(end.groupId);
  for (const connection of group.connections) {
    const source = endKey(connection.source);
    const target = endKey(connection.destination);
    if (source === undefined || target === undefined) continue;
    const edgeKey = componentKey(connection.path);
    const edge: PreviewEdge = {
      key: edgeKey, source, target, relationships: connection.selectedRelationships,
      bends: bendsOf(connection.raw), kind: kinds.get(connection) ?? 'plain',
    };
    if (connection.name) edge.name = connection.name;
    if (typeof connection.raw.labelIndex === 'number' && edge.bends.length > 0) edge.labelIndex = connection.raw.labelIndex;
    const badge = direct.get(edgeKey);
    if (badge) edge.badge = badge;
    edges.push(edge);
  }
  layOut(nodes, unplaced, edges);

  const view: GroupView = { key, name: group.name, nodes, edges, bounds: boundsOf(nodes, edges), laidOut: unplaced.size > 0 };
  if (group.group) view.parent = componentKey(group.group.path);
  const badge = direct.get(key);
  if (badge) view.badge = badge;
  return view;
}

type EdgeKind = PreviewEdge['kind'];

function withRole(roles: Map<string, PortRole>, group: Group, id: string): Partial<PreviewNode> {
  // Only the exported group's ports have a role; a child's port may share nothing but the map lookup.
  const role = group.group === undefined ? roles.get(id) : undefined;
  return role ? { role } : {};
}

function summary(group: Group): string {
  const parts: string[] = [];
  const count = (n: number, what: string) => { if (n > 0) parts.push(`${n} ${what}${n === 1 ? '' : 's'}`); };
  count(group.processors.length, 'processor');
  count(group.groups.length, 'group');
  count(group.inputPorts.length + group.outputPorts.length, 'port');
  return parts.join(', ') || 'empty';
}

function positionOf(raw: RawObject): Point | undefined {
  const position = raw.position as { x?: unknown; y?: unknown } | null | undefined;
  if (typeof position !== 'object' || position === null) return undefined;
  const { x, y } = position;
  return typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y) ? { x, y } : undefined;
}

function labelSize(raw: RawObject): { width: number; height: number } {
  const { width, height } = raw;
  return typeof width === 'number' && typeof height === 'number' && width > 0 && height > 0 ? { width, height } : DEFAULT_LABEL_SIZE;
}

function bendsOf(raw: RawObject): Point[] {
  if (!Array.isArray(raw.bends)) return [];
  const bends: Point[] = [];
  for (const bend of raw.bends as unknown[]) {
    const point = typeof bend === 'object' && bend !== null ? positionOf({ position: bend }) : undefined;
    if (point) bends.push(point);
  }
  return bends;
}

function boundsOf(nodes: readonly PreviewNode[], edges: readonly PreviewEdge[]): GroupView['bounds'] {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const node of nodes) {
    minX = Math.min(minX, node.x); minY = Math.min(minY, node.y);
    maxX = Math.max(maxX, node.x + node.width); maxY = Math.max(maxY, node.y + node.height);
  }
  for (const edge of edges) {
    for (const bend of edge.bends) {
      minX = Math.min(minX, bend.x); minY = Math.min(minY, bend.y);
      maxX = Math.max(maxX, bend.x); maxY = Math.max(maxY, bend.y);
    }
  }
  if (minX === Infinity) return { x: 0, y: 0, width: 0, height: 0 };
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/**
 * Which component each finding is on. A finding naming one drawn component by identifier goes
 * there; the others (no identifier, a copied identifier, a controller service) go by where their
 * range starts in the text, found for all of them in one pass.
 */
function countFindings(model: FlowModel, findings: readonly PreviewFinding[]) {
  const direct = new BadgeCounter();
  const inside = new BadgeCounter();
  const elsewhere = new BadgeCounter();
  const totals = { errors: 0, warnings: 0 };
  const place = (finding: PreviewFinding, key: string | undefined): void => {
    if (key === undefined) return elsewhere.add('', finding);
    direct.add(key, finding);
    // Every group holding the component (and the component itself when it is a group) counts it inside.
    const segments = key.split('/');
    for (let end = 1; end <= segments.length; end += 2) inside.add(segments.slice(0, end).join('/'), finding);
  };
  const byRange: PreviewFinding[] = [];
  for (const finding of findings) {
    if (finding.severity === 'error') totals.errors++;
    else if (finding.severity === 'warning') totals.warnings++;
    const candidates = finding.componentId !== undefined ? model.byId.get(finding.componentId) : undefined;
    if (candidates?.length === 1 && isDrawn(candidates[0])) place(finding, componentKey(candidates[0].path));
    else byRange.push(finding);
  }
  const paths = pathsAtOffsets(model.text, byRange.map((finding) => finding.range.startOffset));
  byRange.forEach((finding, index) => place(finding, componentKeyOfPath(paths[index])));
  return { direct, inside, elsewhere, totals };
}

function isDrawn(component: Component): boolean {
  return component.kind !== 'CONTROLLER_SERVICE';
}

export type PreviewOutcome =
  | { kind: 'flow'; preview: PreviewModel }
  /** Looks like a flow but does not parse: the reason, to show over the last good drawing. */
  | { kind: 'broken'; message: string }
  | { kind: 'notFlow' };

/** Text -> drawing model, with findings validation already made for this text (it does not validate again). */
export function previewText(text: string, findings: readonly PreviewFinding[], options: ValidationOptions = {}): PreviewOutcome {
  const outcome = parseFlow(text);
  if (outcome.kind === 'notFlow') return { kind: 'notFlow' };
  if (outcome.kind === 'broken') return { kind: 'broken', message: outcome.finding.message };
  return { kind: 'flow', preview: buildPreview(outcome.model, findings, options) };
}
