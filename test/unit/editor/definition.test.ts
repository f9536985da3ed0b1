import * as assert from 'node:assert/strict';
import { definitionAt } from '../../../src/core/flow/editor';
import { offsetOf, sample } from './samples';

describe('editor: go to definition of a parameter reference', () => {
  const ready = sample('ready-s3-to-sqs.json');

  it('jumps to the parameter\'s name in the context that defines it, inherited or not', () => {
    const region = definitionAt(ready.model!, ready.locator, offsetOf(ready.text, '#{AwsRegion}', 4))!;
    assert.equal(ready.text.slice(region.target.startOffset, region.target.endOffset), '"AwsRegion"');
    assert.ok(region.target.startOffset > offsetOf(ready.text, '"aws_shared" : {'), 'target is inside aws_shared');
    assert.equal(ready.text.slice(region.origin.startOffset, region.origin.endOffset), '#{AwsRegion}');

    const queue = definitionAt(ready.model!, ready.locator, offsetOf(ready.text, '#{QueueUrl}', 2))!;
    assert.equal(ready.text.slice(queue.target.startOffset, queue.target.endOffset), '"QueueUrl"');
    assert.equal(queue.target.start.line, ready.text.slice(0, queue.target.startOffset).split('\n').length - 1);
  });

  it('goes nowhere for an undefined parameter or outside a reference', () => {
    const broken = sample('broken-undefined-reference.json');
    assert.equal(definitionAt(broken.model!, broken.locator, offsetOf(broken.text, '#{QueueURL}', 3)), undefined);
    assert.equal(definitionAt(ready.model!, ready.locator, offsetOf(ready.text, '"S3 event"', 2)), undefined);
  });
});
