// What the account holds that a new deploy target can use: the roles Lambda may assume, the buckets
// of the region, and the zips in a bucket. Reads only; errors are the caller's to show (a listing
// the user may not read must not stop them typing the value instead).
import { ListRolesCommand, type IAMClient } from '@aws-sdk/client-iam';
import { ListBucketsCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { trustsLambda } from './trustPolicy';

export interface LambdaRole {
  name: string;
  arn: string;
}

/** ListRoles answers at most 1,000 roles a call. */
export const MAX_ROLES_PAGE = 1000;
/** ListBuckets takes 1..10,000 a call; AWS asks callers to page. */
export const MAX_BUCKETS_PAGE = 1000;
/** ListObjectsV2 answers at most 1,000 keys a call. */
export const MAX_KEYS_PAGE = 1000;
/** Zips listed at most, the newest first. */
export const MAX_ZIP_OBJECTS = 200;
/** Keys read at most in one bucket: a bucket of millions of objects is not read to its end. */
export const MAX_KEYS_SCANNED = 10_000;

const byName = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0);

/** The account's roles whose trust policy lets Lambda assume them, by name; every page of ListRoles. */
export async function listLambdaRoles(iam: IAMClient, signal?: AbortSignal): Promise<LambdaRole[]> {
  const roles: LambdaRole[] = [];
  let marker: string | undefined;
  do {
    const answer = await iam.send(new ListRolesCommand({ MaxItems: MAX_ROLES_PAGE, ...(marker ? { Marker: marker } : {}) }), { abortSignal: signal });
    for (const role of answer.Roles ?? []) {
      if (role.RoleName && role.Arn && trustsLambda(role.AssumeRolePolicyDocument)) roles.push({ name: role.RoleName, arn: role.Arn });
    }
    // IAM may answer fewer than MaxItems and still be truncated: only IsTruncated ends the listing.
    marker = answer.IsTruncated ? answer.Marker || undefined : undefined;
  } while (marker);
  return roles.sort((a, b) => byName(a.name, b.name));
}

/**
 * The names of the account's buckets in the client's region, sorted: Lambda reads its code only from
 * a bucket of its own region, and S3 notifies only functions of the bucket's region. A bucket whose
 * region S3 does not say (an S3-compatible endpoint) is kept.
 */
export async function listBucketNames(s3: S3Client, signal?: AbortSignal): Promise<string[]> {
  const region = await s3.config.region();
  const names: string[] = [];
  let token: string | undefined;
  do {
    const answer = await s3.send(new ListBucketsCommand({ MaxBuckets: MAX_BUCKETS_PAGE, ...(token ? { ContinuationToken: token } : {}) }), { abortSignal: signal });
    for (const bucket of answer.Buckets ?? []) {
      if (bucket.Name && (!bucket.BucketRegion || bucket.BucketRegion === region)) names.push(bucket.Name);
    }
    token = answer.ContinuationToken || undefined;
  } while (token);
  return names.sort(byName);
}

export interface ZipObject {
  key: string;
  size?: number;
  lastModified?: Date;
  etag?: string;
}

export interface ZipObjects {
  /** Newest first (then by key, descending, so that a higher version comes first), at most MAX_ZIP_OBJECTS. */
  objects: ZipObject[];
  /** The bucket may hold zips not listed: more than MAX_ZIP_OBJECTS, or more than MAX_KEYS_SCANNED keys to read. */
  more: boolean;
}

/** The .zip objects of a bucket (any case of ".zip"), the newest first. */
export async function listZipObjects(s3: S3Client, bucket: string, signal?: AbortSignal): Promise<ZipObjects> {
  const zips: ZipObject[] = [];
  let scanned = 0;
  let unread = false;
  let token: string | undefined;
  do {
    const answer = await s3.send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: MAX_KEYS_PAGE, ...(token ? { ContinuationToken: token } : {}) }), {
      abortSignal: signal,
    });
    for (const object of answer.Contents ?? []) {
      scanned++;
      if (!object.Key || !/\.zip$/i.test(object.Key)) continue;
      const zip: ZipObject = { key: object.Key };
      if (object.Size !== undefined) zip.size = object.Size;
      if (object.LastModified) zip.lastModified = object.LastModified;
      if (object.ETag) zip.etag = object.ETag;
      zips.push(zip);
    }
    token = answer.IsTruncated ? answer.NextContinuationToken || undefined : undefined;
    if (token && scanned >= MAX_KEYS_SCANNED) unread = true;
  } while (token && !unread);
  zips.sort((a, b) => (b.lastModified?.getTime() ?? -Infinity) - (a.lastModified?.getTime() ?? -Infinity) || (a.key < b.key ? 1 : a.key > b.key ? -1 : 0));
  return { objects: zips.slice(0, MAX_ZIP_OBJECTS), more: unread || zips.length > MAX_ZIP_OBJECTS };
}
