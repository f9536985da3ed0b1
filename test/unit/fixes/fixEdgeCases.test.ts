// Edge cases of the fixes a user can meet: which references addParameter points at its new name,
// a fix computed on text that changed since the model was made, fixes that no longer apply, which
// fix is preferred, and the order of close names.
import * as assert from 'assert';
import type { FixSpec } from '../../../src/core/flow/finding';
import { computeFix, fixTitle, isPreferredFix } from '../../../src/core/flow/fixes';
import { closeNames, editDistance } from '../../../src/core/flow/fixes/closeNames';
import { JsonLocator } from '../../../src/core/flow/locate';
import { TextDraft } from '../../../src/core/flow/fixes/textDraft';
import { detectJsonStyle } from '../../../src/core/flow/fixes/jsonStyle';
import { applyTextEdits, composeEdit } from '../../../src/core/flow/fixes/composeEdits';
import { modelOf, readFixture, runFix } from './fixHelpers';

/** parameters-jackson.json: group Params (context Main, inheriting Shared) with processor p-top and service cs-1; child Own Bucket (context Other) with p-a; child Without Context with p-b. */
function parametersFlow(edit: (flow: any) => void): string {
  const flow = JSON.parse(readFixture('parameters-jackson.json'));
  edit(flow);
  return JSON.stringify(flow, null, 2);
}

