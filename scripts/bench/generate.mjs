// Synthetic but realistic NiFi flow definitions for the benchmark, written as NiFi writes them
// (nifiJson.mjs): nested process groups, chains of processors with their failures routed to failure
// ports, controller services, properties with #{parameter} and ${expression} references, parameter
// contexts with inheritance, and a handful of planted problems spread through the file (deep in
// flowContents and in parameterContexts at its end) so the rules have something to report.
// Components carry the lean end of what NiFi 1.x writes (without the retry settings and descriptor
// "dynamic" flags of later releases) and a few properties each: 10,000 processors with their ~15,000
// connections come to about 37 MB, more than the 25 MB the issue guessed: NiFi's own field set does
// not fit them in less. Denser files are harder (JSON.parse time follows the bytes, the model and the
// rules follow the components), so the bench also times the same flow without indentation.

import { toNifiJson } from './nifiJson.mjs';

const PROCESSORS_PER_STEP = 50;
/** Processors per group in a flow without parameter contexts (each group one cause for many findings). */
export const PROCESSORS_PER_CONTEXTLESS_STEP = 10;
const STEPS_PER_STAGE = 10;
const SETTINGS = 90;

/**
 * Processor types with their relationships: `next` continues the chain, `fail` goes to a failure port,
 * `drop` is auto-terminated. `weight` says how often a type is picked: as in real flows, attribute
 * and logging steps without a failure relationship are the most common.
 */
const TYPES = [
  { type: 'org.apache.nifi.processors.attributes.UpdateAttribute', artifact: 'nifi-update-attribute-nar', next: ['success'], fail: [], drop: [], weight: 4,
    properties: { 'tenant': '#{Tenant}', 'source.system': '${source:toUpper()}' } },
  { type: 'org.apache.nifi.processors.standard.LogAttribute', artifact: 'nifi-standard-nar', next: ['success'], fail: [], drop: [], weight: 2,
    properties: { 'Log Level': 'info' } },
  { type: 'org.apache.nifi.processors.standard.EvaluateJsonPath', artifact: 'nifi-standard-nar', next: ['matched', 'unmatched'], fail: ['failure'], drop: [], weight: 1,
    properties: { 'Destination': 'flowfile-attribute', 'Return Type': 'auto-detect', 'order.id': '$.order.id', 'order.region': '$.order.#{RegionField}' } },
  { type: 'org.apache.nifi.processors.standard.JoltTransformJSON', artifact: 'nifi-jolt-nar', next: ['success'], fail: ['failure'], drop: [], weight: 1,
    properties: { 'jolt-transform': 'jolt-transform-shift', 'jolt-spec': '{"order":{"id":"orderId","lines":"items"}}' } },
  { type: 'org.apache.nifi.processors.standard.InvokeHTTP', artifact: 'nifi-standard-nar', next: ['Response'], fail: ['Failure', 'Retry', 'No Retry'], drop: ['Original'], weight: 1,
    properties: { 'HTTP Method': 'POST', 'Remote URL': 'https://#{ApiHost}/v1/orders/${order.id}', 'Basic Authentication Username': '#{ApiUser}', 'Basic Authentication Password': '#{ApiPassword}' },
    sensitive: ['Basic Authentication Password'] },
  { type: 'org.apache.nifi.processors.aws.s3.PutS3Object', artifact: 'nifi-aws-nar', next: ['success'], fail: ['failure'], drop: [], weight: 1,
    properties: { 'Bucket': '#{OutputBucket}', 'Object Key': '#{OutputPrefix}/${filename}', 'Region': '#{AwsRegion}', 'AWS Credentials Provider service': 'aws-credentials' } },
  { type: 'org.apache.nifi.processors.standard.ConvertRecord', artifact: 'nifi-standard-nar', next: ['success'], fail: ['failure'], drop: [], weight: 1,
    properties: { 'record-reader': 'json-reader', 'record-writer': 'json-writer' } },
];

const WEIGHTED_TYPES = TYPES.flatMap((spec) => Array(spec.weight).fill(spec));

