// The edges of reading references in a property with Expression Language: nested expressions, a
// stray "}", escapes and unclosed tokens after an expression, adjacent references inside one, the
// whitespace an expression allows around a name; and NiFi 1.x quotes anywhere in the value.
import * as assert from 'assert';
import { readReferences, type ReferenceSyntax } from '../../../src/core/flow/rules/propertyReferences';

const NIFI1: ReferenceSyntax = { version: 1 };
const NIFI2: ReferenceSyntax = { version: 2 };

/** name, the referenced text and the reader of each reference in a property value. */
function read(value: string, syntax: ReferenceSyntax = NIFI2): [string, string, string][] {
  return readReferences(value, syntax, true).map((reference) => [reference.name, value.slice(reference.start, reference.start + reference.length), reference.reader]);
}

describe('parameter references at the edges of Expression Language', () => {
  it('reads the references of an expression that holds another expression', () => {
    assert.deepStrictEqual(read('${#{a}:append(${b})}'), [['a', '#{a}', 'expression']]);
    assert.deepStrictEqual(read('${x:append(${#{b}})}:#{c}'), [['b', '#{b}', 'expression'], ['c', '#{c}', 'parameter']]);
  });

  it('reads an expression after a stray "}" as an expression', () => {
    assert.deepStrictEqual(read("}${'#{x}'}"), []);
    assert.deepStrictEqual(read('} ${#{x}}'), [['x', '#{x}', 'expression']]);
  });

  it('reads escapes, unclosed and unreadable tokens after an expression as the parameter parser does', () => {
    assert.deepStrictEqual(read('${x} #{a} ###{b} ##{c}'), [['a', '#{a}', 'parameter'], ['b', '#{b}', 'parameter']]);
    assert.deepStrictEqual(read('${x} ##{a}'), []);
    assert.deepStrictEqual(read('${x} ##{unclosed'), []);
    assert.deepStrictEqual(read('${x} #{unclosed'), []);
    assert.deepStrictEqual(read("${x}#{'a}"), [], 'an unclosed quote is no token in NiFi 2.x');
  });

  it('reads no reference from a "#" that does not open one inside an expression', () => {
    assert.deepStrictEqual(read('${a:plus(#5)}'), []);
    assert.deepStrictEqual(read('${a:equals("#")}'), []);
  });

  it('reads references written one after the other inside an expression', () => {
    assert.deepStrictEqual(read('${#{a}#{b}}'), [['a', '#{a}', 'expression'], ['b', '#{b}', 'expression']]);
  });

  it('trims spaces, tabs and line breaks around a bare name inside an expression', () => {
    assert.deepStrictEqual(read('${#{ a }}'), [['a', '#{ a }', 'expression']]);
    assert.deepStrictEqual(read('${#{\t\r\na\t\r\n}}'), [['a', '#{\t\r\na\t\r\n}', 'expression']]);
    assert.deepStrictEqual(read("${#{\t'a b'\n}}"), [['a b', "#{\t'a b'\n}", 'expression']]);
  });

  it('reads quotes as part of the name in NiFi 1.x wherever the first quote of the value is', () => {
    assert.deepStrictEqual(read("x'#{'b'}", NIFI1), [["'b'", "#{'b'}", 'parameter']]);
    assert.deepStrictEqual(read("x'#{'b'}", NIFI2), [['b', "#{'b'}", 'parameter']]);
  });
});
