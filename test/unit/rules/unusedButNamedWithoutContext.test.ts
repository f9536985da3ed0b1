// parameter-unused must not advise removing a parameter that a group without a parameter context
// names: that group is what is wrong (reference-without-context), and once it has the context the
// parameter is used.
import * as assert from 'assert';
import { editedFlow, findingsIn, token } from './ruleFixtures';

describe('parameter-unused beside a group without a context', () => {
  const withChild = (properties: Record<string, string>) => editedFlow('parameter-unused.json', (flow) => {
    flow.flowContents.processGroups = [{
      identifier: 'b7000000-0000-4000-8000-000000000001', name: 'Archive copy', processGroups: [], remoteProcessGroups: [],
      processors: [{
        identifier: 'b7000000-0000-4000-8000-000000000002', name: 'Write archive', type: 'org.apache.nifi.processors.standard.PutFile',
        properties, propertyDescriptors: {}, autoTerminatedRelationships: [], componentType: 'PROCESSOR',
      }],
      inputPorts: [], outputPorts: [], connections: [], labels: [], funnels: [], controllerServices: [], componentType: 'PROCESS_GROUP',
    }];
  });

  it('leaves out a parameter the context-less child names, and still hints at the one nothing names', () => {
    const text = withChild({ Directory: '#{MAX_ERRORS}/archive' });
    // OUTPUT_PREFIX of CsvDefaults stays: references to it resolve to the one in CsvParams, which takes precedence.
    assert.deepStrictEqual(findingsIn(text, ['parameter-unused']).map((finding) => token(text, finding.range)), ['"OUTPUT_PREFIX"']);
    assert.deepStrictEqual(findingsIn(text, ['reference-without-context']).map((finding) => finding.componentName), ['Archive copy']);
  });

  it('hints at both when the child names neither', () => {
    const text = withChild({ Directory: '#{ARCHIVE_DIR}' });
    assert.deepStrictEqual(findingsIn(text, ['parameter-unused']).map((finding) => token(text, finding.range)).sort(),
      ['"MAX_ERRORS"', '"OUTPUT_PREFIX"']);
  });
});
