// The cursor in the JSON -> the component the preview highlights; the component -> its key and back.
import * as assert from 'node:assert/strict';
import { componentKeyOfPath, keyPath, pathAtOffset, pathsAtOffsets } from '../../../src/core/flow/preview';
import { connection, flowText, group, port, processor } from './flows';

const child = group({ id: 'child', name: 'Child', processors: [processor('deep', 'Deep', { properties: { 'Log Level': 'info' } })] });
const text = flowText({
  id: 'top', name: 'Top', inputPorts: [port('in', 'in')],
  processors: [processor('a', 'First', { properties: { Region: 'us-east-1' } }), processor('b', 'Second')],
  connections: [connection('c', { id: 'in', groupId: 'top', type: 'INPUT_PORT' }, { id: 'a', groupId: 'top' })],
  processGroups: [child],
}, { ctx: { name: 'ctx', parameters: [] } });

const keyAt = (needle: string, from = 0): string | undefined => componentKeyOfPath(pathAtOffset(text, text.indexOf(needle, from) + 1));

describe('flow preview: cursor to component', () => {
  it('finds the processor whose JSON holds the cursor, inside a property value or a member name', () => {
    assert.equal(keyAt('us-east-1'), 'flowContents/processors/0');
    assert.equal(keyAt('"Second"'), 'flowContents/processors/1');
    assert.equal(keyAt('"autoTerminatedRelationships"', text.indexOf('"Second"')), 'flowContents/processors/1');
  });

  it('finds a component of a child group, and the child group between its components', () => {
    assert.equal(keyAt('"Log Level"'), 'flowContents/processGroups/0/processors/0');
    assert.equal(keyAt('"Child"'), 'flowContents/processGroups/0');
  });

  it('finds connections and ports; the top group between components; nothing outside flowContents', () => {
    assert.equal(keyAt('"selectedRelationships"'), 'flowContents/connections/0');
    assert.equal(keyAt('"allowRemoteAccess"'), 'flowContents/inputPorts/0');
    assert.equal(keyAt('"Top"'), 'flowContents');
    assert.equal(keyAt('"ctx"'), undefined);
    assert.equal(keyAt('"flowEncodingVersion"'), undefined);
  });

  it('answers many offsets in one pass exactly as one at a time, whatever their order', () => {
    const offsets = [text.length - 1, 0, text.indexOf('Deep'), 5, text.indexOf('us-east-1'), text.indexOf('us-east-1')];
    assert.deepEqual(pathsAtOffsets(text, offsets), offsets.map((offset) => pathAtOffset(text, offset)));
  });

  it('is lenient on broken JSON and does not overflow on deep nesting', () => {
    assert.deepEqual(pathAtOffset('{"flowContents":{"processors":[{"name":', 38), ['flowContents', 'processors', 0, 'name']);
    const deep = '['.repeat(200_000);
    assert.equal(pathAtOffset(deep, deep.length).length, 200_000);
  });

  it('turns a key back into its path', () => {
    assert.deepEqual(keyPath('flowContents/processGroups/0/processors/12'), ['flowContents', 'processGroups', 0, 'processors', 12]);
  });
});
