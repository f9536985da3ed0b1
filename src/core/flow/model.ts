// The flow model: what the rules read. Built from JSON.parse output; every component keeps the
// JSON path it came from so a finding can be mapped back to its text range only when needed.

export type JsonPath = ReadonlyArray<string | number>;

export type ComponentKind =
  | 'PROCESS_GROUP'
  | 'PROCESSOR'
  | 'INPUT_PORT'
  | 'OUTPUT_PORT'
  | 'CONNECTION'
  | 'FUNNEL'
  | 'LABEL'
  | 'CONTROLLER_SERVICE'
  | 'REMOTE_PROCESS_GROUP';

export type RawObject = Record<string, unknown>;

export interface Component {
  id: string;
  name: string;
  kind: ComponentKind;
  /** JSON path of the component's object, e.g. ['flowContents', 'processors', 3]. */
  path: JsonPath;
  /** The group that holds it; undefined only for the top group. */
  group: Group | undefined;
  raw: RawObject;
}

export interface PropertyDescriptor {
  sensitive: boolean;
}

/** A processor or controller service: something with properties that may reference parameters. */
export interface Configurable extends Component {
  kind: 'PROCESSOR' | 'CONTROLLER_SERVICE';
  /** Fully-qualified class name. */
  type: string;
  /** Class name without its package, e.g. PutS3Object. */
  shortType: string;
  properties: Record<string, string | null>;
  descriptors: Record<string, PropertyDescriptor>;
}

export interface Processor extends Configurable {
  kind: 'PROCESSOR';
  autoTerminatedRelationships: string[];
}

export interface Port extends Component {
  kind: 'INPUT_PORT' | 'OUTPUT_PORT';
  allowRemoteAccess: boolean;
  /** NiFi 2.x: STANDARD or FAILURE. */
  portFunction: string | undefined;
}

export interface ConnectionEnd {
  id: string;
  groupId: string;
  type: string;
  name: string;
}

export interface Connection extends Component {
  kind: 'CONNECTION';
  source: ConnectionEnd;
  destination: ConnectionEnd;
  selectedRelationships: string[];
}

export interface Group extends Component {
  kind: 'PROCESS_GROUP';
  /** Name of the group's parameter context; undefined when it has none (no inheritance from the parent). */
  parameterContextName: string | undefined;
  groups: Group[];
  processors: Processor[];
  inputPorts: Port[];
  outputPorts: Port[];
  connections: Connection[];
  funnels: Component[];
  controllerServices: Configurable[];
  labels: Component[];
  remoteProcessGroups: Component[];
}

export interface Parameter {
  name: string;
  description: string | undefined;
  sensitive: boolean;
  /** Absent for sensitive parameters in an export. */
  value: string | null | undefined;
  path: JsonPath;
  context: ParameterContext;
}

export interface ParameterContext {
  /** The key in the parameterContexts map. */
  key: string;
  name: string;
  description: string | undefined;
  parameters: Parameter[];
  /** Names of inherited contexts, highest precedence first. */
  inheritedParameterContexts: string[];
  path: JsonPath;
}

export interface FlowModel {
  text: string;
  root: RawObject;
  /** flowContents: the exported process group. */
  top: Group;
  /** Every process group, the top one first, parents before children. */
  groups: Group[];
  /** Every component by identifier (several when identifiers collide). */
  byId: Map<string, Component[]>;
  contexts: Map<string, ParameterContext>;
}
