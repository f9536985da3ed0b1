import type { JsonPath } from './model';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** Where a finding points, before it is mapped to text. */
export interface Anchor {
  path: JsonPath;
  /** 'key' points at the member name, 'value' (default) at the value. */
  part?: 'key' | 'value';
  /** For a string value: a slice of the decoded string (e.g. one #{reference}). */
  slice?: { start: number; length: number };
  /** Raw text offsets, for findings that have no path (a JSON syntax error). */
  offsets?: { start: number; end: number };
}

export interface Position {
  /** 0-based. */
  line: number;
  /** 0-based, in UTF-16 code units as VS Code counts them. */
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A text range with offsets, for shells that need both. */
export interface TextSpan extends Range {
  startOffset: number;
  endOffset: number;
}

/** What a quick fix should do; fixes.ts turns it into text edits. */
export type FixSpec =
  /**
   * Fixes that edit one component also record its JSON path (componentPath): copies can share an
   * identifier, and the path tells them apart.
   */
  | { kind: 'routeToFailurePort'; processorId: string; componentPath?: JsonPath; relationship: string }
  | { kind: 'renameParameter'; contextName: string; parameterName: string; newName: string }
  | { kind: 'renameContext'; contextName: string; newName: string }
  | { kind: 'addParameter'; contextName: string; parameterName: string; sensitive: boolean }
  | { kind: 'makePortLocal'; portId: string; componentPath?: JsonPath }
  /** Renames an output port and the connections' copies of its name. */
  | { kind: 'renamePort'; portId: string; componentPath?: JsonPath; newName: string }
  /** Adds an output port named "failure" to the top group and routes the error relationships nothing handles to it. */
  | { kind: 'addFailurePort' }
  /**
   * Not an edit of the file: the shell lists `portName` among the failure ports in its settings
   * (dff.validation.failurePorts, --failure-ports). computeFix gives no edits for it.
   */
  | { kind: 'addFailurePortSetting'; portName: string }
  /**
   * Rewrites one reference to `parameterName` in a property, the `occurrence`-th (0-based) of that
   * name in the value (the first one left when there are no longer that many), to reference
   * `newName`, an existing parameter of the component's group.
   */
  | {
    kind: 'replaceReference'; componentId: string; componentPath?: JsonPath; property: string; parameterName: string;
    occurrence: number; newName: string;
  };

/** Another place a finding concerns, with what it has to do with it. */
export interface RelatedPlace {
  at: Anchor;
  message: string;
}

export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  at: Anchor;
  componentId?: string;
  componentName?: string;
  /**
   * A function where building the places costs (one cause for thousands of places): it runs only when
   * a caller reads the resolved finding's `related`.
   */
  related?: RelatedPlace[] | (() => RelatedPlace[]);
  fixes?: FixSpec[];
}

export interface ResolvedFinding extends Omit<Finding, 'at' | 'related'> {
  range: TextSpan;
  related: { range: TextSpan; message: string }[];
}
