// Quick fixes: a FixSpec from a finding -> text edits on the flow definition, relative to the
// original text and keeping its formatting, so the editor applies them as one undoable edit.
import type { FixSpec } from '../finding';
import { JsonLocator } from '../locate';
import type { FlowModel } from '../model';
import { parseFlow } from '../parse';
import type { TextEdit } from '../textEdit';
import { addParameter } from './addParameter';
import { detectJsonStyle } from './jsonStyle';
import { renameContext } from './renameContext';
import { renameParameter } from './renameParameter';
import { replaceReference } from './replaceReference';
import { makePortLocal } from './makePortLocal';
import { routeToFailurePort } from './routeToFailurePort';
import { renamePort } from './renamePort';
import { addFailurePort } from './addFailurePort';
import { TextDraft } from './textDraft';

export { fixTitle } from './fixTitle';
export { isPreferredFix, isSettingFix } from './preferredFix';

/**
 * Edits that apply `fix` to `text`; none when the fix no longer applies (the file changed since), and none
 * for a fix that changes settings instead of the file (isSettingFix).
 */
export function computeFix(text: string, model: FlowModel, fix: FixSpec): TextEdit[] {
  const current = modelOf(text, model);
  if (!current) return [];
  const locator = new JsonLocator(text);
  const draft = new TextDraft({ text, locator, style: detectJsonStyle(text, locator, current.root) });
  switch (fix.kind) {
    case 'routeToFailurePort':
      routeToFailurePort(draft, current, fix);
      break;
    case 'renameParameter':
      renameParameter(draft, current, fix);
      break;
    case 'renameContext':
      renameContext(draft, current, fix);
      break;
    case 'addParameter':
      addParameter(draft, current, fix);
      break;
    case 'replaceReference':
      replaceReference(draft, current, fix);
      break;
    case 'makePortLocal':
      makePortLocal(draft, current, fix);
      break;
    case 'renamePort':
      renamePort(draft, current, fix);
      break;
    case 'addFailurePort':
      addFailurePort(draft, current);
      break;
    case 'addFailurePortSetting':
      // A change to the shell's settings, not to the file.
      break;
  }
  return draft.edits();
}

/** The model's JSON paths are only valid for the text it was parsed from. */
function modelOf(text: string, model: FlowModel): FlowModel | undefined {
  if (model.text === text) return model;
  const outcome = parseFlow(text);
  return outcome.kind === 'flow' ? outcome.model : undefined;
}
