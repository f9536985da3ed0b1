// The engines are bundled as separate files (scripts/build.mjs) and loaded on first use, so that
// activating the extension does not evaluate the validation engine, axios or the AWS SDK.
import type * as FlowEngine from '../core/flow/engine';
import type * as CatalogEngine from '../core/catalog/engine';

let flowEngine: typeof FlowEngine | undefined;
let catalogEngine: typeof CatalogEngine | undefined;

export function loadFlowEngine(): typeof FlowEngine {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  flowEngine ??= require('./flow-engine.js') as typeof FlowEngine;
  return flowEngine;
}

export function loadCatalogEngine(): typeof CatalogEngine {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  catalogEngine ??= require('./catalog-engine.js') as typeof CatalogEngine;
  return catalogEngine;
}
