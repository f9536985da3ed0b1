// The AWS engine bundle (dist/aws-engine.js): profiles, credentials, the client factory and the
// read-side helpers, loaded on first use. The AWS SDK is reached only through this bundle.
export { AwsConfigError, awsConfigPaths } from './configFiles';
export type { AwsConfigPaths } from './configFiles';
export { listAwsProfiles, defaultAwsProfileName, profileEndpoint, ENVIRONMENT_AWS_PROFILE, AWS_SERVICE_KEYS } from './profiles';
export type { AwsProfileSummary, AwsProfileKind, AwsServiceKey, DefaultProfileContext } from './profiles';
export { credentialProvider } from './credentials';
export type { CredentialProviderOptions } from './credentials';
export { AwsClientFactory, isReadOperation } from './clientFactory';
export type { AwsCallEvent, AwsClientFactoryOptions, AwsClients, AwsConnection, AwsServiceLabel } from './clientFactory';
export { whoAmI } from './identity';
export type { AwsIdentity } from './identity';
export { describeAwsError } from './errors';
export type { AwsErrorContext, AwsProblem, AwsProblemKind } from './errors';
export { parseFlowCrn } from './crn';
export type { FlowCrn } from './crn';
export * from '../deploy';
