// The exported group must be the flow's own process group, not NiFi's root canvas around it; and
// every group's contents must be in the file.
import type { Finding } from '../finding';
import type { Configurable, FlowModel, Group } from '../model';
import type { ValidationOptions } from '../options';
import { quoteName } from '../quoteName';

export function checkExportedGroup(model: FlowModel, _options: ValidationOptions): Finding[] {
  return [...rootCanvas(model), ...notInlined(model)];
}

function rootCanvas(model: FlowModel): Finding[] {
  const { top } = model;
  const flowGroup = wrappedFlowGroup(top);
  if (!flowGroup) return [];
  const topName = top.name ? quoteName(top.name) : 'the exported group';
  return [{
    code: 'root-canvas-exported',
    severity: 'error',
    message: `${capitalize(topName)} looks like NiFi's root canvas, not a flow: it has no ports or processors of its own, ` +
      `nothing its process group ${quoteName(flowGroup.name)} needs, and that group holds the flow. DataFlow Functions runs the ` +
      `exported group itself, so it would find no input port. Download the flow definition of process group ` +
      `${quoteName(flowGroup.name)} instead (right-click it in NiFi, then Download flow definition).`,
    at: { path: [...top.path, 'name'] },
    componentId: top.id,
    componentName: top.name,
    related: [{ at: { path: [...flowGroup.path, 'name'] }, message: `Export this process group instead: ${quoteName(flowGroup.name)}` }],
  }];
}

/**
 * A group under version control is written by a registry export as its coordinates only: its
 * contents are not in the file, so nothing in it can be checked, and DataFlow Functions cannot run it.
 */
function notInlined(model: FlowModel): Finding[] {
  const findings: Finding[] = [];
  for (const group of model.groups) {
    if (group === model.top || !isNotInlined(group)) continue;
    findings.push({
      code: 'versioned-group-not-inlined',
      severity: 'error',
      message: `Process group ${quoteName(group.name)} is under version control, and this file holds only where its flow is kept ` +
        '("versionedFlowCoordinates"), not its contents: its processors cannot be checked here, and DataFlow Functions ' +
        'cannot run them. Download the flow definition from the NiFi canvas (right-click the group that holds the flow, ' +
        'then Download flow definition), which writes the contents of version-controlled groups too.',
      at: { path: [...group.path, 'name'] },
      componentId: group.id,
      componentName: group.name,
    });
  }
  return findings;
}

/** A version-controlled group whose contents were left out (a registry export names it by its coordinates only). */
export function isNotInlined(group: Group): boolean {
  const coordinates = group.raw.versionedFlowCoordinates;
  return typeof coordinates === 'object' && coordinates !== null && isEmpty(group);
}

function isEmpty(group: Group): boolean {
  return group.processors.length === 0 && group.inputPorts.length === 0 && group.outputPorts.length === 0 &&
    group.groups.length === 0 && group.connections.length === 0 && group.funnels.length === 0 &&
    group.controllerServices.length === 0 && group.remoteProcessGroups.length === 0;
}

/** True when the exported group is NiFi's root canvas around the flow's group (what root-canvas-exported reports). */
export function exportsRootCanvas(model: FlowModel): boolean {
  return wrappedFlowGroup(model.top) !== undefined;
}

/**
 * The child that holds the flow when the top group only wraps child groups: the one child with
 * ports, or the only child when none has ports. Undefined when the top group is a flow itself, and
 * when it is a group the child needs: NiFi writes nothing that sets the root canvas apart (every
 * exported group lacks "groupIdentifier"), so a top group is taken for the canvas only when
 * downloading the child instead loses nothing: the child is in the file (not a version-controlled
 * group left out), and it uses none of the top group's controller services.
 */
function wrappedFlowGroup(top: Group): Group | undefined {
  const holdsFlowParts = top.processors.length > 0 || top.inputPorts.length > 0 || top.outputPorts.length > 0 ||
    top.funnels.length > 0 || top.remoteProcessGroups.length > 0;
  if (holdsFlowParts || top.groups.length === 0) return undefined;
  const withPorts = top.groups.filter((group) => group.inputPorts.length > 0 || group.outputPorts.length > 0);
  const child = withPorts.length === 1 ? withPorts[0] : withPorts.length === 0 && top.groups.length === 1 ? top.groups[0] : undefined;
  if (!child || isNotInlined(child) || usesServicesOf(child, top)) return undefined;
  return child;
}

/** Whether a component in `group` (or below) names one of `holder`'s controller services in a property. */
function usesServicesOf(group: Group, holder: Group): boolean {
  if (holder.controllerServices.length === 0) return false;
  const serviceIds = new Set(holder.controllerServices.map((service) => service.id).filter((id) => id !== ''));
  const names = (component: Configurable): boolean => {
    for (const property in component.properties) {
      const value = component.properties[property];
      if (value !== null && serviceIds.has(value)) return true;
    }
    return false;
  };
  const pending: Group[] = [group];
  while (pending.length > 0) {
    const current = pending.pop()!;
    if (current.processors.some(names) || current.controllerServices.some(names)) return true;
    for (const child of current.groups) pending.push(child);
  }
  return false;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
