import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { preparePush } from '../../../src/core/catalog/preparePush';

const flowsDir = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'flows');
const fixture = (name: string): string => readFileSync(join(flowsDir, name), 'utf8');

describe('preparePush', () => {
  it('names the flow after its top process group, unless a name is given', () => {
    assert.equal(preparePush(fixture('valid-minimal.json')).name, 'S3ToSqs');
    assert.equal(preparePush(fixture('valid-minimal.json'), { name: '  Orders  ' }).name, 'Orders');
    const unnamed = JSON.parse(fixture('valid-minimal.json')) as { flowContents: { name: string } };
    unnamed.flowContents.name = ' ';
    assert.equal(preparePush(JSON.stringify(unnamed)).name, undefined);
  });

  it('says why text that cannot be read as a flow is never pushed, and leaves rule errors to the user', () => {
    assert.equal(preparePush('{ "flowContents": { "name": "Cut" ').unreadable, 'it is not valid JSON.');
    const flow = JSON.parse(fixture('valid-minimal.json')) as { flowContents: { processors: { properties: Record<string, string> }[] } };
    flow.flowContents.processors[0].properties.Extra = '#{MISSING}';
    const ruleErrors = preparePush(JSON.stringify(flow));
    assert.equal(ruleErrors.validation.errors, 1);
    assert.equal(ruleErrors.unreadable, undefined);
  });

  it('summarises validation: error and warning counts and the first five errors with their places', () => {
    const flow = JSON.parse(fixture('valid-minimal.json')) as { flowContents: { processors: { properties: Record<string, string> }[] } };
    for (let index = 1; index <= 7; index++) flow.flowContents.processors[0].properties[`Extra ${index}`] = `#{MISSING_${index}}`;
    const { validation, isFlow } = preparePush(JSON.stringify(flow, null, 2));
    assert.equal(isFlow, true);
    assert.equal(validation.errors, 7);
    assert.equal(validation.warnings, 0);
    assert.deepEqual(
      validation.firstErrors.map((finding) => finding.message.match(/MISSING_\d/)?.[0]),
      ['MISSING_1', 'MISSING_2', 'MISSING_3', 'MISSING_4', 'MISSING_5'],
    );
    assert.ok(validation.firstErrors.every((finding) => finding.range.start.line > 0));

    const clean = preparePush(fixture('valid-minimal.json')).validation;
    assert.deepEqual(clean, { errors: 0, warnings: 0, firstErrors: [] });
  });

  it('counts a failure port named in failurePorts as one, so the flow has no errors', () => {
    const without = preparePush(fixture('failure-port-function-unnamed.json')).validation;
    assert.equal(without.errors, 1);
    assert.equal(without.warnings, 1);
    assert.deepEqual(preparePush(fixture('failure-port-function-unnamed.json'), { failurePorts: ['errors'] }).validation, { errors: 0, warnings: 0, firstErrors: [] });
  });

  it('tells a file that is not a flow definition apart', () => {
    const prepared = preparePush('{"name": "package", "version": "1.0.0"}');
    assert.equal(prepared.isFlow, false);
    assert.equal(prepared.name, undefined);
    assert.equal(prepared.validation.errors, 0);
  });
});
