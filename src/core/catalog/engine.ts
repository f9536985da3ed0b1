// The catalog engine bundle (dist/catalog-engine.js): credentials, signer and client, loaded on first use.
export { CatalogError } from './types';
export type {
  AuthMethod,
  CallOptions,
  CatalogClient,
  CatalogErrorKind,
  CdpAccessKey,
  CdpProfile,
  FlowDetail,
  FlowPage,
  FlowSummary,
  FlowVersion,
  FlowVersionTag,
} from './types';
export { listCdpProfiles, loadCdpProfile, defaultCdpProfileName, ENVIRONMENT_PROFILE } from './credentials';
export type { CdpProfileSummary, CredentialsContext, ExtraKey } from './credentials';
export { CDP_REGIONS, DEFAULT_CDP_REGION, endpointForRegion } from './regions';
export { createCatalogClient } from './client';
export type { CatalogClientOptions } from './client';
export { pushFlow } from './push';
export type { PushRequest, PushResult } from './push';
export { preparePush, PUSH_SUMMARY_ERRORS } from './preparePush';
export type { PreparePushOptions, PushPreparation, PushValidationSummary } from './preparePush';
export { signRequest, stringToSign, createSigner } from './signer';
export type { AltusHeaders, RequestToSign } from './signer';
export { parsePrivateKey } from './privateKey';
export { flowTextForDisplay, formatLikeNiFi } from './flowText';
export * from './machineUserEngine';
