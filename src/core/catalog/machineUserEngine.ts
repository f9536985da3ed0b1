// What the catalog engine bundle exposes of CDP IAM and the function's machine user.
import type { CredentialsContext } from './credentials';
import { createIamClient, type IamClient } from './iamClient';
import { readIamEndpointSetting } from './iamEndpoint';
import type { TransportOptions } from './transport';
import type { CdpProfile } from './types';

export { createIamClient } from './iamClient';
export type { AccessKeyInfo, CreatedAccessKey, IamClient, IamClientOptions, IamRole, MachineUser } from './iamClient';
export { customIamEndpoint, defaultIamEndpoint, iamEndpoint, readIamEndpointSetting } from './iamEndpoint';
export type { EndpointSetting } from './iamEndpoint';
export { createFunctionMachineUser, FUNCTION_ROLE_NAME, MACHINE_USER_RIGHTS } from './machineUser';
export type { CreateFunctionMachineUserOptions, FunctionMachineUser, MachineUserStep } from './machineUser';
export { MAX_MACHINE_USER_NAME, machineUserNameForFunction, machineUserNameProblem } from './machineUserName';

/** An IAM client for a profile loaded with `context`: its calls go to the profile's endpoint_url, else its region's IAM. */
export function openIamClient(profile: CdpProfile, context: CredentialsContext, options: TransportOptions = {}): IamClient {
  const endpointSetting = readIamEndpointSetting(profile.name, context);
  return createIamClient(profile, { ...options, ...(endpointSetting ? { endpointSetting } : {}) });
}
