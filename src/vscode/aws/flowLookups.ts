import * as path from 'path';
import * as vscode from 'vscode';
import type { FlowModel, ParameterContext } from '../../core/flow/model';
import { workspaceFlowFiles } from '../catalog/localFlowFiles';
import type { CdpSession } from '../catalog/session';
import { loadFlowEngine } from '../lazy';
import type { FlowLookups, LocalFlow } from './functionDetails';

// What the Functions view's warnings need beyond AWS: the newest version of a function's flow in the
// DataFlow Catalog (only once a CDP profile was used here; otherwise that check is left out), and
// the flow's definition file in the workspace (its parameters, and the parameter context that names
// the secret the function reads).

/** Flow files larger than this are matched by file name only, never parsed to read their name. */
const MAX_PARSED_BYTES = 5 * 1024 * 1024;

export class WorkspaceFlowLookups implements FlowLookups {
  private readonly catalogVersions = new Map<string, Promise<number | undefined>>();
  private readonly localFlows = new Map<string, Promise<LocalFlow | undefined>>();

  constructor(private readonly cdp: CdpSession) {}

  clear(): void {
    this.catalogVersions.clear();
    this.localFlows.clear();
  }

  latestCatalogVersion(flowCrn: string): Promise<number | undefined> {
    let version = this.catalogVersions.get(flowCrn);
    if (!version) {
      version = this.readCatalogVersion(flowCrn);
      this.catalogVersions.set(flowCrn, version);
    }
    return version;
  }

  localFlow(flowName: string): Promise<LocalFlow | undefined> {
    let flow = this.localFlows.get(flowName);
    if (!flow) {
      flow = this.findLocalFlow(flowName).catch(() => undefined);
      this.localFlows.set(flowName, flow);
    }
    return flow;
  }

  private async readCatalogVersion(flowCrn: string): Promise<number | undefined> {
    // Only where the catalog has been used on this machine: a Functions view must not set up CDP
    // (and load the catalog engine) for someone who never used the catalog.
    if (!vscode.workspace.isTrusted || !this.cdp.remembered) return undefined;
    try {
      await this.cdp.ensureLoaded();
      if (this.cdp.state !== 'ready') return undefined;
      const versions = await (await this.cdp.client()).listFlowDefinitionVersions(flowCrn);
      return versions.length ? Math.max(...versions.map((version) => version.version)) : undefined;
    } catch {
      return undefined; // no catalog access: the check is left out
    }
  }

  private async findLocalFlow(flowName: string): Promise<LocalFlow | undefined> {
    const files = await workspaceFlowFiles();
    const wanted = flowName.toLowerCase();
    const stem = (uri: vscode.Uri) => path.basename(uri.path).replace(/(\.flow)?\.json$/i, '').toLowerCase();
    const byName = files.filter((uri) => stem(uri) === wanted);
    for (const uri of [...byName, ...files.filter((uri) => !byName.includes(uri))]) {
      const model = await readModel(uri, byName.includes(uri));
      if (model && (byName.includes(uri) || model.top.name === flowName)) return localFlowOf(model);
    }
    return undefined;
  }
}

async function readModel(uri: vscode.Uri, matchedByName: boolean): Promise<FlowModel | undefined> {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  if (!open && !matchedByName) {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > MAX_PARSED_BYTES) return undefined;
  }
  const text = open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  return loadFlowEngine().validateText(text).model;
}

/** The top group's context and every context it inherits, nearest first; each parameter once. */
export function localFlowOf(model: FlowModel): LocalFlow {
  const contextName = model.top.parameterContextName;
  const byName = new Map<string, ParameterContext>();
  for (const context of model.contexts.values()) byName.set(context.name, context);
  const parameters = new Map<string, { name: string; sensitive: boolean }>();
  const seen = new Set<string>();
  const visit = (name: string | undefined): void => {
    if (!name || seen.has(name)) return;
    seen.add(name);
    const context = byName.get(name);
    if (!context) return;
    for (const parameter of context.parameters) {
      if (!parameters.has(parameter.name)) parameters.set(parameter.name, { name: parameter.name, sensitive: parameter.sensitive });
    }
    for (const inherited of context.inheritedParameterContexts) visit(inherited);
  };
  visit(contextName);
  return { ...(contextName ? { parameterContextName: contextName } : {}), parameters: [...parameters.values()] };
}
