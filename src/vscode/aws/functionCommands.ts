import * as vscode from 'vscode';
import { requireTrust } from '../catalog/trust';
import { loadAwsEngine } from '../lazy';
import { log } from '../shared/log';
import type { FunctionNode, FunctionsNode } from './functionNodes';
import type { FunctionsTree } from './functionsTree';
import { invokeWithTestEvent, type InvokeResult, type TestEvent } from './invoke';
import type { LogDocuments } from './logDocuments';
import type { AwsSession } from './session';
import type { AwsTextDocuments } from './textDocuments';

// The actions on a function, a version or an alias of the Functions view (and on the function a
// deploy just left): copy ARN, open in the AWS console, show logs, invoke, open the configuration,
// reveal the flow in the Catalog view.

/** What a command may be given: a row of the view, a deployed function ({ functionName, qualifier }), or a name. */
export type FunctionArgument = FunctionsNode | { functionName: string; qualifier?: string; arn?: string } | string | undefined;

export interface ResolvedFunction {
  name: string;
  qualifier?: string;
  arn: string;
  logGroup: string;
  node?: FunctionNode;
}

export interface FunctionCommandDeps {
  session: AwsSession;
  tree: FunctionsTree;
  view: vscode.TreeView<FunctionsNode>;
  logs: LogDocuments;
  texts: AwsTextDocuments;
  revealInCatalog(flowCrn: string, versionCrn?: string): Promise<unknown>;
}

export function registerFunctionCommands(deps: FunctionCommandDeps): vscode.Disposable[] {
  const { session, tree, logs, texts } = deps;
  const resolve = (argument: FunctionArgument) => resolveFunction(deps, argument);
  return [
    vscode.commands.registerCommand('dff.functions.copyArn', async (argument?: FunctionArgument) => {
      const fn = await resolve(argument);
      if (!fn) return undefined;
      await vscode.env.clipboard.writeText(fn.arn);
      vscode.window.setStatusBarMessage(`$(copy) Copied ${fn.arn}`, 3000);
      return fn.arn;
    }),
    vscode.commands.registerCommand('dff.functions.openInConsole', async (argument?: FunctionArgument) => {
      const fn = await resolve(argument);
      const region = session.connection?.region;
      if (!fn || !region) return undefined;
      // Only the URL: signing in to the console is the browser's business.
      const url = loadAwsEngine().lambdaConsoleUrl(region, fn.name, fn.qualifier);
      await vscode.env.openExternal(vscode.Uri.parse(url, true));
      return url;
    }),
    vscode.commands.registerCommand('dff.functions.showLogs', async (argument?: FunctionArgument, options?: { sinceMinutes?: number; filterPattern?: string; follow?: boolean }) => {
      if (!requireTrust('read function logs')) return undefined;
      const fn = await resolve(argument);
      if (!fn) return undefined;
      return logs.open({ name: fn.name, qualifier: fn.qualifier, logGroup: fn.logGroup }, { sinceMinutes: options?.sinceMinutes ?? sinceMinutesSetting(), filterPattern: options?.filterPattern, follow: options?.follow });
    }),
    vscode.commands.registerCommand('dff.functions.showLogsFiltered', async (argument?: FunctionArgument) => {
      if (!requireTrust('read function logs')) return undefined;
      const fn = await resolve(argument);
      if (!fn) return undefined;
      const filterPattern = await vscode.window.showInputBox({
        title: `Show Logs of ${fn.name}${fn.qualifier ? `:${fn.qualifier}` : ''}`,
        prompt: 'CloudWatch Logs filter pattern (e.g. ERROR, "Task timed out", ?ERROR ?WARN); empty shows every event',
        ignoreFocusOut: true,
      });
      if (filterPattern === undefined) return undefined;
      const minutes = await vscode.window.showInputBox({
        title: `Show Logs of ${fn.name}`,
        prompt: 'How many minutes back to read before following new events',
        value: String(sinceMinutesSetting()),
        validateInput: (value) => (/^\d+$/.test(value.trim()) && Number(value) >= 1 && Number(value) <= 10080 ? undefined : 'A whole number of minutes from 1 to 10080 (a week).'),
      });
      if (minutes === undefined) return undefined;
      return logs.open({ name: fn.name, qualifier: fn.qualifier, logGroup: fn.logGroup }, { sinceMinutes: Number(minutes), ...(filterPattern.trim() ? { filterPattern: filterPattern.trim() } : {}) });
    }),
    vscode.commands.registerCommand('dff.functions.stopFollowingLogs', (uri?: unknown) => {
      const target = uri instanceof vscode.Uri ? uri : logs.activeLog();
      if (target) logs.stop(target);
    }),
    vscode.commands.registerCommand('dff.functions.invoke', async (argument?: FunctionArgument, event?: TestEvent): Promise<InvokeResult | undefined> => {
      if (!requireTrust('invoke a function')) return undefined;
      const fn = await resolve(argument);
      if (!fn) return undefined;
      return invokeWithTestEvent(session, texts, { name: fn.name, ...(fn.qualifier ? { qualifier: fn.qualifier } : {}) }, event);
    }),
    vscode.commands.registerCommand('dff.functions.openConfiguration', async (argument?: FunctionArgument) => {
      if (!requireTrust('read a function configuration')) return undefined;
      const fn = await resolve(argument);
      const node = fn?.node ?? (fn ? await tree.findFunction(fn.name) : undefined);
      if (!node) return undefined;
      await tree.getChildren(node); // reads the details once
      return texts.show(`${node.summary.name} configuration.json`, `${JSON.stringify(configurationOf(node), null, 2)}\n`);
    }),
    vscode.commands.registerCommand('dff.functions.revealInCatalog', async (argument?: FunctionArgument) => {
      const fn = await resolve(argument);
      const node = fn?.node;
      const flow = node?.summary.flow;
      if (!node || !flow) {
        void vscode.window.showInformationMessage('This function names no flow (FLOW_CRN): there is nothing to reveal in the Catalog view.');
        return undefined;
      }
      return deps.revealInCatalog(flow.flowCrn, node.summary.flowCrnValue);
    }),
    vscode.commands.registerCommand('dff.aws.showLog', () => log().show(true)),
  ];
}

