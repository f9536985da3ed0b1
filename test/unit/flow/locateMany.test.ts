import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Anchor } from '../../../src/core/flow/finding';
import { JsonLocator } from '../../../src/core/flow/locate';
import type { JsonPath } from '../../../src/core/flow/model';
import { rules } from '../../../src/core/flow/rules';
import { resolve, resolveAll, validateText } from '../../../src/core/flow/validate';

const fixtures = path.resolve(__dirname, '../../../../test/fixtures/flows');
const fixtureNames = fs.readdirSync(fixtures).filter((name) => name.endsWith('.json')).sort();
const readFixture = (name: string): string => fs.readFileSync(path.join(fixtures, name), 'utf8');
function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
const jsonFixtures = fixtureNames.filter((name) => parses(readFixture(name)));

/** Every path in a parsed JSON value, parents before children. */
function allPaths(value: unknown, prefix: JsonPath = [], out: JsonPath[] = []): JsonPath[] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((item, i) => allPaths(item, [...prefix, i], out));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) allPaths(item, [...prefix, key], out);
  }
  return out;
}

/** Anchors of every kind on every path, plus paths that do not exist (answered by an ancestor). */
function anchorsFor(root: unknown): Anchor[] {
  const anchors: Anchor[] = [];
  for (const p of allPaths(root)) {
    anchors.push({ path: p }, { path: p, part: 'key' }, { path: [...p, 'absent', 3] }, { path: [...p, 0] });
    const value = p.reduce<unknown>((v, s) => (v as Record<string | number, unknown>)[s], root);
    if (typeof value === 'string' && value.length > 1) anchors.push({ path: p, slice: { start: 1, length: value.length - 1 } });
  }
  anchors.push({ path: [], offsets: { start: 1, end: 5 } });
  return anchors;
}

/** A fixed shuffle, so that the batch does not get the paths in text order. */
function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  let seed = 7;
  for (let i = copy.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const j = seed % (i + 1);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

function assertSameAsOneAtATime(text: string, anchors: readonly Anchor[], rootKeys?: readonly string[]): void {
  const one = new JsonLocator(text, rootKeys);
  const expected = anchors.map((anchor) => one.span(anchor));
  assert.deepStrictEqual(new JsonLocator(text, rootKeys).spans(anchors), expected);
}

describe('JsonLocator.spans (many anchors in one pass)', () => {
  it('has fixtures to compare on', () => assert.ok(jsonFixtures.length > 30, `${jsonFixtures.length} fixtures`));

  for (const name of jsonFixtures) {
    it(`gives span()'s answer for every path of ${name}, as written, compact and on one indented line per value`, () => {
      const written = readFixture(name);
      const root = JSON.parse(written);
      const anchors = shuffled(anchorsFor(root));
      for (const text of [written, JSON.stringify(root), JSON.stringify(root, null, '\t')]) {
        assertSameAsOneAtATime(text, anchors, Object.keys(root));
        assertSameAsOneAtATime(text, anchors);
      }
    });
  }

  it('resolves every finding of every fixture as resolve() does one at a time', () => {
    for (const name of fixtureNames) {
      const text = readFixture(name);
      const validation = validateText(text);
      if (!validation.model) continue;
      const root = validation.model.root as Record<string, unknown>;
      const one = new JsonLocator(text, Object.keys(root));
      const findings = rules.flatMap((rule) => rule(validation.model!, {}));
      assert.deepStrictEqual(validation.findings, findings.map((finding) => resolve(finding, one)), name);
      assert.deepStrictEqual(resolveAll(findings, new JsonLocator(text)), validation.findings, name);
    }
  });

  it('finds related places with the findings (one pass) exactly as on their first read, for every fixture and the realistic flows', () => {
    const realistic = path.resolve(fixtures, '../realistic');
    const files = [
      ...fixtureNames.map((name) => path.join(fixtures, name)),
      ...fs.readdirSync(realistic).filter((name) => name.endsWith('.json') && name !== 'expected.json').map((name) => path.join(realistic, name)),
    ];
    let related = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const eager = validateText(text, {}, 'withFindings').findings;
      assert.deepStrictEqual(eager, validateText(text, {}, 'whenRead').findings, file);
      related += eager.reduce((sum, finding) => sum + finding.related.length, 0);
    }
    assert.ok(related > 0, 'no related place was compared');
  });

  it('points into the first of duplicate keys below the root, as find() does, and at the root member JSON.parse kept', () => {
    const text = '{"a": {"k": {"x": 1}, "k": {"x": 2}}, "b": 1, "b": {"y": [5, 6]}}';
    const anchors: Anchor[] = [
      { path: ['a', 'k', 'x'] }, { path: ['a', 'k'], part: 'key' }, { path: ['b', 'y', 1] }, { path: ['b'] }, { path: ['a'] },
    ];
    assertSameAsOneAtATime(text, anchors, Object.keys(JSON.parse(text)));
    assertSameAsOneAtATime(text, anchors);
    const spans = new JsonLocator(text).spans([{ path: ['a', 'k', 'x'] }]);
    assert.strictEqual(text.slice(spans[0].startOffset, spans[0].endOffset), '1');
  });

  it('reads escaped member names, strings full of brackets and a root that is an array', () => {
    const text = JSON.stringify([{ 'q"uote': { 'back\\slash': '{[}]"', 'é\u2028': [[], {}, '\\'] } }, '}]']);
    const root = JSON.parse(text);
    assertSameAsOneAtATime(text, shuffled(anchorsFor(root)));
    const [span] = new JsonLocator(text).spans([{ path: [0, 'q"uote', 'é\u2028', 2] }]);
    assert.strictEqual(text.slice(span.startOffset, span.endOffset), '"\\\\"');
  });

  it('follows a path 3,000 levels deep', () => {
    const depth = 3000;
    const text = '{"g":'.repeat(depth) + '{"name": "deep"}' + '}'.repeat(depth);
    const deepPath: JsonPath = [...Array(depth).fill('g'), 'name'];
    const [span] = new JsonLocator(text).spans([{ path: deepPath }]);
    assert.strictEqual(text.slice(span.startOffset, span.endOffset), '"deep"');
    assertSameAsOneAtATime(text, [{ path: deepPath }, { path: deepPath.slice(0, 10) }, { path: [...deepPath, 'absent'] }]);
  });

  it('gives the same positions across many lines, also for anchors that share an offset', () => {
    const root = { items: Array.from({ length: 500 }, (_, i) => ({ name: `item ${i}`, tags: ['a', 'b'] })) };
    const text = JSON.stringify(root, null, 2);
    const anchors = shuffled([...anchorsFor(root), { path: ['items', 499, 'name'] }, { path: ['items', 499, 'name'] }]);
    assertSameAsOneAtATime(text, anchors, Object.keys(root));
  });

  it('answers an empty list with none', () => {
    assert.deepStrictEqual(new JsonLocator('{}').spans([]), []);
  });
});
