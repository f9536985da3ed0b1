// The drawing model: what the Flow Preview webview receives and renders, and nothing more. It is
// plain data (posted to the webview as JSON): no raw text, no property values, no parameter values.

/**
 * A finding as the preview needs it: validation's ResolvedFinding, or a diagnostic the editor already
 * shows (which names no component: its range tells where it is).
 */
export interface PreviewFinding {
  severity: 'error' | 'warning' | 'info' | 'hint';
  message: string;
  componentId?: string;
  range: { startOffset: number };
}

export type NodeKind = 'processor' | 'inputPort' | 'outputPort' | 'funnel' | 'label' | 'group' | 'remoteGroup';

/** The part a port of the exported group plays in a DataFlow Function. */
export type PortRole = 'entry' | 'failure' | 'success';

/**
 * How a connection is drawn: on a path from an error relationship to a failure port ('failurePath'),
 * carrying an error relationship that never reaches one ('unrouted'), or neither ('plain').
 */
export type EdgeKind = 'plain' | 'failurePath' | 'unrouted';

export interface Point {
  x: number;
  y: number;
}

export interface Badge {
  errors: number;
  warnings: number;
  /** Messages of the findings (errors first), at most MAX_BADGE_MESSAGES; `more` counts the rest. */
  messages: string[];
  more: number;
}

export interface PreviewNode {
  /** The component's JSON path joined with '/', e.g. "flowContents/processors/3": unique even when identifiers collide. */
  key: string;
  kind: NodeKind;
  name: string;
  /** Processor: its short type; label: its text; group: a summary of what it holds. */
  detail?: string;
  x: number;
  y: number;
  width: number;
  height: number;
  role?: PortRole;
  /** Error relationships the processor auto-terminates (drawn in the warning colour). */
  autoTerminated?: string[];
  /** Findings on the component (for a child group: also those inside it). */
  badge?: Badge;
  /** A child group: the key of its own view. */
  opens?: string;
}

export interface PreviewEdge {
  key: string;
  source: string;
  target: string;
  /** Relationship names (a processor's), or empty (ports and funnels pass everything on). */
  relationships: string[];
  /** The connection's name, when it has one. */
  name?: string;
  bends: Point[];
  /** Which bend carries the label (NiFi's labelIndex); undefined: the middle of the line. */
  labelIndex?: number;
  kind: EdgeKind;
  badge?: Badge;
}

/** One process group as a canvas: its components and connections. */
export interface GroupView {
  key: string;
  name: string;
  /** The parent group's view key; undefined for the exported group. */
  parent?: string;
  nodes: PreviewNode[];
  edges: PreviewEdge[];
  /** Bounding box of everything drawn, for "fit to window". */
  bounds: { x: number; y: number; width: number; height: number };
  /** Findings on the group itself (entry port missing, no failure port...). */
  badge?: Badge;
  /** True when some components had no position and were placed by the automatic layout. */
  laidOut: boolean;
}

export interface PreviewModel {
  /** The exported group first, parents before children. */
  groups: GroupView[];
  /** Findings on no drawn component (JSON syntax, parameter contexts...). */
  elsewhere?: Badge;
  totals: { errors: number; warnings: number };
}
