// Output ports of the top group decide the invocation's result: failure ports fail it, and exactly
// one other port returns the function's output.
import type { Finding, FixSpec } from '../finding';
import type { FlowModel, Port } from '../model';
import { isFailurePortName, type ValidationOptions } from '../options';
import { quoteName } from '../quoteName';
import { GroupName } from './groupName';

export function checkOutputPorts(model: FlowModel, options: ValidationOptions): Finding[] {
  const findings: Finding[] = [];
  const success: Port[] = [];
  for (const port of model.top.outputPorts) {
    if (isFailurePortName(port.name, options)) continue;
    if (isFailureFunction(port)) findings.push(unnamedFailureFunction(model, port));
    // A FAILURE-function port is meant as a failure port: the warning above covers it.
    else success.push(port);
  }
  if (success.length > 1) {
    const [kept, ...extras] = success;
    for (const port of extras) {
      findings.push({
        code: 'output-port-multiple',
        severity: 'error',
        message: `${GroupName(model.top)} has ${success.length} output ports that are not failure ports, but DFF ` +
          `returns exactly one success output. Keep one success port (${quoteName(kept.name)}): remove ${quoteName(port.name)}, route its ` +
          'data to that port, or, if it receives failures, name it "failure" or list it in FAILURE_PORTS.',
        at: { path: [...port.path, 'name'] },
        componentId: port.id,
        componentName: port.name,
        related: success.filter((other) => other !== port).map((other) => ({
          at: { path: [...other.path, 'name'] },
          message: `Output port ${quoteName(other.name)} is also a success port.`,
        })),
      });
    }
  }
  return findings;
}

function isFailureFunction(port: Port): boolean {
  return port.portFunction?.toUpperCase() === 'FAILURE';
}

function unnamedFailureFunction(model: FlowModel, port: Port): Finding {
  // NiFi refuses two output ports of one group with the same name: with a "failure" port there already, only the setting fixes it.
  const nameTaken = model.top.outputPorts.some((other) => other.name.toLowerCase() === 'failure');
  const fixes: FixSpec[] = [
    ...(nameTaken ? [] : [{ kind: 'renamePort' as const, portId: port.id, componentPath: port.path, newName: 'failure' }]),
    { kind: 'addFailurePortSetting', portName: port.name },
  ];
  return {
    code: 'failure-port-function-unnamed',
    severity: 'warning',
    message: `Output port ${quoteName(port.name)} is marked as a failure port (portFunction FAILURE), but DFF may only recognise ` +
      'failure ports by name. Name it "failure" or list it in FAILURE_PORTS so a FlowFile reaching it fails the invocation.',
    at: { path: [...port.path, 'name'] },
    componentId: port.id,
    componentName: port.name,
    fixes,
  };
}
