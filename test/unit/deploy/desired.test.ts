import * as assert from 'node:assert/strict';
import { buildDesired, type DesiredResult } from '../../../src/core/deploy/desired';
import { environmentBytes } from '../../../src/core/deploy/environment';
import { runtimeWarning } from '../../../src/core/deploy/runtimes';
import { desiredInput, flowWith, PRIVATE_KEY, SECRET_VALUE, target } from './fixtures';

function refusals(result: DesiredResult): string[] {
  return result.ok ? [] : result.refusals.map((refusal) => refusal.code);
}

/** Extra env whose JSON makes the whole environment exactly `total` bytes. */
function environmentOfSize(total: number): Record<string, string> {
  const base = buildDesired(desiredInput());
  assert.ok(base.ok);
  const padded = { ...base.desired.environment, PAD: '' };
  const missing = total - environmentBytes(padded);
  assert.ok(missing >= 0);
  return { PAD: 'x'.repeat(missing) };
}

describe('deploy: desired state from flow and target', () => {
  it('sets DFF variables, parameters from the flow, and puts the sensitive value only in the secret', () => {
    const result = buildDesired(desiredInput({ target: target({ parameters: { S3_REGION: 'eu-west-1' }, environment: { NEXUS_URL: 'https://nexus.example' } }) }));
    assert.ok(result.ok, JSON.stringify(result));
    const { desired } = result;
    assert.equal(desired.environment.FLOW_CRN, desiredInput().versionCrn);
    assert.equal(desired.environment.FAILURE_PORTS, 'failure');
    assert.equal(desired.environment.S3_BUCKET, 'example-landing-bucket');
    assert.equal(desired.environment.S3_REGION, 'eu-west-1');
    assert.equal(desired.environment.NEXUS_URL, 'https://nexus.example');
    assert.equal(desired.environment.DF_PRIVATE_KEY, PRIVATE_KEY);
    assert.equal('S3_SECRET_KEY' in desired.environment, false);
    assert.deepEqual(desired.secret, { name: 'S3ToSqsParams', values: { S3_SECRET_KEY: SECRET_VALUE }, requiredKeys: [] });
    assert.equal(desired.alias, 'live');
    assert.equal(desired.runtime, 'java11');
    assert.equal(desired.handler, 'com.cloudera.naaf.aws.lambda.StatelessNiFiFunctionHandler::handleRequest');
    assert.deepEqual(desired.code, { kind: 's3', bucket: 'dff-binaries', key: 'naaf-aws-lambda-1.0-bin.zip' });
  });

  it('a sensitive value not given now must come from the existing secret', () => {
    const result = buildDesired(desiredInput({ sensitiveValues: {} }));
    assert.ok(result.ok);
    assert.deepEqual(result.desired.secret?.requiredKeys, ['S3_SECRET_KEY']);
  });

  it('accepts an environment of exactly 4096 bytes and refuses 4097, measured as Lambda does', () => {
    const exact = buildDesired(desiredInput({ target: target({ environment: environmentOfSize(4096) }) }));
    assert.ok(exact.ok, JSON.stringify(exact));
    assert.equal(environmentBytes(exact.desired.environment), 4096);
    const over = buildDesired(desiredInput({ target: target({ environment: environmentOfSize(4097) }) }));
    assert.deepEqual(refusals(over), ['environment-too-large']);
    assert.ok(!over.ok && !over.refusals[0].message.includes(PRIVATE_KEY), 'the refusal never shows the private key');
  });

  it('refuses reserved keys (AWS_ and Lambda\'s own) but keeps the good key beside them out of the refusals', () => {
    const result = buildDesired(desiredInput({ target: target({ environment: { AWS_REGION: 'x', NEXUS_URL: 'https://n', LAMBDA_TASK_ROOT: '/x', AWS_LAMBDA_EXEC_WRAPPER: '/w' } }) }));
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.deepEqual(result.refusals.map((refusal) => refusal.message.match(/"([A-Z_]+)"/)?.[1]), ['AWS_REGION', 'LAMBDA_TASK_ROOT', 'AWS_LAMBDA_EXEC_WRAPPER']);
  });

  it('refuses a variable deploy sets itself, and a parameter set as plain env', () => {
    const result = buildDesired(desiredInput({ target: target({ environment: { FLOW_CRN: 'x', S3_BUCKET: 'y' } }) }));
    assert.deepEqual(refusals(result), ['environment-conflict', 'environment-conflict']);
  });

  it('refuses a failure port not in the flow, naming the ports it has; a good one beside it passes', () => {
    assert.ok(buildDesired(desiredInput({ target: target({ failurePorts: ['failure'] }) })).ok);
    const result = buildDesired(desiredInput({ target: target({ failurePorts: ['failure', 'errors'] }) }));
    assert.deepEqual(refusals(result), ['failure-port-unknown']);
    assert.ok(!result.ok && /"errors".*"success", "failure"/.test(result.refusals[0].message));
  });

  it('refuses a flow with validation errors, with the engine\'s message and line', () => {
    const broken = flowWith((flow) => { flow.flowContents.inputPorts[0].allowRemoteAccess = true; });
    const result = buildDesired(desiredInput({ flowText: broken }));
    assert.deepEqual(refusals(result), ['flow-invalid']);
    assert.ok(!result.ok);
    assert.match(result.refusals[0].message, /^The flow has 1 validation error; fix it before deploying:\n  line \d+: .*\[entry-port-remote\]$/);
  });

  it('refuses text that is not a flow', () => {
    assert.deepEqual(refusals(buildDesired(desiredInput({ flowText: '{"a":1}' }))), ['not-a-flow']);
  });

  it('refuses a parameter no source supplies, and one set in the target that the flow lacks', () => {
    const noValue = flowWith((flow) => { delete flow.parameterContexts.S3ToSqsParams.parameters[0].value; });
    assert.deepEqual(refusals(buildDesired(desiredInput({ flowText: noValue }))), ['parameter-unsupplied']);
    assert.ok(buildDesired(desiredInput({ flowText: noValue, target: target({ parameters: { S3_BUCKET: 'b' } }) })).ok);
    assert.deepEqual(refusals(buildDesired(desiredInput({ target: target({ parameters: { S3_BUKET: 'b' } }) }))), ['parameter-unknown']);
  });

  it('refuses a sensitive value in the deploy file, and a "sensitive" value for a plain parameter', () => {
    assert.deepEqual(refusals(buildDesired(desiredInput({ target: target({ parameters: { S3_SECRET_KEY: 'x' } }) }))), ['parameter-sensitive-in-target']);
    assert.deepEqual(refusals(buildDesired(desiredInput({ sensitiveValues: { S3_SECRET_KEY: 'x', S3_BUCKET: 'y' } }))), ['parameter-unknown']);
  });

  it('refuses a flow version that is not a version CRN, and takes a flow name with spaces as the catalog allows', () => {
    assert.deepEqual(refusals(buildDesired(desiredInput({ versionCrn: 'crn:cdp:df:us-west-1:acc:flow:S3ToSqs' }))), ['version-crn-invalid']);
    assert.deepEqual(refusals(buildDesired(desiredInput({ versionCrn: 'crn:cdp:df:us-west-1:acc:flow:S3ToSqs/v.0' }))), ['version-crn-invalid']);
    assert.deepEqual(refusals(buildDesired(desiredInput({ versionCrn: 'crn:cdp:df:us-west-1:acc:flow:S3 to SQS/v.1' }))), []);
  });

  it('warns about a runtime near or past end of life, by the date given', () => {
    assert.equal(runtimeWarning('java11', new Date('2026-03-31T12:00:00Z')), undefined);
    assert.equal(runtimeWarning('java11', new Date('2026-04-01T00:00:00Z'))?.code, 'runtime-deprecation-near');
    assert.equal(runtimeWarning('java11', new Date('2026-06-29T23:59:00Z'))?.code, 'runtime-deprecation-near');
    assert.equal(runtimeWarning('java11', new Date('2026-06-30T00:00:00Z'))?.code, 'runtime-deprecated');
    assert.equal(runtimeWarning('java21', new Date('2030-01-01T00:00:00Z')), undefined);
    const result = buildDesired(desiredInput({ target: target({ runtime: 'java8.al2' }), today: new Date('2026-07-01T00:00:00Z') }));
    assert.ok(result.ok);
    assert.deepEqual(result.warnings.map((warning) => warning.code), ['runtime-deprecated']);
  });
});
