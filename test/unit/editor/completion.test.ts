import * as assert from 'node:assert/strict';
import { completionsAt } from '../../../src/core/flow/editor';
import { asNiFi } from '../rules/ruleFixtures';
import { edit, flow, offsetOf, sampleText } from './samples';

const READY = sampleText('ready-s3-to-sqs.json');

/** The ready flow with PutSQS's "Delay" value replaced, and the cursor where `|` was. */
function typing(delayValue: string, base = READY) {
  const cursorInValue = delayValue.indexOf('|');
  const text = edit(base, '"Delay" : "0 secs"', `"Delay" : "${delayValue.replace('|', '')}"`);
  const f = flow(text);
  const offset = offsetOf(text, '"Delay" : "', '"Delay" : "'.length + cursorInValue);
  return { text, result: completionsAt(f.model!, f.locator, offset) };
}

describe('editor: completion of parameter names after #{', () => {
  it('offers the group\'s own and inherited parameters of the property\'s sensitivity, replacing from the #', () => {
    const { text, result } = typing('#{|');
    assert.ok(result);
    assert.deepEqual(result.entries.map((entry) => entry.label).sort(), ['AwsRegion', 'QueueUrl'], 'Delay is not sensitive');
    assert.equal(text.slice(result.startOffset, result.insertEndOffset), '#{');
    const queue = result.entries.find((entry) => entry.label === 'QueueUrl')!;
    assert.equal(queue.insertText, '#{QueueUrl}');
    assert.equal(queue.detail, 'parameter of s3_to_sqs');
    assert.equal(result.entries.find((entry) => entry.label === 'AwsRegion')!.detail, 'inherited from aws_shared');
  });

  it('offers only sensitive parameters in a sensitive property', () => {
    const text = edit(READY, '"Secret Key" : "#{AwsSecretAccessKey}"', '"Secret Key" : "#{"');
    const f = flow(text);
    const result = completionsAt(f.model!, f.locator, offsetOf(text, '"Secret Key" : "#{', '"Secret Key" : "#{'.length));
    assert.deepEqual(result?.entries.map((entry) => entry.label).sort(), ['AwsAccessKeyId', 'AwsSecretAccessKey']);
  });

  it('lists the group\'s own context\'s parameters before inherited ones', () => {
    // A second own parameter that sorts after the inherited AwsRegion by name.
    const base = edit(READY, '"value" : "https://sqs.us-east-1.amazonaws.com/123456789012/new-objects"\n      } ]',
      '"value" : "https://sqs.us-east-1.amazonaws.com/123456789012/new-objects"\n      }, {\n' +
      '        "name" : "Zone",\n        "sensitive" : false,\n        "provided" : false,\n        "value" : "a"\n      } ]');
    const { result } = typing('#{|', base);
    const sorted = [...result!.entries].sort((a, b) => a.sortText.localeCompare(b.sortText)).map((entry) => entry.label);
    assert.deepEqual(sorted, ['QueueUrl', 'Zone', 'AwsRegion']);
  });

  it('inserts over the typed part of the name and a closing brace at the cursor, never the text after it', () => {
    const inserted = (value: string) => {
      const { text, result } = typing(value);
      return text.slice(result!.startOffset, result!.insertEndOffset);
    };
    assert.equal(inserted('x #{Que|'), '#{Que');
    assert.equal(inserted('#{|0 secs'), '#{');
    assert.equal(inserted('#{Que|} tail'), '#{Que}');
    assert.equal(inserted('#{Que|ueUrl} tail'), '#{Que');
    assert.equal(inserted("#{'Que|'} tail"), "#{'Que'}");
  });

  it('replaces the whole reference when the rest of its name follows the cursor, and nothing else after it', () => {
    const replaced = (value: string) => {
      const { text, result } = typing(value);
      return text.slice(result!.startOffset, result!.replaceEndOffset);
    };
    assert.equal(replaced('#{Que|ueUrl} tail'), '#{QueueUrl}');
    assert.equal(replaced("#{'que|ue url'} tail"), "#{'queue url'}");
    assert.equal(replaced('#{Que|} tail'), '#{Que}');
    assert.equal(replaced('x #{Que|'), '#{Que');
    assert.equal(replaced('#{|0 secs'), '#{', 'no closing brace follows: the rest of the value stays');
    assert.equal(replaced('#{Que|ue #{AwsRegion}'), '#{Que', 'the brace of the next reference is not this one\'s');
  });

  it('completes names with spaces bare, as NiFi reads everything up to the }', () => {
    const base = READY.split('"QueueUrl"').join('"Queue Url"').split('#{QueueUrl}').join('#{Queue Url}');
    const { text, result } = typing('#{Queue U|', base);
    assert.equal(text.slice(result!.startOffset, result!.insertEndOffset), '#{Queue U');
    assert.equal(result!.entries.find((entry) => entry.label === 'Queue Url')!.insertText, '#{Queue Url}');
    const rest = typing('#{Queue U|rl} tail', base);
    assert.equal(rest.text.slice(rest.result!.startOffset, rest.result!.replaceEndOffset), '#{Queue Url}');
  });

  it('offers nothing inside an escape that runs over the cursor', () => {
    assert.equal(typing('##{a #{|').result, undefined, 'NiFi reads ##{a #{...} as literal text');
    assert.ok(typing('##{a} #{|').result, 'the escape ended at its }');
    assert.ok(typing('###{|').result, 'an odd run of # ends in a reference');
  });

  it('keeps the quotes the user typed in a NiFi 2.x file, which reads them', () => {
    const base = asNiFi(2, READY).split('"QueueUrl"').join('"queue url"').split('#{QueueUrl}').join("#{'queue url'}");
    const { result } = typing("#{'qu|", base);
    const entry = result!.entries.find((item) => item.label === 'queue url')!;
    assert.equal(entry.insertText, "#{'queue url'}");
  });

  it('never puts a sensitive value in the documentation', () => {
    const secret = 'AKIAIOSFODNN7EXAMPLE';
    const withSecret = edit(READY, '"Access key id of the flow\'s IAM user",\n        "sensitive" : true,\n        "provided" : false',
      `"Access key id of the flow's IAM user",\n        "sensitive" : true,\n        "provided" : false,\n        "value" : "${secret}"`);
    const text = edit(withSecret, '"Secret Key" : "#{AwsSecretAccessKey}"', '"Secret Key" : "#{"');
    const f = flow(text);
    const result = completionsAt(f.model!, f.locator, offsetOf(text, '"Secret Key" : "#{', '"Secret Key" : "#{'.length));
    const entry = result!.entries.find((item) => item.label === 'AwsAccessKeyId')!;
    assert.ok(!entry.documentation.includes(secret));
    assert.match(entry.documentation, /sensitive: value supplied at deploy time/);
  });

  it('offers nothing outside a #{ or after an escaped ##{', () => {
    assert.equal(typing('0 se|cs').result, undefined);
    assert.equal(typing('##{|').result, undefined);
    assert.equal(typing('#{a} and |').result, undefined);
  });

  it('works in controller service properties too', () => {
    const text = edit(READY, '"default-credentials" : "false"', '"default-credentials" : "#{"');
    const f = flow(text);
    const result = completionsAt(f.model!, f.locator, offsetOf(text, '"default-credentials" : "#{', 27));
    assert.deepEqual(result?.entries.map((entry) => entry.label).sort(), ['AwsRegion', 'QueueUrl']);
  });
});
