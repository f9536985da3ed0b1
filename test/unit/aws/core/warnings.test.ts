import * as assert from 'node:assert/strict';
import { parseFlowCrn } from '../../../../src/core/aws/crn';
import type { FunctionDetails } from '../../../../src/core/aws/functionDetails';
import type { FunctionSummary } from '../../../../src/core/aws/functions';
import { functionWarnings } from '../../../../src/core/aws/warnings';

const FLOW = 'crn:cdp:df:us-west-1:558bc1d2-8867-4357-8524-311d51259233:flow:orders';
const ARN = 'arn:aws:lambda:eu-west-1:123456789012:function:orders';

function healthy(overrides: Partial<FunctionSummary> = {}): FunctionSummary {
  return {
    name: 'orders',
    arn: ARN,
    runtime: 'java11',
    handler: 'com.cloudera.naaf.aws.lambda.StatelessNiFiFunctionHandler::handleRequest',
    memory: 1024,
    timeout: 300,
    state: 'Active',
    lastUpdateStatus: 'Successful',
    flowCrnValue: `${FLOW}/v.3`,
    flow: parseFlowCrn(`${FLOW}/v.3`),
    envKeys: ['DF_ACCESS_KEY', 'DF_PRIVATE_KEY', 'FLOW_CRN', 'bucket'],
    logGroup: '/aws/lambda/orders',
    ...overrides,
  };
}

function details(overrides: Partial<FunctionDetails> = {}): FunctionDetails {
  return { name: 'orders', versions: [], aliases: [], triggers: [], environment: [], problems: [], calls: 0, ...overrides };
}

const codes = (warnings: { code: string }[]) => warnings.map((warning) => warning.code);

describe('functionWarnings', () => {
  it('a healthy function has none, with or without details', () => {
    assert.deepEqual(functionWarnings(healthy(), undefined, {}), []);
    const full = details({
      summary: healthy(),
      newestVersion: 3,
      triggers: [
        { type: 's3', bucket: 'in', events: ['s3:ObjectCreated:*'], target: { kind: 'alias', qualifier: 'live', arn: `${ARN}:live` } },
        { type: 's3', bucket: 'in2', events: ['s3:ObjectCreated:*'], target: { kind: 'version', qualifier: '3', arn: `${ARN}:3` } },
      ],
      secret: { name: 'orders_params', keys: ['password'] },
    });
    assert.deepEqual(
      functionWarnings(healthy(), full, { latestCatalogVersion: 3, flowParameters: [{ name: 'bucket', sensitive: false }, { name: 'password', sensitive: true }] }),
      [],
    );
  });

  it('a trigger on a version that is not the newest published one, and only that trigger', () => {
    const warnings = functionWarnings(
      healthy(),
      details({
        newestVersion: 5,
        triggers: [
          { type: 's3', bucket: 'old-bucket', events: [], target: { kind: 'version', qualifier: '4', arn: `${ARN}:4` } },
          { type: 's3', bucket: 'new-bucket', events: [], target: { kind: 'version', qualifier: '5', arn: `${ARN}:5` } },
          { type: 'eventSource', uuid: 'u-1', eventSourceArn: 'arn:aws:sqs:eu-west-1:123456789012:q', target: { kind: 'alias', qualifier: 'live', arn: `${ARN}:live` } },
        ],
      }),
      {},
    );
    assert.deepEqual(warnings, [
      {
        code: 'trigger-on-old-version',
        message: 'The S3 trigger of bucket old-bucket is bound to version 4, not the newest version 5: bind it to an alias (e.g. live) that moves with each publish.',
      },
    ]);
  });

  it('FLOW_CRN missing, not a CRN, or without /v.<n>', () => {
    assert.deepEqual(codes(functionWarnings(healthy({ flowCrnValue: undefined, flow: undefined }), undefined, {})), ['flow-crn-missing']);
    assert.deepEqual(codes(functionWarnings(healthy({ flowCrnValue: 'orders', flow: undefined }), undefined, {})), ['flow-crn-invalid']);
    const unversioned = functionWarnings(healthy({ flowCrnValue: FLOW, flow: parseFlowCrn(FLOW) }), undefined, { latestCatalogVersion: 9 });
    assert.deepEqual(codes(unversioned), ['flow-crn-without-version']);
    assert.match(unversioned[0].message, /orders but no version/);
  });

  it('DF_ACCESS_KEY and DF_PRIVATE_KEY missing, each on its own', () => {
    assert.deepEqual(codes(functionWarnings(healthy({ envKeys: ['DF_PRIVATE_KEY', 'FLOW_CRN'] }), undefined, {})), ['access-key-missing']);
    assert.deepEqual(codes(functionWarnings(healthy({ envKeys: ['DF_ACCESS_KEY', 'FLOW_CRN'] }), undefined, {})), ['private-key-missing']);
  });

  it('the catalog has a newer version than FLOW_CRN (not when equal)', () => {
    assert.deepEqual(functionWarnings(healthy(), undefined, { latestCatalogVersion: 4 }), [
      { code: 'catalog-has-newer-version', message: 'The function runs version 3 of orders; the catalog has version 4.' },
    ]);
    assert.deepEqual(functionWarnings(healthy(), undefined, { latestCatalogVersion: 3 }), []);
  });

  it('a flow parameter neither an env var nor the secret supplies; silent while the secret keys are unknown', () => {
    const parameters = [
      { name: 'bucket', sensitive: false },
      { name: 'password', sensitive: true },
      { name: 'region', sensitive: false },
    ];
    const withSecret = functionWarnings(healthy(), details({ secret: { name: 'orders_params', keys: ['password'] } }), { flowParameters: parameters });
    assert.deepEqual(withSecret, [
      { code: 'parameter-not-supplied', message: 'Parameter region has no value: no environment variable of that name and the secret orders_params has no such key.' },
    ]);
    const noSecret = functionWarnings(healthy(), details({ secret: { name: 'orders_params', note: 'not found' } }), { flowParameters: parameters });
    assert.deepEqual(codes(noSecret), ['parameter-not-supplied', 'parameter-not-supplied']);
    assert.match(noSecret[0].message, /^Sensitive parameter password .*the secret orders_params does not exist\.$/);
    assert.deepEqual(functionWarnings(healthy(), details({ secret: { name: 'orders_params', note: 'access denied' } }), { flowParameters: parameters }), []);
    assert.deepEqual(functionWarnings(healthy(), undefined, { flowParameters: parameters }), []);
  });

  it('state Failed, Inactive or Pending with the reason, and a failed last update; details win over the listing', () => {
    const failed = functionWarnings(healthy({ state: 'Failed', stateReason: 'The role cannot be assumed.' }), undefined, {});
    assert.deepEqual(failed, [{ code: 'state-failed', message: 'The function is in state Failed: The role cannot be assumed.' }]);
    assert.deepEqual(codes(functionWarnings(healthy({ state: 'Inactive' }), undefined, {})), ['state-inactive']);
    assert.deepEqual(codes(functionWarnings(healthy({ state: 'Pending' }), undefined, {})), ['state-pending']);
    const fresh = details({ summary: healthy({ state: 'Active', lastUpdateStatus: 'Failed' }), lastUpdateStatusReason: 'Out of memory' });
    assert.deepEqual(functionWarnings(healthy({ state: 'Pending' }), fresh, {}), [{ code: 'update-failed', message: 'The last update of the function failed: Out of memory.' }]);
  });
});
