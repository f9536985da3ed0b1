// Reads an INI file the way cdpcli's configparser would see it, with the `ini` package.
import { readFileSync } from 'node:fs';
import { decode } from 'ini';
import { CatalogError } from './types';

export type IniSections = Record<string, Record<string, string>>;

/**
 * configparser continues a value on indented lines, and allows dots in section names; the `ini`
 * package does neither, so continuation lines are joined with a literal "\n" (which the key
 * reader turns back into line breaks) and dots in section names are escaped.
 */
function prepare(text: string): string {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (/^[ \t]+\S/.test(line) && out.length > 0 && /=/.test(out[out.length - 1]) && !/^\s*[;#[]/.test(line)) {
      out[out.length - 1] += `\\n${line.trim()}`;
    } else {
      out.push(line.replace(/^\s*\[([^\]]*)\]\s*$/, (_m, name: string) => `[${name.trim().replace(/\./g, '\\.')}]`));
    }
  }
  return out.join('\n');
}

export function parseIni(text: string): IniSections {
  const decoded = decode(prepare(text)) as Record<string, unknown>;
  const sections: IniSections = {};
  for (const [section, body] of Object.entries(decoded)) {
    if (!body || typeof body !== 'object' || Array.isArray(body)) continue;
    const values: Record<string, string> = {};
    for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
      if (value === true || value === null || typeof value === 'object') continue;
      values[key.trim().toLowerCase()] = String(value).trim();
    }
    sections[section.trim()] = values;
  }
  return sections;
}

/** The sections of a file, or undefined when it does not exist. */
export function readIniFile(path: string, displayPath: string): IniSections | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new CatalogError('credentials', `Cannot read ${displayPath} (${code ?? 'unknown error'}). Check the file's permissions.`);
  }
  return parseIni(text);
}
