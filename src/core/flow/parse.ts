// Text -> FlowModel. Uses JSON.parse for speed; the model keeps JSON paths, and positions are
// found later (locate.ts) only for what a finding points at.
import { detectFlow, isFlowDefinition, isObject } from './detect';
import type { Finding } from './finding';
import { firstSyntaxProblem } from './jsonSyntax';
import { quoteName } from './quoteName';
import type {
  Component, ComponentKind, Configurable, Connection, ConnectionEnd, FlowModel, Group, JsonPath,
  Parameter, ParameterContext, Port, Processor, PropertyDescriptor, RawObject,
} from './model';

export type ParseOutcome =
  | { kind: 'flow'; model: FlowModel }
  | { kind: 'notFlow' }
  /** Looks like a flow definition but cannot be read as one: exactly one finding explains why. */
  | { kind: 'broken'; finding: Finding };

export function parseFlow(text: string): ParseOutcome {
  if (detectFlow(text) === 'notFlow') return { kind: 'notFlow' };
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    return { kind: 'broken', finding: syntaxFinding(text) };
  }
  if (!isFlowDefinition(root)) return { kind: 'notFlow' };
  const builder = new ModelBuilder(text, root as RawObject);
  const model = builder.build();
  if (builder.tooDeep) {
    return {
      kind: 'broken',
      finding: {
        code: 'flow-too-deep',
        severity: 'error',
        message: `Process groups are nested more than ${MAX_GROUP_DEPTH} levels deep here; dff checks no deeper. ` +
          "Much shallower nesting is already past what NiFi's JSON library (Jackson) reads by default: 1000 " +
          'levels of JSON, about 500 levels of process groups. Flatten the groups, or download the flow again from NiFi.',
        at: { path: builder.tooDeep },
      },
    };
  }
  if (builder.shapeProblems.length > 0) {
    const [first] = builder.shapeProblems;
    const more = builder.shapeProblems.length - 1;
    return {
      kind: 'broken',
      finding: {
        code: 'flow-shape',
        severity: 'error',
        message: `${first.message}${more > 0 ? ` (and ${more} more shape problem${more > 1 ? 's' : ''})` : ''}. ` +
          'Fix the file or download the flow definition again from NiFi.',
        at: { path: first.path },
      },
    };
  }
  return { kind: 'flow', model: model! };
}

/**
 * JSON.parse is fast but its messages may quote file content and, on Node 20, often lack a
 * position; firstSyntaxProblem, run only when JSON.parse failed, gives the place and a plain reason.
 */
function syntaxFinding(text: string): Finding {
  const problem = firstSyntaxProblem(text);
  const offset = Math.min(problem ? problem.offset : text.length, Math.max(text.length - 1, 0));
  const length = problem ? Math.max(problem.length, 1) : 1;
  const reason = problem ? problem.reason : 'the file ends before the JSON is complete';
  return {
    code: 'flow-syntax',
    severity: 'error',
    message: `The flow definition is not valid JSON: ${reason}. ` +
      'Fix the syntax at the marked place; nothing else is checked until the file parses.',
    at: { path: [], offsets: { start: offset, end: Math.min(offset + length, text.length) } },
  };
}

/**
 * How many levels of process groups below flowContents are read. Each level copies its parent's
 * JSON path, so reading N levels costs N * N; past this depth no NiFi reads the file anyway.
 */
export const MAX_GROUP_DEPTH = 1000;

/** Shared by every property descriptor: the model only needs to know whether a property is sensitive. */
const SENSITIVE: PropertyDescriptor = Object.freeze({ sensitive: true });
const NOT_SENSITIVE: PropertyDescriptor = Object.freeze({ sensitive: false });

interface PendingGroup {
  raw: RawObject;
  path: JsonPath;
  parent: Group | undefined;
  /** Levels below flowContents. */
  depth: number;
}

interface ShapeProblem {
  path: JsonPath;
  message: string;
}

class ModelBuilder {
  readonly shapeProblems: ShapeProblem[] = [];
  /** The path of the first group nested deeper than MAX_GROUP_DEPTH, when there is one. */
  tooDeep: JsonPath | undefined;
  private readonly groups: Group[] = [];
  private readonly byId = new Map<string, Component[]>();

  constructor(private readonly text: string, private readonly root: RawObject) {}

