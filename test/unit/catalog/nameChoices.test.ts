import * as assert from 'node:assert/strict';
import { CLOSE_NAME, closeExistingNames, nameChoices, nameKey, NEW_FLOW, NEW_VERSION } from '../../../src/vscode/catalog/nameChoices';

const rows = (items: ReturnType<typeof nameChoices>) => items.map((item) => `${item.name} | ${item.description}`);

describe('push name picker rows', () => {
  it('ranks an existing flow whose name differs only in case and spaces first, above "new flow"', () => {
    assert.deepEqual(rows(nameChoices('', 'S3 to SQS', ['KafkaToS3', 'S3ToSqs'])), [
      `S3ToSqs | ${CLOSE_NAME}`,
      `S3 to SQS | ${NEW_FLOW}`,
      `KafkaToS3 | ${NEW_VERSION}`,
    ]);
  });

  it('does not rank a name one letter apart first: that is another flow (one close, one not)', () => {
    assert.deepEqual(closeExistingNames('S3 to SQS', ['S3ToSns', 's3-to_sqs', 'S3 to SQS']), ['s3-to_sqs']);
    assert.deepEqual(rows(nameChoices('', 'S3 to SQS', ['S3ToSns'])), [`S3 to SQS | ${NEW_FLOW}`, `S3ToSns | ${NEW_VERSION}`]);
  });

  it('ranks by what the user typed once they type, and offers the typed name as a new flow second', () => {
    assert.deepEqual(rows(nameChoices('kafka to s3', 'S3 to SQS', ['KafkaToS3', 'S3ToSqs'])), [
      `KafkaToS3 | ${CLOSE_NAME}`,
      `kafka to s3 | ${NEW_FLOW}`,
      `S3 to SQS | ${NEW_FLOW}`,
      `S3ToSqs | ${NEW_VERSION}`,
    ]);
  });

  it('puts an exact existing name first as a new version, with no close-name row', () => {
    assert.deepEqual(rows(nameChoices('', 'S3ToSqs', ['S3ToSqs', 's3tosqs'])), [`S3ToSqs | ${NEW_VERSION}`, `s3tosqs | ${NEW_VERSION}`]);
  });

  it('ranks nothing while the catalog is still being read', () => {
    assert.deepEqual(rows(nameChoices('', 'S3 to SQS', undefined)), ['S3 to SQS | checking the catalog…']);
  });

  it('compares names without case, spaces, punctuation and full-width forms, and not an empty name', () => {
    assert.equal(nameKey('S3 → SQS (v2)'), nameKey('s3sqsv2'));
    assert.equal(nameKey('ＳＳＱ'), 'ssq');
    assert.deepEqual(closeExistingNames('  ', ['-', ' ']), []);
  });
});
