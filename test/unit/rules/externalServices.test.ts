import * as assert from 'assert';
import { check, editedFlow, findingsIn, token } from './ruleFixtures';

const CODES = ['controller-service-external'];
const CREDENTIALS = '7c1f0e2a-1111-3c4d-9e8f-0a1b2c3d4e5f';
const WRITER = '7c1f0e2a-2222-3c4d-9e8f-0a1b2c3d4e5f';

describe('external controller service rule', () => {
  it('finds nothing wrong with the minimal valid flow', () => {
    assert.deepStrictEqual(check('valid-minimal.json', CODES).findings, []);
  });

  it('reports each enabled processor property that names a service listed only as external, with the service', () => {
    const { text, findings } = check('controller-service-external.json', CODES);
    // "Convert to Avro" uses an in-flow reader (fine) and an external writer; the disabled copy of
    // "Store event" never starts.
    assert.deepStrictEqual(findings.map((finding) => [finding.componentName, token(text, finding.range)]), [
      ['Convert to Avro', `"${WRITER}"`],
      ['Store event', `"${CREDENTIALS}"`],
    ]);
    const [writer, credentials] = findings;
    assert.strictEqual(writer.severity, 'error');
    assert.match(writer.message, /^Processor "Convert to Avro" uses controller service "Avro writer" \(property "record-writer"\)/);
    assert.match(credentials.message, /"Shared AWS credentials" \(property "AWS Credentials Provider service"\)/);
    assert.match(credentials.message, /will not exist where the function runs/);
    assert.match(token(text, credentials.related[0].range), /^\{[\s\S]*"name": "Shared AWS credentials"[\s\S]*\}$/);
  });

  it('reports a disabled processor once it is enabled', () => {
    const text = editedFlow('controller-service-external.json', (flow) => {
      flow.flowContents.processors[2].scheduledState = 'ENABLED';
    });
    assert.deepStrictEqual(findingsIn(text, CODES).map((finding) => finding.componentName), ['Convert to Avro', 'Store event', 'Old archive (disabled)']);
  });

  it('says nothing once the service is part of the flow', () => {
    const text = editedFlow('controller-service-external.json', (flow) => {
      flow.flowContents.controllerServices.push({
        identifier: CREDENTIALS, name: 'Shared AWS credentials', componentType: 'CONTROLLER_SERVICE',
        type: 'org.apache.nifi.processors.aws.credentials.provider.service.AWSCredentialsProviderControllerService',
        properties: { 'default-credentials': 'true' }, propertyDescriptors: {},
      });
    });
    assert.deepStrictEqual(findingsIn(text, CODES).map((finding) => finding.componentName), ['Convert to Avro']);
  });

  it('names the service by its identifier when the file gives no name', () => {
    const text = editedFlow('controller-service-external.json', (flow) => {
      flow.externalControllerServices = { [WRITER]: { identifier: WRITER } };
    });
    const findings = findingsIn(text, CODES);
    assert.strictEqual(findings.length, 1);
    assert.match(findings[0].message, new RegExp(`uses controller service "${WRITER}"`));
  });
});
