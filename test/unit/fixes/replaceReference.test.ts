import * as assert from 'assert';
import type { FixSpec } from '../../../src/core/flow/finding';
import { computeFix } from '../../../src/core/flow/fixes';
import { validateText } from '../../../src/core/flow/validate';
import { modelOf, readFixture, runFix } from './fixHelpers';

const original = readFixture('reference-typos-jackson.json');

/** The text with a processor bundle of that Apache NiFi version, so the file says which NiFi wrote it. */
function withBundle(text: string, version: string): string {
  const changed = text.replace('"properties" : {', `"bundle" : { "group" : "org.apache.nifi", "artifact" : "nifi-aws-nar", "version" : "${version}" },\n      "properties" : {`);
  assert.notStrictEqual(changed, text);
  return changed;
}

function replace(property: string, parameterName: string, newName: string, occurrence = 0): Extract<FixSpec, { kind: 'replaceReference' }> {
  return { kind: 'replaceReference', componentId: 'p-send', property, parameterName, occurrence, newName };
}

describe('replaceReference fix', () => {
  it('rewrites only the reference it names, keeping the rest of the value and its escapes', () => {
    const { json, edits, text } = runFix(original, replace('Queue URL', 'QueueURL', 'QueueUrl'));
    assert.strictEqual(json.flowContents.processors[0].properties['Queue URL'], 'say "hi" to #{QueueUrl}/#{QueueUrl}');
    assert.strictEqual(edits.length, 1);
    assert.strictEqual(original.slice(edits[0].offset, edits[0].offset + edits[0].length), '#{QueueURL}');
    assert.ok(text.includes('"say \\"hi\\" to #{QueueUrl}/'), 'the escaped quotes are written as they were');
  });

  it('tells apart two misspelt references in one value, each fixed by its own finding', () => {
    const twice = original.replace('#{QueueUrl}"', '#{QueueUrl}/#{QueueURL}"');
    const second = runFix(twice, replace('Queue URL', 'QueueURL', 'QueueUrl', 1));
    assert.strictEqual(second.json.flowContents.processors[0].properties['Queue URL'], 'say "hi" to #{QueueURL}/#{QueueUrl}/#{QueueUrl}');
    const remaining = validateText(second.text).findings.filter((finding) => finding.message.includes('"QueueURL"'));
    assert.strictEqual(remaining.length, 1);
    assert.deepStrictEqual(remaining[0].fixes![0], { ...replace('Queue URL', 'QueueURL', 'QueueUrl', 0), componentPath: ['flowContents', 'processors', 0] });
    const both = runFix(second.text, remaining[0].fixes![0]);
    assert.strictEqual(both.json.flowContents.processors[0].properties['Queue URL'], 'say "hi" to #{QueueUrl}/#{QueueUrl}/#{QueueUrl}');
  });

  it('fixes both of two identical typos in one value, whichever fix is applied first', () => {
    const twice = original.replace('#{QueueUrl}"', '#{QueueURL}"');
    const fixesOf = (text: string) => validateText(text).findings
      .filter((finding) => finding.message.includes('"QueueURL"'))
      .map((finding) => finding.fixes!.find((fix) => fix.kind === 'replaceReference')!);
    const [firstFix, secondFix] = fixesOf(twice);
    for (const [applied, later] of [[firstFix, secondFix], [secondFix, firstFix]]) {
      const once = runFix(twice, applied);
      // The other quick fix was offered before the first was applied, and is picked from the same list.
      const both = runFix(once.text, later);
      assert.strictEqual(both.json.flowContents.processors[0].properties['Queue URL'], 'say "hi" to #{QueueUrl}/#{QueueUrl}');
      assert.deepStrictEqual(fixesOf(both.text), []);
    }
  });

  it('writes a name with spaces bare, which every NiFi version reads, and keeps a quoted reference quoted only for NiFi 2.x', () => {
    const spaced = original.replace('"name" : "region"', '"name" : "the region"');
    const { json } = runFix(spaced, replace('Region', 'Regoin', 'the region'));
    assert.strictEqual(json.flowContents.processors[0].properties.Region, '#{the region}');
    const quoted = spaced.replace('"#{Regoin}"', '"#{\'Regoin\'}"');
    assert.notStrictEqual(quoted, spaced, 'the fixture holds "#{Regoin}"');
    const { json: fromQuoted } = runFix(quoted, replace('Region', 'Regoin', 'the region'));
    assert.strictEqual(fromQuoted.flowContents.processors[0].properties.Region, '#{the region}', 'the file does not say which NiFi wrote it');
    const nifi2 = withBundle(quoted, '2.0.0');
    const { json: fromNiFi2 } = runFix(nifi2, replace('Region', 'Regoin', 'the region'));
    assert.strictEqual(fromNiFi2.flowContents.processors[0].properties.Region, "#{'the region'}");
  });

  it('in a NiFi 1.x file, reads a quoted name with its quotes and writes the reference bare, as NiFi 1.x reads it', () => {
    const quoted = withBundle(original.replace('"#{Regoin}"', '"#{\'region\'}"'), '1.23.2');
    const finding = validateText(quoted).findings.find((item) => item.message.includes("\"'region'\""))!;
    assert.ok(finding, 'NiFi 1.x reads #{\'region\'} as a parameter named \'region\', which is undefined');
    const fix = finding.fixes!.find((item) => item.kind === 'replaceReference')!;
    assert.deepStrictEqual(fix, { ...replace('Region', "'region'", 'region'), componentPath: ['flowContents', 'processors', 0] });
    const { json, text } = runFix(quoted, fix);
    assert.strictEqual(json.flowContents.processors[0].properties.Region, '#{region}');
    assert.deepStrictEqual(validateText(text).findings.filter((item) => item.code === 'parameter-undefined' && item.message.includes('region')), []);
  });

  it('rewrites a reference inside an expression in the expression\'s own form, and never one in its string literals', () => {
    const el = withBundle(original.replace('"#{Regoin}"', '"${#{\\"Regoin\\"}:append(\'#{Regoin}\')}"'), '2.0.0');
    const { json } = runFix(el, replace('Region', 'Regoin', 'region'));
    assert.strictEqual(json.flowContents.processors[0].properties.Region, '${#{"region"}:append(\'#{Regoin}\')}');
  });

  it('does nothing once the old name is defined or when the new one is not', () => {
    const defined = original.replace('"name" : "regions"', '"name" : "Regoin"');
    assert.deepStrictEqual(computeFix(defined, modelOf(defined), replace('Region', 'Regoin', 'Region')), []);
    assert.deepStrictEqual(computeFix(original, modelOf(original), replace('Region', 'Regoin', 'Rgion')), []);
    assert.deepStrictEqual(computeFix(original, modelOf(original), { ...replace('Region', 'Regoin', 'Region'), componentId: 'gone' }), []);
  });
});
