// The editor reads parameter references exactly as the rules do (issue 8, points 1, 17, 19 and 23):
// NiFi 1.x reads #{'Name'} as a name with quotes in it (quotes arrived in NiFi 2.0), and in a property
// holding ${...} nothing inside an expression's string literal is a reference.
import * as assert from 'node:assert/strict';
import { completionsAt, definitionAt, hoverAt, renameParameterTo, renameTargetAt } from '../../../src/core/flow/editor';
import type { CompletionData } from '../../../src/core/flow/editor';
import { applyTextEdits } from '../../../src/core/flow/fixes/composeEdits';
import type { TextEdit } from '../../../src/core/flow/textEdit';
import { asNiFi, readFlow } from '../rules/ruleFixtures';
import { edit, flow, offsetOf, sampleText, type Flow } from './samples';

/** The ready sample (written by NiFi 1.23.2) with the SQS processor's "Delay" set to `delay`. */
function withDelay(delay: string, major: 1 | 2): string {
  const text = edit(sampleText('ready-s3-to-sqs.json'), '"Delay" : "0 secs"', `"Delay" : ${JSON.stringify(delay)}`);
  return major === 1 ? text : asNiFi(2, text);
}

/** The same, with the parameter QueueUrl (and every reference to it) named "Queue Url". */
function spaced(delay: string, major: 1 | 2): string {
  return withDelay(delay, major).split('"QueueUrl"').join('"Queue Url"').split('#{QueueUrl}').join('#{Queue Url}');
}

/** The edit VS Code makes when the entry labelled `label` is accepted. */
function accept(result: CompletionData, label: string): TextEdit {
  const entry = result.entries.find((item) => item.label === label)!;
  return { offset: result.startOffset, length: result.replaceEndOffset - result.startOffset, newText: entry.insertText };
}

const codes = (f: Flow) => f.findings.map((finding) => finding.code);

/** Completion with the cursor where `|` is in the Delay value. */
function completeIn(delayWithCursor: string, major: 1 | 2, base = withDelay) {
  const cursor = delayWithCursor.indexOf('|');
  const delay = delayWithCursor.replace('|', '');
  const f = flow(base(delay, major));
  const result = completionsAt(f.model!, f.locator, offsetOf(f.text, `"Delay" : ${JSON.stringify(delay)}`, '"Delay" : "'.length + cursor));
  return { f, result };
}

