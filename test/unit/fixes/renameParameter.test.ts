import * as assert from 'assert';
import { computeFix } from '../../../src/core/flow/fixes';
import * as fs from 'fs';
import * as path from 'path';
import { modelOf, readFixture, replaced, runFix } from './fixHelpers';

describe('renameParameter fix', () => {
  const original = readFixture('parameters-jackson.json');
  const fix = { kind: 'renameParameter' as const, contextName: 'Shared', parameterName: 'bucket', newName: 'target bucket' };

  it('renames the parameter and the references that resolve to it, keeping each reference bare or quoted as it was', () => {
    const { json } = runFix(original, fix);
    const shared = json.parameterContexts.Shared.parameters;
    assert.deepStrictEqual(shared.map((parameter: { name: string }) => parameter.name), ['target bucket', 'api key']);
    const top = json.flowContents;
    assert.deepStrictEqual(top.processors[0].properties, {
      'Bucket': '#{target bucket}',
      'Object Key': "in/#{'target bucket'}/##{bucket}/#{region}",
      'Note': 'say "hi" to #{target bucket}\u00e9',
      'Secret Key': "#{'api key'}",
      'Empty': null,
    });
    assert.strictEqual(top.controllerServices[0].properties.Profile, '#{target bucket}-profile');
  });

  it('leaves references that resolve elsewhere or nowhere, and the other context\'s parameter', () => {
    const { json } = runFix(original, fix);
    const [ownBucket, withoutContext] = json.flowContents.processGroups;
    assert.strictEqual(ownBucket.processors[0].properties.Bucket, '#{bucket}', 'context "Other" defines its own bucket');
    assert.strictEqual(withoutContext.processors[0].properties.Bucket, '#{bucket}', 'a group without a context resolves nothing');
    assert.strictEqual(json.parameterContexts.Other.parameters[0].name, 'bucket');
  });

  it('replaces only the name and each reference, keeping escapes in the raw text', () => {
    const { edits, text } = runFix(original, fix);
    assert.deepStrictEqual(replaced(original, edits).sort(), ['"bucket"', "#{'bucket'}", '#{bucket}', '#{bucket}', '#{bucket}'].sort());
    assert.ok(text.includes('"Note" : "say \\"hi\\" to #{target bucket}\\u00e9"'), 'the \\u00e9 escape is kept as written');
  });

  it('writes each renamed reference in the form it had', () => {
    const { json } = runFix(original, { ...fix, newName: 'landing.bucket' });
    assert.strictEqual(json.flowContents.processors[0].properties.Bucket, '#{landing.bucket}');
    assert.strictEqual(json.flowContents.processors[0].properties['Object Key'], "in/#{'landing.bucket'}/##{bucket}/#{region}");
  });

  it('renames references written with spaces, as NiFi reads them, and leaves escapes and other names alone', () => {
    const spaced = original.split('"bucket"').join('"the bucket"').split('#{bucket}').join('#{the bucket}')
      .split("#{'bucket'}").join("#{'the bucket'}");
    const { json } = runFix(spaced, { ...fix, parameterName: 'the bucket', newName: 'the_bucket' });
    const top = json.flowContents;
    assert.strictEqual(top.processors[0].properties.Bucket, '#{the_bucket}');
    assert.strictEqual(top.processors[0].properties['Object Key'], "in/#{'the_bucket'}/##{the bucket}/#{region}");
    assert.strictEqual(top.controllerServices[0].properties.Profile, '#{the_bucket}-profile');
    assert.strictEqual(top.processGroups[0].processors[0].properties.Bucket, '#{the bucket}', 'context "Other" defines its own');
  });

  it('changes nothing when the new name is taken in that context or the parameter is unknown', () => {
    const model = modelOf(original);
    assert.deepStrictEqual(computeFix(original, model, { ...fix, newName: 'api key' }), []);
    assert.deepStrictEqual(computeFix(original, model, { ...fix, parameterName: 'missing' }), []);
  });

  it('renames references in processors\' run schedules, only where the name resolves to the renamed parameter', () => {
    const scheduled = fs.readFileSync(path.resolve(__dirname, '../../../../test/fixtures/flows/parameter-in-run-schedule.json'), 'utf8');
    const { json, edits } = runFix(scheduled, { kind: 'renameParameter', contextName: 'orders_api', parameterName: 'POLL_INTERVAL', newName: 'POLL_PERIOD' });
    assert.strictEqual(edits.length, 2, 'the parameter and the top group\'s schedule');
    assert.strictEqual(json.flowContents.processors[0].schedulingPeriod, '#{POLL_PERIOD}');
    assert.strictEqual(json.flowContents.processGroups[0].processors[0].schedulingPeriod, '#{POLL_INTERVAL}', 'its group has no context');
  });

  it('renames an expression\'s own references in their form, and never text in its string literals (NiFi 2.x file)', () => {
    const el = original.replace('"Profile" : "#{bucket}-profile"', '"Profile" : "${#{\\"bucket\\"}:append(\'#{bucket}\'):append(#{bucket})}"');
    assert.notStrictEqual(el, original);
    const { json } = runFix(el, { ...fix, newName: 'target_bucket' });
    assert.strictEqual(json.flowContents.controllerServices[0].properties.Profile, '${#{"target_bucket"}:append(\'#{bucket}\'):append(#{target_bucket})}');
  });

  it('in a NiFi 1.x file leaves #{\'bucket\'} alone, which NiFi 1.x reads as another name, and writes bare references', () => {
    const nifi1 = original.split('"version" : "2.0.0"').join('"version" : "1.23.2"');
    assert.notStrictEqual(nifi1, original);
    const { json } = runFix(nifi1, fix);
    const properties = json.flowContents.processors[0].properties;
    assert.strictEqual(properties.Bucket, '#{target bucket}');
    assert.strictEqual(properties['Object Key'], "in/#{'bucket'}/##{bucket}/#{region}");
  });
});
