import type { FixSpec } from '../finding';
import type { FlowModel } from '../model';
import { appendToArray } from './jsonEdits';
import type { TextDraft } from './textDraft';

type AddParameter = Extract<FixSpec, { kind: 'addParameter' }>;

/** What the added parameter's description tells the user still to do. */
function addedParameterDescription(sensitive: boolean): string {
  return sensitive
    ? 'Added by a quick fix: supply the value of this sensitive parameter when you deploy the function.'
    : 'Added by a quick fix with an empty value: set the value this flow needs before you deploy it.';
}

/** Appends an empty parameter; a sensitive one has no value, as in NiFi's exports. */
export function addParameter(draft: TextDraft, model: FlowModel, fix: AddParameter): void {
  const context = model.contexts.get(fix.contextName);
  if (!context || !fix.parameterName) return;
  if (context.parameters.some((parameter) => parameter.name === fix.parameterName)) return;
  const parameter = {
    name: fix.parameterName,
    description: addedParameterDescription(fix.sensitive),
    sensitive: fix.sensitive,
    provided: false,
    value: fix.sensitive ? undefined : '',
  };
  draft.apply([appendToArray(draft.doc, [...context.path, 'parameters'], parameter)]);
}
