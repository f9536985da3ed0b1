// processor-disabled: a warning at each disabled processor's scheduledState, and nothing for one
// that is enabled, stopped or running, in the top group or a child group.
import * as assert from 'assert';
import { editedFlow, findingsIn, token } from './ruleFixtures';

describe('processor-disabled', () => {
  const withStates = (states: (string | undefined)[]) => editedFlow('valid-minimal.json', (flow) => {
    const [first] = flow.flowContents.processors;
    flow.flowContents.processors = states.map((state, i) => {
      const copy = { ...first, identifier: `d1000000-0000-4000-8000-00000000000${i}`, name: `Step ${i}` };
      if (state === undefined) delete copy.scheduledState;
      else copy.scheduledState = state;
      return copy;
    });
  });

  it('warns at the scheduled state of a disabled processor only, beside enabled, running and unset ones', () => {
    const text = withStates(['ENABLED', 'DISABLED', 'RUNNING', undefined]);
    const findings = findingsIn(text, ['processor-disabled']);
    assert.deepStrictEqual(findings.map((finding) => [finding.severity, finding.componentName, token(text, finding.range)]),
      [['warning', 'Step 1', '"DISABLED"']]);
    assert.match(findings[0].message, /^Processor "Step 1" is disabled: .*refuses a disabled one \("Processor is disabled"\), so the function may fail to start\. Enable it in NiFi, or delete it/);
  });

  it('warns for a disabled processor in a child group too', () => {
    const text = editedFlow('root-canvas-exported.json', () => undefined);
    const findings = findingsIn(text, ['processor-disabled']);
    assert.deepStrictEqual(findings.map((finding) => finding.componentName), ['Generate test order']);
  });
});
