// dff.deploy.json text -> DeployFile, or every problem with its line and column. Checks the same
// rules as schemas/dff-deploy.schema.json (a unit test keeps the two in step), by hand: ajv is a
// test-only dependency and the shells need positions for each problem.
import * as path from 'node:path';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { DeployFile, DeployFileLoad, DeployFileProblem, DeployTarget, FlowTargets, NamedTarget } from './target';
import { DEPLOY_FILE_NAME } from './target';

type JsonPath = Array<string | number>;
type Check = (value: unknown, at: JsonPath) => string | undefined;

interface FieldSpec {
  check: Check;
  required?: boolean;
}

const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const S3_URL = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])\/(.+)$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const ENV_KEY = /^[a-zA-Z][a-zA-Z0-9_]+$/;
const SECRET_NAME = /^[A-Za-z0-9/_+=.@-]{1,512}$/;
const ALIAS = /^(?!\d+$)[A-Za-z0-9_-]{1,128}$/;
const VERSION_CRN = /^crn:[^\s]+\/v\.\d+$/;
const TARGET_NAME = /^[A-Za-z0-9_.-]{1,64}$/;
const RUNTIME = /^java[0-9a-z.]*$/;
const DLQ_ARN = /^arn:aws[a-z-]*:(sqs|sns):[a-z0-9-]+:\d{12}:[\w.-]+$/;
const KMS_ARN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:(key|alias)\/.+$/;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (pattern: RegExp, what: string): Check => (value) => {
  if (typeof value !== 'string') return `must be a string (${what})`;
  return pattern.test(value) ? undefined : `"${value}" is not ${what}`;
};

const optionalText = (what: string, max = 1024): Check => (value) => {
  if (typeof value !== 'string') return `must be a string (${what})`;
  if (value.length === 0) return `must not be empty (${what})`;
  return value.length > max ? `is longer than ${max} characters` : undefined;
};

const integer = (min: number, max: number, unit: string): Check => (value) => {
  if (typeof value !== 'number' || !Number.isInteger(value)) return `must be a whole number of ${unit}`;
  return value < min || value > max ? `must be between ${min} and ${max} ${unit} (Lambda's limits), not ${value}` : undefined;
};

const stringArray = (item: Check, minItems = 0): Check => (value, at) => {
  if (!Array.isArray(value)) return 'must be a list of strings';
  if (value.length < minItems) return `must list at least ${minItems}`;
  for (let index = 0; index < value.length; index++) {
    const problem = item(value[index], [...at, index]);
    if (problem) return `item ${index + 1} ${problem}`;
  }
  return undefined;
};

const stringMap = (key: RegExp | undefined, keyWhat: string): Check => (value) => {
  if (!isObject(value)) return 'must be an object of names to string values';
  for (const [name, item] of Object.entries(value)) {
    if (key && !key.test(name)) return `has "${name}", which is not ${keyWhat}`;
    if (typeof item !== 'string') return `"${name}" must be a string value`;
  }
  return undefined;
};

const TRIGGER_FIELDS: Record<string, FieldSpec> = {
  bucket: { required: true, check: text(BUCKET, 'an S3 bucket name') },
  events: { check: stringArray(text(/^s3:[A-Za-z]+:[A-Za-z*]+$/, 'an S3 event name such as s3:ObjectCreated:*'), 1) },
  prefix: { check: optionalText('an object key prefix') },
  suffix: { check: optionalText('an object key suffix') },
};

const TARGET_FIELDS: Record<string, FieldSpec> = {
  profile: { check: optionalText('an AWS profile name') },
  region: { check: text(REGION, 'an AWS region such as eu-west-1') },
  functionName: { required: true, check: text(FUNCTION_NAME, 'a Lambda function name (1 to 64 letters, digits, "-" or "_")') },
  executionRole: { required: true, check: () => undefined },
  runtime: { check: text(RUNTIME, 'a Java Lambda runtime such as java11') },
  architecture: { check: (value) => (value === 'x86_64' || value === 'arm64' ? undefined : 'must be "x86_64" or "arm64"') },
  handler: { check: optionalText('a handler', 128) },
  memoryMb: { check: integer(128, 10240, 'MB') },
  timeoutSeconds: { check: integer(1, 900, 'seconds') },
  ephemeralStorageMb: { check: integer(512, 10240, 'MB') },
  code: { required: true, check: () => undefined },
  flowVersion: {
    check: (value) => {
      if (typeof value === 'number') return Number.isInteger(value) && value >= 1 ? undefined : 'must be a version number from 1';
      if (value === 'latest' || (typeof value === 'string' && (/^[1-9]\d*$/.test(value) || VERSION_CRN.test(value)))) return undefined;
      return 'must be "latest", a version number, or a flow version CRN ending in /v.<n>';
    },
  },
  failurePorts: { check: stringArray(text(/^[^,]+$/, 'an output port name (without commas)')) },
  parameters: { check: stringMap(undefined, '') },
  secretName: { check: text(SECRET_NAME, 'a Secrets Manager secret name (up to 512 letters, digits or /_+=.@-)') },
  alias: { check: text(ALIAS, 'a Lambda alias name (letters, digits, "-" or "_", not only digits)') },
  environment: { check: stringMap(ENV_KEY, 'a Lambda environment variable name ([a-zA-Z][a-zA-Z0-9_]+)') },
  removeEnvironment: { check: stringArray(text(ENV_KEY, 'a Lambda environment variable name')) },
  triggers: { check: () => undefined },
  deadLetterArn: { check: text(DLQ_ARN, 'an SQS queue or SNS topic ARN') },
  kmsKeyArn: { check: text(KMS_ARN, 'a KMS key ARN') },
};

