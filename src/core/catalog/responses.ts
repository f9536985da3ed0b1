// Reads the catalog API's JSON answers into the shared types, tolerating absent optional fields.
import { CatalogError, type FlowDetail, type FlowSummary, type FlowVersion, type FlowVersionTag } from './types';

type Json = Record<string, unknown>;

function object(value: unknown): Json {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
}

function array(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function num(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function required(value: unknown, field: string, operation: string): string {
  if (typeof value === 'string' && value) return value;
  throw new CatalogError('unavailable', `The DataFlow Catalog answered ${operation} without ${field}. Try again; if it persists, check cdp_endpoint_url.`);
}

export function toFlowSummary(value: unknown, operation: string): FlowSummary {
  const flow = object(value);
  return defined({
    crn: required(flow.crn, 'a flow CRN', operation),
    name: text(flow.name) ?? '',
    versionCount: num(flow.versionCount) ?? 0,
    modifiedTimestamp: num(flow.modifiedTimestamp),
    artifactType: text(flow.artifactType),
    collectionName: text(flow.collectionName),
    collectionCrn: text(flow.collectionCrn),
  });
}

/** A FlowVersionTag {tagName, tagColor}; anything else is left out. */
function toTag(value: unknown): FlowVersionTag | undefined {
  const tag = object(value);
  const tagName = text(tag.tagName);
  if (!tagName) return undefined;
  const tagColor = text(tag.tagColor);
  return tagColor ? { tagName, tagColor } : { tagName };
}

export function toFlowVersion(value: unknown, operation: string): FlowVersion {
  const version = object(value);
  return defined({
    crn: required(version.crn, 'a version CRN', operation),
    version: num(version.version) ?? 0,
    author: text(version.author),
    timestamp: num(version.timestamp),
    comments: text(version.comments),
    tags: Array.isArray(version.tags) ? version.tags.map(toTag).filter((tag): tag is FlowVersionTag => tag !== undefined) : undefined,
    deploymentCount: num(version.deploymentCount),
  });
}

export function toFlowDetail(value: unknown, operation: string): FlowDetail {
  const flow = object(value);
  const versions = array(flow.versions).map((item) => toFlowVersion(item, operation));
  return defined({
    crn: required(flow.crn, 'a flow CRN', operation),
    name: text(flow.name) ?? '',
    description: text(flow.description),
    author: text(flow.author),
    versionCount: num(flow.versionCount) ?? versions.length,
    createdTimestamp: num(flow.createdTimestamp),
    modifiedTimestamp: num(flow.modifiedTimestamp),
    versions,
  });
}

export function field(value: unknown, name: string): unknown {
  return object(value)[name];
}

export function listField(value: unknown, name: string): unknown[] {
  return array(object(value)[name]);
}
