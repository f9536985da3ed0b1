// What the context, entry port, external service and environment findings say, word for word:
// each names the component it is about and tells the user what to do; and the places it relates.
import * as assert from 'assert';
import { check, editedFlow, findingsIn, token } from './ruleFixtures';

const TOP = '5f1c2a3b-0000-3000-8000-000000000001';

/** The minimal valid flow (one processor "PutS3Object", context "S3ToSqsParams") without its group's context. */
function withoutContext(edit: (flow: any) => void = () => undefined): string {
  return editedFlow('valid-minimal.json', (flow) => {
    delete flow.flowContents.parameterContextName;
    edit(flow);
  });
}

describe('finding messages', () => {
  describe('context-missing', () => {
    it('counts the references, shows the first as written and where, and relates each', () => {
      const text = withoutContext((flow) => {
        flow.flowContents.processors[0].properties.Bucket = 's3://#{S3_BUCKET}/in';
      });
      const [finding] = findingsIn(text, ['context-missing']);
      assert.strictEqual(finding.message, 'Process group "S3ToSqs" has no parameter context, yet it holds 3 parameter references ' +
        '(the first: #{S3_BUCKET} in processor "PutS3Object"), which cannot resolve without one: NiFi marks those processors ' +
        'invalid and the function cannot run them. DataFlow Functions takes every value that differs between environments from ' +
        'the parameter context of the exported group. In NiFi, set a parameter context on "S3ToSqs" (Configure > General > ' +
        'Process Group Parameter Context) and download the flow definition again.');
      assert.deepStrictEqual(finding.related.map((item) => [token(text, item.range), item.message]), [
        ['#{S3_BUCKET}', '#{S3_BUCKET} in processor "PutS3Object"'],
        ['#{S3_REGION}', '#{S3_REGION} in processor "PutS3Object"'],
        ['#{S3_SECRET_KEY}', '#{S3_SECRET_KEY} in processor "PutS3Object"'],
      ]);
      assert.strictEqual(finding.componentId, TOP);
    });

    it('finds a reference that is not at the start of the value, in a controller service and in a run schedule', () => {
      const text = withoutContext((flow) => {
        const [processor] = flow.flowContents.processors;
        processor.properties = { Bucket: 'x#{ONE}' };
        flow.flowContents.controllerServices = [{
          identifier: 'cs-1', name: 'SSL', type: 'org.apache.nifi.ssl.StandardSSLContextService', componentType: 'CONTROLLER_SERVICE',
          properties: { 'Keystore Password': '#{TWO}' }, propertyDescriptors: {},
        }];
      });
      const [finding] = findingsIn(text, ['context-missing']);
      assert.match(finding.message, /holds 2 parameter references \(the first: #\{ONE\} in processor "PutS3Object"\)/);
      assert.deepStrictEqual(finding.related.map((item) => item.message),
        ['#{ONE} in processor "PutS3Object"', '#{TWO} in controller service "SSL"']);
    });

    it('reads a run schedule without Expression Language and a property with it', () => {
      // In a property, #{...} inside an expression's string literal is text; a run schedule has no expressions.
      const literalOnly = withoutContext((flow) => {
        const [processor] = flow.flowContents.processors;
        processor.properties = { Bucket: "${literal('#{NOT_A_REFERENCE}')}" };
      });
      assert.deepStrictEqual(findingsIn(literalOnly, ['context-missing']), []);
      const schedule = withoutContext((flow) => {
        const [processor] = flow.flowContents.processors;
        processor.properties = {};
        processor.schedulingPeriod = "${literal('#{POLL}')}";
      });
      const [finding] = findingsIn(schedule, ['context-missing']);
      assert.match(finding.message, /holds a parameter reference \(the first: #\{POLL\} in the run schedule of processor "PutS3Object"\)/);
      assert.deepStrictEqual(finding.related.map((item) => token(schedule, item.range)), ['#{POLL}']);
    });

    it('speaks of the exported process group when the group has no name', () => {
      const text = withoutContext((flow) => {
        flow.flowContents.name = '';
      });
      const [finding] = findingsIn(text, ['context-missing']);
      assert.match(finding.message, /set a parameter context on the exported process group \(Configure/);
    });
  });

  it('context-not-found names the group and the missing context', () => {
    const { findings } = check('context-not-found.json', ['context-not-found']);
    assert.strictEqual(findings[0].message, 'Process group "Enrich" uses parameter context "EnrichmentParams", which is not in this ' +
      'file\'s "parameterContexts". Download the flow definition again from NiFi (it includes the contexts the flow uses), or add ' +
      'the context to "parameterContexts".');
  });

  it('inherited-context-not-found names both contexts', () => {
    const { findings } = check('inherited-context-not-found.json', ['inherited-context-not-found']);
    assert.strictEqual(findings[0].message, 'Parameter context "ShipmentParams" inherits from "SharedDefaults", which is not in this ' +
      'file\'s "parameterContexts", so its parameters cannot be resolved. Download the flow definition again from NiFi, or add ' +
      '"SharedDefaults" to "parameterContexts".');
  });

  describe('context-name-invalid', () => {
    it('says why and suggests the new name', () => {
      const { findings } = check('context-name-invalid.json', ['context-name-invalid']);
      assert.strictEqual(findings[0].message, 'Parameter context name "Order Intake-prod" is not valid for DataFlow Functions: it ' +
        'becomes the name of the AWS Secrets Manager secret that holds the parameters, and must start with a letter and contain ' +
        'only letters, digits and "_". Rename the context, e.g. to "Order_Intake_prod".');
    });

    it('points at the context\'s key when it has no "name" member, or an empty one', () => {
      for (const name of [undefined, '']) {
        const text = editedFlow('context-name-invalid.json', (flow) => {
          const context = flow.parameterContexts['Order Intake-prod'];
          if (name === undefined) delete context.name;
          else context.name = name;
        });
        const [finding] = findingsIn(text, ['context-name-invalid']);
        assert.strictEqual(token(text, finding.range), '"Order Intake-prod"');
        assert.strictEqual(text.slice(finding.range.endOffset).trimStart()[0], ':', `the key, with name ${JSON.stringify(name)}`);
      }
    });
  });

  describe('entry ports', () => {
    it('entry-port-missing names the group and what to add', () => {
      const { findings } = check('entry-port-missing.json', ['entry-port-missing']);
      assert.strictEqual(findings[0].message, 'Process group "SqsForwarder" has no input port, so the function\'s event has no way ' +
        'into the flow. Add one local input port to this group and connect it to the first processor.');
    });

    it('entry-port-multiple says where the other ports may go, and relates each port by name', () => {
      const { text, findings } = check('entry-port-multiple.json', ['entry-port-multiple']);
      assert.match(findings[0].message, /remove the others or move them into a child process group\.$/);
      assert.deepStrictEqual(findings[0].related.map((item) => [token(text, item.range), item.message]),
        [['"from-sqs"', 'Input port "from-sqs"'], ['"from-s3"', 'Input port "from-s3"']]);
    });

    it('entry-port-remote and entry-port-unconnected name the port and what to do', () => {
      const remote = check('entry-port-remote.json', ['entry-port-remote']).findings[0];
      assert.strictEqual(remote.message, 'Input port "from-sqs" allows remote access: it is a site-to-site port, and DFF needs a local ' +
        'input port. Make it a local input port (remote access off).');
      const unconnected = check('entry-port-unconnected.json', ['entry-port-unconnected']).findings[0];
      assert.strictEqual(unconnected.message, 'Input port "from-sqs" has no outgoing connection, so the event goes nowhere. Connect it ' +
        'to the first processor of the flow.');
    });
  });

  describe('controller-service-external', () => {
    const WRITER = '7c1f0e2a-2222-3c4d-9e8f-0a1b2c3d4e5f';

    it('says what the processor loses and what to do, and relates the external entry', () => {
      const { text, findings } = check('controller-service-external.json', ['controller-service-external']);
      const [writer] = findings;
      assert.strictEqual(writer.message, 'Processor "Convert to Avro" uses controller service "Avro writer" (property "record-writer"), ' +
        'which this file lists only under "externalControllerServices": the service belongs to a group outside the exported one, ' +
        'so it will not exist where the function runs, and the processor cannot start. In NiFi, move the service into the exported ' +
        'process group (or create one there and select it) and download the flow definition again.');
      assert.deepStrictEqual(writer.related.map((item) => item.message), ['Controller service "Avro writer", outside the exported group']);
      assert.match(token(text, writer.related[0].range), /^\{[\s\S]*"name": "Avro writer"[\s\S]*\}$/);
    });

    it('knows an external service by its "identifier", not by its key in the file', () => {
      const text = editedFlow('controller-service-external.json', (flow) => {
        flow.externalControllerServices = { 'writer-key': { identifier: WRITER, name: 'Avro writer' } };
        // The other processor names the key: no service has that identifier.
        flow.flowContents.processors[1].properties['AWS Credentials Provider service'] = 'writer-key';
      });
      assert.deepStrictEqual(findingsIn(text, ['controller-service-external']).map((finding) => finding.componentName), ['Convert to Avro']);
    });

    it('still reports a service whose identifier only a processor of the flow has', () => {
      const text = editedFlow('controller-service-external.json', (flow) => {
        flow.flowContents.processors[0].identifier = WRITER;
      });
      assert.deepStrictEqual(findingsIn(text, ['controller-service-external']).map((finding) => finding.componentName),
        ['Convert to Avro', 'Store event']);
    });
  });

  describe('environment-too-large', () => {
    /** Contexts A (the top group's, inheriting B) with parameters of these value sizes, names a1.. and b1... */
    function environment(aSizes: number[], bSizes: number[]): string {
      return editedFlow('valid-minimal.json', (flow) => {
        flow.flowContents.parameterContextName = 'A';
        flow.flowContents.processors[0].properties = {};
        flow.parameterContexts = {
          A: { name: 'A', parameters: aSizes.map((size, i) => ({ name: `a${i + 1}`, sensitive: false, value: 'v'.repeat(size) })), inheritedParameterContexts: ['B'] },
          B: { name: 'B', parameters: bSizes.map((size, i) => ({ name: `b${i + 1}`, sensitive: false, value: 'v'.repeat(size) })), inheritedParameterContexts: [] },
        };
      });
    }

    it('points at the context whose parameters take the most, and lists the three largest, largest first', () => {
      const text = environment([1000, 100], [1500, 1200, 100]);
      const [finding] = findingsIn(text, ['environment-too-large']);
      assert.strictEqual(token(text, finding.range), '"B"', 'B takes 2,806 bytes, A 1,104');
      assert.ok(text.slice(finding.range.startOffset - 10, finding.range.startOffset).includes('"name"'), 'at its name member');
      assert.deepStrictEqual(finding.related.map((item) => item.message),
        ['"b1" takes 1502 bytes', '"b2" takes 1202 bytes', '"a1" takes 1002 bytes']);
      assert.strictEqual(finding.message, 'The non-sensitive parameters of this flow take 3910 bytes as Lambda environment variables ' +
        '(names and values, UTF-8); with about 256 bytes for DF_ACCESS_KEY, DF_PRIVATE_KEY and FLOW_CRN that is about 4166 bytes, ' +
        'over Lambda\'s limit of 4096 bytes for all variables together. Move large values ("b1", "b2", "a1") into the AWS Secrets ' +
        'Manager secret named after the context, e.g. by marking those parameters sensitive.');
    });

    it('points at the first context met when the later one takes exactly as much', () => {
      const text = environment([2000], [2000]);
      const [finding] = findingsIn(text, ['environment-too-large']);
      assert.strictEqual(token(text, finding.range), '"A"');
    });

    it('counts a name both contexts define once, with the value that wins', () => {
      const text = editedFlow('valid-minimal.json', (flow) => {
        flow.flowContents.processors[0].properties = {};
        flow.parameterContexts.S3ToSqsParams.inheritedParameterContexts = ['Defaults'];
        flow.parameterContexts.S3ToSqsParams.parameters = [{ name: 'BIG', sensitive: false, value: 'v'.repeat(3000) }];
        flow.parameterContexts.Defaults = { name: 'Defaults', parameters: [{ name: 'BIG', sensitive: false, value: 'w'.repeat(3000) }] };
      });
      assert.deepStrictEqual(findingsIn(text, ['environment-too-large']), [], '3,003 bytes once fit; twice they would not');
    });
  });
});
