import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { deployFilePathFor, flowKeyFor, loadDeployFile, targetsForFlow } from '../../../src/core/deploy/loadTargets';
import { setTargetInDeployFile } from '../../../src/core/deploy/writeTargets';
import { flowVersionRequest } from '../../../src/core/deploy/target';
import { REPO_ROOT } from './fixtures';

const DEPLOY_PATH = '/work/project/flows/dff.deploy.json';

function fileWith(targetJson: unknown, flowKey = 's3-to-sqs.json'): string {
  return JSON.stringify({ flows: { [flowKey]: { targets: { dev: targetJson } } } }, null, 2);
}

const GOOD_TARGET = {
  functionName: 's3-to-sqs',
  executionRole: { create: 's3-to-sqs-role' },
  code: { s3: 's3://dff-binaries/naaf.zip' },
  memoryMb: 2048,
  triggers: [{ bucket: 'landing-bucket', suffix: '.csv' }],
};

function problemsOf(text: string): string[] {
  const result = loadDeployFile(text, DEPLOY_PATH);
  assert.equal(result.ok, false, 'expected the file to be refused');
  return result.ok ? [] : result.problems.map((problem) => problem.message);
}

describe('deploy: loading dff.deploy.json', () => {
  it('loads a good file and finds the targets of a flow by its path', () => {
    const result = loadDeployFile(fileWith(GOOD_TARGET), DEPLOY_PATH);
    assert.ok(result.ok, JSON.stringify(result));
    const targets = targetsForFlow(result.file, '/work/project/flows/s3-to-sqs.json');
    assert.deepEqual(targets.map((item) => item.name), ['dev']);
    assert.equal(targets[0].target.memoryMb, 2048);
    assert.deepEqual(targetsForFlow(result.file, '/work/project/flows/other.json'), []);
  });

  it('matches flow keys written with ./ and subfolders', () => {
    const result = loadDeployFile(fileWith(GOOD_TARGET, './sub/a.json'), DEPLOY_PATH);
    assert.ok(result.ok);
    assert.equal(targetsForFlow(result.file, '/work/project/flows/sub/a.json').length, 1);
    assert.equal(flowKeyFor(DEPLOY_PATH, '/work/project/flows/sub/a.json'), 'sub/a.json');
    assert.equal(deployFilePathFor('/work/project/flows/a.json'), '/work/project/flows/dff.deploy.json');
  });

  it('reports bad JSON with its line and column', () => {
    const result = loadDeployFile('{\n  "flows": {\n    "a.json": { "targets": {} },\n  }\n}', DEPLOY_PATH);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.match(result.problems[0].message, /not valid JSON/);
    assert.equal(result.problems[0].line, 4);
  });

  it('refuses an unknown field, naming it and where it is', () => {
    const text = fileWith({ ...GOOD_TARGET, memorySize: 512 });
    const result = loadDeployFile(text, DEPLOY_PATH);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.problems.length, 1);
    assert.match(result.problems[0].message, /unknown field "memorySize" in target "dev"/);
    assert.deepEqual(result.problems[0].jsonPath, ['flows', 's3-to-sqs.json', 'targets', 'dev', 'memorySize']);
    assert.match(text.split('\n')[result.problems[0].line - 1], /memorySize/);
  });

  it('refuses a target without a function name', () => {
    const { functionName: _omit, ...rest } = GOOD_TARGET;
    assert.deepEqual(problemsOf(fileWith(rest)), ['target "dev" is missing "functionName"']);
  });

  it('checks Lambda limits exactly at their boundaries', () => {
    const ok = (extra: object): boolean => loadDeployFile(fileWith({ ...GOOD_TARGET, ...extra }), DEPLOY_PATH).ok;
    assert.equal(ok({ memoryMb: 128 }), true);
    assert.equal(ok({ memoryMb: 127 }), false);
    assert.equal(ok({ memoryMb: 10240 }), true);
    assert.equal(ok({ memoryMb: 10241 }), false);
    assert.equal(ok({ timeoutSeconds: 900 }), true);
    assert.equal(ok({ timeoutSeconds: 901 }), false);
    assert.equal(ok({ ephemeralStorageMb: 512 }), true);
    assert.equal(ok({ ephemeralStorageMb: 511 }), false);
    assert.equal(ok({ functionName: 'f'.repeat(64) }), true);
    assert.equal(ok({ functionName: 'f'.repeat(65) }), false);
  });

  it('reports every problem of a mixed file, and keeps none of its targets', () => {
    const text = JSON.stringify({
      flows: { 'a.json': { targets: { dev: GOOD_TARGET, prod: { ...GOOD_TARGET, executionRole: { arn: 'not-an-arn' }, alias: '12' } } } },
    });
    const messages = problemsOf(text);
    assert.equal(messages.length, 2, messages.join('\n'));
    assert.match(messages[0], /"not-an-arn" is not an IAM role ARN/);
    assert.match(messages[1], /"alias" "12" is not a Lambda alias name/);
  });

  it('refuses a local zip without an upload bucket, and code with neither form', () => {
    assert.match(problemsOf(fileWith({ ...GOOD_TARGET, code: { localZip: 'naaf.zip' } }))[0], /needs "uploadBucket"/);
    assert.match(problemsOf(fileWith({ ...GOOD_TARGET, code: { url: 'x' } }))[0], /must have "s3"/);
  });

  it('tells which flow version to look up', () => {
    assert.deepEqual(flowVersionRequest({ ...GOOD_TARGET } as never), { kind: 'lastPushed' });
    assert.deepEqual(flowVersionRequest({ ...GOOD_TARGET, flowVersion: 'latest' } as never), { kind: 'latest' });
    assert.deepEqual(flowVersionRequest({ ...GOOD_TARGET, flowVersion: 4 } as never), { kind: 'number', version: 4 });
  });

  it('adds a target to a file, keeping what was there, and the result loads', () => {
    const first = setTargetInDeployFile(undefined, 'a.json', 'dev', GOOD_TARGET as never);
    const second = setTargetInDeployFile(first, 'a.json', 'prod', { ...GOOD_TARGET, functionName: 'prod-fn' } as never);
    const result = loadDeployFile(second, DEPLOY_PATH);
    assert.ok(result.ok);
    assert.deepEqual(targetsForFlow(result.file, '/work/project/flows/a.json').map((item) => item.name), ['dev', 'prod']);
  });
});

