// A controller service of the flow that names a service outside the exported group (a record
// reader's schema registry, an SSL context) cannot be enabled where the function runs.
import * as assert from 'assert';
import { check, editedFlow, findingsIn, token } from './ruleFixtures';

const CODES = ['controller-service-external'];
const REGISTRY = '7c1f0e2a-3333-3c4d-9e8f-0a1b2c3d4e5f';

/** controller-service-external.json with its in-flow reader pointed at a schema registry of the parent group. */
function readerUsingRegistry(edit: (reader: any, flow: any) => void = () => undefined): string {
  return editedFlow('controller-service-external.json', (flow) => {
    flow.externalControllerServices[REGISTRY] = { identifier: REGISTRY, name: 'Confluent Schema Registry' };
    const [reader] = flow.flowContents.controllerServices;
    reader.properties['schema-registry'] = REGISTRY;
    edit(reader, flow);
  });
}

describe('a controller service that uses a service outside the exported group', () => {
  it('is reported at its property, beside the processors that use external services', () => {
    const before = check('controller-service-external.json', CODES).findings.map((finding) => finding.componentName);
    const text = readerUsingRegistry();
    const findings = findingsIn(text, CODES);
    const [reader] = JSON.parse(text).flowContents.controllerServices;
    const added = findings.filter((finding) => finding.componentName === reader.name);
    assert.strictEqual(findings.length, before.length + 1);
    assert.strictEqual(added.length, 1);
    assert.strictEqual(token(text, added[0].range), `"${REGISTRY}"`);
    assert.strictEqual(added[0].severity, 'error');
    assert.match(added[0].message, new RegExp(`^Controller service "${reader.name}" uses controller service "Confluent Schema Registry" \\(property "schema-registry"\\)`));
    assert.match(added[0].message, /the controller service cannot be enabled, and nothing that uses it can start/);
  });

  it('is not reported when the service is disabled, nor once the registry is part of the flow', () => {
    const before = check('controller-service-external.json', CODES).findings.length;
    assert.strictEqual(findingsIn(readerUsingRegistry((reader) => { reader.scheduledState = 'DISABLED'; }), CODES).length, before);
    const inFlow = readerUsingRegistry((_reader, flow) => {
      flow.flowContents.controllerServices.push({
        identifier: REGISTRY, name: 'Confluent Schema Registry', componentType: 'CONTROLLER_SERVICE',
        type: 'org.apache.nifi.confluent.schemaregistry.ConfluentSchemaRegistry', properties: {}, propertyDescriptors: {},
      });
    });
    assert.strictEqual(findingsIn(inFlow, CODES).length, before);
  });
});
