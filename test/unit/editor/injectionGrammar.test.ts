// The TextMate injection, tokenized with the same engine and JSON grammar as VS Code. Both come
// with the test host (scripts/install-test-host.sh). CI installs it before the tests, so there a
// missing host fails the suite; on a developer's machine without it the suite is skipped, loudly.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './samples';

const VSCODE = path.join(REPO_ROOT, '.vscode-test/code-server/node_modules/code-server/lib/vscode');
const INJECTION = path.join(REPO_ROOT, 'syntaxes/parameter-reference.injection.json');
const JSON_GRAMMAR = path.join(VSCODE, 'extensions/json/syntaxes/JSON.tmLanguage.json');

interface Token { text: string; scopes: string[] }
type Tokenize = (line: string) => Token[];

/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */
async function loadTokenizer(): Promise<Tokenize> {
  const textmate = require(path.join(VSCODE, 'node_modules/vscode-textmate')) as any;
  const oniguruma = require(path.join(VSCODE, 'node_modules/vscode-oniguruma')) as any;
  const wasm = readFileSync(path.join(VSCODE, 'node_modules/vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const grammars: Record<string, string> = { 'source.json': JSON_GRAMMAR, 'dff.parameter-reference.injection': INJECTION };
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName: string) => {
      const file = grammars[scopeName];
      return file ? textmate.parseRawGrammar(readFileSync(file, 'utf8'), file) : null;
    },
    // As package.json's "injectTo" does.
    getInjections: (scopeName: string) => (scopeName === 'source.json' ? ['dff.parameter-reference.injection'] : []),
  });
  const grammar = await registry.loadGrammar('source.json');
  return (line) => grammar.tokenizeLine(line, textmate.INITIAL).tokens.map((token: any) => ({
    text: line.slice(token.startIndex, token.endIndex),
    scopes: token.scopes,
  }));
}
/* eslint-enable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */

function scopesOf(tokens: Token[], text: string): string[] {
  const token = tokens.find((item) => item.text === text);
  assert.ok(token, `no token "${text}" in ${JSON.stringify(tokens.map((item) => item.text))}`);
  return token.scopes;
}

describe('editor: parameter reference injection grammar', function () {
  let tokenize: Tokenize;

  before(async function () {
    if (!existsSync(JSON_GRAMMAR)) {
      const missing = `VS Code's JSON grammar and TextMate engine are missing (${path.relative(REPO_ROOT, JSON_GRAMMAR)}): install the test host with "bash scripts/install-test-host.sh"`;
      assert.ok(!process.env.CI, `${missing}. CI installs it before the tests, so this is a broken CI set-up.`);
      console.warn(`\n    !!! SKIPPED: the injection grammar is NOT tested. ${missing}.\n`);
      this.skip();
    }
    tokenize = await loadTokenizer();
  });

  it('marks #{name} and #{\'quoted name\'} in a string value as parameters', () => {
    const tokens = tokenize('{ "Bucket" : "s3://#{Bucket_Name}/#{\'key prefix\'}" }');
    assert.ok(scopesOf(tokens, 'Bucket_Name').includes('variable.parameter.dff'));
    assert.ok(scopesOf(tokens, 'key prefix').includes('variable.parameter.dff'));
    assert.ok(scopesOf(tokens, 'Bucket_Name').includes('string.quoted.double.json'));
  });

  it('leaves property names and escaped ##{x} alone', () => {
    const key = tokenize('{ "#{NotAParameter}" : "plain" }');
    assert.ok(!key.some((token) => token.scopes.includes('variable.parameter.dff')));
    const escaped = tokenize('{ "a" : "##{literal} and ###{real}" }');
    const parameters = escaped.filter((token) => token.scopes.includes('variable.parameter.dff')).map((token) => token.text);
    assert.deepEqual(parameters, ['real']);
  });

  it('marks ${...} expression language as embedded, with its attribute and functions, nested', () => {
    const tokens = tokenize('{ "Object Key" : "${s3.key:urlDecode():equals(${other})} #{Prefix}" }');
    assert.ok(scopesOf(tokens, 's3.key').includes('variable.other.attribute.dff'));
    assert.ok(scopesOf(tokens, 'urlDecode').includes('support.function.expression.dff'));
    assert.ok(scopesOf(tokens, 'other').includes('meta.embedded.expression.dff'));
    assert.ok(!scopesOf(tokens, 'Prefix').includes('meta.embedded.expression.dff'), 'the expression ended at its brace');
  });

  it('ends an unclosed expression with its string', () => {
    const tokens = tokenize('{ "a" : "${open", "b" : "x" }');
    assert.ok(scopesOf(tokens, 'b').includes('support.type.property-name.json'));
  });
});
