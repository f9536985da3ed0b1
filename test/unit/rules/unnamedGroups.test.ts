// Messages about a process group without a name say what the group is, never `Process group ""`.
import * as assert from 'assert';
import { editedFlow, findingsIn } from './ruleFixtures';

describe('messages about unnamed process groups', () => {
  it('call an unnamed top group "the exported process group"', () => {
    const text = editedFlow('valid-minimal.json', (flow) => {
      flow.flowContents.name = '';
      delete flow.flowContents.parameterContextName;
      flow.flowContents.processors[0].properties.Extra = '#{Anything}';
      flow.flowContents.inputPorts = [];
    });
    const messages = findingsIn(text, ['context-missing', 'entry-port-missing']).map((finding) => finding.message);
    assert.strictEqual(messages.length, 2);
    assert.ok(messages.some((message) => message.startsWith('The exported process group has no parameter context,') &&
      message.includes('set a parameter context on the exported process group (Configure')), messages.join('\n'));
    assert.ok(messages.some((message) => message.startsWith('The exported process group has no input port,')), messages.join('\n'));
    assert.ok(messages.every((message) => !message.includes('""')));
  });

  it('call an unnamed child group "a process group without a name", and a named one by its name', () => {
    const text = editedFlow('reference-without-context.json', (flow) => {
      const notify = flow.flowContents.processGroups.find((group: { name: string }) => group.name === 'Notify');
      flow.flowContents.processGroups.push({ ...notify, identifier: 'a9000000-0000-4000-8000-000000000001', name: '' });
    });
    const messages = findingsIn(text, ['reference-without-context']).map((finding) => finding.message);
    assert.deepStrictEqual(messages.map((message) => message.slice(0, message.indexOf(' has '))).sort(),
      ['A process group without a name', 'Process group "Notify"']);
    assert.ok(messages.some((message) => message.includes('Set a parameter context on a process group without a name in NiFi')));
  });
});
