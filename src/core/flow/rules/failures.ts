// Failures must end at a failure port of the top group: DFF fails the invocation only when a
// FlowFile reaches one, and only then does Lambda retry it or send it to a dead-letter queue.
// A disabled processor never runs (see failureReach.ts), so it cannot fail: its relationships are
// not checked, and a path into it ends there.
import type { Anchor, Finding } from '../finding';
import type { Connection, FlowModel, Processor } from '../model';
import type { ValidationOptions } from '../options';
import { errorRelationshipsOf, isErrorRelationship, relationshipConcern } from '../relationships';
import { isDisabled, topFailurePorts, unroutedErrorConnections } from './failureReach';
import { quoteName } from '../quoteName';
import { groupName } from './groupName';

/** How many places a failure-port-missing finding lists as related. */
const MAX_RELATED = 10;

/** Error relationships that processors auto-terminate, in every group. */
export function checkAutoTerminated(model: FlowModel, _options: ValidationOptions): Finding[] {
  const findings: Finding[] = [];
  for (const group of model.groups) {
    const { processors } = group;
    for (let i = 0; i < processors.length; i++) {
      const processor = processors[i];
      if (processor.autoTerminatedRelationships.length === 0) continue;
      const found = autoTerminated(processor);
      // Whether it is disabled is read only where it would matter (most auto-terminated relationships are fine).
      if (found.length === 0 || isDisabled(processor)) continue;
      // A loop, not push(...): the file decides how many there are, and spread arguments overflow the stack.
      for (const finding of found) findings.push(finding);
    }
  }
  return findings;
}

/** The top group's failure ports: there must be one, and every error connection must reach one. */
export function checkFailureRouting(model: FlowModel, options: ValidationOptions): Finding[] {
  const findings: Finding[] = [];
  const failurePorts = topFailurePorts(model, options);
  if (failurePorts.length === 0) {
    const missing = missingFailurePort(model);
    if (missing) findings.push(missing);
    // Without a failure port every error connection is unrouted; the one finding above says what to do first.
    return findings;
  }

  const portNames = failurePorts.map((port) => quoteName(port.name)).join(', ');
  for (const { connection, intoDisabledProcessor } of unroutedErrorConnections(model, failurePorts)) {
    const relationships = connection.selectedRelationships;
    for (let index = 0; index < relationships.length; index++) {
      if (!isErrorRelationship(relationships[index])) continue;
      findings.push(notRouted(model, connection, relationships[index], index, portNames, intoDisabledProcessor));
    }
  }
  return findings;
}

function autoTerminated(processor: Processor): Finding[] {
  const findings: Finding[] = [];
  processor.autoTerminatedRelationships.forEach((relationship, index) => {
    const concern = relationshipConcern(relationship);
    if (!concern) return;
    const at: Anchor = { path: [...processor.path, 'autoTerminatedRelationships', index] };
    const fixes = [{ kind: 'routeToFailurePort' as const, processorId: processor.id, componentPath: processor.path, relationship }];
    const base = { at, componentId: processor.id, componentName: processor.name, fixes };
    if (concern === 'error') {
      findings.push({
        ...base,
        code: 'failure-auto-terminated',
        severity: 'error',
        message: `Processor ${quoteName(processor.name)} auto-terminates its ${quoteName(relationship)} relationship: when it fails, ` +
          'the invocation still succeeds while the data is lost, so Lambda never retries it. ' +
          `Stop auto-terminating ${quoteName(relationship)} and connect it to the flow's "failure" output port.`,
      });
    } else {
      findings.push({
        ...base,
        code: 'unmatched-auto-terminated',
        severity: 'warning',
        message: `Processor ${quoteName(processor.name)} auto-terminates its ${quoteName(relationship)} relationship: a FlowFile that ` +
          'matches nothing is dropped while the invocation succeeds. If that is an error for this flow, ' +
          `connect ${quoteName(relationship)} to the flow's "failure" output port instead.`,
      });
    }
  });
  return findings;
}

function notRouted(model: FlowModel, connection: Connection, relationship: string, index: number, portNames: string, intoDisabledProcessor: boolean): Finding {
  const { source, destination } = connection;
  // The destination in its own group: a group imported twice holds two components of that identifier.
  const candidates = model.byId.get(destination.id);
  const target = candidates?.find((candidate) => candidate.group?.id === destination.groupId) ?? candidates?.[0];
  const targetAt: Anchor = { path: target ? [...target.path, 'name'] : [...connection.path, 'destination'] };
  const related = intoDisabledProcessor
    ? 'This processor is disabled: it never runs, so nothing passes through it to a failure port.'
    : 'The path continues here and never reaches a failure port.';
  return {
    code: 'failure-not-routed',
    severity: 'error',
    message: `The ${quoteName(relationship)} relationship of ${quoteName(source.name || source.id)} goes to ` +
      `${quoteName(destination.name || destination.id)}, and no path from there reaches a failure port (${portNames}) of the ` +
      'top group: the data is lost while the invocation succeeds, so Lambda never retries it. ' +
      'Route this connection, or the path after it, to a failure port.',
    at: { path: [...connection.path, 'selectedRelationships', index] },
    componentId: source.id,
    componentName: source.name,
    related: [{ at: targetAt, message: related }],
  };
}

function missingFailurePort(model: FlowModel): Finding | undefined {
  // By group and identifier: two copies of a group share identifiers, not connections.
  const connectedBySource = new Map<string, string[]>();
  for (const group of model.groups) {
    for (const connection of group.connections) {
      const key = endKey(connection.source.groupId || group.id, connection.source.id);
      const names = connectedBySource.get(key);
      if (names) for (const name of connection.selectedRelationships) names.push(name);
      else connectedBySource.set(key, [...connection.selectedRelationships]);
    }
  }
  const related: NonNullable<Finding['related']> = [];
  let total = 0;
  for (const group of model.groups) for (const processor of group.processors) {
    if (isDisabled(processor)) continue;
    const errors = errorRelationshipsOf(processor, connectedBySource.get(endKey(group.id, processor.id)) ?? []);
    if (errors.length === 0) continue;
    total++;
    if (related.length < MAX_RELATED) {
      related.push({
        at: { path: [...processor.path, 'name'] },
        message: `${quoteName(processor.name)} has error relationship${errors.length > 1 ? 's' : ''} ${errors.map((name) => quoteName(name)).join(', ')}.`,
      });
    }
  }
  if (total === 0) return undefined;
  const top = model.top;
  return {
    code: 'failure-port-missing',
    severity: 'error',
    message: `${total} processor${total > 1 ? 's have' : ' has'} error relationships, but ${groupName(top)} has ` +
      'no failure port, so a failed invocation looks successful and Lambda never retries it. Add an output port named ' +
      '"failure" to this group and route the error relationships to it, or list the port that receives them in FAILURE_PORTS.',
    at: { path: [...top.path, 'name'] },
    componentId: top.id,
    componentName: top.name,
    related,
    // A port marked FAILURE under another name is where the user meant failures to go: its own finding offers
    // to rename it, and a second port beside it would leave the connections to it unrouted.
    fixes: top.outputPorts.some((port) => port.portFunction?.toUpperCase() === 'FAILURE') ? undefined : [{ kind: 'addFailurePort' }],
  };
}

function endKey(groupId: string, id: string): string {
  return `${groupId}\u0000${id}`;
}
