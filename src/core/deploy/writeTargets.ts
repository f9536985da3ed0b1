// Adds or replaces one target in a deploy file's text, keeping the rest of the text (formatting,
// other flows and targets) as it was. Used when a guided prompt creates a target.
import { applyEdits, modify } from 'jsonc-parser';
import type { DeployTarget } from './target';

export const DEPLOY_SCHEMA_URL = 'https://dataflow-functions.invalid/schemas/dff-deploy.schema.json';

/** The new text of the deploy file; `text` undefined or blank starts a new file. */
export function setTargetInDeployFile(text: string | undefined, flowKey: string, targetName: string, target: DeployTarget): string {
  const start = text && text.trim().length > 0 ? text : '{\n  "flows": {}\n}\n';
  const edits = modify(start, ['flows', flowKey, 'targets', targetName], target, {
    formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' },
  });
  return applyEdits(start, edits);
}
