// The one table of processor relationships in the project (from nifi-flow-definition.md), and
// which relationship names signal an error. A flow file lists only the relationships a processor
// connects or auto-terminates, so the table fills in what a known processor type also has.
import type { Processor } from './model';

const SUCCESS_FAILURE = ['success', 'failure'] as const;

/** Processor short type -> its fixed relationships (case-sensitive, as NiFi names them). */
const KNOWN_RELATIONSHIPS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ...['PutS3Object', 'FetchS3Object', 'DeleteS3Object', 'PutSQS', 'PutSNS', 'PutLambda', 'PutKinesisStream']
    .map((type) => [type, SUCCESS_FAILURE] as const),
  ...['PutDynamoDB', 'PutDynamoDBRecord'].map((type) => [type, ['success', 'failure', 'unprocessed']] as const),
  ['InvokeHTTP', ['Original', 'Response', 'Retry', 'No Retry', 'Failure']],
  ['EvaluateJsonPath', ['matched', 'unmatched', 'failure']],
  ...['ConvertRecord', 'UpdateRecord', 'JoltTransformJSON', 'ReplaceText', 'CompressContent', 'PutFile', 'PutEmail',
    'ExecuteSQL', 'PublishKafka'].map((type) => [type, SUCCESS_FAILURE] as const),
  ...['PutSQL', 'PutDatabaseRecord', 'PutRecord'].map((type) => [type, ['success', 'failure', 'retry']] as const),
  ...['PutSFTP', 'PutFTP'].map((type) => [type, ['success', 'failure', 'reject']] as const),
  ...['FetchSFTP', 'FetchFTP'].map((type) => [type, ['success', 'comms.failure', 'not.found', 'permission.denied']] as const),
  ['FetchFile', ['success', 'not.found', 'permission.denied', 'failure']],
  ...['ValidateRecord', 'ValidateJson'].map((type) => [type, ['valid', 'invalid', 'failure']] as const),
  ['ConsumeKafka', ['success', 'parse failure']],
  ...['MergeContent', 'MergeRecord'].map((type) => [type, ['merged', 'original', 'failure']] as const),
  ['SplitJson', ['split', 'original', 'failure']],
  ['SplitText', ['splits', 'original', 'failure']],
  // Also one relationship per query / routing property: those are read from the flow itself.
  ['QueryRecord', ['original', 'failure']],
  ['RouteOnAttribute', ['unmatched']],
  ['ExecuteStreamCommand', ['output stream', 'original', 'nonzero status']],
  ...['LogAttribute', 'GenerateFlowFile', 'UpdateAttribute', 'ListFile'].map((type) => [type, ['success']] as const),
]);

/** Lower-cased names of relationships that signal an error. */
const ERROR_RELATIONSHIPS: ReadonlySet<string> = new Set([
  'failure', 'retry', 'no retry', 'comms.failure', 'not.found', 'permission.denied', 'invalid', 'parse failure',
  'parse.failure', 'reject', 'unprocessed', 'errors', 'nonzero status', 'timeout', 'rate exceeded', 'expired',
]);

/** Whether "unmatched" is an error depends on the flow: worth a warning, not an error. */
const DOUBTFUL_RELATIONSHIPS: ReadonlySet<string> = new Set(['unmatched']);

export type RelationshipConcern = 'error' | 'warning';

/** The relationships a processor type is known to have, or undefined when the type is not in the table. */
export function knownRelationships(shortType: string): readonly string[] | undefined {
  return KNOWN_RELATIONSHIPS.get(shortType);
}

export function isErrorRelationship(name: string): boolean {
  return ERROR_RELATIONSHIPS.has(name.toLowerCase());
}

/** 'error' for a relationship that signals an error, 'warning' for one that may, undefined otherwise. */
export function relationshipConcern(name: string): RelationshipConcern | undefined {
  const lower = name.toLowerCase();
  if (ERROR_RELATIONSHIPS.has(lower)) return 'error';
  if (DOUBTFUL_RELATIONSHIPS.has(lower)) return 'warning';
  return undefined;
}

/**
 * The error relationships of a processor: those it auto-terminates, those it connects (pass the
 * selectedRelationships of its outgoing connections), and, for a known type, those the table lists.
 * Each name once, as first written.
 */
export function errorRelationshipsOf(processor: Processor, connected: Iterable<string> = []): string[] {
  const found = new Map<string, string>();
  const add = (name: string) => {
    const lower = name.toLowerCase();
    if (ERROR_RELATIONSHIPS.has(lower) && !found.has(lower)) found.set(lower, name);
  };
  processor.autoTerminatedRelationships.forEach(add);
  for (const name of connected) add(name);
  knownRelationships(processor.shortType)?.forEach(add);
  return [...found.values()];
}