  build(): FlowModel | undefined {
    const contents = this.root.flowContents;
    if (!isObject(contents)) {
      this.problem(['flowContents'], '"flowContents" must be an object holding the exported process group');
      return undefined;
    }
    const top = this.groupTree(contents);
    const contexts = this.contexts();
    return { text: this.text, root: this.root, top, groups: this.groups, byId: this.byId, contexts };
  }

  private problem(path: JsonPath, message: string): void {
    this.shapeProblems.push({ path, message });
  }

  private register(component: Component): void {
    if (!component.id) return;
    const list = this.byId.get(component.id);
    if (list) list.push(component);
    else this.byId.set(component.id, [component]);
  }

  /** The value of member `key` as a string ('' when absent); callers read the member by its literal name, which is faster on big flows. */
  private string(value: unknown, key: string, path: JsonPath): string {
    if (typeof value === 'string') return value;
    if (value !== undefined && value !== null) this.problem([...path, key], `${quoteName(key)} must be a string`);
    return '';
  }

  /**
   * The array at raw[key], after reporting its entries that are not objects (all of them first, as
   * they are met); callers take the object entries with itemPath. Empty when absent or not an array.
   */
  private objects(raw: RawObject, key: string, path: JsonPath): readonly unknown[] {
    const value = raw[key];
    if (value === undefined || value === null) return NONE;
    if (!Array.isArray(value)) {
      this.problem([...path, key], `${quoteName(key)} must be an array`);
      return NONE;
    }
    for (let index = 0; index < value.length; index++) {
      if (!isObject(value[index])) this.problem([...path, key, index], `each entry of ${quoteName(key)} must be an object`);
    }
    return value;
  }

