// Small flow definitions the fake catalog is seeded with for manual and UI testing.
function flow(name: string, processorType: string): string {
  const group = `${name.toLowerCase()}-group`;
  return JSON.stringify(
    {
      flowContents: {
        identifier: group,
        name,
        comments: '',
        processGroups: [],
        remoteProcessGroups: [],
        processors: [
          {
            identifier: `${group}-processor`,
            groupIdentifier: group,
            name: processorType.split('.').pop(),
            type: processorType,
            properties: {},
            autoTerminatedRelationships: [],
          },
        ],
        inputPorts: [{ identifier: `${group}-input`, groupIdentifier: group, name: 'input', type: 'INPUT_PORT' }],
        outputPorts: [{ identifier: `${group}-failure`, groupIdentifier: group, name: 'failure', type: 'OUTPUT_PORT' }],
        connections: [],
        controllerServices: [],
      },
      parameterContexts: {},
      flowEncodingVersion: '1.0',
    },
    null,
    2,
  );
}

export const SAMPLE_FLOWS: { name: string; versions: { fileText: string; comments: string }[] }[] = [
  {
    name: 'S3ToSqs',
    versions: [
      { fileText: flow('S3ToSqs', 'org.apache.nifi.processors.aws.s3.FetchS3Object'), comments: 'First version' },
      { fileText: flow('S3ToSqs', 'org.apache.nifi.processors.aws.sqs.PutSQS'), comments: 'Send to SQS' },
    ],
  },
  { name: 'KafkaToS3', versions: [{ fileText: flow('KafkaToS3', 'org.apache.nifi.processors.aws.s3.PutS3Object'), comments: 'Initial import' }] },
  { name: 'ApiGatewayEcho', versions: [{ fileText: flow('ApiGatewayEcho', 'org.apache.nifi.processors.standard.ReplaceText'), comments: '' }] },
];