async function resolveFunction(deps: FunctionCommandDeps, argument: FunctionArgument): Promise<ResolvedFunction | undefined> {
  const { tree, view } = deps;
  let given = argument ?? view.selection[0];
  if (given === undefined) {
    const listed = await tree.listed();
    const choice = await vscode.window.showQuickPick(
      listed.map((node) => ({ label: node.summary.name, description: node.summary.flow?.name, node })),
      { title: 'Function', placeHolder: listed.length ? 'Choose a function of the Functions view' : 'The Functions view lists no function' },
    );
    if (!choice) return undefined;
    given = choice.node;
  }
  if (typeof given === 'string') given = { functionName: given };
  if ('kind' in given) {
    if (given.kind === 'function') return { name: given.summary.name, arn: given.summary.arn, logGroup: given.summary.logGroup, node: given };
    if (given.kind === 'qualifier') {
      const qualifier = given.qualifier === '$LATEST' ? undefined : given.qualifier;
      return { name: given.fn.summary.name, ...(qualifier ? { qualifier } : {}), arn: given.arn, logGroup: given.fn.summary.logGroup, node: given.fn };
    }
    if (given.kind === 'group') return resolveFunction(deps, given.fn);
    return undefined;
  }
  // A function named from elsewhere (a deploy's result): its log group and ARN come from the listing when it is there.
  const node = await tree.findFunction(given.functionName).catch(() => undefined);
  const arn = given.arn ?? (node ? `${node.summary.arn}${given.qualifier ? `:${given.qualifier}` : ''}` : given.functionName);
  return {
    name: given.functionName,
    ...(given.qualifier ? { qualifier: given.qualifier } : {}),
    arn,
    logGroup: node?.summary.logGroup ?? `/aws/lambda/${given.functionName}`,
    ...(node ? { node } : {}),
  };
}

/**
 * The configuration as the view read it, in AWS's field names: secret environment values are
 * replaced, never shown.
 */
export function configurationOf(node: FunctionNode): Record<string, unknown> {
  const summary = node.details?.summary ?? node.summary;
  const environment = node.details?.environment;
  return {
    FunctionName: summary.name,
    FunctionArn: summary.arn,
    Runtime: summary.runtime,
    Handler: summary.handler,
    MemorySize: summary.memory,
    Timeout: summary.timeout,
    LastModified: summary.lastModified,
    State: summary.state,
    StateReason: summary.stateReason,
    LastUpdateStatus: summary.lastUpdateStatus,
    LastUpdateStatusReason: node.details?.lastUpdateStatusReason,
    LoggingConfig: { LogGroup: summary.logGroup },
    Environment: {
      Variables: environment
        ? Object.fromEntries(environment.map((entry) => [entry.key, entry.masked ? '(hidden: a secret)' : (entry.value ?? '')]))
        : Object.fromEntries(summary.envKeys.map((key) => [key, '(not read)'])),
    },
    Versions: node.details?.versions.map((version) => version.version),
    Aliases: node.details?.aliases.map((alias) => ({ Name: alias.name, FunctionVersion: alias.version, RoutingConfig: alias.additionalVersions ? { AdditionalVersionWeights: alias.additionalVersions } : undefined })),
    Triggers: node.details?.triggers,
    Secret: node.details?.secret ? { Name: node.details.secret.name, Keys: node.details.secret.keys, Note: node.details.secret.note } : undefined,
  };
}

function sinceMinutesSetting(): number {
  const minutes = vscode.workspace.getConfiguration('dff.logs').get<number>('sinceMinutes', 30);
  return Math.min(10080, Math.max(1, Math.round(minutes) || 30));
}
