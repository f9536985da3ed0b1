// Which zip the function's code was made from, kept in a function tag (dff:code-source) so a later
// deploy knows whether that zip changed without touching the function's Description, which belongs
// to the user. Lambda tag values: at most 256 characters of letters, digits, spaces and
// _ . : / = + - @ (Lambda developer guide, "Tag restrictions"); anything else in an S3 key is
// escaped, and a value that still does not fit is replaced by a hash of the whole source.
import { createHash } from 'node:crypto';
import type { DesiredDeployment } from './desired';
import type { CodeState, FunctionSnapshot } from './state';

export const CODE_SOURCE_TAG = 'dff:code-source';
export const TAG_VALUE_MAX_CHARACTERS = 256;

const PLAIN = /^[A-Za-z0-9_.:/+\-@]$/;

/**
 * Keeps ASCII letters, digits and _ . : / + - @; writes every other character as =XX per UTF-8 byte
 * (as quoted-printable does), '=' and spaces included, so the value reads back to one source only.
 */
export function escapeTagText(text: string): string {
  let escaped = '';
  for (const char of text) {
    if (PLAIN.test(char)) escaped += char;
    else for (const byte of Buffer.from(char, 'utf8')) escaped += `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return escaped;
}

export interface CodeSource {
  bucket: string;
  key: string;
  /** What identifies the object's content: its ETag (S3 code) or the zip's SHA-256 (local zip). */
  fingerprint: { kind: 'etag' | 'sha256'; value: string };
  versionId?: string;
}

/** The tag value for a code source: readable when it fits, else a hash of the whole source. */
export function codeSourceTagValue(source: CodeSource): string {
  const fingerprint = `${source.fingerprint.kind}=${escapeTagText(source.fingerprint.value)}`;
  const readable = `s3://${escapeTagText(source.bucket)}/${escapeTagText(source.key)} ${fingerprint}` +
    (source.versionId ? ` version=${escapeTagText(source.versionId)}` : '');
  if ([...readable].length <= TAG_VALUE_MAX_CHARACTERS) return readable;
  const digest = createHash('sha256')
    .update(JSON.stringify([source.bucket, source.key, source.fingerprint.kind, source.fingerprint.value, source.versionId ?? null]))
    .digest('hex');
  const hashed = `source-sha256=${digest} ${fingerprint}`;
  return hashed.length <= TAG_VALUE_MAX_CHARACTERS ? hashed : `source-sha256=${digest}`;
}

/** Where this deploy takes the code from; undefined while that is unknown (an S3 object or local zip not found). */
export function codeSourceOf(desired: DesiredDeployment, code: CodeState): CodeSource | undefined {
  if (desired.code.kind === 's3' && code.kind === 's3') {
    if (!code.found) return undefined;
    return {
      bucket: desired.code.bucket,
      key: desired.code.key,
      fingerprint: { kind: 'etag', value: code.etag?.replace(/"/g, '') ?? '' },
      ...(code.versionId ? { versionId: code.versionId } : {}),
    };
  }
  if (desired.code.kind === 'localZip' && code.kind === 'localZip' && code.found) {
    return { bucket: desired.code.bucket, key: code.key, fingerprint: { kind: 'sha256', value: code.sha256Hex } };
  }
  return undefined;
}

/** The dff:code-source value this deploy records; undefined when the source is not known. */
export function codeSourceTag(desired: DesiredDeployment, code: CodeState): string | undefined {
  const source = codeSourceOf(desired, code);
  return source && codeSourceTagValue(source);
}

/**
 * The mark deploys before the tag wrote at the end of the Description. Still recognised on a
 * function that has no dff:code-source tag yet, so upgrading does not update unchanged code.
 */
export function legacyDescriptionMark(source: CodeSource): string {
  return `code s3://${source.bucket}/${source.key} etag ${source.fingerprint.value}${source.versionId ? ` version ${source.versionId}` : ''}`;
}

/** Whether the function runs other code than this deploy's (or another architecture). */
export function codeChanged(desired: DesiredDeployment, code: CodeState, current: FunctionSnapshot): boolean {
  if (current.architecture !== desired.architecture) return true;
  if (code.kind === 'localZip') return current.codeSha256 !== code.sha256Base64;
  const recorded = current.tags?.[CODE_SOURCE_TAG];
  if (recorded !== undefined) return recorded !== codeSourceTag(desired, code);
  const source = codeSourceOf(desired, code);
  return !(source && (current.description ?? '').endsWith(legacyDescriptionMark(source)));
}
