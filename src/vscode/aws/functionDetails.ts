import type { AliasInfo, FunctionDetails, FunctionSummary, FunctionTrigger, FunctionWarning, PartProblem } from '../../core/aws/engine';
import { loadAwsEngine } from '../lazy';
import type { FunctionDecorations } from './decorations';
import type { DetailNode, FunctionNode, FunctionsNode, GroupNode, QualifierNode } from './functionNodes';
import type { AwsSession } from './session';

// What expanding a function shows: its warnings first, then Versions, Aliases, Triggers,
// Environment and Secret. Details are read once per function (describeFunction never throws for
// an AWS error: a part that failed becomes a row saying why). Warnings that need more than the
// listing (trigger on an old version, a newer catalog version, an unsupplied parameter) are added
// to the function's row and decoration once its details are in.

/** What the flow behind a function needs, from its definition file in the workspace. */
export interface LocalFlow {
  parameterContextName?: string;
  parameters: { name: string; sensitive: boolean }[];
}

/** Where details look beyond AWS: the catalog's newest version of a flow, and the flow's file. */
export interface FlowLookups {
  latestCatalogVersion(flowCrn: string): Promise<number | undefined>;
  localFlow(flowName: string): Promise<LocalFlow | undefined>;
}

export class FunctionDetailsSource {
  private readonly loading = new Map<string, Promise<FunctionsNode[]>>();

  constructor(
    private readonly session: AwsSession,
    private readonly lookups: FlowLookups,
    private readonly decorations: FunctionDecorations,
  ) {}

  functionNode(summary: FunctionSummary): FunctionNode {
    const warnings = loadAwsEngine().functionWarnings(summary, undefined, {});
    const node: FunctionNode = { kind: 'function', summary, warnings };
    this.decorations.set(summary, warnings);
    return node;
  }

  clear(): void {
    this.loading.clear();
    this.decorations.clear();
  }

  /** The function's children, read once; `redraw` is called when its own row changes (state, warnings). */
  childrenOf(node: FunctionNode, redraw: () => void): Promise<FunctionsNode[]> {
    let children = this.loading.get(node.summary.arn);
    if (!children) {
      children = this.load(node, redraw);
      this.loading.set(node.summary.arn, children);
    }
    return children;
  }

  private async load(node: FunctionNode, redraw: () => void): Promise<FunctionsNode[]> {
    const engine = loadAwsEngine();
    const { summary } = node;
    const flow = summary.flow;
    const [local, latestCatalogVersion] = await Promise.all([
      flow ? this.lookups.localFlow(flow.name).catch(() => undefined) : Promise.resolve(undefined),
      flow ? this.lookups.latestCatalogVersion(flow.flowCrn).catch(() => undefined) : Promise.resolve(undefined),
    ]);
    const connection = this.session.connection;
    let details: FunctionDetails;
    try {
      const clients = await this.session.clients();
      details = await engine.describeFunction(clients, summary.name, {
        sensitiveKeys: local?.parameters.filter((parameter) => parameter.sensitive).map((parameter) => parameter.name) ?? [],
        ...(local?.parameterContextName ? { parameterContextName: local.parameterContextName } : {}),
        profile: connection?.profile.name,
        region: connection?.region,
      });
    } catch (error) {
      // describeFunction reports AWS errors per part; this is the session failing (no profile).
      const message = error instanceof Error ? error.message : String(error);
      this.loading.delete(summary.arn);
      return [{ kind: 'error', message, retry: { command: 'dff.functions.refresh', title: 'Retry' } }];
    }
    node.details = details;
    if (details.summary) node.summary = { ...details.summary };
    node.warnings = engine.functionWarnings(node.summary, details, {
      ...(latestCatalogVersion !== undefined ? { latestCatalogVersion } : {}),
      ...(local ? { flowParameters: local.parameters } : {}),
    });
    this.decorations.set(node.summary, node.warnings);
    redraw();
    return detailChildren(node, details);
  }
}

