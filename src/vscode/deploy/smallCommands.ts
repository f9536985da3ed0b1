import * as path from 'path';
import * as vscode from 'vscode';
import type { DeployTarget, NamedTarget } from '../../core/deploy/target';
import type { FunctionNode, QualifierNode } from '../aws/functionNodes';
import { loadAwsEngine } from '../lazy';
import { log } from '../shared/log';
import type { DeployDependencies } from './deployCommand';
import { DEPLOY_FILE_NAME, findFlowTargets, writeTarget } from './deployFiles';
import { flowUri, readFlowText } from './flowText';
import { MultiStepInput } from './multiStepInput';
import { isDeployOptions, type DeployOptions, type DeployOutcome } from './options';
import { pickTarget, NEW_TARGET } from './pickTarget';
import { wizardSuggestions } from './suggestions';

// The smaller commands, on a function of the Functions view or on a flow file. Each changes what the
// target asks for (or how), then runs the same plan, review and apply as "Deploy to Lambda":
// - Publish Version: publish a version even when nothing changed, and move the alias to it;
// - Add S3 Trigger: a trigger on the alias, written to the target, then deployed;
// - Update Parameters: new values for non-sensitive parameters (written to the target) and
//   sensitive ones (to the secret only), then deployed.

type Deploy = (flow: vscode.Uri, options: DeployOptions) => Promise<DeployOutcome | undefined>;

interface FlowTarget {
  flow: vscode.Uri;
  named: NamedTarget;
  deployFile: vscode.Uri;
}

export function registerSmallCommands(deps: DeployDependencies, deploy: Deploy): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('dff.deploy.publishVersion', async (subject?: unknown, options?: unknown) => {
      const found = await locate(deps, subject, 'Publish Version');
      return found && deploy(found.flow, { ...given(options), target: found.named.name, forcePublish: true });
    }),
    vscode.commands.registerCommand('dff.deploy.addS3Trigger', async (subject?: unknown, trigger?: unknown, options?: unknown) => {
      const found = await locate(deps, subject, 'Add S3 Trigger');
      if (!found) return undefined;
      const added = isTrigger(trigger) ? trigger : await askTrigger(deps, found.named);
      if (!added) return undefined;
      const target: DeployTarget = { ...found.named.target, triggers: [...(found.named.target.triggers ?? []), added] };
      await writeTarget(found.flow, found.deployFile, found.named.name, target);
      log().info(`Added an S3 trigger on ${added.bucket} to target ${found.named.name} of ${path.basename(found.flow.fsPath)}.`);
      return deploy(found.flow, { ...given(options), target: found.named.name });
    }),
    vscode.commands.registerCommand('dff.deploy.updateParameters', async (subject?: unknown, values?: unknown, options?: unknown) => {
      const found = await locate(deps, subject, 'Update Parameters');
      if (!found) return undefined;
      const update = isParameterUpdate(values) ? values : await askParameters(found);
      if (!update) return undefined;
      if (Object.keys(update.parameters).length > 0) {
        const target: DeployTarget = { ...found.named.target, parameters: { ...found.named.target.parameters, ...update.parameters } };
        await writeTarget(found.flow, found.deployFile, found.named.name, target);
        log().info(`Updated parameters ${Object.keys(update.parameters).join(', ')} of target ${found.named.name}.`);
      }
      return deploy(found.flow, { ...given(options), target: found.named.name, sensitiveValues: update.sensitive });
    }),
  ];
}

function given(options: unknown): DeployOptions {
  return isDeployOptions(options) ? options : {};
}

/** The flow file and target a command is about: a function node (found by name in the deploy files) or a flow file. */
async function locate(deps: DeployDependencies, subject: unknown, title: string): Promise<FlowTarget | undefined> {
  const functionName = functionNameOf(subject);
  if (functionName) return targetOfFunction(functionName, title);
  const flow = flowUri(subject);
  if (!flow) {
    void vscode.window.showErrorMessage(`${title}: open a flow definition file, or use the command on a function in the Functions view.`);
    return undefined;
  }
  const found = await findFlowTargets(flow);
  const picked = await pickTarget(deps.workspaceState, flow, path.basename(flow.fsPath), found.targets);
  if (picked === NEW_TARGET) {
    void vscode.window.showErrorMessage(`${path.basename(flow.fsPath)} has no deploy target yet: run "Deploy to Lambda…" on it first.`);
    return undefined;
  }
  return picked && { flow, named: picked, deployFile: found.deployFile };
}

/** The function name of a Functions view node (a function, or one of its versions or aliases), or a plain name given by a script. */
function functionNameOf(subject: unknown): string | undefined {
  if (typeof subject === 'string') return subject;
  const node = subject as Partial<FunctionNode | QualifierNode> | undefined;
  if (node?.kind === 'function') return node.summary?.name;
  if (node?.kind === 'qualifier') return node.fn?.summary.name;
  return undefined;
}

