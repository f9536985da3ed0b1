// The AWS engine (the SDK clients, the AWS connection and deploy) is loaded on the first AWS
// command, so that `dff validate` and `dff catalog` never evaluate the AWS SDK.
import type * as AwsEngine from '../../core/aws/engine';

export type AwsEngineModule = typeof AwsEngine;

export function loadAwsEngine(): Promise<AwsEngineModule> {
  return import('../../core/aws/engine');
}
