// The flow engine bundle (dist/flow-engine.js): everything the editor loads lazily on first use.
export { validateText } from './validate';
export type { Validation } from './validate';
export { mayBeFlowDefinition, DETECTION_HEAD_BYTES } from './detect';
export { flowLenses, hoverAt, completionsAt, definitionAt } from './editor';
export type { LensData, HoverData, CompletionData, CompletionEntry, DefinitionData } from './editor';
export { computeFix, fixTitle, isPreferredFix } from './fixes';
export { buildPreview, componentKeyOfPath, pathAtOffset } from './preview';
export type { PreviewModel } from './preview';
