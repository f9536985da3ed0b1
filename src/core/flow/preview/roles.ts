// The roles DFF gives the ports of the exported group: the event enters through its input port,
// a FlowFile reaching a failure port fails the invocation, and the other output port returns the result.
import type { FlowModel } from '../model';
import { isFailurePortName, type ValidationOptions } from '../options';
import type { PortRole } from './types';

/** Role by port id, for the ports of the top group only (ports of child groups play no part). */
export function portRoles(model: FlowModel, options: ValidationOptions): Map<string, PortRole> {
  const roles = new Map<string, PortRole>();
  for (const port of model.top.inputPorts) {
    if (!port.allowRemoteAccess) roles.set(port.id, 'entry');
  }
  for (const port of model.top.outputPorts) {
    if (isFailurePortName(port.name, options) || port.portFunction?.toUpperCase() === 'FAILURE') roles.set(port.id, 'failure');
    else roles.set(port.id, 'success');
  }
  return roles;
}
