// Reads an INI file as cdpcli does: Python's configparser.RawConfigParser with its defaults, as
// cdpcli/configloader.py raw_config_parse uses it. That means: `key = value` and `key: value`
// (the first `=` or `:` splits), keys lower-cased, no inline comments (`;` and `#` inside a value
// are kept), whole-line comments starting with `#` or `;`, values continued on more-indented lines
// (joined with line breaks), [DEFAULT] values shared by every section, and a file with a
// duplicate section or key, a key before any section or a line that is neither is refused.
import { readFileSync } from 'node:fs';
import { CatalogError } from './types';

export type IniSections = Record<string, Record<string, string>>;

export class IniSyntaxError extends Error {
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(`line ${line}: ${reason}`);
  }
}

const SECTION = /^\[(.+)\]/;
const OPTION = /^(.*?)\s*[=:]\s*(.*)$/;
const DEFAULT_SECTION = 'DEFAULT';

/** The sections of the text and their values; throws IniSyntaxError where configparser would refuse it. */
export function parseIni(text: string): IniSections {
  const sections = new Map<string, Map<string, string[]>>();
  const defaults = new Map<string, string[]>();
  let current: Map<string, string[]> | undefined;
  let option: string | undefined;
  let indentLevel = 0;
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((line, index) => {
    const number = index + 1;
    const stripped = line.trim();
    const isComment = stripped.startsWith('#') || stripped.startsWith(';');
    if (isComment || stripped === '') {
      // An empty line inside a value is kept (and trailing ones dropped at the end); a comment is not.
      if (!isComment && current && option) current.get(option)?.push('');
      return;
    }
    const indent = line.length - line.trimStart().length;
    if (current && option && indent > indentLevel) {
      current.get(option)?.push(stripped);
      return;
    }
    indentLevel = indent;
    const header = SECTION.exec(stripped);
    if (header) {
      const name = header[1];
      if (name === DEFAULT_SECTION) {
        current = defaults;
      } else {
        if (sections.has(name)) throw new IniSyntaxError(number, `section [${name}] appears twice`);
        current = new Map();
        sections.set(name, current);
      }
      option = undefined;
      return;
    }
    if (!current) throw new IniSyntaxError(number, 'a setting comes before any [section] header');
    const match = OPTION.exec(stripped);
    if (!match || match[1] === '') throw new IniSyntaxError(number, 'the line is neither a [section] nor a "name = value" setting');
    const key = match[1].trimEnd().toLowerCase();
    if (current.has(key)) throw new IniSyntaxError(number, `"${key}" is set twice in one section`);
    current.set(key, [match[2].trim()]);
    option = key;
  });
  const joined = (values: Map<string, string[]>): Record<string, string> =>
    Object.fromEntries([...values].map(([key, parts]) => [key, parts.join('\n').trimEnd()]));
  const shared = joined(defaults);
  const result: IniSections = {};
  for (const [name, values] of sections) result[name] = { ...shared, ...joined(values) };
  return result;
}

/** The sections of a file, or undefined when it does not exist. */
export function readIniFile(path: string, displayPath: string): IniSections | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return undefined;
    throw new CatalogError('credentials', `Cannot read ${displayPath} (${code ?? 'unknown error'}). Check the file's permissions.`);
  }
  try {
    return parseIni(text);
  } catch (error) {
    if (!(error instanceof IniSyntaxError)) throw error;
    // The line number, never the line: it may hold a private key.
    throw new CatalogError('credentials', `${displayPath} cannot be read as cdp does (${error.message}). Fix that line, or run "cdp configure" again.`);
  }
}
