// S3 in the AWS stand-in (REST-XML, path style): seeded buckets that know their region and owner,
// single-PUT object uploads (checksums checked, aws-chunked bodies decoded), bucket and object
// listings paged as S3 pages them (ListBuckets, ListObjectsV2), and bucket notification
// configurations, replaced whole on PUT after the checks S3 makes on them.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { AwsServiceError, type AwsCall, type AwsReply, type FakeAwsWorld, type FaultKind, type ServiceModule } from './protocol';
import { childElement, childElements, childText, parseXml, renderXml, xml, XmlParseError, type XmlElement } from './xml';

const NAMESPACE = 'http://s3.amazonaws.com/doc/2006-03-01/';

export interface StoredObject {
  body: Buffer;
  contentType: string;
  etag: string;
  lastModified: number;
  metadata: Record<string, string>;
  /** x-amz-checksum-* values the upload carried, by algorithm (lower case: crc32, sha256...). */
  checksums: Record<string, string>;
}

export interface StoredBucket {
  name: string;
  region: string;
  /** The owning account: other accounts are refused. */
  account: string;
  createdAt: number;
  objects: Map<string, StoredObject>;
  /** The children of <NotificationConfiguration>, as given (S3 adds an Id where none was given). */
  notification: XmlElement[];
}

export interface SeedBucketOptions {
  region?: string;
  account?: string;
  objects?: Record<string, string | Buffer>;
  /** A <NotificationConfiguration> document the bucket starts with (not validated). */
  notificationXml?: string;
}

export type NotificationKind = 'CloudFunction' | 'Queue' | 'Topic';

export interface NotificationEntry {
  kind: NotificationKind;
  id: string;
  /** The function, queue or topic ARN. */
  destination: string;
  events: string[];
  filterRules: { name: string; value: string }[];
}

export interface BucketNotification {
  entries: NotificationEntry[];
  eventBridge: boolean;
  /** The configuration as GetBucketNotificationConfiguration answers it. */
  xml: string;
}

/** An S3 error, with the extra elements some S3 errors carry (BucketName, ArgumentName...). */
export class S3Error extends AwsServiceError {
  constructor(
    code: string,
    status: number,
    message: string,
    readonly details: [string, string][] = [],
    headers: Record<string, string> = {},
  ) {
    super(code, status, message, headers);
  }
}

const noSuchBucket = (bucket: string) => new S3Error('NoSuchBucket', 404, 'The specified bucket does not exist', [['BucketName', bucket]]);
const accessDenied = () => new S3Error('AccessDenied', 403, 'Access Denied');
const malformedXml = () => new S3Error('MalformedXML', 400, 'The XML you provided was not well-formed or did not validate against our published schema');
const invalidArgument = (message: string, name: string, value: string) =>
  new S3Error('InvalidArgument', 400, message, [
    ['ArgumentName', name],
    ['ArgumentValue', value],
  ]);

const DESTINATION_ELEMENT: Record<string, NotificationKind> = { CloudFunctionConfiguration: 'CloudFunction', QueueConfiguration: 'Queue', TopicConfiguration: 'Topic' };

/** The event types S3 can notify about. */
const EVENT_TYPES = new Set([
  's3:ReducedRedundancyLostObject',
  's3:ObjectCreated:*',
  's3:ObjectCreated:Put',
  's3:ObjectCreated:Post',
  's3:ObjectCreated:Copy',
  's3:ObjectCreated:CompleteMultipartUpload',
  's3:ObjectRemoved:*',
  's3:ObjectRemoved:Delete',
  's3:ObjectRemoved:DeleteMarkerCreated',
  's3:ObjectRestore:*',
  's3:ObjectRestore:Post',
  's3:ObjectRestore:Completed',
  's3:ObjectRestore:Delete',
  's3:Replication:*',
  's3:Replication:OperationFailedReplication',
  's3:Replication:OperationNotTracked',
  's3:Replication:OperationMissedThreshold',
  's3:Replication:OperationReplicatedAfterThreshold',
  's3:LifecycleTransition',
  's3:IntelligentTiering',
  's3:ObjectAcl:Put',
  's3:LifecycleExpiration:*',
  's3:LifecycleExpiration:Delete',
  's3:LifecycleExpiration:DeleteMarkerCreated',
  's3:ObjectTagging:*',
  's3:ObjectTagging:Put',
  's3:ObjectTagging:Delete',
]);

