import * as assert from 'assert';
import { fixTitle } from '../../../src/core/flow/fixes';

describe('fixTitle', () => {
  it('says what each fix will do, naming what it changes', () => {
    assert.strictEqual(fixTitle({ kind: 'routeToFailurePort', processorId: 'p', relationship: 'No Retry' }),
      'Route "No Retry" to a failure output port instead of auto-terminating it');
    assert.strictEqual(fixTitle({ kind: 'renameParameter', contextName: 'C', parameterName: 'a b', newName: 'a_b' }),
      'Rename parameter "a b" to "a_b" and update its references');
    assert.strictEqual(fixTitle({ kind: 'renameContext', contextName: 'My Context', newName: 'My_Context' }),
      'Rename parameter context "My Context" to "My_Context" everywhere it is used');
    assert.strictEqual(fixTitle({ kind: 'addParameter', contextName: 'C', parameterName: 'key', sensitive: true }),
      'Add sensitive parameter "key" to context "C"');
    assert.strictEqual(fixTitle({ kind: 'addParameter', contextName: 'C', parameterName: 'key', sensitive: false }),
      'Add parameter "key" to context "C", with an empty value to set');
    const change = { kind: 'replaceReference' as const, componentId: 'p', property: 'Queue URL', parameterName: 'QueueURL', occurrence: 0 };
    assert.strictEqual(fixTitle({ ...change, newName: 'QueueUrl' }), 'Change to #{QueueUrl}');
    // NiFi reads everything up to the '}' as the name: spaces need no quotes, in any version.
    assert.strictEqual(fixTitle({ ...change, newName: 'queue url' }), 'Change to #{queue url}');
  });
});
