// The Flow Preview's drawing model (issue 11): computed here, rendered by the webview.
export { buildPreview, previewText } from './build';
export type { PreviewOutcome } from './build';
export { componentKey, componentKeyOfPath, keyPath } from './componentKey';
export { componentRange } from './componentRange';
export { pathAtOffset, pathsAtOffsets } from './pathAtOffset';
export type * from './types';
export type * from './messages';
