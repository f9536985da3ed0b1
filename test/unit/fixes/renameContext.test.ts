import * as assert from 'assert';
import { computeFix } from '../../../src/core/flow/fixes';
import { modelOf, readFixture, replaced, runFix } from './fixHelpers';

describe('renameContext fix', () => {
  const original = readFixture('parameters-jackson.json');

  it('renames an inherited context: its key, its name and every inheritedParameterContexts entry', () => {
    const { json, edits } = runFix(original, { kind: 'renameContext', contextName: 'Shared', newName: 'Common' });
    assert.deepStrictEqual(Object.keys(json.parameterContexts), ['Common', 'Main', 'Other'], 'the context keeps its place');
    assert.strictEqual(json.parameterContexts.Common.name, 'Common');
    assert.deepStrictEqual(json.parameterContexts.Main.inheritedParameterContexts, ['Common']);
    assert.deepStrictEqual(json.parameterContexts.Other.inheritedParameterContexts, ['Common']);
    assert.strictEqual(json.flowContents.parameterContextName, 'Main');
    assert.deepStrictEqual(replaced(original, edits), ['"Shared"', '"Shared"', '"Shared"', '"Shared"']);
    assert.ok(edits.every((edit) => edit.newText === '"Common"'));
  });

  it('renames a context that groups use, in each group', () => {
    const { json } = runFix(original, { kind: 'renameContext', contextName: 'Main', newName: 'Primary context' });
    assert.strictEqual(json.flowContents.parameterContextName, 'Primary context');
    assert.strictEqual(json.flowContents.processGroups[0].parameterContextName, 'Other');
    assert.strictEqual(json.parameterContexts['Primary context'].name, 'Primary context');
    assert.strictEqual(json.parameterContexts.Main, undefined);
  });

  it('accepts inherited contexts written as {"name": ...} objects', () => {
    const objects = JSON.parse(original);
    // Mixed: one object names the renamed context, the other names another context, which stays.
    objects.parameterContexts.Main.inheritedParameterContexts = [{ name: 'Other' }, { name: 'Shared' }];
    const text = JSON.stringify(objects, null, 2);
    const { json } = runFix(text, { kind: 'renameContext', contextName: 'Shared', newName: 'Common' });
    assert.deepStrictEqual(json.parameterContexts.Main.inheritedParameterContexts, [{ name: 'Other' }, { name: 'Common' }]);
  });

  it('changes nothing when another context already has the new name', () => {
    assert.deepStrictEqual(computeFix(original, modelOf(original), { kind: 'renameContext', contextName: 'Shared', newName: 'Other' }), []);
  });
});
