import type * as vscode from 'vscode';
import type { DeployTarget } from '../../core/deploy/target';
import { MultiStepInput, type Step } from './multiStepInput';

// The guided input that creates a deploy target when a flow has none: target name, function
// (the account's functions offered), execution role (an existing one, or one deploy creates),
// the DFF binaries zip in S3 (buckets, then zips in the bucket, offered), the alias, and an
// optional S3 trigger. Every step has Back; the answers become a target in dff.deploy.json.

export interface NewTargetAnswers {
  name: string;
  functionName: string;
  role: { arn: string } | { create: string };
  /** s3://bucket/key of the DFF binaries zip. */
  code: string;
  alias: string;
  trigger?: { bucket: string; prefix?: string; suffix?: string };
}

/** What the account has, offered in the steps. Each may fail: the step then only takes typed values. */
export interface WizardSuggestions {
  functionNames(): Promise<string[]>;
  roles(): Promise<Array<{ name: string; arn: string }>>;
  buckets(): Promise<string[]>;
  zipKeys(bucket: string): Promise<string[]>;
}

const TOTAL_STEPS = 8;
const DEFAULT_ALIAS = 'live';
const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const ALIAS = /^(?!\d+$)[A-Za-z0-9_-]{1,128}$/;
const TARGET_NAME = /^[A-Za-z0-9_.-]{1,64}$/;

interface Item extends vscode.QuickPickItem {
  value: string;
  meaning?: 'create' | 'existing' | 'none';
}

/** The target as it is written to dff.deploy.json: defaults left out, so the file stays short. */
export function targetFromAnswers(answers: NewTargetAnswers): DeployTarget {
  return {
    functionName: answers.functionName,
    executionRole: answers.role,
    code: { s3: answers.code },
    ...(answers.alias && answers.alias !== DEFAULT_ALIAS ? { alias: answers.alias } : {}),
    ...(answers.trigger ? { triggers: [pruned(answers.trigger)] } : {}),
  };
}

function pruned(trigger: NonNullable<NewTargetAnswers['trigger']>): NonNullable<DeployTarget['triggers']>[number] {
  return {
    bucket: trigger.bucket,
    ...(trigger.prefix ? { prefix: trigger.prefix } : {}),
    ...(trigger.suffix ? { suffix: trigger.suffix } : {}),
  };
}

