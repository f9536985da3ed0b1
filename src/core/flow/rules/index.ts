// Every rule family, in the order their findings are listed. One file per family.
import type { Finding } from '../finding';
import type { FlowModel } from '../model';
import type { ValidationOptions } from '../options';
import { checkExportedGroup } from './exportedGroup';
import { checkContexts } from './contexts';
import { checkParameters } from './parameters';
import { checkReferences } from './references';
import { checkEntryPort } from './entryPort';
import { checkFailures } from './failures';
import { checkOutputPorts } from './outputPorts';
import { checkStructure } from './structure';

export type Rule = (model: FlowModel, options: ValidationOptions) => Finding[];

export const rules: readonly Rule[] = [
  checkStructure,
  checkExportedGroup,
  checkContexts,
  checkParameters,
  checkReferences,
  checkEntryPort,
  checkFailures,
  checkOutputPorts,
];
