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
export { DFF_HANDLER, MAX_FUNCTIONS_PAGE, isDataFlowFunction, listFunctionPages, readFunctionSummary, summarizeFunction } from './functions';
export type { FunctionSummary, ListFunctionsOptions } from './functions';
export { describeFunction, isSecretEnvKey, maskEnvironment, s3SourceBuckets, triggerTarget } from './functionDetails';
export type {
  AliasInfo,
  DescribeFunctionOptions,
  DetailPart,
  EnvironmentEntry,
  EventSourceTrigger,
  FunctionDetails,
  FunctionTrigger,
  FunctionVersionInfo,
  PartProblem,
  S3Trigger,
  SecretInfo,
  TriggerTarget,
} from './functionDetails';
export { functionWarnings } from './warnings';
export type { FunctionWarning, FunctionWarningCode, WarningContext } from './warnings';
export { classifyLogLine, followLogs, logGroupName, MAX_LOG_PAGE, parseSince, readLogs, resolveLogVersions, versionStreamPrefixes } from './logs';
export type { FollowLogsOptions, LogEvent, LogLevel, QualifiedLogs, ReadLogsOptions } from './logs';
export { invokeFunction, s3EventKey, s3ObjectCreatedEvent } from './invoke';
export type { InvokeOutcome, InvokeRequest, S3EventInput } from './invoke';
export { lambdaConsoleUrl } from './consoleUrl';
export { listBucketNames, listLambdaRoles, listZipObjects, MAX_KEYS_SCANNED, MAX_ZIP_OBJECTS } from './listings';
export { trustsLambda } from './trustPolicy';
export type { LambdaRole, ZipObject, ZipObjects } from './listings';
