import * as assert from 'assert';
import { readReferences, rewriteReference, type ReferenceSyntax } from '../../../src/core/flow/rules/propertyReferences';

const NIFI1: ReferenceSyntax = { version: 1 };
const NIFI2: ReferenceSyntax = { version: 2 };
const UNKNOWN: ReferenceSyntax = { version: undefined };

/** name, the referenced text, reader and quote of each reference. */
function read(value: string, syntax: ReferenceSyntax, expressionLanguage = true): [string, string, string, string][] {
  return readReferences(value, syntax, expressionLanguage).map((reference) => {
    assert.strictEqual(value.slice(reference.nameStart, reference.nameStart + reference.nameLength), reference.name, 'the name slice is the name');
    return [reference.name, value.slice(reference.start, reference.start + reference.length), reference.reader, reference.quote];
  });
}

describe('parameter references as the file\'s NiFi reads them', () => {
  it('reads a quoted name without its quotes for NiFi 2.x and for an unknown version, with them for NiFi 1.x', () => {
    const value = "#{'Kafka Topic'}-#{Kafka Topic}";
    const spaced: [string, string, string, string] = ['Kafka Topic', '#{Kafka Topic}', 'parameter', ''];
    assert.deepStrictEqual(read(value, NIFI2), [['Kafka Topic', "#{'Kafka Topic'}", 'parameter', "'"], spaced]);
    assert.deepStrictEqual(read(value, UNKNOWN), [['Kafka Topic', "#{'Kafka Topic'}", 'parameter', "'"], spaced]);
    assert.deepStrictEqual(read(value, NIFI1), [["'Kafka Topic'", "#{'Kafka Topic'}", 'parameter', ''], spaced]);
  });

  it('reads for NiFi 1.x a token NiFi 2.x refuses for its quotes, and for NiFi 2.x resumes inside it', () => {
    assert.deepStrictEqual(read("#{it's}", NIFI1), [["it's", "#{it's}", 'parameter', '']]);
    assert.deepStrictEqual(read("#{it's}", NIFI2), []);
  });

  it('reads no reference in an expression\'s string literal, and the expression\'s own references in any quotes', () => {
    assert.deepStrictEqual(read("${'#{db.host}'}", NIFI2), []);
    assert.deepStrictEqual(read('${"#{db.host}"}', NIFI2), []);
    assert.deepStrictEqual(read('${#{"db.host"}}', NIFI2), [['db.host', '#{"db.host"}', 'expression', '"']]);
    assert.deepStrictEqual(read("${#{'db host'}:toUpper()}", NIFI1), [['db host', "#{'db host'}", 'expression', "'"]]);
    assert.deepStrictEqual(read('${ #{ db.host } :append(\'#{x}\')}', NIFI2), [['db.host', '#{ db.host }', 'expression', '']]);
    // A literal's escaped quote does not end it.
    assert.deepStrictEqual(read("${x:append('it\\'s #{a}'):append(#{b})}", NIFI2), [['b', '#{b}', 'expression', '']]);
  });

  it('reads references before, between and after expressions as the parameter parser does', () => {
    assert.deepStrictEqual(read("#{a}/${'#{b}'}/#{c}${d}##{e}", NIFI2), [
      ['a', '#{a}', 'parameter', ''],
      ['c', '#{c}', 'parameter', ''],
    ]);
    // An escaped expression ($${...}) is text, so the parameter parser reads what is in it.
    assert.deepStrictEqual(read("$${'#{b}'}", NIFI2), [['b', '#{b}', 'parameter', '']]);
    // A third '#' before the brace: one escaped '#', then a reference.
    assert.deepStrictEqual(read('${x}###{f}', NIFI2), [['f', '#{f}', 'parameter', '']]);
  });

  it('reads string literals as text only where Expression Language is read: not in a run schedule', () => {
    assert.deepStrictEqual(read("${'#{POLL}'}", NIFI2, false), [['POLL', '#{POLL}', 'parameter', '']]);
  });

  it('reads nothing from an unclosed expression reference or an empty one', () => {
    assert.deepStrictEqual(read('${#{"db.host}', NIFI2), []);
    assert.deepStrictEqual(read('${#{ }}', NIFI2), []);
    assert.deepStrictEqual(read('${#{"a" b}}', NIFI2), []);
  });

  it('rewrites a reference in a form the file\'s NiFi reads alike', () => {
    const [quoted, bare] = readReferences("#{'a b'}#{a}", NIFI2, true);
    assert.strictEqual(rewriteReference(quoted, 'new name', NIFI2), "#{'new name'}");
    assert.strictEqual(rewriteReference(quoted, 'new name', UNKNOWN), '#{new name}');
    assert.strictEqual(rewriteReference(bare, 'new name', NIFI2), '#{new name}');
    const [expression, doubleQuoted] = readReferences('${#{a}:append(#{"b"})}', NIFI1, true);
    assert.strictEqual(rewriteReference(expression, 'db.host', NIFI1), '#{db.host}');
    assert.strictEqual(rewriteReference(expression, 'db host', NIFI1), "#{'db host'}", 'a bare name with a space would not parse in an expression');
    assert.strictEqual(rewriteReference(doubleQuoted, 'db host', NIFI1), '#{"db host"}');
  });
});
