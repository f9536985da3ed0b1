// schemas/flow-definition.schema.json must accept real flow definitions (it only describes, never
// blocks) and still catch a field of the wrong type.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { REPO_ROOT, sampleText } from './samples';

// A plain predicate rather than ajv's type guard, so a flow stays `any` after a check.
type Validate = ((data: unknown) => boolean) & { errors?: unknown };

function compileSchema(): Validate {
  const schema = JSON.parse(readFileSync(path.join(REPO_ROOT, 'schemas/flow-definition.schema.json'), 'utf8'));
  return new Ajv({ strict: false, allErrors: true }).compile(schema);
}

describe('editor: flow definition JSON schema', function () {
  let validate: Validate;

  before(() => {
    validate = compileSchema();
  });

  it('accepts every sample flow, broken for DFF or not', () => {
    const samples = readdirSync(path.join(REPO_ROOT, 'samples')).filter((name) => /^(ready|broken)-.*\.json$/.test(name) && !name.includes('malformed'));
    assert.ok(samples.length >= 6);
    for (const name of samples) assert.ok(validate(JSON.parse(sampleText(name))), `${name}: ${JSON.stringify(validate.errors)}`);
  });

  it('accepts fields it does not describe, and rejects a wrong type in one it does', () => {
    const flow = JSON.parse(sampleText('ready-s3-to-sqs.json'));
    flow.flowContents.someFutureField = { any: 'thing' };
    assert.ok(validate(flow));
    flow.flowContents.processors[0].autoTerminatedRelationships = 'failure';
    assert.equal(validate(flow), false);
  });

  it('rejects a file without flowContents', () => {
    assert.equal(validate(JSON.parse(sampleText('not-a-flow.json'))), false);
  });
});
