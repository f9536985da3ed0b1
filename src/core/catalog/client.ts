// The CatalogClient over the signed transport: one method per catalog operation.
import { field, listField, toFlowDetail, toFlowSummary, toFlowVersion } from './responses';
import { createTransport, type TransportOptions } from './transport';
import { CatalogError, type CatalogClient, type CdpProfile, type FlowSummary, type FlowVersionTag } from './types';
import { tagsHeaderJson, uploadHeaders } from './uploadHeaders';

/** What the signed request's required `file` field names when the caller gives no file name. */
export const DEFAULT_FLOW_FILE_NAME = 'flow.json';

export type CatalogClientOptions = TransportOptions;

const MAX_PAGE_SIZE = 100;

function tagsBody(tags: readonly FlowVersionTag[] | undefined): FlowVersionTag[] | undefined {
  return tags?.length ? tags.map((tag) => ({ tagName: tag.tagName, ...(tag.tagColor ? { tagColor: tag.tagColor } : {}) })) : undefined;
}

function withoutUndefined(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined && value !== ''));
}

export function createCatalogClient(profile: CdpProfile, options: CatalogClientOptions = {}): CatalogClient {
  const transport = createTransport(profile, options);

  const client: CatalogClient = {
    async listFlowDefinitions(request, callOptions) {
      const answer = await transport.call('listFlowDefinitions', withoutUndefined({ pageSize: request.pageSize, startingToken: request.startingToken, searchTerm: request.searchTerm }), callOptions);
      const nextToken = field(answer, 'nextToken');
      return {
        flows: listField(answer, 'flows').map((flow) => toFlowSummary(flow, 'listFlowDefinitions')),
        ...(typeof nextToken === 'string' && nextToken ? { nextToken } : {}),
      };
    },

    async listAllFlowDefinitions(request, callOptions) {
      const flows: FlowSummary[] = [];
      const seenTokens = new Set<string>();
      let startingToken: string | undefined;
      do {
        const page = await client.listFlowDefinitions({ pageSize: MAX_PAGE_SIZE, startingToken, searchTerm: request.searchTerm }, callOptions);
        flows.push(...page.flows);
        startingToken = page.nextToken;
        if (startingToken && seenTokens.has(startingToken)) {
          throw new CatalogError('unavailable', 'The DataFlow Catalog returned the same page token twice while listing flows. Try again later.');
        }
        if (startingToken) seenTokens.add(startingToken);
      } while (startingToken);
      return flows;
    },

    async describeFlow(flowCrn, callOptions) {
      const answer = await transport.call('describeFlow', { flowCrn }, callOptions);
      return toFlowDetail(field(answer, 'flowDetail'), 'describeFlow');
    },

    async listFlowDefinitionVersions(flowCrn, callOptions) {
      const answer = await transport.call('listFlowDefinitionVersions', { flowCrn }, callOptions);
      return listField(answer, 'flowVersions').map((version) => toFlowVersion(version, 'listFlowDefinitionVersions'));
    },

    async getFlowVersion(flowVersionCrn, callOptions) {
      const answer = await transport.call('getFlowVersion', { flowVersionCrn }, callOptions);
      const encoded = field(answer, 'flowDefinition');
      if (typeof encoded !== 'string') {
        throw new CatalogError('unavailable', 'The DataFlow Catalog answered getFlowVersion without the flow definition. Try again later.');
      }
      return Buffer.from(encoded, 'base64').toString('utf8');
    },

    async importFlowDefinition(request, callOptions) {
      const operation = 'importFlowDefinition';
      const { file, fileName, tags, ...parameters } = request;
      // The first request carries every parameter of the operation, `file` (required) and `tags`
      // included, as cdpcli's Redirect extension sends them (cdpcli/extensions/redirect.py
      // _find_redirect_location): `file` names the file, its content goes in the upload.
      const target = await transport.redirectTarget(operation, withoutUndefined({ ...parameters, file: fileName || DEFAULT_FLOW_FILE_NAME, tags: tagsBody(tags) }), callOptions);
      const headers = uploadHeaders({
        'Flow-Definition-Name': request.name,
        'Flow-Definition-Description': request.description,
        'Flow-Definition-Comments': request.comments,
        'Flow-Definition-Tags': tagsHeaderJson(tags),
        'Flow-Definition-Collection-Identifier': request.collectionCrn,
      });
      const subject = { flow: `"${request.name}"`, creates: 'flow' as const };
      const answer = await transport.upload({ operation, url: target, bytes: Buffer.from(file, 'utf8'), headers, subject }, callOptions);
      return toFlowDetail(answer, operation);
    },

    async importFlowDefinitionVersion(request, callOptions) {
      const operation = 'importFlowDefinitionVersion';
      const { file, fileName, flowName, tags, ...parameters } = request;
      const target = await transport.redirectTarget(operation, withoutUndefined({ ...parameters, file: fileName || DEFAULT_FLOW_FILE_NAME, tags: tagsBody(tags) }), callOptions);
      const headers = uploadHeaders({
        'Flow-Definition-Comments': request.comments,
        'Flow-Definition-Tags': tagsHeaderJson(tags),
      });
      const subject = { flow: flowName ? `"${flowName}" (${request.flowCrn})` : request.flowCrn, creates: 'version' as const };
      const answer = await transport.upload({ operation, url: target, bytes: Buffer.from(file, 'utf8'), headers, subject }, callOptions);
      return toFlowVersion(answer, operation);
    },

    async deleteFlow(flowCrn, callOptions) {
      await transport.call('deleteFlow', { flowCrn }, callOptions);
    },
  };
  return client;
}