describe('editor: references read as the rules read them', () => {
  describe("#{'QueueUrl'} in a NiFi 1.x file (no quoted names before NiFi 2.0)", () => {
    const f = flow(withDelay("#{'QueueUrl'}", 1));
    const at = offsetOf(f.text, "#{'QueueUrl'}", 4);

    it('is what the rules report: a parameter named with its quotes, which is undefined', () => {
      const undefinedNames = f.findings.filter((finding) => finding.code === 'parameter-undefined').map((finding) => f.text.slice(finding.range.startOffset, finding.range.endOffset));
      assert.deepEqual(undefinedNames, ["#{'QueueUrl'}"]);
    });

    it('hover explains the undefined name as written, quotes included, and never shows QueueUrl\'s value', () => {
      const result = hoverAt(f.model!, f.locator, at)!;
      assert.match(result.markdown, /`'QueueUrl'` is not defined in context `s3_to_sqs`/);
      assert.doesNotMatch(result.markdown, /new-objects/);
      assert.equal(f.text.slice(result.startOffset, result.endOffset), "#{'QueueUrl'}");
    });

    it('go to definition goes nowhere, and F2 offers no rename there', () => {
      assert.equal(definitionAt(f.model!, f.locator, at), undefined);
      assert.equal(renameTargetAt(f.model!, f.locator, at), undefined);
    });

    it('renaming QueueUrl from its bare reference leaves the quoted text alone, as the rules do not count it', () => {
      const target = renameTargetAt(f.model!, f.locator, offsetOf(f.text, '#{QueueUrl}', 3))!;
      const outcome = renameParameterTo(f.model!, target, 'TargetQueue');
      assert.ok('edits' in outcome);
      const renamed = applyTextEdits(f.text, outcome.edits);
      assert.ok(renamed.includes('"Queue URL" : "#{TargetQueue}"'));
      assert.ok(renamed.includes(`"Delay" : "#{'QueueUrl'}"`));
    });

    it('completion never inserts a quoted name: typed quotes are replaced by the bare form 1.x reads', () => {
      for (const typed of ['#{|', '#{Que|', "#{'Que|", "#{'|'}"]) {
        const { f: typedFlow, result } = completeIn(typed, 1);
        assert.ok(result, `no completion for ${typed}`);
        const queue = result.entries.find((entry) => entry.label === 'QueueUrl')!;
        assert.equal(queue.insertText, '#{QueueUrl}', typed);
        for (const entry of result.entries) assert.ok(!entry.insertText.includes("'"), `${typed}: ${entry.insertText}`);
        // The typed text (quote included) still matches the entry, and is what the entry replaces.
        const replaced = typedFlow.text.slice(result.startOffset, result.insertEndOffset);
        assert.ok(queue.filterText.startsWith(replaced.replace(/'?\}$/, '')), `${replaced} / ${queue.filterText}`);
      }
      const { f: typedFlow, result } = completeIn("#{'Que|'}", 1);
      const inserted = applyTextEdits(typedFlow.text, [accept(result!, 'QueueUrl')]);
      assert.ok(inserted.includes('"Delay" : "#{QueueUrl}"'));
      assert.ok(!codes(flow(inserted)).includes('parameter-undefined'), 'the inserted reference resolves');
    });
  });

  describe("#{'QueueUrl'} in a NiFi 2.x file", () => {
    const f = flow(withDelay("#{'QueueUrl'}", 2));
    const at = offsetOf(f.text, "#{'QueueUrl'}", 4);

    it('is a reference to QueueUrl for the rules, and for hover, go to definition and F2', () => {
      assert.ok(!codes(f).includes('parameter-undefined'));
      assert.match(hoverAt(f.model!, f.locator, at)!.markdown, /Parameter `QueueUrl` from context `s3_to_sqs`/);
      const definition = definitionAt(f.model!, f.locator, at)!;
      assert.equal(f.text.slice(definition.target.startOffset, definition.target.endOffset), '"QueueUrl"');
      assert.equal(f.text.slice(definition.origin.startOffset, definition.origin.endOffset), "#{'QueueUrl'}");
      const target = renameTargetAt(f.model!, f.locator, at)!;
      assert.equal(target.parameter.name, 'QueueUrl');
      const outcome = renameParameterTo(f.model!, target, 'Target Queue');
      assert.ok('edits' in outcome);
      const renamed = applyTextEdits(f.text, outcome.edits);
      assert.ok(renamed.includes(`"Delay" : "#{'Target Queue'}"`), 'the quoted reference keeps its quotes');
      assert.ok(renamed.includes('"Queue URL" : "#{Target Queue}"'), 'the bare one stays bare');
      assert.ok(!codes(flow(renamed)).includes('parameter-undefined'));
    });

    it('completion keeps a quote the user typed, and writes a name bare otherwise, as the fixes do', () => {
      assert.equal(completeIn("#{'Que|", 2).result!.entries.find((entry) => entry.label === 'QueueUrl')!.insertText, "#{'QueueUrl'}");
      assert.equal(completeIn('#{Que|', 2, spaced).result!.entries.find((entry) => entry.label === 'Queue Url')!.insertText, '#{Queue Url}');
    });

    it('inside ${...} a name with a space is inserted quoted (the Expression Language reads no bare space), others bare', () => {
      const { f: typedFlow, result } = completeIn('${#{|}}', 2, spaced);
      assert.ok(result);
      const insert = (label: string) => result.entries.find((entry) => entry.label === label)!.insertText;
      assert.equal(insert('Queue Url'), "#{'Queue Url'}");
      assert.equal(insert('AwsRegion'), '#{AwsRegion}');
      const inserted = applyTextEdits(typedFlow.text, [accept(result, 'Queue Url')]);
      assert.ok(inserted.includes(`"Delay" : "\${#{'Queue Url'}}"`), inserted.slice(inserted.indexOf('"Delay" : "'), inserted.indexOf('"Delay" : "') + 40));
      assert.ok(!codes(flow(inserted)).includes('parameter-undefined'), 'the rules read the inserted reference');
      // A double quote opened inside an expression is kept too.
      assert.equal(completeIn('${#{"Que|', 2, spaced).result!.entries.find((entry) => entry.label === 'Queue Url')!.insertText, '#{\\"Queue Url\\"}');
    });
  });

  describe('a reference inside an Expression Language string literal', () => {
    // One copy of #{QueueUrl} inside the literal (text, not a reference) and one the expression reads.
    const delay = "${'#{QueueUrl}':append(#{QueueUrl})}";
    const f = flow(withDelay(delay, 2));
    const inLiteral = offsetOf(f.text, "'#{QueueUrl}'", 4);
    const read = offsetOf(f.text, 'append(#{QueueUrl})', 'append('.length + 3);

    it('is no reference: no hover, no definition, no rename target; the expression\'s own reference is one', () => {
      assert.equal(hoverAt(f.model!, f.locator, inLiteral), undefined);
      assert.equal(definitionAt(f.model!, f.locator, inLiteral), undefined);
      assert.equal(renameTargetAt(f.model!, f.locator, inLiteral), undefined);
      assert.match(hoverAt(f.model!, f.locator, read)!.markdown, /Parameter `QueueUrl`/);
      const definition = definitionAt(f.model!, f.locator, read)!;
      assert.equal(f.text.slice(definition.origin.startOffset, definition.origin.endOffset), '#{QueueUrl}');
    });

    it('F2 renames the expression\'s reference and leaves the literal as it is', () => {
      const outcome = renameParameterTo(f.model!, renameTargetAt(f.model!, f.locator, read)!, 'TargetQueue');
      assert.ok('edits' in outcome);
      const renamed = applyTextEdits(f.text, outcome.edits);
      assert.ok(renamed.includes(`"Delay" : "\${'#{QueueUrl}':append(#{TargetQueue})}"`));
    });

    it('offers no completion inside the literal, and does inside the expression', () => {
      assert.equal(completeIn("${'#{|", 2).result, undefined);
      assert.equal(completeIn("${'#{Que|}'}", 1).result, undefined);
      assert.ok(completeIn('${#{|', 2).result);
      assert.ok(completeIn("${'a':append(#{|", 1).result, 'after the literal closed');
    });
  });

  describe('a processor\'s run schedule, where NiFi reads parameters too (issue 8, point 2)', () => {
    const f = flow(readFlow('parameter-in-run-schedule.json'));
    // The second: the first is in a child group without a parameter context.
    const at = offsetOf(f.text, '"schedulingPeriod": "#{POLL_INTERVAL}"', '"schedulingPeriod": "#{'.length + 2, 1);

    it('hover and go to definition find the parameter, as the rules count the use', () => {
      assert.ok(!f.findings.some((finding) => finding.code === 'parameter-unused' && finding.message.includes('POLL_INTERVAL')));
      assert.match(hoverAt(f.model!, f.locator, at)!.markdown, /Parameter `POLL_INTERVAL` from context `orders_api`/);
      const definition = definitionAt(f.model!, f.locator, at)!;
      assert.equal(f.text.slice(definition.target.startOffset, definition.target.endOffset), '"POLL_INTERVAL"');
      assert.equal(f.text.slice(definition.origin.startOffset, definition.origin.endOffset), '#{POLL_INTERVAL}');
    });

    it('F2 from the run schedule renames the parameter and every reference', () => {
      const target = renameTargetAt(f.model!, f.locator, at)!;
      assert.equal(target.parameter.name, 'POLL_INTERVAL');
      const outcome = renameParameterTo(f.model!, target, 'POLL_PERIOD');
      assert.ok('edits' in outcome);
      const renamed = applyTextEdits(f.text, outcome.edits);
      // The top group's reference is renamed; the child group's, which resolves to nothing, is left as it is.
      assert.equal(renamed.split('"schedulingPeriod": "#{POLL_PERIOD}"').length - 1, 1);
      assert.equal(renamed.split('"schedulingPeriod": "#{POLL_INTERVAL}"').length - 1, 1);
      assert.ok(renamed.indexOf('#{POLL_INTERVAL}') < renamed.indexOf('#{POLL_PERIOD}'), 'the one left is the child group\'s, written first');
    });

    it('completion offers only parameters that are not sensitive (none may be used there)', () => {
      const text = edit(f.text, '"schedulingPeriod": "#{RETRY_WAIT}"', '"schedulingPeriod": "#{"');
      const typed = flow(text);
      const result = completionsAt(typed.model!, typed.locator, offsetOf(text, '"schedulingPeriod": "#{"', '"schedulingPeriod": "#{'.length))!;
      assert.deepEqual(result.entries.map((entry) => entry.label).sort(), ['API_URL', 'MAX_RATE', 'POLL_INTERVAL']);
    });
  });
});