/** The workspace's targets that deploy this function; the user picks when there are several. */
async function targetOfFunction(functionName: string, title: string): Promise<FlowTarget | undefined> {
  const engine = loadAwsEngine();
  const matches: FlowTarget[] = [];
  for (const deployFile of await vscode.workspace.findFiles(`**/${DEPLOY_FILE_NAME}`, '{**/node_modules/**,**/.git/**}', 200)) {
    const loaded = engine.loadDeployFile(new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(deployFile)), deployFile.fsPath);
    if (!loaded.ok) {
      log().warn(`${vscode.workspace.asRelativePath(deployFile)} is skipped: ${loaded.problems[0]?.message}`);
      continue;
    }
    for (const flow of loaded.file.flows) {
      for (const named of flow.targets) {
        if (named.target.functionName !== functionName) continue;
        matches.push({ flow: vscode.Uri.file(path.resolve(path.dirname(deployFile.fsPath), flow.flowKey)), named, deployFile });
      }
    }
  }
  if (matches.length === 0) {
    void vscode.window.showErrorMessage(
      `${title}: no ${DEPLOY_FILE_NAME} in this workspace has a target for ${functionName}. Deploy it from its flow file ("Deploy to Lambda…"), which adds one.`,
    );
    return undefined;
  }
  if (matches.length === 1) return matches[0];
  const picked = await vscode.window.showQuickPick(
    matches.map((match) => ({ label: match.named.name, description: vscode.workspace.asRelativePath(match.flow), match })),
    { title: `${title}: ${functionName}`, placeHolder: 'Several targets deploy this function: which one?', ignoreFocusOut: true },
  );
  return picked?.match;
}

type Trigger = NonNullable<DeployTarget['triggers']>[number];

function isTrigger(value: unknown): value is Trigger {
  return typeof value === 'object' && value !== null && typeof (value as Trigger).bucket === 'string';
}

async function askTrigger(deps: DeployDependencies, named: NamedTarget): Promise<Trigger | undefined> {
  const suggestions = wizardSuggestions(deps.aws);
  const title = `Add S3 Trigger to ${named.target.functionName}`;
  const trigger: Partial<Trigger> = {};
  const finished = await MultiStepInput.run(async function bucket(input) {
    const choice = await input.pick({
      title,
      placeholder: 'The bucket whose new objects invoke the function (through its alias)',
      items: suggestions.buckets().then((names) => names.map((name) => ({ label: name }))),
      typed: (value) => (/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(value) ? { label: value, description: 'bucket', alwaysShow: true } : undefined),
    });
    trigger.bucket = choice.label;
    return async function filter(next) {
      const value = await next.input({
        title,
        prompt: `Only objects of ${trigger.bucket} whose key matches prefix*suffix, e.g. incoming/*.json (empty: every new object)`,
        validate: (text) => (text.split('*').length > 2 ? 'Use at most one "*", between the prefix and the suffix.' : undefined),
      });
      const [prefix, suffix] = value.includes('*') ? value.split('*') : [value, ''];
      if (prefix) trigger.prefix = prefix;
      if (suffix) trigger.suffix = suffix;
      return undefined;
    };
  }, 2);
  return finished && trigger.bucket ? (trigger as Trigger) : undefined;
}

interface ParameterUpdate {
  /** Non-sensitive values, written to the target's "parameters". */
  parameters: Record<string, string>;
  /** Sensitive values, for the secret only. */
  sensitive: Record<string, string>;
}

function isParameterUpdate(value: unknown): value is ParameterUpdate {
  return typeof value === 'object' && value !== null && typeof (value as ParameterUpdate).parameters === 'object' && typeof (value as ParameterUpdate).sensitive === 'object';
}

interface ParameterItem extends vscode.QuickPickItem {
  name?: string;
  sensitive?: boolean;
}

/** Asks for new values, one parameter at a time, until the user picks "Deploy with these values". */
async function askParameters(found: FlowTarget): Promise<ParameterUpdate | undefined> {
  const text = await readFlowText(found.flow);
  if (text === undefined) return undefined;
  const probe = loadAwsEngine().buildDesired({
    flowText: text,
    flowPath: found.flow.fsPath,
    targetName: found.named.name,
    target: found.named.target,
    versionCrn: 'crn:cdp:df:us-west-1:00000000-0000-0000-0000-000000000000:flow:placeholder/v.1',
    today: new Date(),
  });
  if (!probe.ok) {
    void vscode.window.showErrorMessage(`Cannot update the parameters of ${found.named.target.functionName}: ${probe.refusals[0]?.message}`);
    return undefined;
  }
  const update: ParameterUpdate = { parameters: {}, sensitive: {} };
  const current = probe.desired.environment;
  for (;;) {
    const items: ParameterItem[] = [
      { label: '$(rocket) Deploy with these values', description: `${Object.keys(update.parameters).length + Object.keys(update.sensitive).length} changed` },
      ...probe.desired.parameters.map((parameter): ParameterItem => ({
        label: parameter.name,
        name: parameter.name,
        sensitive: parameter.sensitive,
        description: parameter.sensitive
          ? parameter.name in update.sensitive ? 'sensitive: new value given' : 'sensitive: kept in the secret'
          : update.parameters[parameter.name] ?? current[parameter.name] ?? '',
        detail: parameter.name in update.parameters ? 'changed' : undefined,
      })),
    ];
    const picked = await vscode.window.showQuickPick(items, {
      title: `Update Parameters of ${found.named.target.functionName} (target ${found.named.name})`,
      placeHolder: 'Pick a parameter to change; sensitive values go to the Secrets Manager secret only',
      ignoreFocusOut: true,
    });
    if (!picked) return undefined;
    if (!picked.name) return update;
    const value = await vscode.window.showInputBox({
      title: `${picked.name}${picked.sensitive ? ' (sensitive)' : ''}`,
      prompt: picked.sensitive ? 'New value, stored only in the Secrets Manager secret' : `New value, written to "parameters" of target ${found.named.name} in ${DEPLOY_FILE_NAME}`,
      value: picked.sensitive ? '' : update.parameters[picked.name] ?? current[picked.name] ?? '',
      password: picked.sensitive,
      ignoreFocusOut: true,
    });
    if (value === undefined) continue;
    if (picked.sensitive) update.sensitive[picked.name] = value;
    else update.parameters[picked.name] = value;
  }
}
