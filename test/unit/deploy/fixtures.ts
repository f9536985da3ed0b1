// Shared inputs for the deploy tests: a clean flow (valid-minimal.json: context S3ToSqsParams with
// S3_BUCKET, S3_REGION and the sensitive S3_SECRET_KEY; ports success and failure) and a target.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { DesiredInput } from '../../../src/core/deploy/desired';
import type { DeployTarget } from '../../../src/core/deploy/target';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');
export const FLOW_PATH = path.join(REPO_ROOT, 'test/fixtures/flows/valid-minimal.json');
export const FLOW_TEXT = readFileSync(FLOW_PATH, 'utf8');
export const VERSION_CRN = 'crn:cdp:df:us-west-1:9d74eee4-1cad-45d7-b645-7ccf9edbb73d:flow:S3ToSqs/v.3';
export const PRIVATE_KEY = 'PRIVATE-KEY-never-shown-Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA==';
export const SECRET_VALUE = 'sensitive-value-never-shown-42';

export function flowWith(edit: (flow: any) => void): string {
  const flow = JSON.parse(FLOW_TEXT);
  edit(flow);
  return JSON.stringify(flow, null, 2);
}

export function target(overrides: Partial<DeployTarget> = {}): DeployTarget {
  return {
    functionName: 's3-to-sqs',
    executionRole: { create: 's3-to-sqs-role' },
    code: { s3: 's3://dff-binaries/naaf-aws-lambda-1.0-bin.zip' },
    ...overrides,
  };
}

export function desiredInput(overrides: Partial<DesiredInput> = {}): DesiredInput {
  return {
    flowText: FLOW_TEXT,
    flowPath: FLOW_PATH,
    targetName: 'dev',
    target: target(),
    versionCrn: VERSION_CRN,
    sensitiveValues: { S3_SECRET_KEY: SECRET_VALUE },
    functionKey: { accessKeyId: 'a1b2c3d4-0000-4000-8000-00000000abcd', privateKey: PRIVATE_KEY },
    today: new Date('2025-06-01T00:00:00Z'),
    ...overrides,
  };
}
