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

const THEMES = path.join(VSCODE, 'extensions/theme-defaults/themes');

const PARAMETER_NAME = 'variable.other.constant.parameter.dff';
const EXPRESSION = 'meta.template.expression.expression-language.dff';

interface Token { text: string; scopes: string[] }
type Tokenize = (line: string) => Token[];
/** Each token's text and the foreground colour the theme gives it. */
type Colorize = (line: string) => { text: string; color: string }[];

interface ThemeRule { scope?: string | string[]; settings: Record<string, string> }

/** A theme's token colours, following its "include" chain (the included theme's rules come first). */
function themeRules(file: string): ThemeRule[] {
  const theme = JSON.parse(readFileSync(path.join(THEMES, file), 'utf8')) as { include?: string; tokenColors?: ThemeRule[] };
  return [...(theme.include ? themeRules(theme.include) : []), ...(theme.tokenColors ?? [])];
}

/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */
async function loadRegistry(themeFile?: string): Promise<{ textmate: any; registry: any }> {
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
    theme: themeFile ? { name: themeFile, settings: themeRules(themeFile) } : undefined,
  });
  return { textmate, registry };
}

async function loadTokenizer(): Promise<Tokenize> {
  const { textmate, registry } = await loadRegistry();
  const grammar = await registry.loadGrammar('source.json');
  return (line) => grammar.tokenizeLine(line, textmate.INITIAL).tokens.map((token: any) => ({
    text: line.slice(token.startIndex, token.endIndex),
    scopes: token.scopes,
  }));
}

async function loadColorizer(themeFile: string): Promise<Colorize> {
  const { textmate, registry } = await loadRegistry(themeFile);
  const grammar = await registry.loadGrammar('source.json');
  const colors: string[] = registry.getColorMap();
  return (line) => {
    // Pairs of (start index, encoded attributes); bits 15-23 of the attributes are the foreground's index in the color map.
    const encoded: Uint32Array = grammar.tokenizeLine2(line, textmate.INITIAL).tokens;
    const tokens: { text: string; color: string }[] = [];
    for (let i = 0; i < encoded.length; i += 2) {
      const end = i + 2 < encoded.length ? encoded[i + 2] : line.length;
      tokens.push({ text: line.slice(encoded[i], end), color: colors[(encoded[i + 1] & 0xff8000) >>> 15].toUpperCase() });
    }
    return tokens;
  };
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

  it('marks #{name} and #{\'quoted name\'} in a string value as parameters, scoped as template expressions', () => {
    const tokens = tokenize('{ "Bucket" : "s3://#{Bucket_Name}/#{\'key prefix\'}" }');
    assert.ok(scopesOf(tokens, 'Bucket_Name').includes(PARAMETER_NAME));
    assert.ok(scopesOf(tokens, 'key prefix').includes(PARAMETER_NAME));
    assert.ok(scopesOf(tokens, 'Bucket_Name').includes('string.quoted.double.json'));
    assert.ok(scopesOf(tokens, 'Bucket_Name').includes('meta.template.expression.parameter-reference.dff'));
    assert.ok(scopesOf(tokens, '#{').includes('punctuation.definition.template-expression.begin.parameter-reference.dff'));
    assert.ok(scopesOf(tokens, '}').includes('punctuation.definition.template-expression.end.parameter-reference.dff'));
  });

  for (const theme of ['light_modern.json', 'dark_modern.json']) {
    it(`colours #{…} and \${…} apart from the string around them in ${theme}`, async () => {
      const colorize = await loadColorizer(theme);
      const line = '{ "Object Key" : "in/#{Prefix}/${filename}" }';
      const tokens = colorize(line);
      // The colour of the first character of `text` (tokens of one colour are merged).
      const colorOf = (text: string): string => {
        const at = line.indexOf(text);
        let start = 0;
        for (const token of tokens) {
          if (at < start + token.text.length) return token.color;
          start += token.text.length;
        }
        return assert.fail(`"${text}" is not in the line`);
      };
      const string = colorOf('in/');
      for (const part of ['#{', 'Prefix', '${', 'filename']) assert.notEqual(colorOf(part), string, `"${part}" looks like the string around it`);
      assert.notEqual(colorOf('Prefix'), colorOf('#{'), 'the parameter name stands out from its braces');
    });
  }

  it('leaves property names and escaped ##{x} alone', () => {
    const key = tokenize('{ "#{NotAParameter}" : "plain" }');
    assert.ok(!key.some((token) => token.scopes.includes(PARAMETER_NAME)));
    const escaped = tokenize('{ "a" : "##{literal} and ###{real}" }');
    const parameters = escaped.filter((token) => token.scopes.includes(PARAMETER_NAME)).map((token) => token.text);
    assert.deepEqual(parameters, ['real']);
  });

  it('marks ${...} expression language as embedded, with its attribute and functions, nested', () => {
    const tokens = tokenize('{ "Object Key" : "${s3.key:urlDecode():equals(${other})} #{Prefix}" }');
    assert.ok(scopesOf(tokens, 's3.key').includes('variable.other.attribute.dff'));
    assert.ok(scopesOf(tokens, 'urlDecode').includes('support.function.expression.dff'));
    assert.ok(scopesOf(tokens, 'other').includes(EXPRESSION));
    assert.ok(!scopesOf(tokens, 'Prefix').includes(EXPRESSION), 'the expression ended at its brace');
  });

  it('ends an unclosed expression with its string', () => {
    const tokens = tokenize('{ "a" : "${open", "b" : "x" }');
    assert.ok(scopesOf(tokens, 'b').includes('support.type.property-name.json'));
  });
});