/** Asks for a new target; undefined when the user cancels. `takenNames` are the flow's targets already in the file. */
export async function askNewTarget(flowName: string, takenNames: readonly string[], suggestions: WizardSuggestions): Promise<NewTargetAnswers | undefined> {
  const title = `New deploy target for ${flowName}`;
  const answers: Partial<NewTargetAnswers> = {};
  let bucket = '';

  const targetName: Step = async (input) => {
    answers.name = await input.input({
      title,
      prompt: 'Target name, e.g. dev or prod: deploy asks which target when a flow has several',
      value: answers.name ?? (['dev', 'test', 'prod'].find((name) => !takenNames.includes(name)) ?? ''),
      validate: (value) =>
        !TARGET_NAME.test(value) ? 'Use 1 to 64 letters, digits, ".", "-" or "_".' : takenNames.includes(value) ? `This flow already has a target "${value}".` : undefined,
    });
    return functionName;
  };

  const functionName: Step = async (input) => {
    const existing = suggestions.functionNames().then((names) =>
      names.map((name): Item => ({ label: name, value: name, description: 'existing function: deploy updates it' })),
    );
    const typed = (value: string): Item | undefined =>
      value ? { label: value, value, description: FUNCTION_NAME.test(value) ? 'new function' : 'not a valid function name', alwaysShow: true } : undefined;
    const choice = await input.pick({
      title,
      placeholder: 'Lambda function name: pick a function of this account or type a new name',
      items: existing,
      typed,
      activeLabel: answers.functionName,
    });
    if (!FUNCTION_NAME.test(choice.value)) return functionName;
    answers.functionName = choice.value;
    return role;
  };

  const role: Step = async (input) => {
    const create: Item = { label: '$(add) Create a role', value: '', meaning: 'create', description: 'trusts lambda.amazonaws.com, with AWSLambdaBasicExecutionRole' };
    const existing = suggestions.roles().then((roles) => [
      create,
      ...roles.map((item): Item => ({ label: item.name, value: item.arn, meaning: 'existing', description: item.arn })),
    ]);
    const typed = (value: string): Item | undefined =>
      ROLE_ARN.test(value) ? { label: value, value, meaning: 'existing', description: 'role ARN', alwaysShow: true } : undefined;
    const choice = await input.pick({ title, placeholder: 'Execution role: pick an existing role, paste a role ARN, or create one', items: existing, typed });
    if (choice.meaning === 'existing') {
      answers.role = { arn: choice.value };
      return codeBucket;
    }
    return roleName;
  };

  const roleName: Step = async (input) => {
    const suggested = answers.role && 'create' in answers.role ? answers.role.create : `${answers.functionName}-role`.slice(0, 64);
    const name = await input.input({
      title,
      prompt: 'Name of the role to create (deploy reuses it when it exists already)',
      value: suggested,
      validate: (value) => (ROLE_NAME.test(value) ? undefined : 'Use 1 to 64 letters, digits or +=,.@_-'),
    });
    answers.role = { create: name };
    return codeBucket;
  };

  const codeBucket: Step = async (input) => {
    const listed = suggestions.buckets().then((names) => names.map((name): Item => ({ label: name, value: name, description: 's3 bucket' })));
    const typed = (value: string): Item | undefined => {
      const parsed = parseS3(value);
      if (parsed?.key) return { label: value, value, description: 'DFF binaries zip', alwaysShow: true };
      const name = parsed?.bucket ?? value;
      return BUCKET.test(name) ? { label: name, value: name, description: 'bucket', alwaysShow: true } : undefined;
    };
    const choice = await input.pick({
      title,
      placeholder: 'Where the DFF binaries zip is: pick its bucket, or type s3://bucket/key.zip',
      items: listed,
      typed,
      activeLabel: bucket || undefined,
    });
    const parsed = parseS3(choice.value);
    if (parsed?.key) {
      answers.code = choice.value;
      return alias;
    }
    bucket = parsed?.bucket ?? choice.value;
    return codeKey;
  };

  const codeKey: Step = async (input) => {
    const listed = suggestions.zipKeys(bucket).then((keys) => keys.map((key): Item => ({ label: key, value: `s3://${bucket}/${key}` })));
    const typed = (value: string): Item | undefined => (value ? { label: value, value: `s3://${bucket}/${value.replace(/^\/+/, '')}`, description: 'key', alwaysShow: true } : undefined);
    const choice = await input.pick({
      title,
      placeholder: `The DFF binaries zip in ${bucket} (naaf-aws-lambda-<version>-bin.zip from the DataFlow UI): pick or type its key`,
      items: listed,
      typed,
    });
    answers.code = choice.value;
    return alias;
  };

  const alias: Step = async (input) => {
    answers.alias = await input.input({
      title,
      prompt: 'Alias that points at the deployed version (triggers are bound to it, so they follow each new version)',
      value: answers.alias ?? DEFAULT_ALIAS,
      validate: (value) => (ALIAS.test(value) ? undefined : 'Use letters, digits, "-" or "_" (not only digits), up to 128.'),
    });
    return triggerBucket;
  };

  const triggerBucket: Step = async (input) => {
    const none: Item = { label: 'No S3 trigger', value: '', meaning: 'none', description: 'invoke it some other way; you can add one later' };
    const listed = suggestions.buckets().then((names) => [none, ...names.map((name): Item => ({ label: name, value: name, description: 'run the function for new objects here' }))]);
    const typed = (value: string): Item | undefined => (BUCKET.test(value) ? { label: value, value, description: 'bucket', alwaysShow: true } : undefined);
    const choice = await input.pick({ title, placeholder: 'S3 trigger (optional): the bucket whose new objects invoke the function', items: listed, typed });
    if (choice.meaning === 'none') {
      answers.trigger = undefined;
      return undefined;
    }
    answers.trigger = { bucket: choice.value };
    return triggerFilter;
  };

  const triggerFilter: Step = async (input) => {
    const filter = await input.input({
      title,
      prompt: `Only objects of ${answers.trigger?.bucket} whose key matches: prefix*suffix, e.g. incoming/*.json (empty: every new object)`,
      value: [answers.trigger?.prefix, answers.trigger?.suffix].some(Boolean) ? `${answers.trigger?.prefix ?? ''}*${answers.trigger?.suffix ?? ''}` : '',
      validate: (value) => (value.split('*').length > 2 ? 'Use at most one "*", between the prefix and the suffix.' : undefined),
    });
    const [prefix, suffix] = filter.includes('*') ? filter.split('*') : [filter, ''];
    answers.trigger = { bucket: answers.trigger?.bucket ?? '', prefix: prefix || undefined, suffix: suffix || undefined };
    return undefined;
  };

  const finished = await MultiStepInput.run(targetName, TOTAL_STEPS);
  if (!finished || !answers.name || !answers.functionName || !answers.role || !answers.code) return undefined;
  return { name: answers.name, functionName: answers.functionName, role: answers.role, code: answers.code, alias: answers.alias ?? DEFAULT_ALIAS, trigger: answers.trigger };
}

function parseS3(value: string): { bucket: string; key: string } | undefined {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(value);
  return match ? { bucket: match[1], key: match[2] } : undefined;
}
