// Renames an output port, and the copy of its name each connection from or to it carries (NiFi
// writes the ends' names into the connection; a stale one shows the old name in NiFi's UI).
import type { FixSpec } from '../finding';
import type { Component, FlowModel, Port } from '../model';
import { replaceValue } from './jsonEdits';
import { targetComponent } from './targetComponent';
import type { TextDraft } from './textDraft';

type RenamePort = Extract<FixSpec, { kind: 'renamePort' }>;

const isOutputPort = (candidate: Component): candidate is Port => candidate.kind === 'OUTPUT_PORT';

/** Nothing once the port has the name, or when another output port of its group has it already (NiFi refuses two). */
export function renamePort(draft: TextDraft, model: FlowModel, fix: RenamePort): void {
  const port = targetComponent(model, fix.portId, fix.componentPath, isOutputPort);
  if (!port?.group || port.name === fix.newName) return;
  const newName = fix.newName.toLowerCase();
  if (port.group.outputPorts.some((other) => other !== port && other.name.toLowerCase() === newName)) return;
  const edits = [replaceValue(draft.doc, [...port.path, 'name'], fix.newName)];
  for (const group of model.groups) {
    for (const connection of group.connections) {
      if (connection.source.id === port.id && connection.source.name === port.name) {
        edits.push(replaceValue(draft.doc, [...connection.path, 'source', 'name'], fix.newName));
      }
      if (connection.destination.id === port.id && connection.destination.name === port.name) {
        edits.push(replaceValue(draft.doc, [...connection.path, 'destination', 'name'], fix.newName));
      }
    }
  }
  draft.apply(edits);
}