const SERVICES = [
  { key: 'json-reader', type: 'org.apache.nifi.json.JsonTreeReader', artifact: 'nifi-record-serialization-services-nar',
    properties: { 'schema-access-strategy': 'infer-schema', 'schema-inference-cache': null, 'starting-field-strategy': 'ROOT_NODE', 'Date Format': '#{DateFormat}' } },
  { key: 'json-writer', type: 'org.apache.nifi.json.JsonRecordSetWriter', artifact: 'nifi-record-serialization-services-nar',
    properties: { 'Schema Write Strategy': 'no-schema', 'schema-access-strategy': 'inherit-record-schema', 'Pretty Print JSON': 'false', 'suppress-nulls': 'never-suppress', 'output-grouping': 'output-array' } },
  { key: 'aws-credentials', type: 'org.apache.nifi.processors.aws.credentials.provider.service.AWSCredentialsProviderControllerService', artifact: 'nifi-aws-nar',
    properties: { 'default-credentials': 'true', 'Access Key': null, 'Secret Key': null, 'Assume Role ARN': '#{AssumeRoleArn}' }, sensitive: ['Secret Key'] },
];

function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The flow as NiFi writes it, or with `compact` as JSON without whitespace (as APIs and scripts often write it).
 * With `withoutContexts`, no group has a parameter context and processors come 10 to a group: every
 * reference is unresolvable, one cause per group for thousands of places (what findings cost).
 */