describe('fix edge cases', () => {
  describe('addParameter under a name DataFlow Functions accepts', () => {
    const fix: FixSpec = { kind: 'addParameter', contextName: 'Main', parameterName: 'queue url', sensitive: false };

    function spaced(edit: (flow: any) => void = () => undefined): string {
      return parametersFlow((flow) => {
        const [top] = [flow.flowContents];
        const [write] = top.processors;
        write.properties.Bucket = 'q=#{queue url}';
        write.schedulingPeriod = "${literal('#{queue url}')}";
        top.controllerServices[0].properties.Profile = "${literal('#{queue url}')}";
        top.processGroups[0].processors[0].schedulingPeriod = '#{queue url}';
        top.processGroups[0].processors[0].properties.Bucket = '#{queue url}';
        top.processGroups[1].processors[0].properties.Bucket = '#{queue url}';
        edit(flow);
      });
    }

    it('points the references in groups using the context at it, in properties and run schedules, and no other', () => {
      const { json } = runFix(spaced(), fix);
      const top = json.flowContents;
      assert.deepStrictEqual(json.parameterContexts.Main.parameters.map((parameter: { name: string }) => parameter.name), ['region', 'queue_url']);
      assert.strictEqual(top.processors[0].properties.Bucket, 'q=#{queue_url}');
      assert.strictEqual(top.processors[0].schedulingPeriod, "${literal('#{queue_url}')}", 'a run schedule has no expressions: it is a reference');
      assert.strictEqual(top.controllerServices[0].properties.Profile, "${literal('#{queue url}')}", 'text in an expression\'s literal is no reference');
      assert.strictEqual(top.processGroups[0].processors[0].properties.Bucket, '#{queue url}', 'group Own Bucket uses context Other');
      assert.strictEqual(top.processGroups[0].processors[0].schedulingPeriod, '#{queue url}');
      assert.strictEqual(top.processGroups[1].processors[0].properties.Bucket, '#{queue url}', 'group Without Context uses none');
    });

    it('takes a name no used context has', () => {
      const text = spaced((flow) => {
        flow.parameterContexts.Other.parameters.push({ name: 'queue_url', sensitive: false, value: 'x' });
      });
      const { json } = runFix(text, fix);
      assert.deepStrictEqual(json.parameterContexts.Main.parameters.map((parameter: { name: string }) => parameter.name), ['region', 'queue_url_2']);
      assert.strictEqual(json.flowContents.processors[0].properties.Bucket, 'q=#{queue_url_2}');
    });

    it('leaves the references alone where the name resolves already (an inherited context defines it)', () => {
      const text = spaced((flow) => {
        flow.parameterContexts.Shared.parameters.push({ name: 'queue url', sensitive: false, value: 'x' });
      });
      const { json } = runFix(text, fix);
      assert.deepStrictEqual(json.parameterContexts.Main.parameters.map((parameter: { name: string }) => parameter.name), ['region', 'queue_url']);
      assert.strictEqual(json.flowContents.processors[0].properties.Bucket, 'q=#{queue url}');
    });

    it('does nothing for an empty name or a context that is gone', () => {
      const text = spaced();
      assert.deepStrictEqual(computeFix(text, modelOf(text), { ...fix, parameterName: '' } as FixSpec), []);
      assert.deepStrictEqual(computeFix(text, modelOf(text), { ...fix, contextName: 'Gone' } as FixSpec), []);
    });

    it('keeps a two-character name as written, and says so in its title', () => {
      assert.strictEqual(fixTitle({ kind: 'addParameter', contextName: 'Main', parameterName: 'ab', sensitive: true }),
        'Add sensitive parameter "ab" to context "Main"');
      assert.strictEqual(fixTitle({ kind: 'addParameter', contextName: 'Main', parameterName: 'a', sensitive: true }),
        'Add sensitive parameter "a" to context "Main" under a name DataFlow Functions accepts, and reference that');
    });
  });

  describe('text and model', () => {
    it('computes the edits on the text given, when the model was made from an earlier text', () => {
      const original = readFixture('parameters-jackson.json');
      const changed = `\n\n${original}`;
      const fix: FixSpec = { kind: 'renameContext', contextName: 'Other', newName: 'Own' };
      const edits = computeFix(changed, modelOf(original), fix);
      const json = JSON.parse(applyTextEdits(changed, edits));
      assert.deepStrictEqual(Object.keys(json.parameterContexts), ['Shared', 'Main', 'Own']);
    });

    it('follows the text where the user changed which context a group uses since the model was made', () => {
      const original = readFixture('parameters-jackson.json');
      const changed = original.replace('"parameterContextName" : "Other"', '"parameterContextName" : "Main"');
      assert.notStrictEqual(changed, original);
      const edits = computeFix(changed, modelOf(original), { kind: 'renameContext', contextName: 'Other', newName: 'Own' });
      const json = JSON.parse(applyTextEdits(changed, edits));
      assert.strictEqual(json.flowContents.processGroups[0].parameterContextName, 'Main', 'the group the user moved keeps its new context');
      assert.deepStrictEqual(Object.keys(json.parameterContexts), ['Shared', 'Main', 'Own']);
    });

    it('computes nothing once the text is no longer a flow', () => {
      const original = readFixture('parameters-jackson.json');
      const fix: FixSpec = { kind: 'renameContext', contextName: 'Other', newName: 'Own' };
      assert.deepStrictEqual(computeFix('{ "flowContents": ', modelOf(original), fix), []);
      assert.deepStrictEqual(computeFix('[]', modelOf(original), fix), []);
    });
  });

  describe('replaceReference', () => {
    const change = (componentId: string, property: string, newName: string): FixSpec => ({
      kind: 'replaceReference', componentId, property, parameterName: 'bukcet', occurrence: 0, newName,
    });

    it('rewrites a controller service\'s property, and nothing for a property that is empty or a component that is not configurable', () => {
      const text = parametersFlow((flow) => {
        flow.flowContents.controllerServices[0].properties.Profile = '#{bukcet}-profile';
        flow.flowContents.processors[0].properties.Empty = null;
      });
      assert.strictEqual(runFix(text, change('cs-1', 'Profile', 'bucket')).json.flowContents.controllerServices[0].properties.Profile, '#{bucket}-profile');
      assert.deepStrictEqual(computeFix(text, modelOf(text), change('p-top', 'Empty', 'bucket')), []);
      assert.deepStrictEqual(computeFix(text, modelOf(text), change('aaaaaaaa-0000-0000-0000-000000000001', 'Profile', 'bucket')), []);
    });

    it('does nothing when the value no longer holds the reference', () => {
      const text = parametersFlow(() => undefined);
      assert.deepStrictEqual(computeFix(text, modelOf(text), change('p-top', 'Bucket', 'region')), []);
    });
  });

  describe('preferred fixes', () => {
    it('never prefers a settings fix, even alone, nor a fix that is not among the finding\'s', () => {
      const setting: FixSpec = { kind: 'addFailurePortSetting', portName: 'errors' };
      assert.strictEqual(isPreferredFix(setting, [setting]), false);
      const local: FixSpec = { kind: 'makePortLocal', portId: 'p' };
      assert.strictEqual(isPreferredFix(local, [{ kind: 'makePortLocal', portId: 'other' }]), false);
      assert.strictEqual(fixTitle(local), 'Make it a local input port (turn remote access off)');
    });
  });

  describe('close names', () => {
    const suggest = (name: string, ...candidates: string[]) => closeNames(name, candidates.map((candidate) => ({ name: candidate }))).map((item) => item.name);

    it('never suggests the name itself, but does suggest it in another case', () => {
      assert.deepStrictEqual(suggest('host', 'host', 'Host'), ['Host']);
    });

    it('suggests no name that every character of the shorter one would change', () => {
      assert.deepStrictEqual(suggest('abc', 'a', 'xbc'), ['xbc']);
    });

    it('ranks names equal ignoring case by their edits with case, then keeps the candidates\' order', () => {
      assert.deepStrictEqual(suggest('hOst', 'HOST', 'Host', 'host'), ['host', 'Host', 'HOST']);
      assert.deepStrictEqual(suggest('host', 'hust', 'hast', 'hist'), ['hust', 'hast', 'hist']);
    });

    it('stops at once when the lengths alone differ by more than the limit', () => {
      assert.strictEqual(editDistance('a', 'abcdef', 2), 3);
      assert.strictEqual(editDistance('abcdef', 'a', 2), 3);
    });
  });

  describe('a draft of several steps', () => {
    function draftOf(text: string): TextDraft {
      const locator = new JsonLocator(text);
      return new TextDraft({ text, locator, style: detectJsonStyle(text, locator, JSON.parse(text)) });
    }

    it('ignores steps that change nothing', () => {
      const draft = draftOf('{"a": [1, 2]}');
      draft.apply([undefined, { offset: 3, length: 0, newText: '' }]);
      assert.deepStrictEqual(draft.edits(), []);
      assert.strictEqual(draft.doc.text, '{"a": [1, 2]}');
    });

    it('keeps a later step\'s edits, given in any order, relative to the original text', () => {
      const original = '{"a": [1, 2], "b": 3}';
      const draft = draftOf(original);
      draft.apply([{ offset: 7, length: 1, newText: '10' }]);
      // On the current text {"a": [10, 2], "b": 3}: "2" is at 11 and "3" at 20.
      draft.apply([{ offset: 11, length: 1, newText: '20' }, { offset: 20, length: 1, newText: '30' }]);
      assert.strictEqual(draft.doc.text, '{"a": [10, 20], "b": 30}');
      assert.strictEqual(applyTextEdits(original, draft.edits()), '{"a": [10, 20], "b": 30}');
      assert.deepStrictEqual(draft.edits(), [
        { offset: 7, length: 1, newText: '10' }, { offset: 10, length: 1, newText: '20' }, { offset: 19, length: 1, newText: '30' },
      ]);
    });
  });

  describe('composing a change with earlier edits', () => {
    const original = 'abcdefghij';

    function composed(edits: { offset: number; length: number; newText: string }[], change: { offset: number; length: number; newText: string }) {
      const result = composeEdit(edits, change);
      assert.strictEqual(applyTextEdits(original, result), applyTextEdits(applyTextEdits(original, edits), [change]));
      return result;
    }

    it('merges a change that starts where an earlier edit\'s text ends, or ends where it starts, into one edit', () => {
      assert.deepStrictEqual(composed([{ offset: 2, length: 1, newText: 'XY' }], { offset: 4, length: 0, newText: 'Z' }),
        [{ offset: 2, length: 1, newText: 'XYZ' }]);
      assert.deepStrictEqual(composed([{ offset: 5, length: 1, newText: 'Q' }], { offset: 3, length: 2, newText: 'ab' }),
        [{ offset: 3, length: 3, newText: 'abQ' }]);
      assert.deepStrictEqual(composed([{ offset: 2, length: 1, newText: 'XY' }], { offset: 2, length: 0, newText: 'Z' }),
        [{ offset: 2, length: 1, newText: 'ZXY' }]);
    });

    it('merges a change inside an edit\'s text, and one that spans from inside one edit to the start of the next', () => {
      assert.deepStrictEqual(composed([{ offset: 2, length: 2, newText: 'XYZ' }], { offset: 3, length: 1, newText: '' }),
        [{ offset: 2, length: 2, newText: 'XZ' }]);
      assert.deepStrictEqual(composed([{ offset: 2, length: 2, newText: 'XYZ' }, { offset: 8, length: 1, newText: 'W' }], { offset: 3, length: 6, newText: '-' }),
        [{ offset: 2, length: 7, newText: 'X-W' }]);
    });

    it('refuses to apply edits that overlap', () => {
      assert.throws(() => applyTextEdits('abcdef', [{ offset: 0, length: 2, newText: 'x' }, { offset: 1, length: 1, newText: 'y' }]), /Overlapping text edits/);
    });
  });
});