function eventsOverlap(a: string, b: string): boolean {
  if (a === b) return true;
  const family = (event: string) => event.slice(0, event.lastIndexOf(':') + 1);
  return (a.endsWith(':*') && b.startsWith(family(a))) || (b.endsWith(':*') && a.startsWith(family(b)));
}

function entryOf(element: XmlElement): NotificationEntry {
  const kind = DESTINATION_ELEMENT[element.name];
  return {
    kind,
    id: childText(element, 'Id') ?? '',
    destination: childText(element, kind) ?? '',
    events: childElements(element, 'Event').map((e) => e.text),
    filterRules: childElements(childElement(childElement(element, 'Filter') ?? xml('Filter'), 'S3Key') ?? xml('S3Key'), 'FilterRule').map((rule) => ({
      name: childText(rule, 'Name') ?? '',
      value: childText(rule, 'Value') ?? '',
    })),
  };
}

function ruleValue(entry: NotificationEntry, name: 'prefix' | 'suffix'): string {
  return entry.filterRules.find((rule) => rule.name.toLowerCase() === name)?.value ?? '';
}

/** S3's overlap rule: a shared event type, with prefixes and suffixes that can match the same key. */
function configurationsOverlap(a: NotificationEntry, b: NotificationEntry): boolean {
  if (!a.events.some((x) => b.events.some((y) => eventsOverlap(x, y)))) return false;
  const [pa, pb] = [ruleValue(a, 'prefix'), ruleValue(b, 'prefix')];
  const [sa, sb] = [ruleValue(a, 'suffix'), ruleValue(b, 'suffix')];
  return (pa.startsWith(pb) || pb.startsWith(pa)) && (sa.endsWith(sb) || sb.endsWith(sa));
}

const LAMBDA_ARN = /^arn:aws:lambda:([a-z0-9-]+):(\d{12}):function:[A-Za-z0-9_-]{1,64}(:(\$LATEST|[A-Za-z0-9_-]+))?$/;

