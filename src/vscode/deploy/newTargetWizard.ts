import * as path from 'path';
import * as vscode from 'vscode';
import type { DeployTarget } from '../../core/deploy/target';
import { MultiStepInput, type LoadedItems, type Step } from './multiStepInput';

// The guided input that creates a deploy target when a flow has none: target name, function
// (the account's functions offered), execution role (the roles Lambda may assume, or one deploy
// creates), the DFF binaries zip (the region's buckets, then the zips in the chosen bucket; an
// s3:// URL typed; or a zip on this computer with the bucket to upload it to), the alias, and an
// optional S3 trigger (the region's buckets). Every step has Back. A listing that fails does not
// stop anyone: the step says why in its placeholder and takes a typed value.

/** A zip on this computer that deploy uploads to a bucket. */
export interface LocalZipAnswer {
  /** Absolute path. */
  localZip: string;
  uploadBucket: string;
}

export interface NewTargetAnswers {
  name: string;
  functionName: string;
  role: { arn: string } | { create: string };
  /** s3://bucket/key of the DFF binaries zip, or a local zip and the bucket it is uploaded to. */
  code: string | LocalZipAnswer;
  alias: string;
  trigger?: { bucket: string; prefix?: string; suffix?: string };
}

/** What the account has for one step, or why it could not be read. */
export interface Listing<T> {
  items: T[];
  /** Why nothing could be listed, short enough for a placeholder (e.g. "no permission iam:ListRoles"). */
  problem?: string;
  /** The account holds more than is listed. */
  more?: boolean;
  /** The region the listing is of, when it depends on one (functions, buckets). */
  region?: string;
}

export interface ZipChoice {
  key: string;
  size?: number;
  lastModified?: Date;
}

/** What the account has, offered in the steps. None rejects: a failed listing comes back with its problem. */
export interface WizardSuggestions {
  functionNames(): Promise<Listing<string>>;
  /** Roles whose trust policy lets Lambda assume them. */
  roles(): Promise<Listing<{ name: string; arn: string }>>;
  /** The buckets of the region deploy uses (Lambda takes code and triggers only from those). */
  bucketNames(): Promise<Listing<string>>;
  /** The .zip objects of a bucket, the newest first. */
  zips(bucket: string): Promise<Listing<ZipChoice>>;
}

const TOTAL_STEPS = 9;
const DEFAULT_ALIAS = 'live';
const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const ALIAS = /^(?!\d+$)[A-Za-z0-9_-]{1,128}$/;
const TARGET_NAME = /^[A-Za-z0-9_.-]{1,64}$/;

interface Item extends vscode.QuickPickItem {
  value: string;
  meaning?: 'create' | 'existing' | 'none' | 'local';
}

/**
 * The target as it is written to dff.deploy.json: defaults left out, so the file stays short. A local
 * zip is written relative to `deployFolder` (the deploy file's folder, which the file's paths are
 * relative to) when given, else as the absolute path.
 */
export function targetFromAnswers(answers: NewTargetAnswers, deployFolder?: string): DeployTarget {
  return {
    functionName: answers.functionName,
    executionRole: answers.role,
    code: typeof answers.code === 'string' ? { s3: answers.code } : { localZip: zipPath(answers.code.localZip, deployFolder), uploadBucket: answers.code.uploadBucket },
    ...(answers.alias && answers.alias !== DEFAULT_ALIAS ? { alias: answers.alias } : {}),
    ...(answers.trigger ? { triggers: [pruned(answers.trigger)] } : {}),
  };
}

function zipPath(zip: string, deployFolder: string | undefined): string {
  if (!deployFolder) return zip;
  const relative = path.relative(deployFolder, zip);
  // Another drive (Windows) has no relative path.
  return path.isAbsolute(relative) ? zip : relative.split(path.sep).join('/');
}

function pruned(trigger: NonNullable<NewTargetAnswers['trigger']>): NonNullable<DeployTarget['triggers']>[number] {
  return {
    bucket: trigger.bucket,
    ...(trigger.prefix ? { prefix: trigger.prefix } : {}),
    ...(trigger.suffix ? { suffix: trigger.suffix } : {}),
  };
}

function separator(label: string): Item {
  return { label, kind: vscode.QuickPickItemKind.Separator, value: '' };
}

