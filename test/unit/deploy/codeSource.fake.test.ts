// Which zip the function was made from lives in the dff:code-source tag, not in the Description:
// a description or a tag the user set stays through every deploy.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { TagResourceCommand, UpdateFunctionConfigurationCommand } from '@aws-sdk/client-lambda';
import { DeployStepError } from '../../../src/core/deploy/apply';
import { buildDesired } from '../../../src/core/deploy/desired';
import { CODE_SOURCE_TAG, codeSourceTagValue, escapeTagText, legacyDescriptionMark } from '../../../src/core/deploy/codeSource';
import { planDeployment } from '../../../src/core/deploy/plan';
import { readState } from '../../../src/core/deploy/readState';
import { renderPlanText } from '../../../src/core/deploy/renderPlan';
import { checkTags } from '../../fakes/aws/lambdaTags';
import { BINARIES_BUCKET, BINARIES_KEY, LANDING_BUCKET, startDeployWorld, type DeployWorld } from './harness';
import { desiredInput, target } from './fixtures';

const TRIGGERED = target({ triggers: [{ bucket: LANDING_BUCKET, suffix: '.csv' }] });
const FIRST_ZIP = 'PK\u0003\u0004 DFF binaries stand-in';
const md5 = (text: string): string => createHash('md5').update(text).digest('hex');
const sourceOf = (content: string): string => `s3://${BINARIES_BUCKET}/${BINARIES_KEY} etag=${md5(content)}`;

