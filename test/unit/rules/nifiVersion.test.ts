import * as assert from 'assert';
import { nifiMajorVersion } from '../../../src/core/flow/rules/nifiVersion';
import { modelOf } from '../fixes/fixHelpers';
import { readFlow } from './ruleFixtures';

function versionOf(edit: (flow: any) => void, file = 'valid-minimal.json'): number | undefined {
  const flow = JSON.parse(readFlow(file));
  edit(flow);
  return nifiMajorVersion(modelOf(JSON.stringify(flow)));
}

describe('the NiFi version that wrote a flow', () => {
  it('is the major version of the first Apache NiFi bundle', () => {
    assert.strictEqual(versionOf(() => undefined), 1);
    assert.strictEqual(versionOf((flow) => { flow.flowContents.processors[0].bundle.version = '2.0.0-M4'; }), 2);
    assert.strictEqual(versionOf((flow) => { flow.flowContents.processors[0].bundle.version = '1.18.0.2.1.5.0-215'; }), 1);
  });

  it('ignores bundles of other groups and versions it does not know', () => {
    assert.strictEqual(versionOf((flow) => { flow.flowContents.processors[0].bundle.group = 'com.cloudera'; }), undefined);
    assert.strictEqual(versionOf((flow) => { flow.flowContents.processors[0].bundle.version = '3.0.0'; }), undefined);
    assert.strictEqual(versionOf((flow) => { flow.flowContents.processors[0].bundle.version = 2; }), undefined);
    for (const version of ['unknown', 'v2.0.0', 'x1.23.2', '12.0.0', '']) {
      assert.strictEqual(versionOf((flow) => { flow.flowContents.processors[0].bundle.version = version; }), undefined, version);
    }
    assert.strictEqual(versionOf((flow) => { delete flow.flowContents.processors[0].bundle; }), undefined);
  });

  it('reads controller service bundles, and a port\'s portFunction when no bundle says', () => {
    assert.strictEqual(versionOf((flow) => {
      flow.flowContents.processors[0].bundle.group = 'com.example';
      flow.flowContents.controllerServices = [{ identifier: 'cs', name: 'cs', type: 'x.Y', bundle: { group: 'org.apache.nifi', artifact: 'a', version: '2.1.0' }, properties: {} }];
    }), 2);
    assert.strictEqual(versionOf((flow) => {
      delete flow.flowContents.processors[0].bundle;
      flow.flowContents.inputPorts[0].portFunction = 'STANDARD';
    }), 2);
  });
});