export function loadDeployFile(source: string, filePath: string): DeployFileLoad {
  const errors: ParseError[] = [];
  const tree = parseTree(source, errors, { disallowComments: true, allowTrailingComma: false });
  const problems: DeployFileProblem[] = [];
  const problem = (jsonPath: JsonPath, message: string, node?: Node): void => {
    const at = node ?? (tree ? findNodeAtLocation(tree, jsonPath) : undefined) ?? nearestNode(tree, jsonPath);
    problems.push(withPosition(source, message, jsonPath, at?.offset ?? 0, at?.length ?? 0));
  };
  if (errors.length > 0 || !tree) {
    for (const error of errors) {
      problems.push(withPosition(source, `${DEPLOY_FILE_NAME} is not valid JSON: ${describeParseError(error)}`, [], error.offset, error.length));
    }
    if (problems.length === 0) problems.push(withPosition(source, `${DEPLOY_FILE_NAME} is empty`, [], 0, 0));
    return { ok: false, problems };
  }
  const root: unknown = JSON.parse(source);
  if (!isObject(root)) {
    problem([], 'must be a JSON object with "flows"');
    return { ok: false, problems };
  }
  for (const key of Object.keys(root)) {
    if (key !== 'flows' && key !== '$schema') problem([key], `unknown field "${key}"; a deploy file has "flows" (and optionally "$schema")`);
  }
  const flows: FlowTargets[] = [];
  if (!isObject(root.flows)) {
    problem(root.flows === undefined ? [] : ['flows'], '"flows" must be an object mapping flow file paths to their targets');
  } else {
    for (const [flowKey, entry] of Object.entries(root.flows)) {
      const at: JsonPath = ['flows', flowKey];
      if (!isObject(entry)) {
        problem(at, `"${flowKey}" must be an object with "targets"`);
        continue;
      }
      for (const key of Object.keys(entry)) if (key !== 'targets') problem([...at, key], `unknown field "${key}" in flow "${flowKey}"; expected "targets"`);
      if (!isObject(entry.targets)) {
        problem(entry.targets === undefined ? at : [...at, 'targets'], `flow "${flowKey}" needs "targets": an object of named targets such as "dev"`);
        continue;
      }
      const targets: NamedTarget[] = [];
      for (const [name, value] of Object.entries(entry.targets)) {
        const targetAt = [...at, 'targets', name];
        if (!TARGET_NAME.test(name)) problem(targetAt, `target name "${name}" must be 1 to 64 letters, digits, ".", "-" or "_"`);
        const before = problems.length;
        checkTarget(value, targetAt, problem);
        if (problems.length === before) targets.push({ name, target: value as DeployTarget });
      }
      flows.push({ flowKey: normalizeKey(flowKey), targets });
    }
  }
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.offset - b.offset) };
  const file: DeployFile = { path: filePath, flows };
  return { ok: true, file };
}

function checkTarget(value: unknown, at: JsonPath, problem: (at: JsonPath, message: string) => void): void {
  const name = String(at[at.length - 1]);
  if (!isObject(value)) {
    problem(at, `target "${name}" must be an object`);
    return;
  }
  checkFields(value, at, TARGET_FIELDS, `target "${name}"`, problem);
  if (value.executionRole !== undefined) checkRole(value.executionRole, [...at, 'executionRole'], problem);
  if (value.code !== undefined) checkCode(value.code, [...at, 'code'], problem);
  if (value.triggers !== undefined) {
    if (!Array.isArray(value.triggers)) problem([...at, 'triggers'], '"triggers" must be a list of S3 triggers');
    else value.triggers.forEach((trigger, index) => {
      const triggerAt = [...at, 'triggers', index];
      if (!isObject(trigger)) problem(triggerAt, `trigger ${index + 1} must be an object with "bucket"`);
      else checkFields(trigger, triggerAt, TRIGGER_FIELDS, `trigger ${index + 1}`, problem);
    });
  }
}

