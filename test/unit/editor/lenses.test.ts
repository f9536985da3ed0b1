import * as assert from 'node:assert/strict';
import { flowLenses, verdictTitle } from '../../../src/core/flow/editor';
import type { ResolvedFinding } from '../../../src/core/flow/finding';
import { lineOf, offsetOf, sample } from './samples';

describe('editor: CodeLens data', () => {
  it('says a correct flow is ready, above the flowContents line', () => {
    const ready = sample('ready-s3-to-sqs.json');
    const [verdict] = flowLenses(ready, {});
    assert.equal(verdict.title, '$(check) Ready for DataFlow Functions');
    assert.equal(verdict.showsProblems, false);
    assert.equal(lineOf(ready.text, verdict.offset), lineOf(ready.text, offsetOf(ready.text, '"flowContents"')));
  });

  it('names the role of each top-level port, on the line of its name', () => {
    const ready = sample('ready-s3-to-sqs.json');
    const byLine = new Map(flowLenses(ready, {}).slice(1).map((lens) => [lineOf(ready.text, lens.offset), lens.title]));
    const nameLine = (name: string): number => lineOf(ready.text, offsetOf(ready.text, `"name" : "${name}"`));
    assert.equal(byLine.get(nameLine('S3 event')), 'Entry point (input port)');
    assert.equal(byLine.get(nameLine('success')), 'Success output');
    assert.equal(byLine.get(nameLine('failure')), 'Failure port');
    assert.equal(byLine.size, 3);
  });

  it('treats ports listed in failurePorts as failure ports', () => {
    const ready = sample('ready-s3-to-sqs.json', { failurePorts: ['success'] });
    const titles = flowLenses(ready, { failurePorts: ['success'] }).map((lens) => lens.title);
    assert.deepEqual(titles.filter((title) => title === 'Failure port').length, 2);
  });

  it('counts errors and warnings and marks the port that is the problem', () => {
    const broken = sample('broken-two-input-ports.json');
    const lenses = flowLenses(broken, {});
    assert.equal(lenses[0].title, '$(error) 2 errors, 0 warnings: show problems');
    assert.equal(lenses[0].showsProblems, true);
    const extra = lenses.find((lens) => lineOf(broken.text, lens.offset) === lineOf(broken.text, offsetOf(broken.text, '"Manual retry"')));
    // entry-port-multiple is on the group's list of ports (which to keep is the user's choice); this port goes nowhere.
    assert.equal(extra?.title, '$(error) Entry point goes nowhere: connect it to the first processor');
    assert.equal(extra?.showsProblems, true);
    const entry = lenses.find((lens) => lineOf(broken.text, lens.offset) === lineOf(broken.text, offsetOf(broken.text, '"S3 event"')));
    assert.equal(entry?.title, 'Entry point (input port)');
  });

  it('still gives a verdict when the file is not valid JSON', () => {
    const broken = sample('broken-malformed-json.json');
    const lenses = flowLenses(broken, {});
    assert.equal(lenses.length, 1);
    // Not a count: the JSON language service reports the syntax error as well, and the tab badge counts its problems.
    assert.equal(lenses[0].title, '$(error) Not valid JSON: show problems');
    assert.equal(lenses[0].showsProblems, true);
    assert.ok(lenses[0].offset >= 0 && lenses[0].offset < broken.text.length);
  });

  it('leaves hints out of the verdict and words a warnings-only verdict', () => {
    const finding = (severity: ResolvedFinding['severity']) => ({ severity } as ResolvedFinding);
    assert.equal(verdictTitle([finding('hint'), finding('info')]), '$(check) Ready for DataFlow Functions');
    assert.equal(verdictTitle([finding('warning'), finding('hint')]), '$(warning) 1 warning: show problems');
    assert.equal(verdictTitle([finding('error'), finding('warning'), finding('warning')]), '$(error) 1 error, 2 warnings: show problems');
  });

  it('counts a flow-shape error but not a syntax error', () => {
    const shape = sample('broken-malformed-shape.json');
    assert.equal(flowLenses(shape, {})[0].title, '$(error) 1 error, 0 warnings: show problems');
  });
});
