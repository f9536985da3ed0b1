// Which files `dff validate` looks at: named files as given, and *.json files found in named folders.
import { promises as fs, type Stats } from 'node:fs';
import * as path from 'node:path';

export interface Candidate {
  /** STDIN_ARG for standard input. */
  absolutePath: string;
  /** Named on the command line (not found by walking a folder): gets a note when it is not a flow. */
  explicit: boolean;
}

/** The argument that names standard input, as in `cat flow.json | dff validate -`. */
export const STDIN_ARG = '-';

export interface Collected {
  candidates: Candidate[];
  /** Paths that could not be read, with the reason; the command cannot fully run. */
  problems: string[];
}

const SKIPPED_FOLDERS = new Set(['node_modules']);

/** Resolves the command-line paths; an argument that does not exist is a problem, not a skip. */
export async function collectCandidates(args: string[], cwd: string): Promise<Collected> {
  const candidates: Candidate[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const add = (absolutePath: string, explicit: boolean) => {
    if (seen.has(absolutePath)) return;
    seen.add(absolutePath);
    candidates.push({ absolutePath, explicit });
  };
  for (const arg of args) {
    if (arg === STDIN_ARG) {
      add(STDIN_ARG, true);
      continue;
    }
    const absolutePath = path.resolve(cwd, arg);
    let stat;
    try {
      stat = await fs.stat(absolutePath);
    } catch (error) {
      problems.push(`cannot read "${arg}": ${reason(error)}. Check the path and try again.`);
      continue;
    }
    if (stat.isDirectory()) await walk(absolutePath, add, problems);
    else if (stat.isFile()) add(absolutePath, true);
    // Reading a FIFO waits for a writer forever, and a device such as /dev/zero never ends.
    else problems.push(`"${arg}" is ${specialKind(stat)}, not a regular file: give flow files or folders, or - to read standard input.`);
  }
  return { candidates, problems };
}

async function walk(folder: string, add: (file: string, explicit: boolean) => void, problems: string[]): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(folder, { withFileTypes: true });
  } catch (error) {
    problems.push(`cannot read folder "${folder}": ${reason(error)}.`);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) await walk(full, add, problems);
    } else if (entry.name.toLowerCase().endsWith('.json')) {
      // Symbolic links to files are followed; links to folders are not (no cycles).
      if (entry.isFile() || (entry.isSymbolicLink() && (await isFile(full)))) add(full, false);
    }
  }
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}

function specialKind(stat: Stats): string {
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'something other than a file or folder';
}

export function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file or folder';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'it is a folder';
    default: return error instanceof Error ? error.message : String(error);
  }
}
