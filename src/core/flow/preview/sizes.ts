// Component sizes on the NiFi canvas (nf-processor.js, nf-port.js, nf-funnel.js, nf-process-group.js,
// nf-remote-process-group.js): the file holds positions only, NiFi draws every kind at a fixed size.
import type { NodeKind } from './types';

export const NODE_SIZES: Readonly<Record<Exclude<NodeKind, 'label'>, { width: number; height: number }>> = {
  processor: { width: 352, height: 128 },
  inputPort: { width: 240, height: 48 },
  outputPort: { width: 240, height: 48 },
  funnel: { width: 48, height: 48 },
  group: { width: 384, height: 176 },
  remoteGroup: { width: 384, height: 176 },
};

/** A label's size when the file gives none (NiFi's default label). */
export const DEFAULT_LABEL_SIZE = { width: 150, height: 150 };
