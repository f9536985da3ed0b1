// Controller services outside the exported group: NiFi lists those the flow uses under
// "externalControllerServices" (identifier and name only). They are not part of the flow, so they
// do not exist where the function runs: a processor that uses one cannot start, and a service of
// the flow that uses one (a record reader's schema registry, say) cannot be enabled.
import { isObject } from '../detect';
import type { Finding } from '../finding';
import type { Configurable, FlowModel } from '../model';
import type { ValidationOptions } from '../options';
import { quoteName } from '../quoteName';

export function checkExternalServices(model: FlowModel, _options: ValidationOptions): Finding[] {
  const external = externalServices(model);
  if (external.size === 0) return [];
  const findings: Finding[] = [];
  for (const group of model.groups) {
    for (const component of [...group.processors, ...group.controllerServices]) {
      // A disabled processor never starts and a disabled service is never enabled, so neither needs a service.
      if (component.raw.scheduledState === 'DISABLED') continue;
      for (const property in component.properties) {
        const value = component.properties[property];
        if (value === null) continue;
        const service = external.get(value);
        if (service !== undefined && !definedInFlow(model, value)) findings.push(usesExternal(component, property, value, service));
      }
    }
  }
  return findings;
}

/** The services the file lists as external, by identifier: their names. */
function externalServices(model: FlowModel): Map<string, string> {
  const services = new Map<string, string>();
  const raw = model.root.externalControllerServices;
  if (!isObject(raw)) return services;
  for (const key in raw) {
    const entry = raw[key];
    const id = isObject(entry) && typeof entry.identifier === 'string' ? entry.identifier : key;
    const name = isObject(entry) && typeof entry.name === 'string' ? entry.name : '';
    services.set(id, name);
  }
  return services;
}

function definedInFlow(model: FlowModel, id: string): boolean {
  return (model.byId.get(id) ?? []).some((component) => component.kind === 'CONTROLLER_SERVICE');
}

function usesExternal(component: Configurable, property: string, id: string, name: string): Finding {
  const service = name ? quoteName(name) : quoteName(id);
  const isProcessor = component.kind === 'PROCESSOR';
  const who = `${isProcessor ? 'Processor' : 'Controller service'} ${quoteName(component.name)}`;
  const consequence = isProcessor
    ? 'the processor cannot start'
    : 'the controller service cannot be enabled, and nothing that uses it can start';
  return {
    code: 'controller-service-external',
    severity: 'error',
    message: `${who} uses controller service ${service} (property ${quoteName(property)}), which this file ` +
      'lists only under "externalControllerServices": the service belongs to a group outside the exported one, so it ' +
      `will not exist where the function runs, and ${consequence}. In NiFi, move the service into the ` +
      'exported process group (or create one there and select it) and download the flow definition again.',
    at: { path: [...component.path, 'properties', property] },
    componentId: component.id,
    componentName: component.name,
    related: [{ at: { path: ['externalControllerServices', id] }, message: `Controller service ${service}, outside the exported group` }],
  };
}
