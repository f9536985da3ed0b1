// The fake catalog's flows, versions and CRNs.
import { randomUUID } from 'node:crypto';

export interface StoredVersion {
  crn: string;
  version: number;
  author: string;
  timestamp: number;
  comments: string;
  tags: unknown[];
  fileText: string;
}

export interface StoredFlow {
  crn: string;
  name: string;
  description: string;
  author: string;
  createdTimestamp: number;
  modifiedTimestamp: number;
  versions: StoredVersion[];
}

export class FlowStore {
  readonly accountId = randomUUID();
  readonly flows = new Map<string, StoredFlow>();

  constructor(private readonly now: () => number) {}

  flowCrnFor(name: string): string {
    return `crn:cdp:df:us-west-1:${this.accountId}:flow:${name}`;
  }

  byName(name: string): StoredFlow | undefined {
    return [...this.flows.values()].find((flow) => flow.name === name);
  }

  createFlow(name: string, description: string, author: string): StoredFlow {
    const time = this.now();
    const flow: StoredFlow = { crn: this.flowCrnFor(name), name, description, author, createdTimestamp: time, modifiedTimestamp: time, versions: [] };
    this.flows.set(flow.crn, flow);
    return flow;
  }

  addVersion(flow: StoredFlow, fileText: string, comments: string, author: string, tags: unknown[] = []): StoredVersion {
    const number = flow.versions.length + 1;
    const version: StoredVersion = { crn: `${flow.crn}/v.${number}`, version: number, author, timestamp: this.now(), comments, tags, fileText };
    flow.versions.push(version);
    flow.modifiedTimestamp = version.timestamp;
    return version;
  }

  findVersion(crn: string): StoredVersion | undefined {
    const flowCrn = crn.replace(/\/v\.\d+$/, '');
    return this.flows.get(flowCrn)?.versions.find((version) => version.crn === crn);
  }

  sorted(): StoredFlow[] {
    return [...this.flows.values()].sort((a, b) => a.name.localeCompare(b.name));
  }
}

export function versionJson(version: StoredVersion): Record<string, unknown> {
  return {
    crn: version.crn,
    version: version.version,
    author: version.author,
    timestamp: version.timestamp,
    comments: version.comments,
    deploymentCount: 0,
    draftCount: 0,
    tags: version.tags,
  };
}

export function flowSummaryJson(flow: StoredFlow): Record<string, unknown> {
  return {
    crn: flow.crn,
    name: flow.name,
    versionCount: flow.versions.length,
    artifactType: 'flow',
    modifiedTimestamp: flow.modifiedTimestamp,
  };
}

export function flowDetailJson(flow: StoredFlow): Record<string, unknown> {
  return {
    crn: flow.crn,
    name: flow.name,
    description: flow.description,
    author: flow.author,
    versionCount: flow.versions.length,
    createdTimestamp: flow.createdTimestamp,
    modifiedTimestamp: flow.modifiedTimestamp,
    artifactType: 'flow',
    versions: [...flow.versions].reverse().map(versionJson),
  };
}
