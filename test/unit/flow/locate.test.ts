import * as assert from 'assert';
import { JsonLocator } from '../../../src/core/flow/locate';
import type { JsonPath } from '../../../src/core/flow/model';

/** A flowContents big enough that reading the tail of the file is cheaper than skipping it. */
function bigContents(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    componentType: 'PROCESS_GROUP',
    processors: Array.from({ length: 300 }, (_, i) => ({ identifier: `p${i}`, name: `Processor ${i}`, properties: { a: '{[x]}' } })),
    ...extra,
  };
}

function valueAt(root: unknown, path: JsonPath): unknown {
  return path.reduce<unknown>((value, segment) => (value as Record<string | number, unknown>)[segment], root);
}

/** The located text of path parses back to the value at path, and both locators agree when they should. */
function assertFinds(text: string, path: JsonPath, expectSameAsForwardScan = true): { keyStart?: number; valueStart: number } {
  const root = JSON.parse(text);
  const withKeys = new JsonLocator(text, Object.keys(root));
  const found = withKeys.find(path);
  assert.ok(found, `finds ${path.join('.')}`);
  assert.deepStrictEqual(JSON.parse(text.slice(found.valueStart, found.valueEnd)), valueAt(root, path));
  if (found.keyStart !== undefined) {
    assert.strictEqual(text.slice(found.keyStart, found.keyEnd), JSON.stringify(path[path.length - 1]));
  }
  if (expectSameAsForwardScan) assert.deepStrictEqual(found, new JsonLocator(text).find(path));
  return found;
}

describe('JsonLocator', () => {
  it('finds parameterContexts from the end when its name also appears as a string, a nested key and an escaped name', () => {
    const decoys = {
      comments: '"parameterContexts" : { }',
      parameterContexts: { decoy: true },
      labels: [{ 'say "parameterContexts': 1 }, 'parameterContexts', { 'say "parameterContexts': { x: 1 } }],
    };
    const text = JSON.stringify({
      flowContents: bigContents(decoys),
      externalControllerServices: {},
      parameterContexts: { Main: { name: 'Main', parameters: [{ name: 'A', value: 'x' }] } },
      flowEncodingVersion: '1.0',
      latest: decoys,
    }, null, 2);
    const found = assertFinds(text, ['parameterContexts', 'Main', 'parameters', 0, 'name']);
    assert.ok(found.valueStart > text.indexOf('"Main"'));
    assertFinds(text, ['latest', 'labels', 2]);
  });

  it('skips later occurrences of the name inside the member itself and in the members after it', () => {
    const text = JSON.stringify({
      flowContents: bigContents(),
      parameterContexts: {
        parameterContexts: { name: 'parameterContexts', parameters: [{ name: 'parameterContexts', value: 'parameterContexts' }] },
      },
      flowEncodingVersion: 'parameterContexts',
      // The same members in the same order, one level down: only the end of the text tells them apart.
      latest: { parameterContexts: ['parameterContexts'], flowEncodingVersion: '1.0', latest: { parameterContexts: {} } },
    }, null, 2);
    const found = assertFinds(text, ['parameterContexts', 'parameterContexts', 'name']);
    assert.ok(found.valueStart > text.indexOf('"parameterContexts"', text.indexOf('"flowEncodingVersion"') - 300));
    assertFinds(text, ['parameterContexts']);
    assertFinds(text, ['latest', 'parameterContexts', 0]);
    assertFinds(text, ['latest', 'latest', 'parameterContexts']);
    assertFinds(text, ['flowEncodingVersion']);
    assertFinds(text, ['flowContents', 'processors', 299, 'name']);
  });

  it('finds root members of compact JSON and after members written in any order', () => {
    const text = JSON.stringify({ latest: false, flowContents: bigContents(), parameterContexts: { a: { name: 'a' } }, z: 1 });
    assertFinds(text, ['parameterContexts', 'a', 'name']);
    assertFinds(text, ['z']);
    assertFinds(text, ['latest']);
  });

  it('says a root member is absent without scanning, as the forward scan would', () => {
    const text = JSON.stringify({ flowContents: bigContents(), flowEncodingVersion: '1.0' });
    const root = JSON.parse(text);
    assert.strictEqual(new JsonLocator(text, Object.keys(root)).find(['parameterContexts', 'x']), undefined);
    assert.strictEqual(new JsonLocator(text).find(['parameterContexts', 'x']), undefined);
  });

  it('does not trust the key order when a root name looks like an array index', () => {
    // Object.keys lists "7" first although the text has it last.
    const text = JSON.stringify({ flowContents: bigContents(), parameterContexts: { a: 1 }, 7: 'seven' }, null, 2);
    assertFinds(text, ['parameterContexts', 'a']);
    assertFinds(text, ['7']);
  });

  it('points at the duplicate root member that JSON.parse kept', () => {
    const contents = JSON.stringify(bigContents());
    const text = `{"flowContents": ${contents}, "parameterContexts": {"old": 1}, "parameterContexts": {"kept": 2}}`;
    const found = assertFinds(text, ['parameterContexts', 'kept'], false);
    assert.ok(found.valueStart > text.indexOf('"kept"'));
  });

  it('locates values among deeply nested containers and strings full of brackets, quotes and escapes', () => {
    const tricky = ['{', '}', '[', ']', '\\', '"', '\\"}', '{"a": [1, {"b": "}"}]}', '\u00e9\u2028'];
    let nested: unknown = { leaf: tricky };
    for (let depth = 0; depth < 9; depth++) nested = { [`level${depth}`]: [nested, tricky[depth % tricky.length]], after: { depth, tricky } };
    const root = { flowContents: { first: nested, second: [nested, { tail: tricky }] }, parameterContexts: { p: nested } };
    for (const text of [JSON.stringify(root), JSON.stringify(root, null, 2)]) {
      assertFinds(text, ['flowContents', 'second', 1, 'tail', 7]);
      assertFinds(text, ['flowContents', 'second', 0, 'after', 'tricky', 6]);
      assertFinds(text, ['parameterContexts', 'p', 'after', 'depth']);
      assertFinds(text, ['parameterContexts', 'p', 'level8', 0, 'level7', 1]);
    }
  });

  it('skips containers with more members than one regex match takes', () => {
    const many = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, { v: [i, `s${i}`] }]));
    const text = JSON.stringify({ flowContents: { a: { b: { c: many, d: Array(3000).fill('x') } }, after: 'here' }, last: 1 }, null, 1);
    assertFinds(text, ['flowContents', 'after']);
    assertFinds(text, ['flowContents', 'a', 'b', 'c', 'k4999', 'v', 1]);
    assertFinds(text, ['last']);
  });

  it('turns offsets into lines and characters and back, far into the text', () => {
    const text = `${Array.from({ length: 1000 }, (_, i) => `line ${i}`).join('\n')}\nlast`;
    const locator = new JsonLocator(text);
    const offset = text.indexOf('line 777');
    assert.deepStrictEqual(locator.position(offset + 3), { line: 777, character: 3 });
    assert.deepStrictEqual(locator.position(text.length), { line: 1000, character: 4 });
    assert.deepStrictEqual(locator.position(0), { line: 0, character: 0 });
    assert.strictEqual(locator.offsetAt({ line: 777, character: 3 }), offset + 3);
    assert.strictEqual(locator.offsetAt({ line: 5000, character: 0 }), text.length - 4);
    assert.strictEqual(new JsonLocator(text).offsetAt({ line: 1000, character: 2 }), text.length - 2);
  });
});
