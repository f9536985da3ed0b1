// Editor helpers for the VS Code shell: pure functions over a validated flow, no vscode import.
export { flowLenses, verdictTitle } from './lenses';
export type { LensData, LensInput } from './lenses';
export { hoverAt } from './hover';
export type { HoverData } from './hover';
export { completionsAt } from './completion';
export type { CompletionData, CompletionEntry } from './completion';
export { definitionAt } from './definition';
export type { DefinitionData } from './definition';
export { renameTargetAt, renameParameterTo } from './rename';
export type { RenameTarget, RenameOutcome } from './rename';
export { shortMessage, messageDetail } from './shortMessage';
export { RULE_CODES, isRuleCode } from './ruleCodes';
export { ruleSettings, applyRuleSettings } from './ruleSettings';
export type { RuleSetting } from './ruleSettings';
