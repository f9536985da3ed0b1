/**
 * A file's bytes as the text editors show: UTF-8 without a byte-order mark. JSON.parse refuses a
 * leading BOM, and finding positions count from after it.
 */
export function decodeFileText(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
