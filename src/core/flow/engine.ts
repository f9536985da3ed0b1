// The flow engine bundle (dist/flow-engine.js): everything the editor loads lazily on first use.
export { validateText } from './validate';
export type { Validation } from './validate';
export { mayBeFlowDefinition, DETECTION_HEAD_BYTES } from './detect';
export { flowLenses, hoverAt, completionsAt, definitionAt, renameTargetAt, renameParameterTo } from './editor';
export type { LensData, HoverData, CompletionData, CompletionEntry, DefinitionData, RenameTarget, RenameOutcome } from './editor';
export { computeFix, fixTitle, isPreferredFix } from './fixes';
export { fixAll } from './fixAll';
export type { FixAllResult } from './fixAll';
export { previewText, componentKeyOfPath, componentRange, pathAtOffset } from './preview';
export type { PreviewModel, PreviewOutcome, PreviewFinding, ToWebview, FromWebview } from './preview';