export function detailChildren(fn: FunctionNode, details: FunctionDetails): FunctionsNode[] {
  const nodes: FunctionsNode[] = fn.warnings.map((warning) => warningNode(fn, warning));
  nodes.push(versionsGroup(fn, details), aliasesGroup(fn, details), triggersGroup(fn, details), environmentGroup(fn, details));
  if (details.secret || problemsOf(details, 'secret').length) nodes.push(secretGroup(fn, details));
  return nodes;
}

function warningNode(fn: FunctionNode, warning: FunctionWarning): DetailNode {
  return { kind: 'detail', id: `${fn.summary.arn}#warning:${warning.code}:${warning.message}`, label: warning.message, tooltip: warning.message, icon: 'warning', warning: true };
}

function problemNodes(details: FunctionDetails, ...parts: PartProblem['part'][]): DetailNode[] {
  return problemsOf(details, ...parts).map((entry) => ({
    kind: 'detail',
    label: entry.problem.message,
    description: entry.about,
    tooltip: `${entry.problem.message}${entry.problem.deniedAction ? `\nDenied action: ${entry.problem.deniedAction}` : ''}`,
    icon: 'error',
    warning: true,
  }));
}

function problemsOf(details: FunctionDetails, ...parts: PartProblem['part'][]): PartProblem[] {
  return details.problems.filter((entry) => parts.includes(entry.part));
}

function group(fn: FunctionNode, label: string, icon: string, children: FunctionsNode[], description?: string): GroupNode {
  return { kind: 'group', fn, label, icon, children, description: description ?? String(children.filter((child) => child.kind !== 'detail' || child.icon !== 'error').length) };
}

function aliasesOn(details: FunctionDetails, version: string): AliasInfo[] {
  return details.aliases.filter((alias) => alias.version === version || (alias.additionalVersions && version in alias.additionalVersions));
}

function versionsGroup(fn: FunctionNode, details: FunctionDetails): GroupNode {
  const versions = [...details.versions].sort((a, b) => versionOrder(b.version) - versionOrder(a.version));
  const children: FunctionsNode[] = versions.map((version): QualifierNode => {
    const aliases = aliasesOn(details, version.version).map((alias) => alias.name);
    const isNewest = details.newestVersion !== undefined && version.version === String(details.newestVersion);
    const flow = version.flow ? `${version.flow.name}${version.flow.version !== undefined ? ` v${version.flow.version}` : ''}` : undefined;
    return {
      kind: 'qualifier',
      fn,
      qualifier: version.version,
      label: version.version === '$LATEST' ? '$LATEST' : `Version ${version.version}`,
      description: [isNewest ? 'newest' : undefined, aliases.length ? `← ${aliases.join(', ')}` : undefined, flow].filter(Boolean).join(' · ') || undefined,
      tooltip: [version.description, version.lastModified ? `Last modified ${version.lastModified}` : undefined, version.flowCrnValue].filter(Boolean).join('\n') || undefined,
      arn: version.version === '$LATEST' ? fn.summary.arn : `${fn.summary.arn}:${version.version}`,
      icon: version.version === '$LATEST' ? 'circle-outline' : 'git-commit',
    };
  });
  return group(fn, 'Versions', 'versions', [...children, ...problemNodes(details, 'versions')]);
}

function aliasesGroup(fn: FunctionNode, details: FunctionDetails): GroupNode {
  const children: FunctionsNode[] = details.aliases.map((alias): QualifierNode => {
    const weights = alias.additionalVersions ? Object.entries(alias.additionalVersions).map(([version, weight]) => `${version} (${Math.round(weight * 100)}%)`) : [];
    return {
      kind: 'qualifier',
      fn,
      qualifier: alias.name,
      label: alias.name,
      description: `→ version ${alias.version}${weights.length ? ` + ${weights.join(', ')}` : ''}`,
      tooltip: [alias.description, alias.arn].filter(Boolean).join('\n'),
      arn: alias.arn,
      icon: 'tag',
    };
  });
  return group(fn, 'Aliases', 'tag', [...children, ...problemNodes(details, 'aliases')]);
}

