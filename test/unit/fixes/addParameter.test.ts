import * as assert from 'assert';
import { computeFix } from '../../../src/core/flow/fixes';
import { continuationIndents, indentOfLineWith, modelOf, readFixture, runFix } from './fixHelpers';

describe('addParameter fix', () => {
  it('appends an empty parameter in the Jackson layout, lined up with the existing ones', () => {
    const original = readFixture('parameters-jackson.json');
    const { json, edits } = runFix(original, { kind: 'addParameter', contextName: 'Main', parameterName: 'queue url', sensitive: false });
    const added = json.parameterContexts.Main.parameters[1];
    assert.deepStrictEqual({ ...added, description: undefined },
      { name: 'queue url', description: undefined, sensitive: false, provided: false, value: '' });
    assert.match(added.description, /empty value: set the value/, 'the empty value does not go unnoticed');
    assert.strictEqual(edits.length, 1);
    assert.strictEqual(edits[0].length, 0, 'a pure insertion: the rest of the file is untouched');
    const memberIndent = indentOfLineWith(original, '"name" : "region"');
    assert.ok(edits[0].newText.startsWith(`, {\n${memberIndent}"name" : "queue url",\n`), edits[0].newText);
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
    const { edits, json } = runFix(compact, { kind: 'addParameter', contextName: 'Main', parameterName: 'x', sensitive: false });
    assert.match(edits[0].newText, /^,\{"name":"x","description":"[^"\n]+","sensitive":false,"provided":false,"value":""\}$/);
    assert.strictEqual(json.parameterContexts.Main.parameters.length, 2);
  });
});
