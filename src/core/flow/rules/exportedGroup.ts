// The exported group must be the flow's own process group, not NiFi's root canvas around it; and
// every group's contents must be in the file.
import type { Finding } from '../finding';
import type { Configurable, FlowModel, Group } from '../model';
import type { ValidationOptions } from '../options';
import { quoteName } from '../quoteName';
import { quotedGroupName } from './groupName';

export function checkExportedGroup(model: FlowModel, _options: ValidationOptions): Finding[] {
  return [...rootCanvas(model), ...notInlined(model)];
}

function rootCanvas(model: FlowModel): Finding[] {
  const { top } = model;
  const flowGroup = wrappedFlowGroup(top);
  if (!flowGroup) return [];
  const topName = quotedGroupName(top);
  const download = `download the flow definition of process group ${quoteName(flowGroup.name)} instead (right-click it in NiFi, ` +
    'then Download flow definition)';
  const services = servicesUsedFrom(flowGroup, top);
  const advice = services.length === 0
    ? `${capitalize(download)}.`
    : `It only keeps ${serviceList(services)} that ${quoteName(flowGroup.name)} uses: in NiFi, move ` +
      `${services.length === 1 ? 'it' : 'them'} into ${quoteName(flowGroup.name)} (or create ${services.length === 1 ? 'one' : 'them'} ` +
      `there and select ${services.length === 1 ? 'it' : 'them'}), then ${download}.`;
  return [{
    code: 'root-canvas-exported',
    severity: 'error',
    message: `${capitalize(topName)} looks like NiFi's root canvas, not a flow: it has no ports or processors of its own, and its ` +
      `process group ${quoteName(flowGroup.name)} holds the flow. DataFlow Functions runs the exported group itself, so it would ` +
      `find no input port. ${advice}`,
    at: { path: [...top.path, 'name'] },
    componentId: top.id,
    componentName: top.name,
    related: [
      { at: { path: [...flowGroup.path, 'name'] }, message: `Export this process group instead: ${quoteName(flowGroup.name)}` },
      ...services.map((service) => ({
        at: { path: [...service.path, 'name'] },
        message: `Move this controller service into ${quoteName(flowGroup.name)} first: ${quoteName(service.name)}`,
      })),
    ],
  }];
}

function serviceList(services: readonly Configurable[]): string {
  const names = services.map((service) => quoteName(service.name));
  if (names.length === 1) return `controller service ${names[0]}`;
  return `controller services ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
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
 * when the child is a version-controlled group left out of the file (its contents, and which of the
 * top group's services it uses, are unknown: versioned-group-not-inlined explains that). NiFi writes
 * nothing else that sets the root canvas apart (every exported group lacks "groupIdentifier"); a
 * wrapper group that is not the canvas breaks the function the same way, and the same advice fixes it.
 */
function wrappedFlowGroup(top: Group): Group | undefined {
  const holdsFlowParts = top.processors.length > 0 || top.inputPorts.length > 0 || top.outputPorts.length > 0 ||
    top.funnels.length > 0 || top.remoteProcessGroups.length > 0;
  if (holdsFlowParts || top.groups.length === 0) return undefined;
  const withPorts = top.groups.filter((group) => group.inputPorts.length > 0 || group.outputPorts.length > 0);
  const child = withPorts.length === 1 ? withPorts[0] : withPorts.length === 0 && top.groups.length === 1 ? top.groups[0] : undefined;
  if (!child || isNotInlined(child)) return undefined;
  return child;
}

/** `holder`'s controller services that a component in `group` (or below) names in a property, in `holder`'s order. */
function servicesUsedFrom(group: Group, holder: Group): Configurable[] {
  if (holder.controllerServices.length === 0) return [];
  const used = new Set<string>();
  const serviceIds = new Set(holder.controllerServices.map((service) => service.id).filter((id) => id !== ''));
  const collect = (component: Configurable): void => {
    for (const property in component.properties) {
      const value = component.properties[property];
      if (value !== null && serviceIds.has(value)) used.add(value);
    }
  };
  const pending: Group[] = [group];
  while (pending.length > 0) {
    const current = pending.pop()!;
    current.processors.forEach(collect);
    current.controllerServices.forEach(collect);
    for (const child of current.groups) pending.push(child);
  }
  return holder.controllerServices.filter((service) => used.has(service.id));
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
