// Small flow definitions the fake catalog is seeded with for manual and UI testing (`npm start`).
// Each is a flow DataFlow Functions accepts: one input port into one processor whose success goes to
// a "success" port and whose failure goes to a "failure" port, with a parameter context the
// processor uses. They are laid out as NiFi writes a downloaded flow definition.
import { formatLikeNiFi } from '../../../src/core/catalog/flowText';

interface SampleProcessor {
  type: string;
  /** The one property that takes its value from the parameter context. */
  property: string;
  parameter: string;
  value: string;
}

function flow(name: string, processor: SampleProcessor, version: number): string {
  const group = `${name.toLowerCase()}-group`;
  const id = (part: string) => `${group}-${part}`;
  const port = (part: string, portName: string, type: 'INPUT_PORT' | 'OUTPUT_PORT') => ({
    identifier: id(part),
    name: portName,
    type,
    componentType: type,
    groupIdentifier: group,
  });
  const processorId = id('processor');
  const connection = (part: string, source: object, destination: object, relationships: string[]) => ({
    identifier: id(part),
    name: '',
    source,
    destination,
    selectedRelationships: relationships,
    componentType: 'CONNECTION',
    groupIdentifier: group,
  });
  const processorEnd = { id: processorId, type: 'PROCESSOR', groupId: group, name: processor.type.split('.').pop() };
  const portEnd = (part: string, portName: string, type: string) => ({ id: id(part), type, groupId: group, name: portName });
  const context = `${name}_settings`;
  const definition = {
    flowContents: {
      identifier: group,
      name,
      comments: `Sample flow of the local catalog stand-in, version ${version}`,
      processGroups: [],
      remoteProcessGroups: [],
      processors: [
        {
          identifier: processorId,
          groupIdentifier: group,
          name: processor.type.split('.').pop(),
          type: processor.type,
          properties: { [processor.property]: `#{${processor.parameter}}` },
          autoTerminatedRelationships: [],
          componentType: 'PROCESSOR',
        },
      ],
      inputPorts: [port('input', 'input', 'INPUT_PORT')],
      outputPorts: [port('success', 'success', 'OUTPUT_PORT'), port('failure', 'failure', 'OUTPUT_PORT')],
      connections: [
        connection('from-input', portEnd('input', 'input', 'INPUT_PORT'), processorEnd, []),
        connection('to-success', processorEnd, portEnd('success', 'success', 'OUTPUT_PORT'), ['success']),
        connection('to-failure', processorEnd, portEnd('failure', 'failure', 'OUTPUT_PORT'), ['failure']),
      ],
      controllerServices: [],
      parameterContextName: context,
      componentType: 'PROCESS_GROUP',
    },
    parameterContexts: {
      [context]: {
        name: context,
        parameters: [{ name: processor.parameter, description: '', sensitive: false, value: processor.value }],
        inheritedParameterContexts: [],
        componentType: 'PARAMETER_CONTEXT',
      },
    },
    flowEncodingVersion: '1.0',
  };
  return `${formatLikeNiFi(JSON.stringify(definition))}\n`;
}

const fetchObject: SampleProcessor = { type: 'org.apache.nifi.processors.aws.s3.FetchS3Object', property: 'Bucket', parameter: 'Bucket', value: 'incoming' };
const sendToQueue: SampleProcessor = {
  type: 'org.apache.nifi.processors.aws.sqs.PutSQS',
  property: 'Queue URL',
  parameter: 'QueueUrl',
  value: 'https://sqs.us-east-1.amazonaws.com/123456789012/new-objects',
};
const putObject: SampleProcessor = { type: 'org.apache.nifi.processors.aws.s3.PutS3Object', property: 'Bucket', parameter: 'Bucket', value: 'archive' };
const echo: SampleProcessor = { type: 'org.apache.nifi.processors.standard.ReplaceText', property: 'Replacement Value', parameter: 'Greeting', value: 'hello' };

export const SAMPLE_FLOWS: { name: string; versions: { fileText: string; comments: string }[] }[] = [
  {
    name: 'S3ToSqs',
    versions: [
      { fileText: flow('S3ToSqs', fetchObject, 1), comments: 'First version' },
      { fileText: flow('S3ToSqs', sendToQueue, 2), comments: 'Send to SQS' },
    ],
  },
  { name: 'KafkaToS3', versions: [{ fileText: flow('KafkaToS3', putObject, 1), comments: 'Initial import' }] },
  { name: 'ApiGatewayEcho', versions: [{ fileText: flow('ApiGatewayEcho', echo, 1), comments: '' }] },
];