  private strings(raw: RawObject, key: string, path: JsonPath): string[] {
    const value = raw[key];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value) || !allStrings(value)) {
      this.problem([...path, key], `${quoteName(key)} must be an array of strings`);
      return [];
    }
    return value as string[];
  }

  private base<K extends ComponentKind>(raw: RawObject, path: JsonPath, kind: K, group: Group | undefined) {
    return { id: this.string(raw.identifier, 'identifier', path), name: this.string(raw.name, 'name', path), kind, path, group, raw };
  }

  /**
   * The exported group and every group under it, parents before children in text order, with a
   * stack of its own rather than recursion: nesting depth is up to the file, the call stack is not.
   */
  private groupTree(contents: RawObject): Group {
    const pending: PendingGroup[] = [{ raw: contents, path: ['flowContents'], parent: undefined, depth: 0 }];
    let top: Group | undefined;
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
      const { group, children } = this.group(next.raw, next.path, next.parent);
      if (next.parent) next.parent.groups.push(group);
      else top = group;
      // Pushed last to first, so the first child is built next (the order recursion gave).
      for (let i = children.length - 1; i >= 0; i--) {
        const item = children[i];
        if (!isObject(item)) continue;
        const path = itemPath(next.path, 'processGroups', i);
        if (next.depth < MAX_GROUP_DEPTH) pending.push({ raw: item, path, parent: group, depth: next.depth + 1 });
        else this.tooDeep ??= path;
      }
    }
    return top!;
  }

  /** One group without its child groups, which are returned for groupTree to build. */
  private group(raw: RawObject, path: JsonPath, parent: Group | undefined): { group: Group; children: readonly unknown[] } {
    const contextName = raw.parameterContextName;
    if (contextName !== undefined && contextName !== null && typeof contextName !== 'string') {
      this.problem([...path, 'parameterContextName'], '"parameterContextName" must be a string');
    }
    const group: Group = {
      id: this.string(raw.identifier, 'identifier', path), name: this.string(raw.name, 'name', path),
      kind: 'PROCESS_GROUP', path, group: parent, raw,
      parameterContextName: typeof contextName === 'string' ? contextName : undefined,
      groups: [], processors: [], inputPorts: [], outputPorts: [], connections: [], funnels: [],
      controllerServices: [], labels: [], remoteProcessGroups: [],
    };
    this.register(group);
    this.groups.push(group);
    let items = this.objects(raw, 'processors', path);
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (isObject(item)) group.processors.push(this.configurable(item, itemPath(path, 'processors', i), 'PROCESSOR', group) as Processor);
    }
    items = this.objects(raw, 'inputPorts', path);
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (isObject(item)) group.inputPorts.push(this.port(item, itemPath(path, 'inputPorts', i), 'INPUT_PORT', group));
    }
    items = this.objects(raw, 'outputPorts', path);
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (isObject(item)) group.outputPorts.push(this.port(item, itemPath(path, 'outputPorts', i), 'OUTPUT_PORT', group));
    }
    items = this.objects(raw, 'connections', path);
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (isObject(item)) group.connections.push(this.connection(item, itemPath(path, 'connections', i), group));
    }
    items = this.objects(raw, 'controllerServices', path);
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (isObject(item)) group.controllerServices.push(this.configurable(item, itemPath(path, 'controllerServices', i), 'CONTROLLER_SERVICE', group));
    }
    this.plainComponents(raw, 'funnels', path, 'FUNNEL', group, group.funnels);
    this.plainComponents(raw, 'labels', path, 'LABEL', group, group.labels);
    this.plainComponents(raw, 'remoteProcessGroups', path, 'REMOTE_PROCESS_GROUP', group, group.remoteProcessGroups);
    return { group, children: this.objects(raw, 'processGroups', path) };
  }

  /** Components the rules know only by identity (funnels, labels, remote process groups). */
  private plainComponents(raw: RawObject, key: string, path: JsonPath, kind: ComponentKind, group: Group, into: Component[]): void {
    const items = this.objects(raw, key, path);
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (!isObject(item)) continue;
      const component = this.base(item, itemPath(path, key, i), kind, group);
      this.register(component);
      into.push(component);
    }
  }

  private configurable<K extends 'PROCESSOR' | 'CONTROLLER_SERVICE'>(raw: RawObject, path: JsonPath, kind: K, group: Group) {
    const type = this.string(raw.type, 'type', path);
    // The parsed properties object is used as it is when every value is a string or null (the usual
    // case): copying tens of thousands of them costs more than the parse itself.
    let properties: Record<string, string | null> = {};
    const rawProperties = raw.properties;
    if (isObject(rawProperties)) {
      let valid = true;
      for (const name in rawProperties) {
        const value = rawProperties[name];
        if (typeof value !== 'string' && value !== null) {
          valid = false;
          this.problem([...path, 'properties', name], `property ${quoteName(name)} must be a string or null`);
        }
      }
      if (valid) properties = rawProperties as Record<string, string | null>;
    } else if (rawProperties !== undefined && rawProperties !== null) {
      this.problem([...path, 'properties'], '"properties" must be an object');
    }
    const descriptors = this.descriptors(raw.propertyDescriptors);
    const id = this.string(raw.identifier, 'identifier', path);
    const name = this.string(raw.name, 'name', path);
    const shortType = type.slice(type.lastIndexOf('.') + 1);
    // Built as one literal (no spread, no property added later): tens of thousands of components
    // share one object shape.
    const component: Configurable = kind === 'PROCESSOR'
      ? {
        id, name, kind, path, group, raw, type, shortType, properties, descriptors,
        autoTerminatedRelationships: this.strings(raw, 'autoTerminatedRelationships', path),
      } as Processor
      : { id, name, kind, path, group, raw, type, shortType, properties, descriptors };
    this.register(component);
    return component;
  }

  /**
   * The parsed descriptors object is used as it is when each descriptor is an object whose
   * "sensitive" is a boolean (what NiFi writes); otherwise each is reduced to { sensitive }.
   */
  private descriptors(raw: unknown): Record<string, PropertyDescriptor> {
    if (!isObject(raw)) return {};
    let usable = true;
    for (const name in raw) {
      const value = raw[name];
      if (!isObject(value) || typeof value.sensitive !== 'boolean') {
        usable = false;
        break;
      }
    }
    if (usable) return raw as Record<string, PropertyDescriptor>;
    const descriptors: Record<string, PropertyDescriptor> = {};
    for (const name in raw) {
      const value = raw[name];
      descriptors[name] = isObject(value) && value.sensitive === true ? SENSITIVE : NOT_SENSITIVE;
    }
    return descriptors;
  }

  private port(raw: RawObject, path: JsonPath, kind: Port['kind'], group: Group): Port {
    const portFunction = raw.portFunction;
    const port: Port = {
      id: this.string(raw.identifier, 'identifier', path), name: this.string(raw.name, 'name', path), kind, path, group, raw,
      allowRemoteAccess: raw.allowRemoteAccess === true,
      portFunction: typeof portFunction === 'string' ? portFunction : undefined,
    };
    this.register(port);
    return port;
  }

  private connection(raw: RawObject, path: JsonPath, group: Group): Connection {
    const connection: Connection = {
      id: this.string(raw.identifier, 'identifier', path),
      name: this.string(raw.name, 'name', path),
      kind: 'CONNECTION',
      path,
      group,
      raw,
      source: this.end(raw, 'source', path),
      destination: this.end(raw, 'destination', path),
      selectedRelationships: this.strings(raw, 'selectedRelationships', path),
    };
    this.register(connection);
    return connection;
  }

  private end(raw: RawObject, key: 'source' | 'destination', path: JsonPath): ConnectionEnd {
    const value = raw[key];
    if (!isObject(value)) {
      this.problem([...path, key], `a connection's ${quoteName(key)} must be an object with "id" and "groupId"`);
      return { id: '', groupId: '', type: '', name: '' };
    }
    const { id, groupId, type, name } = value;
    // NiFi writes all four as strings: then the parsed object serves as it is.
    if (typeof id === 'string' && typeof groupId === 'string' && typeof type === 'string' && typeof name === 'string') {
      return value as unknown as ConnectionEnd;
    }
    if (isStringOrAbsent(id) && isStringOrAbsent(groupId) && isStringOrAbsent(type) && isStringOrAbsent(name)) {
      return { id: id ?? '', groupId: groupId ?? '', type: type ?? '', name: name ?? '' };
    }
    const endPath = [...path, key];
    return {
      id: this.string(value.id, 'id', endPath),
      groupId: this.string(value.groupId, 'groupId', endPath),
      type: this.string(value.type, 'type', endPath),
      name: this.string(value.name, 'name', endPath),
    };
  }

  private contexts(): Map<string, ParameterContext> {
    const contexts = new Map<string, ParameterContext>();
    const raw = this.root.parameterContexts;
    if (raw === undefined || raw === null) return contexts;
    if (!isObject(raw)) {
      this.problem(['parameterContexts'], '"parameterContexts" must be an object mapping context names to contexts');
      return contexts;
    }
    for (const [key, value] of Object.entries(raw)) {
      const path: JsonPath = ['parameterContexts', key];
      if (!isObject(value)) {
        this.problem(path, `parameter context ${quoteName(key)} must be an object`);
        continue;
      }
      const name = this.string(value.name, 'name', path) || key;
      const description = this.string(value.description, 'description', path) || undefined;
      const context: ParameterContext = {
        key, name, description, parameters: [], path,
        inheritedParameterContexts: this.inherited(value, path),
      };
      const items = this.objects(value, 'parameters', path);
      for (let i = 0; i < items.length; i++) {
        const item = items[i];
        if (isObject(item)) context.parameters.push(this.parameter(item, itemPath(path, 'parameters', i), context));
      }
      contexts.set(name, context);
    }
    return contexts;
  }

  /** NiFi writes inherited contexts as names; some tools write {name} objects. Accept both. */
  private inherited(raw: RawObject, path: JsonPath): string[] {
    const value = raw.inheritedParameterContexts;
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.problem([...path, 'inheritedParameterContexts'], '"inheritedParameterContexts" must be an array of context names');
      return [];
    }
    return value.map((item) => (typeof item === 'string' ? item : isObject(item) && typeof item.name === 'string' ? item.name : ''));
  }

  private parameter(raw: RawObject, path: JsonPath, context: ParameterContext): Parameter {
    const value = raw.value;
    if (value !== undefined && value !== null && typeof value !== 'string') {
      this.problem([...path, 'value'], 'a parameter "value" must be a string or null');
    }
    return {
      name: this.string(raw.name, 'name', path),
      description: this.string(raw.description, 'description', path) || undefined,
      sensitive: raw.sensitive === true,
      value: typeof value === 'string' || value === null ? value : undefined,
      path,
      context,
    };
  }
}

const NONE: readonly unknown[] = [];

function itemPath(path: JsonPath, key: string, index: number): JsonPath {
  const length = path.length;
  const result = new Array<string | number>(length + 2);
  for (let i = 0; i < length; i++) result[i] = path[i];
  result[length] = key;
  result[length + 1] = index;
  return result;
}

function allStrings(values: unknown[]): boolean {
  for (const value of values) if (typeof value !== 'string') return false;
  return true;
}

function isStringOrAbsent(value: unknown): value is string | undefined | null {
  return value === undefined || value === null || typeof value === 'string';
}
