import * as assert from 'node:assert/strict';
import { definitionAt } from '../../../src/core/flow/editor';
import { asNiFi } from '../rules/ruleFixtures';
import { flow, offsetOf, sample, sampleText, type Flow } from './samples';

describe('editor: go to definition of a parameter reference', () => {
  // Validated in each test, not while mocha collects them (mutation testing counts only code run inside tests).
  let ready: Flow;
  beforeEach(() => { ready = sample('ready-s3-to-sqs.json'); });

  it('jumps to the parameter\'s name in the context that defines it, inherited or not', () => {
    const region = definitionAt(ready.model!, ready.locator, offsetOf(ready.text, '#{AwsRegion}', 4))!;
    assert.equal(ready.text.slice(region.target.startOffset, region.target.endOffset), '"AwsRegion"');
    assert.ok(region.target.startOffset > offsetOf(ready.text, '"aws_shared" : {'), 'target is inside aws_shared');
    assert.equal(ready.text.slice(region.origin.startOffset, region.origin.endOffset), '#{AwsRegion}');

    const queue = definitionAt(ready.model!, ready.locator, offsetOf(ready.text, '#{QueueUrl}', 2))!;
    assert.equal(ready.text.slice(queue.target.startOffset, queue.target.endOffset), '"QueueUrl"');
    assert.equal(queue.target.start.line, ready.text.slice(0, queue.target.startOffset).split('\n').length - 1);
  });

  it('jumps from a reference whose name has spaces, bare or quoted (NiFi 2.x)', () => {
    const text = asNiFi(2, sampleText('ready-s3-to-sqs.json')).split('"QueueUrl"').join('"Queue Url"').split('#{QueueUrl}').join("#{'Queue Url'}");
    const spaced = flow(text);
    const queue = definitionAt(spaced.model!, spaced.locator, offsetOf(text, "#{'Queue Url'}", 9))!;
    assert.equal(text.slice(queue.target.startOffset, queue.target.endOffset), '"Queue Url"');
    const bare = flow(text.split("#{'Queue Url'}").join('#{Queue Url}'));
    const fromBare = definitionAt(bare.model!, bare.locator, offsetOf(bare.text, '#{Queue Url}', 9))!;
    assert.equal(bare.text.slice(fromBare.target.startOffset, fromBare.target.endOffset), '"Queue Url"');
  });

  it('goes nowhere for an undefined parameter or outside a reference', () => {
    const broken = sample('broken-undefined-reference.json');
    assert.equal(definitionAt(broken.model!, broken.locator, offsetOf(broken.text, '#{QueueURL}', 3)), undefined);
    assert.equal(definitionAt(ready.model!, ready.locator, offsetOf(ready.text, '"S3 event"', 2)), undefined);
  });
});