function inRegion(listing: Listing<unknown>): string {
  return listing.region ? `in ${listing.region}` : 'in this region';
}

/** e.g. "41.2 MB · 2025-06-01 12:03 UTC". */
function describeZip(zip: ZipChoice): string | undefined {
  const parts: string[] = [];
  if (zip.size !== undefined) parts.push(zip.size >= 1024 * 1024 ? `${(zip.size / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(zip.size / 1024))} KB`);
  if (zip.lastModified) parts.push(`${zip.lastModified.toISOString().slice(0, 16).replace('T', ' ')} UTC`);
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

function parseS3(value: string): { bucket: string; key: string } | undefined {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(value);
  return match ? { bucket: match[1], key: match[2] } : undefined;
}

/** Asks for a new target; undefined when the user cancels. `takenNames` are the flow's targets already in the file. */
export async function askNewTarget(flowName: string, takenNames: readonly string[], suggestions: WizardSuggestions): Promise<NewTargetAnswers | undefined> {
  const title = `New deploy target for ${flowName}`;
  const answers: Partial<NewTargetAnswers> = {};
  let roleLabel: string | undefined;
  let bucket = '';
  let localZip = '';

  const bucketItems = (description: string) =>
    suggestions.bucketNames().then((listing) => ({
      listing,
      items: listing.items.length > 0 ? [separator(`Buckets ${inRegion(listing)}`), ...listing.items.map((name): Item => ({ label: name, value: name, description }))] : [],
    }));

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
    const existing = suggestions.functionNames().then(
      (listing): LoadedItems<Item> => ({
        items: listing.items.map((name): Item => ({ label: name, value: name, description: 'existing function: deploy updates it' })),
        placeholder: listing.problem
          ? `Functions could not be listed (${listing.problem}): type the function's name`
          : listing.more
            ? `The first ${listing.items.length} functions ${inRegion(listing)}: pick one or type a name`
            : listing.items.length === 0
              ? `No function ${inRegion(listing)} yet: type a name for the new function`
              : undefined,
      }),
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
    const create: Item = { label: '$(add) Create a new role…', value: '', meaning: 'create', description: 'trusts lambda.amazonaws.com, with AWSLambdaBasicExecutionRole' };
    const existing = suggestions.roles().then(
      (listing): LoadedItems<Item> => ({
        items: [
          create,
          ...(listing.items.length > 0 ? [separator('Roles Lambda can assume')] : []),
          ...listing.items.map((item): Item => ({ label: item.name, value: item.arn, meaning: 'existing', description: item.arn })),
        ],
        placeholder: listing.problem
          ? `Roles could not be listed (${listing.problem}): paste a role ARN, or create a role`
          : listing.items.length === 0
            ? 'No role of this account lets Lambda assume it: create one, or paste a role ARN'
            : undefined,
      }),
    );
    const typed = (value: string): Item | undefined =>
      ROLE_ARN.test(value) ? { label: value, value, meaning: 'existing', description: 'role ARN', alwaysShow: true } : undefined;
    const choice = await input.pick({
      title,
      placeholder: 'Execution role: pick a role Lambda can assume, paste a role ARN, or create one',
      items: existing,
      typed,
      activeLabel: roleLabel,
    });
    roleLabel = choice.label;
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
    const local: Item = { label: '$(file-zip) A zip on this computer…', value: '', meaning: 'local', description: 'deploy uploads it to a bucket' };
    const listed = bucketItems('s3 bucket').then(
      ({ listing, items }): LoadedItems<Item> => ({
        items: [local, ...items],
        placeholder: listing.problem
          ? `Buckets could not be listed (${listing.problem}): type s3://bucket/key.zip or a bucket name`
          : listing.items.length === 0
            ? `No bucket ${inRegion(listing)}: type s3://bucket/key.zip, or use a zip on this computer`
            : undefined,
      }),
    );
    const typed = (value: string): Item | undefined => {
      const parsed = parseS3(value);
      if (parsed?.key) return { label: value, value, description: 'DFF binaries zip', alwaysShow: true };
      const name = parsed?.bucket ?? value;
      return BUCKET.test(name) ? { label: name, value: name, description: 'bucket', alwaysShow: true } : undefined;
    };
    const choice = await input.pick({
      title,
      placeholder: 'Where the DFF binaries zip is: pick its bucket, type s3://bucket/key.zip, or use a zip on this computer',
      items: listed,
      typed,
      activeLabel: typeof answers.code === 'object' ? local.label : bucket || undefined,
    });
    if (choice.meaning === 'local') {
      const picked = await vscode.window.showOpenDialog({
        title: `${title}: the DFF binaries zip`,
        openLabel: 'Use this zip',
        canSelectMany: false,
        canSelectFolders: false,
        filters: { 'Zip files': ['zip'] },
        defaultUri: localZip ? vscode.Uri.file(localZip) : undefined,
      });
      if (!picked?.[0]) return codeBucket;
      localZip = picked[0].fsPath;
      return uploadBucket;
    }
    const parsed = parseS3(choice.value);
    if (parsed?.key) {
      answers.code = choice.value;
      return alias;
    }
    bucket = parsed?.bucket ?? choice.value;
    return codeKey;
  };

  const codeKey: Step = async (input) => {
    const listed = suggestions.zips(bucket).then(
      (listing): LoadedItems<Item> => ({
        items: listing.items.map((zip): Item => ({ label: zip.key, value: `s3://${bucket}/${zip.key}`, description: describeZip(zip) })),
        placeholder: listing.problem
          ? `The zips in ${bucket} could not be listed (${listing.problem}): type the key of the DFF binaries zip`
          : listing.items.length === 0
            ? `No .zip object in ${bucket}: type the key of the DFF binaries zip, or go Back`
            : listing.more
              ? `The newest ${listing.items.length} zips of ${bucket}: pick one, or type the key of another`
              : undefined,
      }),
    );
    // A key in this bucket, or a whole s3:// URL (of any bucket).
    const typed = (value: string): Item | undefined => {
      const parsed = parseS3(value);
      const key = parsed ? parsed.key : value.replace(/^\/+/, '');
      if (!key) return undefined;
      const url = parsed ? value : `s3://${bucket}/${key}`;
      return { label: parsed ? url : key, value: url, description: /\.zip$/i.test(key) ? 'key' : 'key (not a .zip)', alwaysShow: true };
    };
    const choice = await input.pick({
      title,
      placeholder: `The DFF binaries zip in ${bucket} (naaf-aws-lambda-<version>-bin.zip from the DataFlow UI): pick or type its key`,
      items: listed,
      typed,
      activeLabel: typeof answers.code === 'string' ? parseS3(answers.code)?.key : undefined,
    });
    answers.code = choice.value;
    return alias;
  };

  const uploadBucket: Step = async (input) => {
    const listed = bucketItems('upload the zip here').then(
      ({ listing, items }): LoadedItems<Item> => ({
        items,
        placeholder: listing.problem
          ? `Buckets could not be listed (${listing.problem}): type the name of the bucket to upload the zip to`
          : listing.items.length === 0
            ? `No bucket ${inRegion(listing)}: type the name of the bucket to upload the zip to`
            : undefined,
      }),
    );
    const typed = (value: string): Item | undefined => (BUCKET.test(value) ? { label: value, value, description: 'bucket', alwaysShow: true } : undefined);
    const choice = await input.pick({
      title,
      placeholder: `The bucket deploy uploads ${path.basename(localZip)} to (Lambda takes a zip this large only from S3)`,
      items: listed,
      typed,
      activeLabel: typeof answers.code === 'object' ? answers.code.uploadBucket : undefined,
    });
    answers.code = { localZip, uploadBucket: choice.value };
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
    const listed = bucketItems('run the function for new objects here').then(
      ({ listing, items }): LoadedItems<Item> => ({
        items: [none, ...items],
        placeholder: listing.problem
          ? `Buckets could not be listed (${listing.problem}): type the bucket whose new objects invoke the function, or choose none`
          : undefined,
      }),
    );
    const typed = (value: string): Item | undefined => (BUCKET.test(value) ? { label: value, value, description: 'bucket', alwaysShow: true } : undefined);
    const choice = await input.pick({
      title,
      placeholder: 'S3 trigger (optional): the bucket whose new objects invoke the function',
      items: listed,
      typed,
      activeLabel: answers.trigger?.bucket,
    });
    if (choice.meaning === 'none') {
      answers.trigger = undefined;
      return undefined;
    }
    answers.trigger = { ...(answers.trigger?.bucket === choice.value ? answers.trigger : {}), bucket: choice.value };
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