describe('deploy: the code source kept in a tag, the Description left to the user', function () {
  this.timeout(20000);
  let world: DeployWorld;

  beforeEach(async () => {
    world = await startDeployWorld();
  });

  afterEach(async () => {
    await world.close();
  });

  const fn = () => world.harness.fake.lambda.function('s3-to-sqs');
  const settle = () => world.harness.fake.advanceClock(world.harness.fake.lambda.updateDelayMs);
  const newZip = (content: string) => world.harness.fake.s3.seedObject(BINARIES_BUCKET, BINARIES_KEY, content);

  it('a new function gets the head description and both tags at creation, in the one CreateFunction call', async () => {
    const { plan } = await world.deploy({ target: TRIGGERED });
    assert.equal(fn()?.latest.description, 'DataFlow Functions: S3ToSqs (dev)');
    assert.deepEqual(fn()?.tags, { 'dff:managed-by': 'dataflow-functions', [CODE_SOURCE_TAG]: sourceOf(FIRST_ZIP) });
    assert.ok(!world.writes().includes('lambda:TagResource'), 'tags go with CreateFunction');
    const create = plan.steps.find((step) => step.id === 'function');
    assert.deepEqual(create?.details.find((detail) => detail.field === `tag ${CODE_SOURCE_TAG}`), { field: `tag ${CODE_SOURCE_TAG}`, before: undefined, after: sourceOf(FIRST_ZIP) });
  });

  it('a description and a tag set by hand survive a deploy that changes the code; the tag change is a detail of the code step', async () => {
    await world.deploy({ target: TRIGGERED });
    settle();
    const { lambda } = world.clients;
    await lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 's3-to-sqs', Description: 'Owned by the data team: ask #data before changing' }));
    await lambda.send(new TagResourceCommand({ Resource: `arn:aws:lambda:${world.harness.fake.region}:${world.harness.fake.account}:function:s3-to-sqs`, Tags: { team: 'data', [CODE_SOURCE_TAG.toUpperCase()]: 'mine' } }));
    settle();
    newZip('PK\u0003\u0004 DFF binaries 1.1');
    world.harness.fake.resetCalls();

    const { plan, result } = await world.deploy({ target: TRIGGERED });
    assert.deepEqual(world.writes(), ['lambda:UpdateFunctionCode', 'lambda:TagResource', 'lambda:PublishVersion', 'lambda:UpdateAlias']);
    assert.equal(result.version, '2');
    assert.equal(fn()?.latest.description, 'Owned by the data team: ask #data before changing');
    assert.deepEqual(fn()?.tags, {
      'dff:managed-by': 'dataflow-functions', team: 'data', 'DFF:CODE-SOURCE': 'mine', [CODE_SOURCE_TAG]: sourceOf('PK\u0003\u0004 DFF binaries 1.1'),
    });
    const code = plan.steps.find((step) => step.id === 'function');
    assert.equal(code?.change, 'update');
    assert.deepEqual(code?.details.find((detail) => detail.field === `tag ${CODE_SOURCE_TAG}`), {
      field: `tag ${CODE_SOURCE_TAG}`, before: sourceOf(FIRST_ZIP), after: sourceOf('PK\u0003\u0004 DFF binaries 1.1'),
    });
    assert.ok(!plan.steps.some((step) => step.details.some((detail) => detail.field === 'description')), 'no step touches the description');
    assert.match(renderPlanText(plan), new RegExp(`tag ${CODE_SOURCE_TAG}`));

    world.harness.fake.resetCalls();
    await world.deploy({ target: TRIGGERED });
    assert.deepEqual(world.writes(), [], 'the next deploy finds the code as recorded and writes nothing');
  });

  it('a configuration change leaves a hand-set description too, and writes no tag', async () => {
    await world.deploy({ target: TRIGGERED });
    settle();
    await world.clients.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 's3-to-sqs', Description: 'hand-written' }));
    settle();
    world.harness.fake.resetCalls();
    await world.deploy({ target: target({ ...TRIGGERED, memoryMb: 3008 }) });
    assert.deepEqual(world.writes(), ['lambda:UpdateFunctionConfiguration', 'lambda:PublishVersion', 'lambda:UpdateAlias']);
    assert.equal(fn()?.latest.description, 'hand-written');
    assert.equal(fn()?.latest.memorySize, 3008);
  });

  it('TagResource denied after the code update: the step names lambda:TagResource; deploying again updates and tags, then writes nothing', async () => {
    await world.deploy({ target: TRIGGERED });
    settle();
    newZip('PK\u0003\u0004 DFF binaries 1.2');
    world.harness.fake.inject({ service: 'lambda', operation: 'TagResource', kind: 'accessDenied', times: 1 });
    const failed = await world.deploy({ target: TRIGGERED }).then(() => undefined, (error: unknown) => error);
    assert.ok(failed instanceof DeployStepError);
    assert.equal(failed.step.id, 'function');
    assert.equal(failed.deniedAction, 'lambda:TagResource');
    assert.equal(fn()?.tags[CODE_SOURCE_TAG], sourceOf(FIRST_ZIP), 'the old source stays recorded, so the code is not taken as current');
    world.harness.fake.resetCalls();
    const { result } = await world.deploy({ target: TRIGGERED });
    assert.deepEqual(world.writes(), ['lambda:UpdateFunctionCode', 'lambda:TagResource', 'lambda:PublishVersion', 'lambda:UpdateAlias']);
    assert.equal(result.version, '2');
    assert.equal(fn()?.tags[CODE_SOURCE_TAG], sourceOf('PK\u0003\u0004 DFF binaries 1.2'));
    world.harness.fake.resetCalls();
    await world.deploy({ target: TRIGGERED });
    assert.deepEqual(world.writes(), []);
  });

  it('a function deployed before the tag (source marked in its Description) is not updated while its zip is the same', async () => {
    await world.deploy({ target: TRIGGERED });
    settle();
    const stored = fn();
    assert.ok(stored);
    delete stored.tags[CODE_SOURCE_TAG];
    const mark = legacyDescriptionMark({ bucket: BINARIES_BUCKET, key: BINARIES_KEY, fingerprint: { kind: 'etag', value: md5(FIRST_ZIP) } });
    stored.latest.description = `DataFlow Functions: S3ToSqs (dev); ${mark}`;
    for (const version of stored.versions) version.config.description = stored.latest.description;
    world.harness.fake.resetCalls();
    await world.deploy({ target: TRIGGERED });
    assert.deepEqual(world.writes(), []);

    newZip('PK\u0003\u0004 DFF binaries 2.0');
    await world.deploy({ target: TRIGGERED });
    assert.deepEqual(world.writes(), ['lambda:UpdateFunctionCode', 'lambda:TagResource', 'lambda:PublishVersion', 'lambda:UpdateAlias']);
    assert.equal(fn()?.latest.description, `DataFlow Functions: S3ToSqs (dev); ${mark}`, 'left as it is');
    assert.equal(fn()?.tags[CODE_SOURCE_TAG], sourceOf('PK\u0003\u0004 DFF binaries 2.0'));
  });

  it('tags it cannot read: the plan updates the code and says why', async () => {
    await world.deploy({ target: TRIGGERED });
    settle();
    const built = buildDesired(desiredInput({ target: TRIGGERED }));
    assert.ok(built.ok);
    const state = await readState(world.clients, built.desired);
    assert.ok(state.function?.tags);
    const plain = planDeployment(built.desired, state, { account: world.harness.fake.account, region: world.harness.fake.region });
    assert.equal(plain.steps.find((step) => step.id === 'function')?.change, 'none');
    // What GetFunction answers without lambda:ListTags: no Tags, a TagsError.
    const blind = { ...state, function: { ...state.function, tags: undefined, tagsError: 'AccessDeniedException: not authorized to perform lambda:ListTags' } };
    const plan = planDeployment(built.desired, blind, { account: world.harness.fake.account, region: world.harness.fake.region });
    assert.equal(plan.steps.find((step) => step.id === 'function')?.change, 'update');
    assert.deepEqual(plan.warnings.map((warning) => warning.code), ['function-tags-unreadable']);
    assert.match(plan.warnings[0].message, /lambda:ListTags/);
  });
});

