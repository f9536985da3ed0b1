import * as assert from 'node:assert/strict';
import { renameParameterTo, renameTargetAt } from '../../../src/core/flow/editor/rename';
import { applyTextEdits } from '../../../src/core/flow/fixes/composeEdits';
import { validateText } from '../../../src/core/flow/validate';
import { flow, offsetOf, sample, type Flow } from './samples';

describe('editor: rename a parameter (F2)', () => {
  // Validated in each test, not while mocha collects them (mutation testing counts only code run inside tests).
  let ready: Flow;
  beforeEach(() => { ready = sample('ready-s3-to-sqs.json'); });

  it('renames from a reference: the parameter and every reference to it', () => {
    const target = renameTargetAt(ready.model!, ready.locator, offsetOf(ready.text, '#{QueueUrl}', 4))!;
    assert.equal(target.parameter.name, 'QueueUrl');
    assert.equal(ready.text.slice(target.startOffset, target.endOffset), '#{QueueUrl}');
    const outcome = renameParameterTo(ready.model!, target, 'TargetQueue');
    assert.ok('edits' in outcome);
    const text = applyTextEdits(ready.text, outcome.edits);
    assert.equal(text.split('#{QueueUrl}').length, 1);
    assert.equal(text.split('#{TargetQueue}').length, ready.text.split('#{QueueUrl}').length);
    assert.deepEqual(validateText(text).findings, []);
  });

  it('renames from the parameter\'s name in parameterContexts, the same way', () => {
    const at = offsetOf(ready.text, '"name" : "QueueUrl"', 12);
    const target = renameTargetAt(ready.model!, ready.locator, at)!;
    assert.equal(target.parameter.name, 'QueueUrl');
    const fromName = renameParameterTo(ready.model!, target, 'TargetQueue');
    const fromReference = renameParameterTo(ready.model!, renameTargetAt(ready.model!, ready.locator, offsetOf(ready.text, '#{QueueUrl}', 4))!, 'TargetQueue');
    assert.deepEqual(fromName, fromReference);
  });

  it('refuses an empty name, a name the context has, and one NiFi does not accept; nothing to do for the same name', () => {
    const target = renameTargetAt(ready.model!, ready.locator, offsetOf(ready.text, '#{QueueUrl}', 4))!;
    assert.match((renameParameterTo(ready.model!, target, ' ') as { error: string }).error, /needs a name/);
    assert.match((renameParameterTo(ready.model!, target, 'QueueUrl2{') as { error: string }).error, /letters, digits, spaces/);
    const region = renameTargetAt(ready.model!, ready.locator, offsetOf(ready.text, '#{AwsRegion}', 4))!;
    const sibling = region.parameter.context.parameters.find((parameter) => parameter !== region.parameter)!;
    assert.match((renameParameterTo(ready.model!, region, sibling.name) as { error: string }).error, /already has a parameter/);
    assert.deepEqual(renameParameterTo(ready.model!, target, 'QueueUrl'), { edits: [] });
    // The boundary of NiFi's characters: space, dot, dash and underscore are fine.
    assert.ok('edits' in renameParameterTo(ready.model!, target, 'Queue url-2_b.c'));
  });

  it('offers nothing on an undefined reference or outside parameters', () => {
    const broken = sample('broken-undefined-reference.json');
    assert.equal(renameTargetAt(broken.model!, broken.locator, offsetOf(broken.text, '#{QueueURL}', 4)), undefined);
    assert.equal(renameTargetAt(ready.model!, ready.locator, offsetOf(ready.text, '"Queue URL"', 3)), undefined);
    const text = ready.text;
    assert.equal(renameTargetAt(flow(text).model!, flow(text).locator, offsetOf(text, '"flowContents"', 2)), undefined);
  });
});