describe('deploy: dff-deploy.schema.json agrees with the loader', () => {
  const schema = JSON.parse(readFileSync(path.join(REPO_ROOT, 'schemas/dff-deploy.schema.json'), 'utf8'));
  const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
  const cases: Array<[string, unknown]> = [
    ['good', GOOD_TARGET],
    ['local zip', { ...GOOD_TARGET, code: { localZip: 'naaf.zip', uploadBucket: 'my-bucket' } }],
    ['existing role', { ...GOOD_TARGET, executionRole: { arn: 'arn:aws:iam::123456789012:role/dff' } }],
    ['unknown field', { ...GOOD_TARGET, extra: 1 }],
    ['memory too small', { ...GOOD_TARGET, memoryMb: 100 }],
    ['no function name', { executionRole: GOOD_TARGET.executionRole, code: GOOD_TARGET.code }],
    ['numeric alias', { ...GOOD_TARGET, alias: '7' }],
    ['bad env key', { ...GOOD_TARGET, environment: { '1X': 'a' } }],
    ['trigger without bucket', { ...GOOD_TARGET, triggers: [{ suffix: '.csv' }] }],
    ['version crn', { ...GOOD_TARGET, flowVersion: 'crn:cdp:df:us-west-1:acc:flow:x/v.2' }],
    ['version word', { ...GOOD_TARGET, flowVersion: 'newest' }],
  ];
  for (const [name, targetJson] of cases) {
    it(`${name}: both accept or both refuse`, () => {
      const text = fileWith(targetJson);
      assert.equal(validate(JSON.parse(text)), loadDeployFile(text, DEPLOY_PATH).ok, JSON.stringify(validate.errors));
    });
  }
});
