// DFF turns the trigger's event into one FlowFile that enters the flow through exactly one local
// input port of the top group.
import type { Finding } from '../finding';
import type { FlowModel, Port } from '../model';
import type { ValidationOptions } from '../options';
import { quoteName } from '../quoteName';
import { GroupName } from './groupName';

export function checkEntryPort(model: FlowModel, _options: ValidationOptions): Finding[] {
  const top = model.top;
  const ports = top.inputPorts;
  if (ports.length === 0) {
    return [{
      code: 'entry-port-missing',
      severity: 'error',
      message: `${GroupName(top)} has no input port, so the function's event has no way into the flow. ` +
        'Add one local input port to this group and connect it to the first processor.',
      at: { path: [...top.path, 'name'] },
      componentId: top.id,
      componentName: top.name,
    }];
  }

  const connectedSources = new Set(top.connections.map((connection) => connection.source.id));
  const findings: Finding[] = [];
  if (ports.length > 1) {
    // Which port the event should enter is the user's choice: the finding says what is wrong, on the
    // group's list of input ports, and points at every port alike.
    const names = ports.map((port) => quoteName(port.name)).join(', ');
    findings.push({
      code: 'entry-port-multiple',
      severity: 'error',
      message: `${GroupName(top)} has ${ports.length} input ports (${names}), but DFF feeds the event into exactly ` +
        'one local input port of the exported group. Keep the port the event should enter, and remove the others or move ' +
        'them into a child process group.',
      at: { path: [...top.path, 'inputPorts'], part: 'key' },
      componentId: top.id,
      componentName: top.name,
      related: ports.map((port) => ({ at: { path: [...port.path, 'name'] }, message: `Input port ${quoteName(port.name)}` })),
    });
  }
  for (const port of ports) {
    if (port.allowRemoteAccess) findings.push(remote(port));
    if (!connectedSources.has(port.id)) findings.push(unconnected(port));
  }
  return findings;
}

function remote(port: Port): Finding {
  return {
    code: 'entry-port-remote',
    severity: 'error',
    message: `Input port ${quoteName(port.name)} allows remote access: it is a site-to-site port, and DFF needs a local input port. ` +
      'Make it a local input port (remote access off).',
    at: { path: [...port.path, 'allowRemoteAccess'] },
    componentId: port.id,
    componentName: port.name,
    fixes: [{ kind: 'makePortLocal', portId: port.id, componentPath: port.path }],
  };
}

function unconnected(port: Port): Finding {
  return {
    code: 'entry-port-unconnected',
    severity: 'error',
    message: `Input port ${quoteName(port.name)} has no outgoing connection, so the event goes nowhere. ` +
      'Connect it to the first processor of the flow.',
    at: { path: [...port.path, 'name'] },
    componentId: port.id,
    componentName: port.name,
  };
}
