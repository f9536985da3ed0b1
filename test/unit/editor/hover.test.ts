import * as assert from 'node:assert/strict';
import { hoverAt } from '../../../src/core/flow/editor';
import { edit, flow, offsetOf, sample, sampleText, type Flow } from './samples';

const SECRET = 'wJalrXUtnFEMI-K7MDENG-bPxRfiCYEXAMPLEKEY';

function hover(f: ReturnType<typeof flow>, offset: number) {
  return hoverAt(f.model!, f.locator, offset);
}

describe('editor: hover on a parameter reference', () => {
  // Validated in each test, not while mocha collects them (mutation testing counts only code run inside tests).
  let ready: Flow;
  beforeEach(() => { ready = sample('ready-s3-to-sqs.json'); });

  it('shows the context, description and value of a parameter of the group\'s own context', () => {
    const at = offsetOf(ready.text, '#{QueueUrl}', 4);
    const result = hover(ready, at)!;
    assert.match(result.markdown, /Parameter `QueueUrl` from context `s3_to_sqs`/);
    assert.match(result.markdown, /SQS queue that receives each new object/);
    assert.match(result.markdown, /Value: `https:\/\/sqs\.us-east-1\.amazonaws\.com\/123456789012\/new-objects`/);
    assert.equal(ready.text.slice(result.startOffset, result.endOffset), '#{QueueUrl}');
  });

  it('reads a reference whose name has spaces, as NiFi does', () => {
    const text = sampleText('ready-s3-to-sqs.json').split('"QueueUrl"').join('"Queue Url"').split('#{QueueUrl}').join('#{Queue Url}');
    const spaced = flow(text);
    const result = hover(spaced, offsetOf(text, '#{Queue Url}', 8))!;
    assert.match(result.markdown, /Parameter `Queue Url` from context `s3_to_sqs`/);
    assert.equal(text.slice(result.startOffset, result.endOffset), '#{Queue Url}');
  });

  it('says which inherited context a parameter comes from', () => {
    const result = hover(ready, offsetOf(ready.text, '#{AwsRegion}', 2))!;
    assert.match(result.markdown, /from context `aws_shared`, inherited by `s3_to_sqs`/);
    assert.match(result.markdown, /Value: `us-east-1`/);
  });

  it('never shows the value of a sensitive parameter, even one a hand edit put in the file', () => {
    const text = edit(sampleText('ready-s3-to-sqs.json'),
      '"Secret access key of the flow\'s IAM user",\n        "sensitive" : true,\n        "provided" : false',
      `"Secret access key of the flow's IAM user",\n        "sensitive" : true,\n        "provided" : false,\n        "value" : "${SECRET}"`);
    const edited = flow(text);
    assert.ok(edited.model!.contexts.get('aws_shared')!.parameters.some((p) => p.value === SECRET), 'the edit put the secret in the file');
    const result = hover(edited, offsetOf(text, '#{AwsSecretAccessKey}', 3))!;
    assert.ok(!result.markdown.includes(SECRET));
    assert.match(result.markdown, /\(sensitive: value supplied at deploy time\)/);
  });

  it('hides the value when the property is sensitive, whatever the parameter says', () => {
    const text = edit(sampleText('ready-s3-to-sqs.json'), '"Access Key" : "#{AwsAccessKeyId}"', '"Access Key" : "#{AwsRegion}"');
    const result = hover(flow(text), offsetOf(text, '"Access Key" : "#{AwsRegion}"', 20))!;
    assert.match(result.markdown, /`AwsRegion`/);
    assert.ok(!result.markdown.includes('us-east-1'));
    assert.match(result.markdown, /sensitive: value supplied at deploy time/);
  });

  it('explains an undefined reference and a group without a context', () => {
    const undefinedRef = sample('broken-undefined-reference.json');
    assert.match(hover(undefinedRef, offsetOf(undefinedRef.text, '#{QueueURL}', 3))!.markdown,
      /`QueueURL` is not defined in context `s3_to_sqs` or the contexts it inherits/);
    const noContext = sample('broken-no-parameter-context.json');
    assert.match(hover(noContext, offsetOf(noContext.text, '#{QueueUrl}', 3))!.markdown,
      /process group `S3 to SQS` has no parameter context/);
  });

  it('says an undefined reference once: the diagnostic\'s sentence above, the detail here', () => {
    const undefinedRef = sample('broken-undefined-reference.json');
    const at = offsetOf(undefinedRef.text, '#{QueueURL}', 3);
    const result = hoverAt(undefinedRef.model!, undefinedRef.locator, at, undefinedRef.findings)!;
    assert.doesNotMatch(result.markdown, /is not defined in context/);
    assert.doesNotMatch(result.markdown, /references parameter/, 'the hover repeats the diagnostic\'s sentence');
    assert.match(result.markdown, /Did you mean QueueUrl/);
    assert.equal(undefinedRef.text.slice(result.startOffset, result.endOffset), '#{QueueURL}');
  });

  it('shows the detail of a finding away from references, and nothing where no finding is', () => {
    const broken = sample('broken-failure-auto-terminated.json');
    const finding = broken.findings.find((item) => item.code === 'failure-auto-terminated')!;
    const result = hoverAt(broken.model!, broken.locator, finding.range.startOffset + 1, broken.findings)!;
    assert.match(result.markdown, /Lambda never retries it/);
    assert.equal(hoverAt(broken.model!, broken.locator, offsetOf(broken.text, '"flowContents"', 2), broken.findings), undefined);
  });

  it('finds the reference behind JSON escapes in the same string', () => {
    const text = edit(sampleText('ready-s3-to-sqs.json'), '"Queue URL" : "#{QueueUrl}"', '"Queue URL" : "caf\\u00e9 \\"q\\" #{QueueUrl}"');
    const edited = flow(text);
    const result = hover(edited, offsetOf(text, '#{QueueUrl}', 5))!;
    assert.equal(text.slice(result.startOffset, result.endOffset), '#{QueueUrl}');
    assert.match(result.markdown, /`QueueUrl`/);
  });

  it('shows nothing outside references: property names, expression language, escaped ##{x}', () => {
    assert.equal(hover(ready, offsetOf(ready.text, '"Queue URL"', 3)), undefined);
    assert.equal(hover(ready, offsetOf(ready.text, '${s3.bucket}', 4)), undefined);
    assert.equal(hover(ready, offsetOf(ready.text, '"us-east-1"', 3)), undefined);
    const text = edit(sampleText('ready-s3-to-sqs.json'), '"Delay" : "0 secs"', '"Delay" : "##{QueueUrl}"');
    assert.equal(hover(flow(text), offsetOf(text, '##{QueueUrl}', 5)), undefined);
  });
});