function triggersGroup(fn: FunctionNode, details: FunctionDetails): GroupNode {
  const children: FunctionsNode[] = details.triggers.map((trigger) => triggerNode(fn, trigger, details.newestVersion));
  return group(fn, 'Triggers', 'zap', [...children, ...problemNodes(details, 'policies', 'bucketNotifications', 'eventSourceMappings')]);
}

function triggerNode(fn: FunctionNode, trigger: FunctionTrigger, newestVersion: number | undefined): DetailNode {
  const target = trigger.target;
  const bound = target.kind === 'function' ? '$LATEST' : target.kind === 'alias' ? `alias ${target.qualifier}` : `version ${target.qualifier}`;
  const old = target.kind === 'version' && newestVersion !== undefined && target.qualifier !== String(newestVersion);
  if (trigger.type === 's3') {
    const filter = [trigger.prefix ? `prefix ${trigger.prefix}` : undefined, trigger.suffix ? `suffix ${trigger.suffix}` : undefined].filter(Boolean).join(', ');
    return {
      kind: 'detail',
      id: `${fn.summary.arn}#trigger:s3:${trigger.bucket}:${trigger.id ?? ''}:${target.arn}`,
      label: `S3 ${trigger.bucket}`,
      description: `${trigger.events.join(', ')}${filter ? ` (${filter})` : ''} → ${bound}${old ? ' (not the newest version)' : ''}`,
      tooltip: `S3 bucket ${trigger.bucket} notifies ${target.arn}${trigger.id ? `\nConfiguration id: ${trigger.id}` : ''}${old ? `\nThe newest version is ${newestVersion}: this trigger still runs version ${target.qualifier}.` : ''}`,
      icon: old ? 'warning' : 'zap',
      warning: old,
    };
  }
  const source = trigger.eventSourceArn ?? trigger.uuid;
  return {
    kind: 'detail',
    id: `${fn.summary.arn}#trigger:esm:${trigger.uuid}`,
    label: sourceLabel(source),
    description: `${trigger.state ?? ''}${trigger.batchSize ? ` · batch ${trigger.batchSize}` : ''} → ${bound}${old ? ' (not the newest version)' : ''}`,
    tooltip: `Event source mapping ${trigger.uuid}\n${source} → ${target.arn}`,
    icon: old ? 'warning' : 'plug',
    warning: old,
  };
}

/** "SQS orders" out of arn:aws:sqs:us-east-1:123:orders. */
function sourceLabel(arn: string): string {
  const parts = arn.split(':');
  return parts.length >= 6 ? `${parts[2].toUpperCase()} ${parts.slice(5).join(':')}` : arn;
}

function environmentGroup(fn: FunctionNode, details: FunctionDetails): GroupNode {
  const children: FunctionsNode[] = details.environment.map((entry) => ({
    kind: 'detail',
    id: `${fn.summary.arn}#env:${entry.key}`,
    label: entry.key,
    // A masked value is never read back: the row says only that it is set.
    description: entry.masked ? '•••••• (hidden)' : entry.value,
    tooltip: entry.masked ? `${entry.key} holds a secret: its value is not shown.` : undefined,
    icon: entry.masked ? 'lock' : 'symbol-variable',
  }));
  return group(fn, 'Environment', 'symbol-variable', [...children, ...problemNodes(details, 'configuration')]);
}

function secretGroup(fn: FunctionNode, details: FunctionDetails): GroupNode {
  const secret = details.secret;
  const children: FunctionsNode[] = (secret?.keys ?? []).map((key) => ({
    kind: 'detail',
    id: `${fn.summary.arn}#secret:${key}`,
    label: key,
    description: 'value not shown',
    icon: 'key',
  }));
  if (secret?.note) children.push({ kind: 'detail', label: secret.note, icon: 'info' });
  return group(fn, secret ? `Secret ${secret.name}` : 'Secret', 'lock', [...children, ...problemNodes(details, 'secret')], secret?.keys ? `${secret.keys.length} keys` : secret?.note);
}

function versionOrder(version: string): number {
  return version === '$LATEST' ? Number.MAX_SAFE_INTEGER : Number(version);
}
