import * as assert from 'assert';
import type { Processor } from '../../../src/core/flow/model';
import {
  errorRelationshipsOf, isErrorRelationship, knownRelationships, relationshipConcern,
} from '../../../src/core/flow/relationships';

function processor(type: string, autoTerminatedRelationships: string[] = []): Processor {
  return {
    id: 'p1', name: 'P', kind: 'PROCESSOR', path: ['flowContents', 'processors', 0], group: undefined, raw: {},
    type, shortType: type.slice(type.lastIndexOf('.') + 1), properties: {}, descriptors: {}, autoTerminatedRelationships,
  };
}

describe('relationships table', () => {
  it('knows the relationships of listed processor types, case-sensitively', () => {
    assert.deepStrictEqual(knownRelationships('PutS3Object'), ['success', 'failure']);
    assert.deepStrictEqual(knownRelationships('InvokeHTTP'), ['Original', 'Response', 'Retry', 'No Retry', 'Failure']);
    assert.deepStrictEqual(knownRelationships('FetchSFTP'), ['success', 'comms.failure', 'not.found', 'permission.denied']);
    assert.strictEqual(knownRelationships('puts3object'), undefined);
    assert.strictEqual(knownRelationships('MyCustomProcessor'), undefined);
  });

  it('recognises error relationship names in any case', () => {
    for (const name of ['failure', 'Failure', 'FAILURE', 'No Retry', 'retry', 'comms.failure', 'parse failure',
      'parse.failure', 'nonzero status', 'rate exceeded', 'Timeout', 'expired', 'unprocessed', 'reject', 'invalid']) {
      assert.ok(isErrorRelationship(name), name);
    }
    for (const name of ['success', 'original', 'matched', 'unmatched', 'Response', '', 'failures']) {
      assert.ok(!isErrorRelationship(name), name);
    }
  });

  it('makes "unmatched" a warning-level concern', () => {
    assert.strictEqual(relationshipConcern('unmatched'), 'warning');
    assert.strictEqual(relationshipConcern('failure'), 'error');
    assert.strictEqual(relationshipConcern('success'), undefined);
  });

  it('lists the error relationships a processor auto-terminates, connects, or has by its type', () => {
    const dynamo = processor('org.apache.nifi.processors.aws.dynamodb.PutDynamoDB', ['failure']);
    assert.deepStrictEqual(errorRelationshipsOf(dynamo), ['failure', 'unprocessed']);
    const http = processor('org.apache.nifi.processors.standard.InvokeHTTP');
    assert.deepStrictEqual(errorRelationshipsOf(http, ['Response', 'Retry']), ['Retry', 'No Retry', 'Failure']);
    const custom = processor('com.example.nifi.CallPartner', ['timeout', 'success']);
    assert.deepStrictEqual(errorRelationshipsOf(custom, ['rate exceeded']), ['timeout', 'rate exceeded']);
    assert.deepStrictEqual(errorRelationshipsOf(processor('org.apache.nifi.processors.standard.LogAttribute')), []);
  });
});
