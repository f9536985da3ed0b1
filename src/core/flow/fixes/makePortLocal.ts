import type { FixSpec } from '../finding';
import type { Component, FlowModel, Port } from '../model';
import { replaceValue } from './jsonEdits';
import { targetComponent } from './targetComponent';
import type { TextDraft } from './textDraft';

type MakePortLocal = Extract<FixSpec, { kind: 'makePortLocal' }>;

const isRemoteInputPort = (candidate: Component): candidate is Port =>
  candidate.kind === 'INPUT_PORT' && (candidate as Port).allowRemoteAccess;

/** Turns a site-to-site input port into a local one; nothing once remote access is already off. */
export function makePortLocal(draft: TextDraft, model: FlowModel, fix: MakePortLocal): void {
  const port = targetComponent(model, fix.portId, fix.componentPath, isRemoteInputPort);
  if (!port) return;
  draft.apply([replaceValue(draft.doc, [...port.path, 'allowRemoteAccess'], false)]);
}
