import type { RetryPolicy, WaitPolicy } from '../../core/aws/engine';
import type { CatalogClientOptions } from '../../core/catalog/client';
import type { AwsCliDeps } from '../aws/connection';

/** What tests (or another caller) may set for `dff deploy`; all optional. */
export interface DeployCliDeps extends AwsCliDeps {
  /** The catalog client's options (tests shorten timeouts and waits). */
  catalogClientOptions?: CatalogClientOptions;
  /** For runtime end-of-life warnings; default now. */
  today?: Date;
  retry?: Partial<RetryPolicy>;
  wait?: Partial<WaitPolicy>;
}
