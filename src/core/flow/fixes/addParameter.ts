import type { FixSpec } from '../finding';
import type { FlowModel } from '../model';
import { appendToArray } from './jsonEdits';
import type { TextDraft } from './textDraft';

type AddParameter = Extract<FixSpec, { kind: 'addParameter' }>;

/** Appends an empty parameter; a sensitive one has no value, as in NiFi's exports. */
export function addParameter(draft: TextDraft, model: FlowModel, fix: AddParameter): void {
  const context = model.contexts.get(fix.contextName);
  if (!context || !fix.parameterName) return;
  if (context.parameters.some((parameter) => parameter.name === fix.parameterName)) return;
  const parameter = {
    name: fix.parameterName,
    description: '',
    sensitive: fix.sensitive,
    provided: false,
    value: fix.sensitive ? undefined : '',
  };
  draft.apply([appendToArray(draft.doc, [...context.path, 'parameters'], parameter)]);
}
