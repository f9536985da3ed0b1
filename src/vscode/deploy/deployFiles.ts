import * as path from 'path';
import * as vscode from 'vscode';
import type { DeployFileProblem, DeployTarget, NamedTarget } from '../../core/deploy/target';
import { loadAwsEngine } from '../lazy';

// The dff.deploy.json that holds a flow file's targets: the one beside the flow, else the nearest
// one in a parent folder (up to the workspace folder) that lists the flow. A new target goes into
// the file beside the flow (created when missing), keeping the rest of its text as it was.

export const DEPLOY_FILE_NAME = 'dff.deploy.json';

export interface FlowTargetsFound {
  /** The deploy file the targets come from (or would be written to). */
  deployFile: vscode.Uri;
  targets: NamedTarget[];
}

/** A deploy file that cannot be read as one: its problems are shown where they are. */
export class DeployFileError extends Error {
  constructor(
    readonly file: vscode.Uri,
    readonly problems: DeployFileProblem[],
  ) {
    super(`${vscode.workspace.asRelativePath(file)} has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}: ${problems
      .slice(0, 3)
      .map((problem) => `line ${problem.line}: ${problem.message}`)
      .join('; ')}`);
  }
}

/** The targets of a flow file; an empty list (and the file beside the flow) when no deploy file lists it. */
export async function findFlowTargets(flow: vscode.Uri): Promise<FlowTargetsFound> {
  const beside = vscode.Uri.file(path.join(path.dirname(flow.fsPath), DEPLOY_FILE_NAME));
  for (const candidate of candidateFiles(flow)) {
    const text = await readText(candidate);
    if (text === undefined) continue;
    const engine = loadAwsEngine();
    const loaded = engine.loadDeployFile(text, candidate.fsPath);
    if (!loaded.ok) throw new DeployFileError(candidate, loaded.problems);
    const targets = engine.targetsForFlow(loaded.file, flow.fsPath);
    if (targets.length > 0) return { deployFile: candidate, targets };
  }
  return { deployFile: beside, targets: [] };
}

/** Adds (or replaces) a target of the flow in the deploy file beside the flow; returns that file. */
export async function writeTarget(flow: vscode.Uri, deployFile: vscode.Uri, name: string, target: DeployTarget): Promise<vscode.Uri> {
  const engine = loadAwsEngine();
  const existing = await readText(deployFile);
  const flowKey = engine.flowKeyFor(deployFile.fsPath, flow.fsPath);
  const text = engine.setTargetInDeployFile(existing, flowKey, name, target);
  // Checked as it would be read back, so a target the wizard let through cannot break the file.
  const loaded = engine.loadDeployFile(text, deployFile.fsPath);
  if (!loaded.ok) throw new DeployFileError(deployFile, loaded.problems);
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === deployFile.toString());
  if (open?.isDirty) {
    throw new Error(`${vscode.workspace.asRelativePath(deployFile)} has unsaved changes: save or revert it, then deploy again.`);
  }
  await vscode.workspace.fs.writeFile(deployFile, new TextEncoder().encode(text));
  return deployFile;
}

/** Opens a deploy file at its first problem. */
export async function showDeployFileProblem(error: DeployFileError): Promise<void> {
  const document = await vscode.workspace.openTextDocument(error.file);
  const first = error.problems[0];
  const start = document.positionAt(first?.offset ?? 0);
  const end = document.positionAt((first?.offset ?? 0) + (first?.length ?? 0));
  await vscode.window.showTextDocument(document, { selection: new vscode.Range(start, end) });
}

/** The flow's folder, then each parent up to (and including) its workspace folder. */
function candidateFiles(flow: vscode.Uri): vscode.Uri[] {
  const root = vscode.workspace.getWorkspaceFolder(flow)?.uri.fsPath;
  const files: vscode.Uri[] = [];
  let folder = path.dirname(flow.fsPath);
  for (;;) {
    files.push(vscode.Uri.file(path.join(folder, DEPLOY_FILE_NAME)));
    const parent = path.dirname(folder);
    if (!root || folder === root || parent === folder || !isInside(parent, root)) break;
    folder = parent;
  }
  return files;
}

function isInside(folder: string, root: string): boolean {
  const relative = path.relative(root, folder);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** The editor's text when the file is open (unsaved edits included), else the file's; undefined when there is no file. */
async function readText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
    throw error;
  }
}
