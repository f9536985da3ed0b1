// The typed messages between the extension and the Flow Preview webview (media/preview/preview.js).
import type { PreviewModel } from './types';

export type ToWebview =
  /** A new drawing; `version` is the document version it was drawn from. Pan and zoom are kept. */
  | { type: 'model'; model: PreviewModel; version: number; title: string; readOnly: boolean }
  /** The document no longer parses: keep the last drawing and say why in a banner. */
  | { type: 'broken'; message: string; version: number }
  /** The document is no flow definition (any more): nothing to draw. */
  | { type: 'notFlow'; message: string }
  /** The component at the editor's cursor (undefined: none). */
  | { type: 'highlight'; key: string | undefined };

export type FromWebview =
  /** The script is running: send the drawing. */
  | { type: 'ready' }
  /** The user clicked a component, a connection or a badge: show it in the JSON editor. */
  | { type: 'reveal'; key: string }
  /** The first drawing is on screen: how long it took from the model arriving (tests and the bench read it). */
  | { type: 'painted'; ms: number; nodes: number };
