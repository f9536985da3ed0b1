// Small flow definitions for the preview tests, written out as NiFi writes them (only the members the model reads).

export interface Pos { x: number; y: number }

let counter = 0;
const at = (position: Pos | null | undefined): Record<string, unknown> => (position === null ? {} : { position: position ?? { x: 0, y: (counter++) * 10 } });

export function processor(id: string, name: string, options: { type?: string; autoTerminated?: string[]; position?: Pos | null; properties?: Record<string, string> } = {}) {
  return {
    identifier: id, name, ...at(options.position), type: `org.apache.nifi.processors.standard.${options.type ?? 'UpdateAttribute'}`,
    properties: options.properties ?? {}, propertyDescriptors: {}, autoTerminatedRelationships: options.autoTerminated ?? [],
    componentType: 'PROCESSOR',
  };
}

export function port(id: string, name: string, options: { position?: Pos | null; remote?: boolean; portFunction?: string; output?: boolean } = {}) {
  return {
    identifier: id, name, ...at(options.position), type: options.output ? 'OUTPUT_PORT' : 'INPUT_PORT',
    allowRemoteAccess: options.remote ?? false, ...(options.portFunction ? { portFunction: options.portFunction } : {}),
    componentType: options.output ? 'OUTPUT_PORT' : 'INPUT_PORT',
  };
}

export function funnel(id: string, position?: Pos | null) {
  return { identifier: id, ...at(position), componentType: 'FUNNEL' };
}

export interface End { id: string; groupId: string; type?: string; name?: string }

export function connection(id: string, source: End, destination: End, relationships: string[] = [], extra: Record<string, unknown> = {}) {
  const end = (e: End) => ({ id: e.id, groupId: e.groupId, type: e.type ?? 'PROCESSOR', name: e.name ?? e.id });
  return {
    identifier: id, name: '', source: end(source), destination: end(destination), selectedRelationships: relationships,
    bends: [], componentType: 'CONNECTION', ...extra,
  };
}

export interface GroupSpec {
  id: string;
  name: string;
  position?: Pos | null;
  processors?: unknown[];
  inputPorts?: unknown[];
  outputPorts?: unknown[];
  funnels?: unknown[];
  labels?: unknown[];
  connections?: unknown[];
  processGroups?: unknown[];
  remoteProcessGroups?: unknown[];
  controllerServices?: unknown[];
  parameterContextName?: string;
}

export function group(spec: GroupSpec) {
  return {
    identifier: spec.id, name: spec.name, ...at(spec.position),
    processors: spec.processors ?? [], inputPorts: spec.inputPorts ?? [], outputPorts: spec.outputPorts ?? [],
    funnels: spec.funnels ?? [], labels: spec.labels ?? [], connections: spec.connections ?? [],
    processGroups: spec.processGroups ?? [], remoteProcessGroups: spec.remoteProcessGroups ?? [],
    controllerServices: spec.controllerServices ?? [],
    ...(spec.parameterContextName ? { parameterContextName: spec.parameterContextName } : {}),
    componentType: 'PROCESS_GROUP',
  };
}

/** A flow definition's text, pretty-printed as NiFi writes it. */
export function flowText(top: GroupSpec, parameterContexts: Record<string, unknown> = {}): string {
  return JSON.stringify({ flowContents: group(top), parameterContexts, flowEncodingVersion: '1.0' }, null, 2);
}
