// Lambda's tags: TagResource, UntagResource and ListTags under /2017-03-31/tags/{ARN}, and the checks
// CreateFunction's Tags share. Only a function is taggable: a version or alias ARN is refused
// ("In AWS Lambda the only resource that can be tagged is a function", Lambda developer guide).
// Limits from that guide's "Tag restrictions": 50 tags, key 1..128 and value 0..256 characters,
// no aws: prefix, letters, digits, spaces and _ . : / = + - @.
import type { FakeAwsWorld } from './protocol';
import { functionArn, invalidParameter, notFound, validationError, type StoredFunction } from './lambdaModel';

export const TAGS_PREFIX = '/2017-03-31/tags/';
export const MAX_TAGS = 50;
export const TAG_KEY_MAX = 128;
export const TAG_VALUE_MAX = 256;

/** The Resource pattern in Lambda's API reference for TagResource, UntagResource and ListTags. */
export const TAGGABLE_RESOURCE_PATTERN =
  'arn:(aws[a-zA-Z-]*)?:lambda:[a-z]{2}((-gov)|(-iso(b?)))?-[a-z]+-\\d{1}:\\d{12}:function:[a-zA-Z0-9-_]+(:(\\$LATEST|[a-zA-Z0-9-_]+))?';
const TAGGABLE_RESOURCE = new RegExp(`^${TAGGABLE_RESOURCE_PATTERN}$`);
const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

export type TagOperation = 'TagResource' | 'UntagResource' | 'ListTags';

/** The operation and the (decoded) ARN of a /2017-03-31/tags/ request; undefined for any other path. */
export function tagRoute(method: string, path: string): { operation: TagOperation; resource: string } | undefined {
  if (!path.startsWith(TAGS_PREFIX)) return undefined;
  const resource = path.slice(TAGS_PREFIX.length);
  if (resource === '' || resource.includes('/')) return undefined;
  const operation = ({ POST: 'TagResource', DELETE: 'UntagResource', GET: 'ListTags' } as Record<string, TagOperation>)[method];
  return operation ? { operation, resource } : undefined;
}

/** Characters, as Lambda counts them: Unicode code points. */
function characters(text: string): number {
  return [...text].length;
}

/** Checks one set of tags as given (CreateFunction's Tags or TagResource's), and the total the function would then have. */
export function checkTags(given: unknown, existing: Readonly<Record<string, string>> = {}): Record<string, string> {
  if (given === undefined || given === null) return {};
  if (typeof given !== 'object' || Array.isArray(given)) throw validationError(undefined, 'tags', 'Member must be a map of strings to strings');
  const tags: Record<string, string> = {};
  for (const [key, value] of Object.entries(given as Record<string, unknown>)) {
    if (typeof value !== 'string') throw validationError(undefined, `tags.${key}`, 'Member must be a string');
    if (characters(key) < 1 || characters(key) > TAG_KEY_MAX) {
      throw invalidParameter(`Tag key must be between 1 and ${TAG_KEY_MAX} characters long: ${key}`);
    }
    if (characters(value) > TAG_VALUE_MAX) throw invalidParameter(`Tag value must be at most ${TAG_VALUE_MAX} characters long for key: ${key}`);
    if (key.toLowerCase().startsWith('aws:')) throw invalidParameter(`The aws: prefix is reserved for AWS use and cannot be used in a tag key: ${key}`);
    if (!TAG_TEXT.test(key) || !TAG_TEXT.test(value)) {
      throw invalidParameter(`Tag keys and values may only contain Unicode letters, digits, white space and _ . : / = + - @ (key: ${key})`);
    }
    tags[key] = value;
  }
  if (Object.keys({ ...existing, ...tags }).length > MAX_TAGS) throw invalidParameter('Number of tags exceeds resource tag limit.');
  return tags;
}

/** The function a tagging ARN names: refused when malformed, when qualified, or when no such function exists. */
export function taggableFunction(resource: string, region: string, world: FakeAwsWorld, functionsIn: (region: string) => Map<string, StoredFunction>): StoredFunction {
  if (!TAGGABLE_RESOURCE.test(resource)) {
    throw validationError(resource, 'resource', `Member must satisfy regular expression pattern: ${TAGGABLE_RESOURCE_PATTERN}`);
  }
  const [, , , arnRegion, account, , name, qualifier] = resource.split(':');
  if (qualifier !== undefined) throw invalidParameter('Tags on function aliases and versions are not supported. Please specify a function ARN.');
  const fn = arnRegion === region ? functionsIn(region).get(name) : undefined;
  if (!fn || fn.account !== account) throw notFound(`Function not found: ${functionArn({ region: arnRegion, account: account ?? world.account, name })}`);
  return fn;
}

export function tagResource(fn: StoredFunction, body: Record<string, unknown>): void {
  if (body.Tags === undefined || body.Tags === null) throw validationError(undefined, 'tags', 'Member must not be null');
  Object.assign(fn.tags, checkTags(body.Tags, fn.tags));
}

export function untagResource(fn: StoredFunction, query: URLSearchParams): void {
  const keys = query.getAll('tagKeys');
  if (keys.length === 0) throw validationError(undefined, 'tagKeys', 'Member must not be null');
  for (const key of keys) {
    if (characters(key) < 1 || characters(key) > TAG_KEY_MAX) throw invalidParameter(`Tag key must be between 1 and ${TAG_KEY_MAX} characters long: ${key}`);
  }
  // Keys the function does not have are ignored, as AWS does.
  for (const key of keys) delete fn.tags[key];
}

export function listTags(fn: StoredFunction): Record<string, unknown> {
  return { Tags: { ...fn.tags } };
}
