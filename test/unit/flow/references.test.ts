// The reference parser against the cases of NiFi's own parser tests (TestExpressionLanguageAgnosticParameterParser)
// and the rules of AbstractParameterParser: names run to the next '}', '##' escapes, quoted names.
import * as assert from 'assert';
import { findReferences, isNiFiParameterName, referenceText } from '../../../src/core/flow/references';

/** [name, reference text] of each reference in value. */
function read(value: string): [string, string][] {
  return findReferences(value).map((reference) => [reference.name, value.slice(reference.start, reference.start + reference.length)]);
}

describe('parameter reference parser (as NiFi reads references)', () => {
  it('reads plain references with their offsets, as NiFi\'s tests do', () => {
    assert.deepStrictEqual(findReferences('/#{foo}/#{bar}#{baz}').map((reference) => [reference.name, reference.start, reference.start + reference.length - 1]), [
      ['foo', 1, 6], ['bar', 8, 13], ['baz', 14, 19],
    ]);
  });

  it('takes everything up to the next } as the name, spaces and other characters included', () => {
    assert.deepStrictEqual(read('#{Kafka Broker Endpoint}'), [['Kafka Broker Endpoint', '#{Kafka Broker Endpoint}']]);
    assert.deepStrictEqual(read('#{ padded }'), [[' padded ', '#{ padded }']]);
    assert.deepStrictEqual(read('#{abc/data}'), [['abc/data', '#{abc/data}']], 'NiFi reads it, then refuses the name');
    assert.deepStrictEqual(read('#{a{b}c}'), [['a{b', '#{a{b}']]);
    assert.deepStrictEqual(read('#{#{x}}'), [['#{x', '#{#{x}']], 'a reference never nests');
    assert.deepStrictEqual(read('#{}'), [['', '#{}']], 'an empty name is a reference NiFi cannot resolve');
    const [reference] = findReferences('x #{Kafka Topic} y');
    assert.deepStrictEqual([reference.nameStart, reference.nameLength, reference.quoted], [4, 11, false]);
  });

  it('reads escapes: an even run of # is literal text, an odd run ends in a reference', () => {
    assert.deepStrictEqual(read('##{foo}'), []);
    assert.deepStrictEqual(read('###{foo}'), [['foo', '#{foo}']]);
    assert.deepStrictEqual(findReferences('###{foo}')[0].start, 2);
    assert.deepStrictEqual(read('####{foo}'), []);
    assert.deepStrictEqual(read('#####{foo}'), [['foo', '#{foo}']]);
    assert.deepStrictEqual(findReferences('#####{foo}')[0].start, 4);
  });

  it('skips what an escape covers, up to its }', () => {
    // NiFi resumes after the escape's '}': the #{x} inside is part of the literal text.
    assert.deepStrictEqual(read('##{#{x}}'), []);
    assert.deepStrictEqual(read('##{a #{b}'), []);
    assert.deepStrictEqual(read('##{a} #{b}'), [['b', '#{b}']], 'one escaped, one read');
  });

  it('finds nothing in NiFi\'s non-references', () => {
    for (const value of ['#foo', 'Some text #{blah foo', '#foo}', '#}foo{', '#f{oo}', '#', '##', '###', '####', '#####', '#{', '##{', '###{', '{x}', '']) {
      assert.deepStrictEqual(findReferences(value), [], value);
    }
  });

  it('reads references inside expression language as the agnostic parser does', () => {
    assert.deepStrictEqual(read('#{hello}${#{hello}:toUpper()}#{hello}').map(([name]) => name), ['hello', 'hello', 'hello']);
    assert.deepStrictEqual(read('${#{hello}:append(#{there})}').map(([name]) => name), ['hello', 'there']);
  });

  it('reads a name wrapped in single quotes without them, and nothing when quotes are anywhere else', () => {
    const [quoted] = findReferences("a #{'Kafka Topic'} b");
    assert.deepStrictEqual([quoted.name, quoted.start, quoted.length, quoted.nameStart, quoted.nameLength, quoted.quoted],
      ['Kafka Topic', 2, 16, 5, 11, true]);
    assert.deepStrictEqual(read("#{''}"), [['', "#{''}"]]);
    assert.deepStrictEqual(read("#{'}"), []);
    assert.deepStrictEqual(read("#{a'b}"), []);
    assert.deepStrictEqual(read("#{'a'b'}"), []);
    assert.deepStrictEqual(read("#{'ab}"), []);
    // NiFi resumes after the '{' of a token it refused: a later reference is still read.
    assert.deepStrictEqual(read("#{it's} #{ok}"), [['ok', '#{ok}']]);
    // One good and one bad quoted reference in the same value.
    assert.deepStrictEqual(read("#{'good one'}/#{'bad'one'}"), [['good one', "#{'good one'}"]]);
  });

  it('knows NiFi\'s parameter name characters, one of each kind at a time', () => {
    for (const good of ['a', 'Kafka Topic', 'db.host', 'my_param', 'x-y', '0']) assert.ok(isNiFiParameterName(good), good);
    for (const bad of ['', '"db.host"', "'x'", 'a/b', 'a:b', 'tab\there']) assert.ok(!isNiFiParameterName(bad), bad);
  });

  it('writes references bare, a form every NiFi version reads the same way', () => {
    assert.strictEqual(referenceText('Kafka Topic'), '#{Kafka Topic}');
    assert.deepStrictEqual(read(referenceText('Kafka Topic')), [['Kafka Topic', '#{Kafka Topic}']]);
  });

  it('reads a long value of many references in linear time', () => {
    const value = '#{a b} '.repeat(200_000);
    const started = Date.now();
    assert.strictEqual(findReferences(value).length, 200_000);
    const escapes = '##{'.repeat(100_000);
    assert.deepStrictEqual(findReferences(escapes), [], 'no } follows: nothing, without rescanning');
    assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
  });
});
