// The exported group must be the flow's own process group, not NiFi's root canvas around it.
import type { Finding } from '../finding';
import type { FlowModel, Group } from '../model';
import type { ValidationOptions } from '../options';

export function checkExportedGroup(model: FlowModel, _options: ValidationOptions): Finding[] {
  const { top } = model;
  const flowGroup = wrappedFlowGroup(top);
  if (!flowGroup) return [];
  const topName = top.name ? `"${top.name}"` : 'the exported group';
  return [{
    code: 'root-canvas-exported',
    severity: 'error',
    message: `${capitalize(topName)} looks like NiFi's root canvas, not a flow: it has no ports or processors of its own, ` +
      `and its process group "${flowGroup.name}" holds the flow. DataFlow Functions runs the exported group itself, ` +
      `so it would find no input port. Download the flow definition of process group "${flowGroup.name}" instead ` +
      '(right-click it in NiFi, then Download flow definition).',
    at: { path: [...top.path, 'name'] },
    componentId: top.id,
    componentName: top.name,
    related: [{ at: { path: [...flowGroup.path, 'name'] }, message: `Export this process group instead: "${flowGroup.name}"` }],
  }];
}

/** True when the exported group is NiFi's root canvas around the flow's group (what root-canvas-exported reports). */
export function exportsRootCanvas(model: FlowModel): boolean {
  return wrappedFlowGroup(model.top) !== undefined;
}

/**
 * The child that holds the flow when the top group only wraps child groups: the one child with
 * ports, or the only child when none has ports. Undefined when the top group is a flow itself.
 */
function wrappedFlowGroup(top: Group): Group | undefined {
  const holdsFlowParts = top.processors.length > 0 || top.inputPorts.length > 0 || top.outputPorts.length > 0 ||
    top.funnels.length > 0 || top.remoteProcessGroups.length > 0;
  if (holdsFlowParts || top.groups.length === 0) return undefined;
  const withPorts = top.groups.filter((group) => group.inputPorts.length > 0 || group.outputPorts.length > 0);
  if (withPorts.length === 1) return withPorts[0];
  if (withPorts.length === 0 && top.groups.length === 1) return top.groups[0];
  return undefined;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
