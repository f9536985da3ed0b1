import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { flowTextForDisplay, formatLikeNiFi } from '../../../src/core/catalog/flowText';

// samples/ready-s3-to-sqs.json is laid out as NiFi writes a downloaded flow definition.
const repoRoot = resolve(__dirname, '..', '..', '..', '..');
const nifiSample = readFileSync(join(repoRoot, 'samples', 'ready-s3-to-sqs.json'), 'utf8');

describe('Flow text from the catalog', () => {
  it('lays out a minified flow byte for byte as NiFi wrote it', () => {
    const minified = JSON.stringify(JSON.parse(nifiSample));
    assert.equal(`${formatLikeNiFi(minified)}\n`, nifiSample);
    assert.equal(flowTextForDisplay(minified), nifiSample);
    assert.equal(flowTextForDisplay(`${minified}\n`), nifiSample, 'a final line break alone is no layout');
  });

  it('shows a multi-line flow exactly as the catalog stores it', () => {
    assert.equal(flowTextForDisplay(nifiSample), nifiSample);
    const otherLayout = `${JSON.stringify(JSON.parse(nifiSample), null, 4)}`;
    assert.equal(flowTextForDisplay(otherLayout), otherLayout);
  });

  it('writes empty containers, arrays of objects and nested arrays as Jackson does', () => {
    const text = '{"a":[],"b":{},"c":[{"x":1},{"y":[1,2,[]]}],"d":[[{"z":null}]],"e":{"f":{"g":true}}}';
    assert.equal(
      formatLikeNiFi(text),
      [
        '{',
        '  "a" : [ ],',
        '  "b" : { },',
        '  "c" : [ {',
        '    "x" : 1',
        '  }, {',
        '    "y" : [ 1, 2, [ ] ]',
        '  } ],',
        '  "d" : [ [ {',
        '    "z" : null',
        '  } ] ],',
        '  "e" : {',
        '    "f" : {',
        '      "g" : true',
        '    }',
        '  }',
        '}',
      ].join('\n'),
    );
    assert.equal(formatLikeNiFi('[]'), '[ ]');
    assert.equal(formatLikeNiFi('{}'), '{ }');
  });

  it('keeps numbers and strings exactly as written', () => {
    const text = '{"x":1234.0,"big":1.0E10,"s":"a \\"quoted\\" \\\\ {text}, [with] : marks\\\\","u":"\\u00e9"}';
    const formatted = formatLikeNiFi(text);
    assert.match(formatted, /"x" : 1234\.0,/);
    assert.match(formatted, /"big" : 1\.0E10,/);
    assert.ok(formatted.includes('"s" : "a \\"quoted\\" \\\\ {text}, [with] : marks\\\\",'), formatted);
    assert.ok(formatted.includes('"u" : "\\u00e9"'), formatted);
    assert.deepEqual(JSON.parse(formatted), JSON.parse(text));
  });

  it('leaves text that is not JSON as it is', () => {
    assert.equal(flowTextForDisplay('not json'), 'not json');
    assert.equal(flowTextForDisplay(''), '');
    assert.throws(() => formatLikeNiFi('{"a":'), SyntaxError);
  });
});
