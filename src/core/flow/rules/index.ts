// Every rule family, in the order their findings are listed. One file per family.
import type { Finding } from '../finding';
import type { FlowModel } from '../model';
import type { ValidationOptions } from '../options';
import { checkExportedGroup, exportsRootCanvas } from './exportedGroup';
import { checkContexts } from './contexts';
import { checkParameters } from './parameters';
import { checkReferences } from './references';
import { checkEntryPort } from './entryPort';
import { checkAutoTerminated, checkFailureRouting } from './failures';
import { checkOutputPorts } from './outputPorts';
import { checkExternalServices } from './externalServices';
import { checkStructure } from './structure';
import { checkDisabledProcessors } from './disabledProcessors';

export type Rule = (model: FlowModel, options: ValidationOptions) => Finding[];

/**
 * A rule about the top group's ports. When the top group is NiFi's root canvas, root-canvas-exported
 * already says why it has no ports, and telling the user to add ports to the canvas would contradict it.
 */
function forFlowGroup(rule: Rule): Rule {
  const guarded: Rule = (model, options) => (exportsRootCanvas(model) ? [] : rule(model, options));
  return Object.defineProperty(guarded, 'name', { value: rule.name });
}

export const rules: readonly Rule[] = [
  checkStructure,
  checkExportedGroup,
  checkContexts,
  checkParameters,
  checkReferences,
  checkExternalServices,
  forFlowGroup(checkEntryPort),
  checkAutoTerminated,
  checkDisabledProcessors,
  forFlowGroup(checkFailureRouting),
  forFlowGroup(checkOutputPorts),
];