// Checksums S3 verifies on upload, by the name in x-amz-checksum-<name>.
const CRC32C_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32c(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC32C_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function uint32Base64(value: number): string {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32BE(value >>> 0);
  return buffer.toString('base64');
}

const CHECKSUMS: Record<string, { label: string; compute: (data: Buffer) => string }> = {
  crc32: { label: 'CRC32', compute: (data) => uint32Base64(crc32(data)) },
  crc32c: { label: 'CRC32C', compute: (data) => uint32Base64(crc32c(data)) },
  sha1: { label: 'SHA1', compute: (data) => createHash('sha1').update(data).digest('base64') },
  sha256: { label: 'SHA256', compute: (data) => createHash('sha256').update(data).digest('base64') },
};

function header(call: AwsCall, name: string): string | undefined {
  const value = call.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(',') : value;
}

/** Decodes an aws-chunked body (`<hex size>[;chunk-signature=..]\r\n<data>\r\n ... 0\r\n<trailers>\r\n`). */
export function decodeAwsChunked(body: Buffer): { data: Buffer; trailers: Record<string, string> } {
  const chunks: Buffer[] = [];
  const trailers: Record<string, string> = {};
  let at = 0;
  for (;;) {
    const lineEnd = body.indexOf('\r\n', at);
    if (lineEnd < 0) throw new S3Error('IncompleteBody', 400, 'The request body terminated unexpectedly');
    const size = parseInt(body.subarray(at, lineEnd).toString('latin1').split(';')[0], 16);
    if (!Number.isInteger(size) || size < 0) throw new S3Error('InvalidChunkSizeError', 400, 'Only the last chunk is allowed to have a size less than 8192 bytes');
    at = lineEnd + 2;
    if (size === 0) break;
    if (at + size > body.length) throw new S3Error('IncompleteBody', 400, 'The request body terminated unexpectedly');
    chunks.push(body.subarray(at, at + size));
    at += size + 2;
  }
  for (const line of body.subarray(at).toString('latin1').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) trailers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { data: Buffer.concat(chunks), trailers };
}

/** ListObjectsV2 answers at most 1,000 keys a page, whatever max-keys asks. */
const MAX_KEYS_PAGE = 1000;
/** ListBuckets' max-buckets ranges 1..10,000, its page size when paged without it. */
const MAX_BUCKETS_PAGE = 10000;
const DEFAULT_BUCKETS_PAGE = 10000;

/** S3 lists keys in UTF-8 binary order. */
function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** Continuation tokens are opaque to callers: the stand-in's hold the position, encoded. */
function encodeToken(position: string): string {
  return Buffer.from(`dff-fake:${position}`, 'utf8').toString('base64');
}

function decodeToken(token: string, argument: string): string {
  const text = Buffer.from(token, 'base64').toString('utf8');
  if (!text.startsWith('dff-fake:') || encodeToken(text.slice('dff-fake:'.length)) !== token) {
    throw invalidArgument('The continuation token provided is incorrect', argument, token);
  }
  return text.slice('dff-fake:'.length);
}

function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

function isoMillis(ms: number): string {
  return new Date(ms).toISOString();
}

/** The path-style parts of a request: /bucket and /bucket/key. */
function target(call: AwsCall): { bucket?: string; key?: string } {
  const path = call.path.startsWith('/') ? call.path.slice(1) : call.path;
  if (path === '') return {};
  const slash = path.indexOf('/');
  if (slash < 0 || slash === path.length - 1) return { bucket: slash < 0 ? path : path.slice(0, slash) };
  return { bucket: path.slice(0, slash), key: path.slice(slash + 1) };
}

export class S3Service implements ServiceModule {
  readonly service = 's3' as const;
  private readonly buckets = new Map<string, StoredBucket>();
  /** A stable canonical user id per account, as ListBuckets shows the owner. */
  private readonly canonicalIds = new Map<string, string>();

  constructor(private readonly world: FakeAwsWorld) {}

  // Seeding and inspection for tests.

  seedBucket(name: string, options: SeedBucketOptions = {}): StoredBucket {
    const bucket: StoredBucket = {
      name,
      region: options.region ?? this.world.region,
      account: options.account ?? this.world.account,
      createdAt: this.world.now(),
      objects: new Map(),
      notification: options.notificationXml === undefined ? [] : parseXml(options.notificationXml).children,
    };
    for (const [key, content] of Object.entries(options.objects ?? {})) this.storeObject(bucket, key, Buffer.from(content), 'binary/octet-stream', {}, {});
    this.buckets.set(name, bucket);
    return bucket;
  }

  /** Puts an object into a seeded bucket, last modified at `lastModified` (epoch ms; default now). */
  seedObject(bucketName: string, key: string, content: string | Buffer, lastModified?: number): StoredObject {
    const bucket = this.buckets.get(bucketName);
    if (!bucket) throw new Error(`seedObject: no bucket ${bucketName}`);
    const object = this.storeObject(bucket, key, Buffer.from(content), 'binary/octet-stream', {}, {});
    if (lastModified !== undefined) object.lastModified = lastModified;
    return object;
  }

  bucket(name: string): StoredBucket | undefined {
    return this.buckets.get(name);
  }

  object(bucket: string, key: string): StoredObject | undefined {
    return this.buckets.get(bucket)?.objects.get(key);
  }

  notification(bucket: string): BucketNotification | undefined {
    const stored = this.buckets.get(bucket);
    if (!stored) return undefined;
    return {
      entries: stored.notification.filter((e) => e.name in DESTINATION_ELEMENT).map(entryOf),
      eventBridge: stored.notification.some((e) => e.name === 'EventBridgeConfiguration'),
      xml: renderXml(xml('NotificationConfiguration', stored.notification, { xmlns: NAMESPACE })),
    };
  }

  // ServiceModule.

  operation(call: AwsCall): string | undefined {
    const { bucket, key } = target(call);
    const { method, query } = call;
    if (bucket === undefined) return method === 'GET' ? 'ListBuckets' : undefined;
    if (key === undefined) {
      if (query.has('notification')) return method === 'GET' ? 'GetBucketNotificationConfiguration' : method === 'PUT' ? 'PutBucketNotificationConfiguration' : undefined;
      if (query.has('location')) return method === 'GET' ? 'GetBucketLocation' : undefined;
      if (method === 'GET' && query.get('list-type') === '2') return 'ListObjectsV2';
      return method === 'HEAD' ? 'HeadBucket' : undefined;
    }
    if (method === 'HEAD') return 'HeadObject';
    if (method === 'GET') return 'GetObject';
    if (method === 'PUT' && header(call, 'x-amz-copy-source') === undefined && !query.has('uploadId') && !query.has('tagging') && !query.has('acl')) return 'PutObject';
    return undefined;
  }

  handle(call: AwsCall, operation: string): AwsReply {
    this.checkContentSha256(call);
    const { bucket: bucketName = '', key = '' } = target(call);
    if (operation === 'ListBuckets') return this.listBuckets(call);
    const bucket = this.accessibleBucket(call, bucketName, operation !== 'GetBucketLocation');
    switch (operation) {
      case 'HeadBucket':
        return this.reply(200, undefined, { 'x-amz-bucket-region': bucket.region, 'x-amz-access-point-alias': 'false' });
      case 'GetBucketLocation':
        return this.xmlReply(xml('LocationConstraint', bucket.region === 'us-east-1' ? '' : bucket.region, { xmlns: NAMESPACE }));
      case 'GetBucketNotificationConfiguration':
        return this.xmlReply(xml('NotificationConfiguration', bucket.notification, { xmlns: NAMESPACE }));
      case 'PutBucketNotificationConfiguration':
        bucket.notification = this.checkedNotification(call, bucket);
        return this.reply(200);
      case 'ListObjectsV2':
        return this.listObjectsV2(call, bucket);
      case 'PutObject':
        return this.putObject(call, bucket, key);
      case 'HeadObject':
      case 'GetObject': {
        const object = bucket.objects.get(key);
        if (!object) throw new S3Error('NoSuchKey', 404, 'The specified key does not exist.', [['Key', key]]);
        const headers: Record<string, string> = {
          'Content-Type': object.contentType,
          ETag: object.etag,
          'Last-Modified': httpDate(object.lastModified),
          'Accept-Ranges': 'bytes',
          'x-amz-server-side-encryption': 'AES256',
          'Content-Length': String(object.body.length),
        };
        for (const [name, value] of Object.entries(object.metadata)) headers[`x-amz-meta-${name}`] = value;
        if (header(call, 'x-amz-checksum-mode') === 'ENABLED') {
          for (const [algorithm, value] of Object.entries(object.checksums)) headers[`x-amz-checksum-${algorithm}`] = value;
        }
        return this.reply(200, operation === 'GetObject' ? object.body : undefined, headers);
      }
      default:
        throw new S3Error('NotImplemented', 501, 'A header you provided implies functionality that is not implemented');
    }
  }

  renderError(error: AwsServiceError, call: AwsCall): AwsReply {
    const requestId = randomBytes(8).toString('hex').toUpperCase();
    const headers = { 'x-amz-request-id': requestId, 'x-amz-id-2': randomBytes(48).toString('base64'), ...error.headers };
    // S3 answers HEAD requests with the status alone.
    if (call.method === 'HEAD') return { status: error.status, headers };
    const details = error instanceof S3Error ? error.details : [];
    const body = renderXml(xml('Error', [xml('Code', error.code), xml('Message', error.message), ...details.map(([name, value]) => xml(name, value)), xml('RequestId', requestId), xml('HostId', headers['x-amz-id-2'])]));
    return { status: error.status, headers: { 'Content-Type': 'application/xml', ...headers }, body };
  }

  faultError(kind: FaultKind, _call: AwsCall, _operation: string): AwsServiceError {
    switch (kind) {
      case 'throttle':
        return new S3Error('SlowDown', 503, 'Please reduce your request rate.');
      case 'accessDenied':
        return accessDenied();
      case 'expiredToken':
        return new S3Error('ExpiredToken', 400, 'The provided token has expired.');
      case 'internal':
        return new S3Error('InternalError', 500, 'We encountered an internal error. Please try again.');
    }
  }

  private reply(status: number, body?: string | Buffer, headers: Record<string, string> = {}): AwsReply {
    return { status, headers: { 'x-amz-request-id': randomBytes(8).toString('hex').toUpperCase(), 'x-amz-id-2': randomBytes(48).toString('base64'), ...headers }, body };
  }

  private xmlReply(root: XmlElement): AwsReply {
    return this.reply(200, renderXml(root), { 'Content-Type': 'application/xml' });
  }

  /** S3 checks a declared payload hash against the body (the signature only covers the declaration). */
  private checkContentSha256(call: AwsCall): void {
    const declared = header(call, 'x-amz-content-sha256');
    if (declared && /^[0-9a-f]{64}$/.test(declared) && createHash('sha256').update(call.body).digest('hex') !== declared) {
      throw new S3Error('XAmzContentSHA256Mismatch', 400, "The provided 'x-amz-content-sha256' header does not match what was computed.", [
        ['ClientComputedContentSHA256', declared],
        ['S3ComputedContentSHA256', createHash('sha256').update(call.body).digest('hex')],
      ]);
    }
  }

  /** The bucket, if it exists, is the caller's, and (unless S3 answers for it from any region) is addressed in its own region. */
  private accessibleBucket(call: AwsCall, name: string, regional: boolean): StoredBucket {
    const bucket = this.buckets.get(name);
    if (!bucket) throw noSuchBucket(name);
    const expectedOwner = header(call, 'x-amz-expected-bucket-owner');
    if (bucket.account !== call.identity.account || (expectedOwner !== undefined && expectedOwner !== bucket.account)) throw accessDenied();
    if (regional && bucket.region !== call.region) {
      throw new S3Error(
        'PermanentRedirect',
        301,
        'The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.',
        [
          ['Endpoint', `s3.${bucket.region}.amazonaws.com`],
          ['Bucket', name],
        ],
        { 'x-amz-bucket-region': bucket.region },
      );
    }
    return bucket;
  }

  private canonicalId(account: string): string {
    let owner = this.canonicalIds.get(account);
    if (!owner) this.canonicalIds.set(account, (owner = createHash('sha256').update(`owner:${account}`).digest('hex')));
    return owner;
  }

  /**
   * The caller's buckets by name. Paged when max-buckets is given; bucket-region, prefix or
   * continuation-token without it page by 10,000, as S3 does. The continuation token is the
   * last name of the page, encoded.
   */
  private listBuckets(call: AwsCall): AwsReply {
    const account = call.identity.account;
    const { query } = call;
    const maxText = query.get('max-buckets');
    const max = maxText === null ? undefined : Number(maxText);
    if (max !== undefined && (!Number.isInteger(max) || max < 1 || max > MAX_BUCKETS_PAGE)) {
      throw invalidArgument(`Argument max-buckets must be an integer between 1 and ${MAX_BUCKETS_PAGE}`, 'max-buckets', maxText ?? '');
    }
    const token = query.get('continuation-token');
    const after = token === null ? undefined : decodeToken(token, 'continuation-token');
    const prefix = query.get('prefix') ?? '';
    const region = query.get('bucket-region');
    const paged = max !== undefined || token !== null || query.has('prefix') || region !== null;
    const buckets = [...this.buckets.values()]
      .filter((b) => b.account === account && b.name.startsWith(prefix) && (region === null || b.region === region) && (after === undefined || b.name > after))
      .sort((a, b) => (a.name < b.name ? -1 : 1));
    const shown = paged ? buckets.slice(0, max ?? DEFAULT_BUCKETS_PAGE) : buckets;
    const more = shown.length < buckets.length;
    return this.xmlReply(
      xml(
        'ListAllMyBucketsResult',
        [
          xml('Owner', [xml('ID', this.canonicalId(account)), xml('DisplayName', 'dev')]),
          xml(
            'Buckets',
            shown.map((b) => xml('Bucket', [xml('Name', b.name), xml('CreationDate', isoMillis(b.createdAt)), xml('BucketRegion', b.region)])),
          ),
          more ? xml('ContinuationToken', encodeToken(shown[shown.length - 1].name)) : undefined,
          query.has('prefix') ? xml('Prefix', prefix) : undefined,
        ],
        { xmlns: NAMESPACE },
      ),
    );
  }

  /**
   * ListObjectsV2: keys in UTF-8 byte order after start-after or the continuation token, under the
   * prefix, keys sharing a part up to the delimiter rolled up into CommonPrefixes (each counts as one
   * of max-keys, as in S3). The continuation token is the last key or common prefix of the page, encoded.
   */
  private listObjectsV2(call: AwsCall, bucket: StoredBucket): AwsReply {
    const { query } = call;
    const maxText = query.get('max-keys');
    const requested = maxText === null ? MAX_KEYS_PAGE : Number(maxText);
    if (!Number.isInteger(requested) || requested < 0 || requested > 2147483647) {
      throw invalidArgument('Provided max-keys not an integer or within integer range', 'max-keys', maxText ?? '');
    }
    const encoding = query.get('encoding-type');
    if (encoding !== null) {
      if (encoding !== 'url') throw invalidArgument('Invalid Encoding Method specified in Request', 'encoding-type', encoding);
      // The SDK sends it only when asked; the stand-in does not encode keys.
      throw new S3Error('NotImplemented', 501, 'A header you provided implies functionality that is not implemented');
    }
    const prefix = query.get('prefix') ?? '';
    const delimiter = query.get('delimiter') ?? '';
    const token = query.get('continuation-token');
    const startAfter = query.get('start-after');
    // The continuation token wins over start-after.
    const after = token !== null ? decodeToken(token, 'continuation-token') : (startAfter ?? '');
    const limit = Math.min(requested, MAX_KEYS_PAGE);

    const keys = [...bucket.objects.keys()].filter((key) => key.startsWith(prefix)).sort(byteOrder);
    const contents: [string, StoredObject][] = [];
    const commonPrefixes: string[] = [];
    let last = '';
    let truncated = false;
    for (const key of keys) {
      if (byteOrder(key, after) <= 0) continue;
      const cut = delimiter === '' ? -1 : key.indexOf(delimiter, prefix.length);
      const rolledUp = cut < 0 ? undefined : key.slice(0, cut + delimiter.length);
      if (rolledUp !== undefined && rolledUp === commonPrefixes[commonPrefixes.length - 1]) continue;
      if (contents.length + commonPrefixes.length >= limit) {
        truncated = limit > 0;
        break;
      }
      if (rolledUp !== undefined) {
        commonPrefixes.push(rolledUp);
        // The next page starts after every key under this common prefix.
        last = `${rolledUp}\u{10FFFF}`;
      } else {
        contents.push([key, bucket.objects.get(key) as StoredObject]);
        last = key;
      }
    }
    const fetchOwner = query.get('fetch-owner') === 'true';
    return this.xmlReply(
      xml(
        'ListBucketResult',
        [
          xml('Name', bucket.name),
          xml('Prefix', prefix),
          truncated ? xml('NextContinuationToken', encodeToken(last)) : undefined,
          xml('KeyCount', contents.length + commonPrefixes.length),
          xml('MaxKeys', requested),
          delimiter !== '' ? xml('Delimiter', delimiter) : undefined,
          xml('IsTruncated', truncated),
          token !== null ? xml('ContinuationToken', token) : undefined,
          startAfter !== null ? xml('StartAfter', startAfter) : undefined,
          ...contents.map(([key, object]) => this.objectXml(key, object, fetchOwner ? bucket.account : undefined)),
          ...commonPrefixes.map((common) => xml('CommonPrefixes', [xml('Prefix', common)])),
        ],
        { xmlns: NAMESPACE },
      ),
    );
  }

  private objectXml(key: string, object: StoredObject, owner: string | undefined): XmlElement {
    const algorithms = Object.keys(object.checksums).map((name) => name.toUpperCase());
    return xml('Contents', [
      xml('Key', key),
      xml('LastModified', isoMillis(object.lastModified)),
      xml('ETag', object.etag),
      ...algorithms.map((algorithm) => xml('ChecksumAlgorithm', algorithm)),
      algorithms.length > 0 ? xml('ChecksumType', 'FULL_OBJECT') : undefined,
      xml('Size', object.body.length),
      owner !== undefined ? xml('Owner', [xml('ID', this.canonicalId(owner))]) : undefined,
      xml('StorageClass', 'STANDARD'),
    ]);
  }

  private putObject(call: AwsCall, bucket: StoredBucket, key: string): AwsReply {
    if (Buffer.byteLength(key, 'utf8') > 1024) throw new S3Error('KeyTooLongError', 400, 'Your key is too long');
    let data = call.body;
    let trailers: Record<string, string> = {};
    if ((header(call, 'content-encoding') ?? '').split(',').some((e) => e.trim() === 'aws-chunked') || (header(call, 'x-amz-content-sha256') ?? '').startsWith('STREAMING-')) {
      ({ data, trailers } = decodeAwsChunked(call.body));
      const declared = header(call, 'x-amz-decoded-content-length');
      if (declared === undefined) throw new S3Error('MissingContentLength', 411, 'You must provide the Content-Length HTTP header.');
      if (Number(declared) !== data.length) throw new S3Error('IncompleteBody', 400, 'You did not provide the number of bytes specified by the Content-Length HTTP header');
    }
    const md5 = createHash('md5').update(data);
    const contentMd5 = header(call, 'content-md5');
    if (contentMd5 !== undefined && createHash('md5').update(data).digest('base64') !== contentMd5) {
      throw new S3Error('BadDigest', 400, 'The Content-MD5 you specified did not match what we received.');
    }
    const checksums: Record<string, string> = {};
    for (const [name, value] of Object.entries({ ...Object.fromEntries(Object.entries(call.headers).map(([n, v]) => [n, String(v)])), ...trailers })) {
      const match = /^x-amz-checksum-(crc32|crc32c|crc64nvme|sha1|sha256)$/.exec(name);
      if (!match) continue;
      const algorithm = CHECKSUMS[match[1]];
      // CRC64NVME is stored as given: the stand-in does not compute it.
      if (algorithm && algorithm.compute(data) !== value) throw new S3Error('BadDigest', 400, `The ${algorithm.label} you specified did not match the calculated checksum.`);
      checksums[match[1]] = value;
    }
    const metadata: Record<string, string> = {};
    for (const [name, value] of Object.entries(call.headers)) if (name.startsWith('x-amz-meta-')) metadata[name.slice('x-amz-meta-'.length)] = String(value);
    const object = this.storeObject(bucket, key, data, header(call, 'content-type') ?? 'binary/octet-stream', metadata, checksums, md5.digest('hex'));
    const headers: Record<string, string> = { ETag: object.etag, 'x-amz-server-side-encryption': 'AES256' };
    for (const [algorithm, value] of Object.entries(checksums)) headers[`x-amz-checksum-${algorithm}`] = value;
    return this.reply(200, undefined, headers);
  }

  private storeObject(bucket: StoredBucket, key: string, body: Buffer, contentType: string, metadata: Record<string, string>, checksums: Record<string, string>, md5Hex?: string): StoredObject {
    const object: StoredObject = {
      body: Buffer.from(body),
      contentType,
      etag: `"${md5Hex ?? createHash('md5').update(body).digest('hex')}"`,
      lastModified: this.world.now(),
      metadata,
      checksums,
    };
    bucket.objects.set(key, object);
    return object;
  }

  /** Parses and checks a new notification configuration the way S3 does before it replaces the old one. */
  private checkedNotification(call: AwsCall, bucket: StoredBucket): XmlElement[] {
    let root: XmlElement;
    try {
      root = parseXml(call.body.toString('utf8'));
    } catch (error) {
      if (error instanceof XmlParseError) throw malformedXml();
      throw error;
    }
    if (root.name !== 'NotificationConfiguration') throw malformedXml();
    const configurations = root.children;
    let eventBridge = 0;
    for (const element of configurations) {
      if (element.name === 'EventBridgeConfiguration') {
        eventBridge++;
        continue;
      }
      const kind = DESTINATION_ELEMENT[element.name];
      if (!kind) throw malformedXml();
      if (childElements(element, kind).length !== 1 || childElements(element, 'Id').length > 1 || childElements(element, 'Filter').length > 1) throw malformedXml();
      const entry = entryOf(element);
      if (entry.events.length === 0) throw malformedXml();
      for (const event of entry.events) if (!EVENT_TYPES.has(event)) throw invalidArgument('The event is not supported for notifications', 'Event', event);
      const rules = entry.filterRules.map((rule) => rule.name.toLowerCase());
      for (const rule of rules) if (rule !== 'prefix' && rule !== 'suffix') throw invalidArgument('filter rule name must be either prefix or suffix', 'FilterRule', rule);
      if (new Set(rules).size !== rules.length) {
        const repeated = rules.find((rule, index) => rules.indexOf(rule) !== index) ?? '';
        throw invalidArgument(`Cannot specify more than one ${repeated} rule in a filter.`, 'FilterRule', repeated);
      }
      if (kind === 'CloudFunction') {
        const match = LAMBDA_ARN.exec(entry.destination);
        if (!match) throw invalidArgument('The ARN is not well formed', 'CloudFunction', entry.destination);
        if (match[1] !== bucket.region) throw invalidArgument('The notification destination service region is not valid for the bucket location constraint', 'CloudFunction', entry.destination);
      }
    }
    if (eventBridge > 1) throw malformedXml();
    const entries = configurations.filter((e) => e.name in DESTINATION_ELEMENT).map(entryOf);
    for (let i = 0; i < entries.length; i++) {
      for (let j = i + 1; j < entries.length; j++) {
        if (configurationsOverlap(entries[i], entries[j])) throw invalidArgument('Configurations overlap. Configurations on the same bucket cannot share a common event type.', 'Event', 'null');
      }
    }
    if (header(call, 'x-amz-skip-destination-validation') !== 'true') this.checkDestinations(entries, bucket);
    // S3 names every configuration given without an Id.
    return configurations.map((element) =>
      element.name in DESTINATION_ELEMENT && childElement(element, 'Id') === undefined
        ? { ...element, children: [xml('Id', Buffer.from(randomUUID()).toString('base64')), ...element.children] }
        : element,
    );
  }

  /** S3 asks Lambda whether each function may be invoked from this bucket, and names every one that may not. */
  private checkDestinations(entries: NotificationEntry[], bucket: StoredBucket): void {
    const refused = entries.filter((entry) => {
      if (entry.kind !== 'CloudFunction') return false;
      const answer = this.world.functions?.allowsS3Invoke(entry.destination, `arn:aws:s3:::${bucket.name}`) ?? { exists: false, allowed: false };
      return !answer.exists || !answer.allowed;
    });
    if (refused.length === 0) return;
    const details: [string, string][] = refused.flatMap((entry, index): [string, string][] => [
      [`ArgumentName${index + 1}`, `${entry.destination}, ${entry.id === '' ? 'null' : entry.id}`],
      [`ArgumentValue${index + 1}`, `Not authorized to invoke function [${entry.destination}]`],
    ]);
    throw new S3Error('InvalidArgument', 400, 'Unable to validate the following destination configurations', details);
  }
}
