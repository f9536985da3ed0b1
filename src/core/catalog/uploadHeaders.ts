// The metadata headers of the upload step, as cdpcli/extensions/df/__init__.py DfExtension builds
// them: each value URI-encoded with Python's urllib.parse.quote, absent ones left out, and the tags
// as '{ "tags": ' + json.dumps(tags) + '}' (DfExtension._get_tags_as_json).
import type { FlowVersionTag } from './types';

/** urllib.parse.quote with its default safe "/": encodeURIComponent, with "/" kept and !'()* encoded. */
export function pythonQuote(value: string): string {
  return encodeURIComponent(value)
    .replace(/%2F/g, '/')
    .replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Python's json.dumps: ", " and ": " separators, non-ASCII escaped as \uXXXX. */
function pythonJsonValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pythonJsonValue).join(', ')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.entries(value)
      .filter(([, member]) => member !== undefined)
      .map(([name, member]) => `${pythonJsonValue(name)}: ${pythonJsonValue(member)}`)
      .join(', ')}}`;
  }
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The Flow-Definition-Tags value before encoding, or undefined without tags. */
export function tagsHeaderJson(tags: readonly FlowVersionTag[] | undefined): string | undefined {
  if (!tags?.length) return undefined;
  return `{ "tags": ${pythonJsonValue(tags.map((tag) => ({ tagName: tag.tagName, ...(tag.tagColor ? { tagColor: tag.tagColor } : {}) })))}}`;
}

export function uploadHeaders(values: Record<string, string | undefined>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && value !== '') headers[name] = pythonQuote(value);
  }
  return headers;
}
