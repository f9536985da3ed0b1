import * as assert from 'assert';
import { computeFix, fixTitle } from '../../../src/core/flow/fixes';
import { continuationIndents, indentOfLineWith, modelOf, readFixture, runFix } from './fixHelpers';

describe('addParameter fix', () => {
  it('appends an empty parameter in the Jackson layout, lined up with the existing ones', () => {
    const original = readFixture('parameters-jackson.json');
    const { json, edits } = runFix(original, { kind: 'addParameter', contextName: 'Main', parameterName: 'queue_url', sensitive: false });
    const added = json.parameterContexts.Main.parameters[1];
    assert.deepStrictEqual({ ...added, description: undefined },
      { name: 'queue_url', description: undefined, sensitive: false, provided: false, value: '' });
    assert.match(added.description, /empty value: set the value/, 'the empty value does not go unnoticed');
    assert.strictEqual(edits.length, 1);
    assert.strictEqual(edits[0].length, 0, 'a pure insertion: the rest of the file is untouched');
    const memberIndent = indentOfLineWith(original, '"name" : "region"');
    assert.ok(edits[0].newText.startsWith(`, {\n${memberIndent}"name" : "queue_url",\n`), edits[0].newText);
  });

  it('writes no value for a sensitive parameter', () => {
    const original = readFixture('parameters-jackson.json');
    const { json } = runFix(original, { kind: 'addParameter', contextName: 'Shared', parameterName: 'secret', sensitive: true });
    const added = json.parameterContexts.Shared.parameters[2];
    assert.deepStrictEqual({ ...added, description: undefined }, { name: 'secret', description: undefined, sensitive: true, provided: false });
    assert.match(added.description, /supply the value of this sensitive parameter when you deploy/);
    assert.ok(!('value' in added));
  });

  it('follows a 4-space file', () => {
    const original = readFixture('route-nested-4space.json');
    const { json, edits } = runFix(original, { kind: 'addParameter', contextName: 'Main', parameterName: 'bucket', sensitive: false });
    assert.strictEqual(json.parameterContexts.Main.parameters[1].name, 'bucket');
    const itemIndent = indentOfLineWith(original, '"name": "region"').slice(4);
    assert.ok(edits[0].newText.startsWith(`,\n${itemIndent}{\n${itemIndent}    "name": "bucket",\n`), edits[0].newText);
    for (const indent of continuationIndents(edits[0].newText)) assert.match(indent, /^( {4})*$/);
  });

  it('fills an empty parameter list in a tab-indented CRLF file', () => {
    const original = readFixture('route-existing-tabs-crlf.json');
    const { json, edits } = runFix(original, { kind: 'addParameter', contextName: 'Endpoints', parameterName: 'url', sensitive: false });
    assert.deepStrictEqual(json.parameterContexts.Endpoints.parameters.map((parameter: { name: string }) => parameter.name), ['url']);
    assert.strictEqual(original.slice(edits[0].offset, edits[0].offset + edits[0].length), '[]');
    assert.ok(!/[^\r]\n/.test(edits[0].newText), 'every line break is CRLF');
    const listIndent = indentOfLineWith(original, '"parameters": []');
    assert.ok(edits[0].newText.startsWith(`[\r\n${listIndent}\t{\r\n${listIndent}\t\t"name": "url",`), JSON.stringify(edits[0].newText));
    for (const indent of continuationIndents(edits[0].newText)) assert.match(indent, /^\t*$/);
  });

  it('changes nothing when the parameter exists already', () => {
    const original = readFixture('parameters-jackson.json');
    assert.deepStrictEqual(computeFix(original, modelOf(original), { kind: 'addParameter', contextName: 'Main', parameterName: 'region', sensitive: false }), []);
  });

  it('edits a one-line file without adding line breaks', () => {
    const compact = JSON.stringify(JSON.parse(readFixture('parameters-jackson.json')));
    const { edits, json } = runFix(compact, { kind: 'addParameter', contextName: 'Main', parameterName: 'xy', sensitive: false });
    assert.match(edits[0].newText, /^,\{"name":"xy","description":"[^"\n]+","sensitive":false,"provided":false,"value":""\}$/);
    assert.strictEqual(json.parameterContexts.Main.parameters.length, 2);
  });

  it('adds a name DataFlow Functions refuses under one it accepts, and points the unresolved references at it', () => {
    const original = readFixture('parameters-jackson.json');
    const spaced = original.replace('"Bucket" : "#{bucket}",', '"Bucket" : "#{queue url}/${#{\'queue url\'}}",');
    assert.notStrictEqual(spaced, original);
    const fix = { kind: 'addParameter' as const, contextName: 'Main', parameterName: 'queue url', sensitive: false };
    const { json } = runFix(spaced, fix);
    assert.deepStrictEqual(json.parameterContexts.Main.parameters.map((parameter: { name: string }) => parameter.name), ['region', 'queue_url']);
    assert.strictEqual(json.flowContents.processors[0].properties.Bucket, "#{queue_url}/${#{'queue_url'}}");
    assert.strictEqual(fixTitle(fix), 'Add parameter "queue url" to context "Main" under a name DataFlow Functions accepts, and reference that, with an empty value to set');
    assert.strictEqual(fixTitle({ ...fix, parameterName: 'queue_url', sensitive: true }), 'Add sensitive parameter "queue_url" to context "Main"');
  });

  it('takes a name no used context has, and adds a reserved or one-letter name under another', () => {
    const original = readFixture('parameters-jackson.json');
    for (const [written, added] of [['region', undefined], ['AWS_REGION', 'PARAM_AWS_REGION'], ['q', 'q_param'], ['ab', 'ab']]) {
      const edits = computeFix(original, modelOf(original), { kind: 'addParameter', contextName: 'Main', parameterName: written!, sensitive: false });
      if (added === undefined) {
        assert.deepStrictEqual(edits, [], `${written} exists already`);
        continue;
      }
      assert.match(edits[0].newText, new RegExp(`"name" : "${added}"`), written);
    }
  });
});
