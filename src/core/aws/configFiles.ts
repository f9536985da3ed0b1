// Where the shared AWS config and credentials files are, and reading them the way the SDK does.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadSharedConfigFiles } from '@smithy/core/config';

/** A shared config or credentials file that cannot be used; names the file, never its content. */
export class AwsConfigError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'AwsConfigError';
  }
}

export interface AwsConfigPaths {
  configFile: string;
  credentialsFile: string;
}

function homeOf(env: NodeJS.ProcessEnv): string {
  return env.HOME || env.USERPROFILE || (env.HOMEPATH ? `${env.HOMEDRIVE ?? 'C:\\'}${env.HOMEPATH}` : '');
}

function expandHome(path: string, home: string): string {
  return path.startsWith('~/') && home ? join(home, path.slice(2)) : path;
}

/** AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/config and ~/.aws/credentials (HOME from env). */
export function awsConfigPaths(env: NodeJS.ProcessEnv = process.env): AwsConfigPaths {
  const home = homeOf(env);
  return {
    configFile: expandHome(env.AWS_CONFIG_FILE || join(home, '.aws', 'config'), home),
    credentialsFile: expandHome(env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials'), home),
  };
}

/** Sections by name, each a map of keys to values, as the SDK's parser returns them. */
export type IniData = Record<string, Record<string, string | undefined>>;

export interface SharedConfig {
  paths: AwsConfigPaths;
  /** Profiles by name ([default], [profile x]), plus 'sso-session.<name>' and 'services.<name>' sections, as the SDK keys them. */
  configFile: IniData;
  credentialsFile: IniData;
}

// The SDK's own parser ignores lines it does not understand and treats an unreadable file as
// empty, which would hide a broken file behind "no profiles". Check the file first, and report
// only line numbers: the lines themselves may hold keys.
async function checkFile(path: string): Promise<void> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (code ?? 'unknown error');
    throw new AwsConfigError(path, `Cannot read the AWS file ${path}: ${why}.`);
  }
  if (text.includes('\0')) throw new AwsConfigError(path, `The AWS file ${path} is not a text file.`);
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index].split(/(^|\s)[;#]/)[0].trim();
    if (line === '') continue;
    if (line.startsWith('[') && line.endsWith(']')) {
      if (/^\[\s*(profile\s+)?__proto__\s*\]$/.test(line)) {
        throw new AwsConfigError(path, `The AWS file ${path} has an invalid section name on line ${index + 1}.`);
      }
      continue;
    }
    if (line.indexOf('=') > 0) continue;
    throw new AwsConfigError(
      path,
      `The AWS file ${path} is not in the shared config format: line ${index + 1} is neither a [section] nor a "key = value" line.`,
    );
  }
}

/** Reads both files fresh (no SDK cache), throwing AwsConfigError for an unreadable or garbled one; missing files are empty. */
export async function loadSharedConfig(env: NodeJS.ProcessEnv = process.env): Promise<SharedConfig> {
  const paths = awsConfigPaths(env);
  await Promise.all([checkFile(paths.configFile), checkFile(paths.credentialsFile)]);
  const files = await loadSharedConfigFiles({ filepath: paths.credentialsFile, configFilepath: paths.configFile, ignoreCache: true });
  return { paths, configFile: files.configFile, credentialsFile: files.credentialsFile };
}
