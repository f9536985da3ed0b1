// A disabled processor in the flow: NiFi's stateless engine, which DataFlow Functions runs, starts
// every processor of the flow when the function starts (StandardStatelessFlow.startProcessors), and
// NiFi refuses to start a disabled one (StandardProcessGroup.startProcessor: "Processor is disabled"),
// so the flow may fail to initialize. A warning: this follows NiFi's source, not a run on Lambda.
import type { Finding } from '../finding';
import type { FlowModel } from '../model';
import type { ValidationOptions } from '../options';
import { quoteName } from '../quoteName';
import { isDisabled } from './failureReach';

export function checkDisabledProcessors(model: FlowModel, _options: ValidationOptions): Finding[] {
  const findings: Finding[] = [];
  for (const group of model.groups) {
    for (const processor of group.processors) {
      if (!isDisabled(processor)) continue;
      findings.push({
        code: 'processor-disabled',
        severity: 'warning',
        message: `Processor ${quoteName(processor.name)} is disabled: when the function starts, NiFi's stateless engine starts every ` +
          'processor of the flow and refuses a disabled one ("Processor is disabled"), so the function may fail to start. ' +
          'Enable it in NiFi, or delete it if the flow does not need it, and download the flow definition again.',
        at: { path: [...processor.path, 'scheduledState'] },
        componentId: processor.id,
        componentName: processor.name,
      });
    }
  }
  return findings;
}