export function generateFlow(processorCount, { compact = false, seed = 42, withoutContexts = false } = {}) {
  const processorsPerStep = withoutContexts ? PROCESSORS_PER_CONTEXTLESS_STEP : PROCESSORS_PER_STEP;
  const rand = random(seed);
  let counter = 0;
  const id = () => {
    counter++;
    const hex = counter.toString(16).padStart(12, '0');
    const salt = Math.floor(rand() * 0xffff).toString(16).padStart(4, '0');
    return `5e${salt.slice(0, 2)}c0de-${salt}-4${hex.slice(0, 3)}-8${hex.slice(3, 6)}-${hex}`;
  };
  const position = () => ({ x: Math.round(rand() * 4000 * 100) / 100, y: Math.round(rand() * 3000 * 100) / 100 });

  // Members in the order NiFi writes them.
  const group = (name, parentId) => ({
    identifier: id(), name, comments: '', position: position(),
    processGroups: [], remoteProcessGroups: [], processors: [], inputPorts: [], outputPorts: [],
    connections: [], labels: [], funnels: [], controllerServices: [],
    ...(withoutContexts ? {} : { parameterContextName: 'BenchParams' }), defaultFlowFileExpiration: '0 sec', defaultBackPressureObjectThreshold: 10000,
    defaultBackPressureDataSizeThreshold: '1 GB', flowFileConcurrency: 'UNBOUNDED',
    flowFileOutboundPolicy: 'STREAM_WHEN_AVAILABLE', componentType: 'PROCESS_GROUP',
    groupIdentifier: parentId,
  });
  const port = (kind, name, groupId) => ({
    identifier: id(), name, position: position(), type: kind,
    concurrentlySchedulableTaskCount: 1, scheduledState: 'ENABLED', allowRemoteAccess: false,
    componentType: kind, groupIdentifier: groupId,
  });
  const end = (component, kind, groupId) => ({ id: component.identifier, type: kind, groupId, name: component.name, comments: '' });
  const connect = (owner, source, destination, relationships) => owner.connections.push({
    identifier: id(), name: '', source, destination, labelIndex: 1, zIndex: 0,
    selectedRelationships: relationships, backPressureObjectThreshold: 10000, backPressureDataSizeThreshold: '1 GB',
    flowFileExpiration: '0 sec', prioritizers: [], bends: [], loadBalanceStrategy: 'DO_NOT_LOAD_BALANCE',
    partitioningAttribute: '', loadBalanceCompression: 'DO_NOT_COMPRESS', componentType: 'CONNECTION', groupIdentifier: owner.identifier,
  });
  const descriptors = (properties, sensitive = []) => Object.fromEntries(Object.keys(properties).map((name) => [name, {
    name, displayName: name, identifiesControllerService: false, sensitive: sensitive.includes(name),
  }]));
  const bundle = (artifact) => ({ group: 'org.apache.nifi', artifact, version: '1.25.0' });

  let made = 0;
  const processor = (owner, spec, name) => {
    made++;
    const properties = { ...spec.properties, 'batch.setting': `#{Setting${made % SETTINGS}}` };
    const processor = {
      identifier: id(), name, comments: '', position: position(), type: spec.type,
      bundle: bundle(spec.artifact), properties, propertyDescriptors: descriptors(properties, spec.sensitive),
      style: {}, schedulingPeriod: '0 sec', schedulingStrategy: 'TIMER_DRIVEN', executionNode: 'ALL', penaltyDuration: '30 sec',
      yieldDuration: '1 sec', bulletinLevel: 'WARN', runDurationMillis: 0, concurrentlySchedulableTaskCount: 1,
      autoTerminatedRelationships: [...spec.drop], scheduledState: 'ENABLED', componentType: 'PROCESSOR', groupIdentifier: owner.identifier,
    };
    owner.processors.push(processor);
    return processor;
  };
  const services = (owner) => {
    for (const spec of SERVICES) {
      const properties = { ...spec.properties };
      owner.controllerServices.push({
        identifier: id(), name: `${spec.key} (${owner.name})`, comments: '', type: spec.type,
        bundle: bundle(spec.artifact), properties, propertyDescriptors: descriptors(properties, spec.sensitive),
        controllerServiceApis: [{ type: spec.type.replace(/\.\w+$/, '.Api'), bundle: bundle('nifi-standard-services-api-nar') }],
        scheduledState: 'DISABLED', bulletinLevel: 'WARN', componentType: 'CONTROLLER_SERVICE', groupIdentifier: owner.identifier,
      });
    }
  };

  /** A group with an input, an output and a failure port; `fill` adds its inside and returns [first, last] chain ends. */
  const stage = (owner, name, fill) => {
    const inner = group(name, owner.identifier);
    owner.processGroups.push(inner);
    const input = port('INPUT_PORT', 'in', inner.identifier);
    const output = port('OUTPUT_PORT', 'out', inner.identifier);
    const failure = port('OUTPUT_PORT', 'failure', inner.identifier);
    inner.inputPorts.push(input);
    inner.outputPorts.push(output, failure);
    fill(inner, { input, output, failure });
    return { inner, input, output, failure };
  };

  const chainSteps = (owner, ports, count, makeStep) => {
    let previous = end(ports.input, 'INPUT_PORT', owner.identifier);
    let previousRelationships = [''];
    for (let i = 0; i < count; i++) {
      const step = makeStep(owner, i);
      connect(owner, previous, end(step.input, 'INPUT_PORT', step.inner.identifier), previousRelationships);
      connect(owner, end(step.failure, 'OUTPUT_PORT', step.inner.identifier), end(ports.failure, 'OUTPUT_PORT', owner.identifier), ['']);
      previous = end(step.output, 'OUTPUT_PORT', step.inner.identifier);
      previousRelationships = [''];
    }
    connect(owner, previous, end(ports.output, 'OUTPUT_PORT', owner.identifier), previousRelationships);
  };

  const processorChain = (owner, ports, count) => {
    let previous = end(ports.input, 'INPUT_PORT', owner.identifier);
    let relationships = [''];
    for (let i = 0; i < count; i++) {
      const spec = WEIGHTED_TYPES[Math.floor(rand() * WEIGHTED_TYPES.length)];
      const current = processor(owner, spec, `${spec.type.slice(spec.type.lastIndexOf('.') + 1)} ${made + 1}`);
      const currentEnd = end(current, 'PROCESSOR', owner.identifier);
      connect(owner, previous, currentEnd, relationships);
      if (spec.fail.length > 0) connect(owner, currentEnd, end(ports.failure, 'OUTPUT_PORT', owner.identifier), spec.fail);
      previous = currentEnd;
      relationships = spec.next;
    }
    connect(owner, previous, end(ports.output, 'OUTPUT_PORT', owner.identifier), relationships);
  };

  const top = group(`Bench flow ${processorCount}`);
  const topInput = port('INPUT_PORT', 'input', top.identifier);
  const topSuccess = port('OUTPUT_PORT', 'success', top.identifier);
  const topFailure = port('OUTPUT_PORT', 'failure', top.identifier);
  top.inputPorts.push(topInput);
  top.outputPorts.push(topSuccess, topFailure);
  services(top);

  const steps = Math.max(1, Math.round(processorCount / processorsPerStep));
  const stages = Math.ceil(steps / STEPS_PER_STAGE);
  let stepsLeft = steps;
  chainSteps(top, { input: topInput, output: topSuccess, failure: topFailure }, stages, (owner, s) =>
    stage(owner, `Stage ${s + 1}`, (stageGroup, stagePorts) => {
      services(stageGroup);
      const here = Math.min(STEPS_PER_STAGE, stepsLeft);
      stepsLeft -= here;
      chainSteps(stageGroup, stagePorts, here, (stepOwner, k) =>
        stage(stepOwner, `Step ${s + 1}.${k + 1}`, (stepGroup, stepPorts) => {
          const count = stepsLeft === 0 && k === here - 1 ? processorCount - made : processorsPerStep;
          processorChain(stepGroup, stepPorts, Math.max(0, count));
        }));
    }));

  const root = {
    flowContents: top,
    externalControllerServices: {},
    parameterContexts: parameterContexts(),
    flowEncodingVersion: '1.0',
    parameterProviders: {},
    latest: false,
  };
  if (!withoutContexts) plantProblems(root);
  return compact ? JSON.stringify(root) : `${toNifiJson(root)}\n`;
}

