// The engines are bundled as separate files (scripts/build.mjs) and loaded on first use, so that
// activating the extension does not evaluate the validation engine, axios or the AWS SDK.
import type * as FlowEngine from '../core/flow/engine';
import type * as CatalogEngine from '../core/catalog/engine';
import type * as AwsEngine from '../core/aws/engine';

let flowEngine: typeof FlowEngine | undefined;
let catalogEngine: typeof CatalogEngine | undefined;
let awsEngine: typeof AwsEngine | undefined;

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

/** The AWS SDK, the AWS connection and deploy: loaded on first AWS use, never at activation. */
export function loadAwsEngine(): typeof AwsEngine {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  awsEngine ??= require('./aws-engine.js') as typeof AwsEngine;
  return awsEngine;
}

/** Whether the AWS engine has been loaded (tests check that activation and opening a flow do not load it). */
export function isAwsEngineLoaded(): boolean {
  return awsEngine !== undefined;
}
