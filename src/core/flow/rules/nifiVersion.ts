// Which NiFi wrote the flow: parameter references and new components are read and written as that
// version does (quoted parameter names and "portFunction" arrived in NiFi 2.0).
import { isObject } from '../detect';
import type { FlowModel } from '../model';

export type NiFiMajorVersion = 1 | 2;

/**
 * The major version of the NiFi that wrote the flow: the version of the first Apache NiFi bundle a
 * processor or controller service names, else 2 when a port carries "portFunction" (written only by
 * NiFi 2.x); undefined when the file says neither.
 */
export function nifiMajorVersion(model: FlowModel): NiFiMajorVersion | undefined {
  for (const group of model.groups) {
    for (const component of [...group.processors, ...group.controllerServices]) {
      const major = bundleMajor(component.raw.bundle);
      if (major !== undefined) return major;
    }
  }
  for (const group of model.groups) {
    for (const port of [...group.inputPorts, ...group.outputPorts]) if (port.portFunction !== undefined) return 2;
  }
  return undefined;
}

function bundleMajor(bundle: unknown): NiFiMajorVersion | undefined {
  if (!isObject(bundle) || bundle.group !== 'org.apache.nifi' || typeof bundle.version !== 'string') return undefined;
  const major = /^(\d+)\./.exec(bundle.version)?.[1];
  return major === '1' ? 1 : major === '2' ? 2 : undefined;
}
