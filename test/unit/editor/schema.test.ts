// schemas/flow-definition.schema.json must accept real flow definitions (it only describes, never
// blocks) and still catch a field of the wrong type. ajv comes with the dev tools (@vscode/vsce);
// without it the test is skipped.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, sampleText } from './samples';

type Validate = ((data: unknown) => boolean) & { errors?: unknown[] | null };

function compileSchema(): Validate | undefined {
  let Ajv: new (options: object) => { compile(schema: object): Validate };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    Ajv = require('ajv');
  } catch {
    return undefined;
  }
  const schema = JSON.parse(readFileSync(path.join(REPO_ROOT, 'schemas/flow-definition.schema.json'), 'utf8'));
  return new Ajv({ strict: false, allErrors: true }).compile(schema);
}

describe('editor: flow definition JSON schema', function () {
  let validate: Validate;

  before(function () {
    const compiled = compileSchema();
    if (!compiled) {
      console.warn('    skipped: ajv is not installed');
      this.skip();
    }
    validate = compiled!;
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