describe('deploy: the dff:code-source tag value', () => {
  it('keeps letters, digits and _ . : / + - @; escapes every other character, = and space included, per UTF-8 byte', () => {
    assert.equal(escapeTagText('dff/naaf_1.0-bin+x@y:z.zip'), 'dff/naaf_1.0-bin+x@y:z.zip');
    assert.equal(escapeTagText('a b=c#d,é'), 'a=20b=3Dc=23d=2C=C3=A9');
    // Distinct sources stay distinct: a key that already looks escaped is escaped again.
    assert.notEqual(escapeTagText('a b'), escapeTagText('a=20b'));
  });

  const source = (key: string) => ({ bucket: 'dff-binaries', key, fingerprint: { kind: 'etag' as const, value: 'd41d8cd98f00b204e9800998ecf8427e-3' } });
  const prefix = 's3://dff-binaries/';
  const suffix = ' etag=d41d8cd98f00b204e9800998ecf8427e-3';

  it('is readable at exactly 256 characters, and a hash of the whole source at 257', () => {
    const fits = 'k'.repeat(256 - prefix.length - suffix.length);
    assert.equal(codeSourceTagValue(source(fits)), `${prefix}${fits}${suffix}`);
    assert.equal(codeSourceTagValue(source(fits)).length, 256);
    const over = codeSourceTagValue(source(`${fits}k`));
    assert.match(over, /^source-sha256=[0-9a-f]{64} etag=d41d8cd98f00b204e9800998ecf8427e-3$/);
    assert.notEqual(codeSourceTagValue(source(`${fits}kk`)), over);
  });

  it('is always a value Lambda accepts, whatever the key, version or length', () => {
    const keys = ['naaf-aws-lambda-1.0-bin.zip', 'dir with spaces/zip (1).zip', 'ünïcödé/日本語.zip', '#?&$!*\'"\\.zip', 'x'.repeat(1024)];
    for (const key of keys) {
      for (const versionId of [undefined, 'Nb1_Ln.kxVx3dxZ8ZvR4_QdS-3Jq2u']) {
        const value = codeSourceTagValue({ ...source(key), versionId });
        assert.doesNotThrow(() => checkTags({ [CODE_SOURCE_TAG]: value }), `${key} ${versionId}`);
      }
    }
  });
});