function parameterContexts() {
  const parameter = (name, value, sensitive = false) => ({ name, description: `${name} for the bench flow`, sensitive, provided: false, ...(sensitive ? {} : { value }) });
  const main = [
    parameter('Tenant', 'acme'), parameter('RegionField', 'region'), parameter('ApiHost', 'api.example.com'),
    parameter('ApiUser', 'bench'), parameter('ApiPassword', undefined, true), parameter('OutputBucket', 'bench-output'),
    parameter('OutputPrefix', 'orders'), parameter('AwsRegion', 'us-east-1'), parameter('DateFormat', 'yyyy-MM-dd'),
  ];
  for (let i = 0; i < SETTINGS; i++) main.push(parameter(`Setting${i}`, `value-${i}`));
  return {
    BenchParams: { name: 'BenchParams', description: 'Parameters of the bench flow', parameters: main, inheritedParameterContexts: ['BenchShared'], componentType: 'PARAMETER_CONTEXT' },
    BenchShared: { name: 'BenchShared', description: 'Shared parameters', parameters: [parameter('AssumeRoleArn', 'arn:aws:iam::123456789012:role/bench')], inheritedParameterContexts: [], componentType: 'PARAMETER_CONTEXT' },
  };
}

/** A handful of real problems spread through the flow. */
function plantProblems(root) {
  const processors = [];
  const visit = (group) => { processors.push(...group.processors); group.processGroups.forEach(visit); };
  visit(root.flowContents);
  const pick = (fraction, type) => processors.slice(Math.floor(processors.length * fraction)).find((p) => p.type.endsWith(type));
  // A failure relationship auto-terminated instead of routed to a failure port.
  const put = pick(0.3, 'PutS3Object');
  if (put) put.autoTerminatedRelationships.push('failure');
  // A reference to a parameter that no context defines.
  const update = pick(0.5, 'UpdateAttribute');
  if (update) update.properties.tenant = '#{MissingTenant}';
  // A non-sensitive property referencing a sensitive parameter.
  const http = pick(0.7, 'InvokeHTTP');
  if (http) http.properties['Basic Authentication Username'] = '#{ApiPassword}';
  // Near the end of flowContents: an "unmatched" relationship dropped instead of routed.
  const evaluate = pick(0.95, 'EvaluateJsonPath');
  if (evaluate) evaluate.autoTerminatedRelationships.push('unmatched');
  // A parameter name DFF cannot turn into an environment variable.
  root.parameterContexts.BenchParams.parameters.push({ name: 'bad-name', description: 'not a valid env var', sensitive: false, provided: false, value: 'x' });
  // A group pointing at a parameter context that is not in the file.
  const groups = root.flowContents.processGroups;
  if (groups.length > 1) groups[groups.length - 1].parameterContextName = 'NoSuchContext';
}