function checkFields(
  value: Record<string, unknown>,
  at: JsonPath,
  fields: Record<string, FieldSpec>,
  owner: string,
  problem: (at: JsonPath, message: string) => void,
): void {
  for (const [field, spec] of Object.entries(fields)) {
    if (spec.required && value[field] === undefined) problem(at, `${owner} is missing "${field}"`);
  }
  for (const [field, item] of Object.entries(value)) {
    const spec = fields[field];
    if (!spec) {
      problem([...at, field], `unknown field "${field}" in ${owner}; known fields: ${Object.keys(fields).join(', ')}`);
      continue;
    }
    const issue = spec.check(item, [...at, field]);
    if (issue) problem([...at, field], `"${field}" ${issue}`);
  }
}

function checkRole(value: unknown, at: JsonPath, problem: (at: JsonPath, message: string) => void): void {
  const keys = isObject(value) ? Object.keys(value) : [];
  if (!isObject(value) || keys.length !== 1 || !(keys[0] === 'arn' || keys[0] === 'create')) {
    problem(at, '"executionRole" must be {"arn": "<existing role ARN>"} or {"create": "<role name>"}');
    return;
  }
  if ('arn' in value && !(typeof value.arn === 'string' && ROLE_ARN.test(value.arn))) {
    problem([...at, 'arn'], `"${String(value.arn)}" is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)`);
  }
  if ('create' in value && !(typeof value.create === 'string' && ROLE_NAME.test(value.create))) {
    problem([...at, 'create'], `"${String(value.create)}" is not an IAM role name (1 to 64 letters, digits or +=,.@_-)`);
  }
}

function checkCode(value: unknown, at: JsonPath, problem: (at: JsonPath, message: string) => void): void {
  if (!isObject(value)) {
    problem(at, '"code" must be {"s3": "s3://bucket/key.zip"} or {"localZip": "<path>", "uploadBucket": "<bucket>"}');
    return;
  }
  if ('s3' in value) {
    for (const key of Object.keys(value)) if (key !== 's3') problem([...at, key], `unknown field "${key}" beside "s3" in "code"`);
    if (typeof value.s3 !== 'string' || !S3_URL.test(value.s3)) problem([...at, 's3'], `"${String(value.s3)}" is not an S3 object URL (s3://bucket/key)`);
    return;
  }
  if ('localZip' in value) {
    const known = new Set(['localZip', 'uploadBucket', 'uploadKeyPrefix']);
    for (const key of Object.keys(value)) if (!known.has(key)) problem([...at, key], `unknown field "${key}" in "code"; known: ${[...known].join(', ')}`);
    if (typeof value.localZip !== 'string' || value.localZip.length === 0) problem([...at, 'localZip'], '"localZip" must be the path of the DFF binaries zip');
    if (value.uploadBucket === undefined) problem(at, '"code" with "localZip" needs "uploadBucket": the bucket deploy uploads the zip to');
    else if (typeof value.uploadBucket !== 'string' || !BUCKET.test(value.uploadBucket)) problem([...at, 'uploadBucket'], `"${String(value.uploadBucket)}" is not an S3 bucket name`);
    if (value.uploadKeyPrefix !== undefined && typeof value.uploadKeyPrefix !== 'string') problem([...at, 'uploadKeyPrefix'], '"uploadKeyPrefix" must be a string');
    return;
  }
  problem(at, '"code" must have "s3" (an s3:// URL) or "localZip" (a local zip to upload)');
}

/** Parses s3://bucket/key; undefined when it is not one. */
export function parseS3Url(url: string): { bucket: string; key: string } | undefined {
  const match = S3_URL.exec(url);
  return match ? { bucket: match[1], key: match[2] } : undefined;
}

/** The targets the deploy file lists for a flow file (absolute or relative to the current directory). */
export function targetsForFlow(file: DeployFile, flowPath: string): NamedTarget[] {
  const key = flowKeyFor(file.path, flowPath);
  return file.flows.find((entry) => entry.flowKey === key)?.targets ?? [];
}

/** The key a flow file has in a deploy file's "flows": its path relative to the deploy file's folder, with "/". */
export function flowKeyFor(deployFilePath: string, flowPath: string): string {
  return normalizeKey(path.relative(path.dirname(path.resolve(deployFilePath)), path.resolve(flowPath)));
}

/** Where the deploy file for a flow file is: beside it. */
export function deployFilePathFor(flowPath: string): string {
  return path.join(path.dirname(flowPath), DEPLOY_FILE_NAME);
}

function normalizeKey(key: string): string {
  return path.posix.normalize(key.split(path.sep).join('/').replace(/\\/g, '/')).replace(/^\.\//, '');
}

function nearestNode(tree: Node | undefined, jsonPath: JsonPath): Node | undefined {
  if (!tree) return undefined;
  for (let length = jsonPath.length - 1; length >= 0; length--) {
    const node = findNodeAtLocation(tree, jsonPath.slice(0, length));
    if (node) return node;
  }
  return tree;
}

function withPosition(source: string, message: string, jsonPath: JsonPath, offset: number, length: number): DeployFileProblem {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return { message, jsonPath, line, column, offset, length };
}

function describeParseError(error: ParseError): string {
  const code = printParseErrorCode(error.error);
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
