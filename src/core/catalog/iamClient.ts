// The CDP IAM calls a function's machine user needs, with request and response shapes as
// cdpcli/data/iam/iam.yaml defines them (CreateMachineUserRequest, AssignMachineUserRoleRequest,
// ListRolesRequest, ListMachineUsersRequest, ListMachineUserAssignedRolesRequest,
// CreateMachineUserAccessKeyRequest and their responses).
import { createIamTransport, type IamTransport } from './iamTransport';
import { iamEndpoint, type EndpointSetting } from './iamEndpoint';
import type { TransportOptions } from './transport';
import { CatalogError, type CallOptions, type CdpProfile } from './types';

export interface MachineUser {
  machineUserName: string;
  crn: string;
  creationDate?: string;
}

export interface IamRole {
  crn: string;
}

export interface AccessKeyInfo {
  accessKeyId: string;
  crn?: string;
  actorCrn?: string;
  creationDate?: string;
  status?: string;
  type?: string;
}

/** createMachineUserAccessKey's answer. `privateKey` is a secret: it never goes into a message or log. */
export interface CreatedAccessKey {
  accessKey: AccessKeyInfo;
  privateKey: string;
}

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

export interface IamClient {
  /** Where the calls go (the IAM base URL). */
  readonly endpointUrl: string;
  /** The profile the calls are signed for (its name and access key ID name it in messages). */
  readonly profile: CdpProfile;
  listRoles(request: { roleNames?: string[]; pageSize?: number; startingToken?: string }, options?: CallOptions): Promise<Page<IamRole>>;
  listMachineUsers(request: { machineUserNames?: string[]; pageSize?: number; startingToken?: string }, options?: CallOptions): Promise<Page<MachineUser>>;
  createMachineUser(request: { machineUserName: string }, options?: CallOptions): Promise<MachineUser>;
  listMachineUserAssignedRoles(request: { machineUserName: string; pageSize?: number; startingToken?: string }, options?: CallOptions): Promise<Page<string>>;
  assignMachineUserRole(request: { machineUserName: string; role: string }, options?: CallOptions): Promise<void>;
  createMachineUserAccessKey(request: { machineUserName: string; type?: 'V1' | 'V2' }, options?: CallOptions): Promise<CreatedAccessKey>;
}

export interface IamClientOptions extends TransportOptions {
  /** The profile's endpoint_url (readIamEndpointSetting): where IAM calls go instead of the region's IAM. */
  endpointSetting?: EndpointSetting;
}

type Json = Record<string, unknown>;

function object(value: unknown): Json {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function missing(operation: string, what: string): CatalogError {
  return new CatalogError('unavailable', `CDP IAM answered ${operation} without ${what}. Try again; if it persists, check endpoint_url.`);
}

function list(answer: unknown, field: string, operation: string): unknown[] {
  const value = object(answer)[field];
  if (!Array.isArray(value)) throw missing(operation, field);
  return value;
}

function nextToken(answer: unknown): { nextToken?: string } {
  const token = text(object(answer).nextToken);
  return token ? { nextToken: token } : {};
}

function toMachineUser(value: unknown, operation: string): MachineUser {
  const user = object(value);
  const machineUserName = text(user.machineUserName);
  const crn = text(user.crn);
  if (!machineUserName || !crn) throw missing(operation, 'the machine user\'s name and CRN');
  const creationDate = text(user.creationDate);
  return { machineUserName, crn, ...(creationDate ? { creationDate } : {}) };
}

/** Only the fields set: an absent one stays out of the request, as cdpcli leaves it out. */
function defined(body: Json): Json {
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
}

export function createIamClientFor(profile: CdpProfile, transport: IamTransport): IamClient {
  return {
    endpointUrl: transport.endpointUrl,
    profile,
    async listRoles(request, options) {
      const answer = await transport.call('listRoles', defined({ roleNames: request.roleNames, pageSize: request.pageSize, startingToken: request.startingToken }), options);
      const items = list(answer, 'roles', 'listRoles').map((role) => {
        const crn = text(object(role).crn);
        if (!crn) throw missing('listRoles', 'a role CRN');
        return { crn };
      });
      return { items, ...nextToken(answer) };
    },
    async listMachineUsers(request, options) {
      const answer = await transport.call('listMachineUsers', defined({ machineUserNames: request.machineUserNames, pageSize: request.pageSize, startingToken: request.startingToken }), options);
      return { items: list(answer, 'machineUsers', 'listMachineUsers').map((user) => toMachineUser(user, 'listMachineUsers')), ...nextToken(answer) };
    },
    async createMachineUser(request, options) {
      const answer = await transport.call('createMachineUser', { machineUserName: request.machineUserName }, options);
      return toMachineUser(object(answer).machineUser, 'createMachineUser');
    },
    async listMachineUserAssignedRoles(request, options) {
      const answer = await transport.call(
        'listMachineUserAssignedRoles',
        defined({ machineUserName: request.machineUserName, pageSize: request.pageSize, startingToken: request.startingToken }),
        options,
      );
      const items = list(answer, 'roleCrns', 'listMachineUserAssignedRoles').filter((crn): crn is string => typeof crn === 'string');
      return { items, ...nextToken(answer) };
    },
    async assignMachineUserRole(request, options) {
      await transport.call('assignMachineUserRole', { machineUserName: request.machineUserName, role: request.role }, options);
    },
    async createMachineUserAccessKey(request, options) {
      const answer = object(await transport.call('createMachineUserAccessKey', defined({ machineUserName: request.machineUserName, type: request.type }), options));
      const key = object(answer.accessKey);
      const accessKeyId = text(key.accessKeyId);
      const privateKey = text(answer.privateKey);
      if (!accessKeyId) throw missing('createMachineUserAccessKey', 'the access key ID');
      if (!privateKey) {
        throw new CatalogError(
          'unavailable',
          `CDP IAM created access key ${accessKeyId} for machine user ${request.machineUserName} but answered without its private key. Delete that key in the CDP console (User Management, the machine user, Access Keys) and try again.`,
        );
      }
      const accessKey: AccessKeyInfo = { accessKeyId };
      for (const field of ['crn', 'actorCrn', 'creationDate', 'status', 'type'] as const) {
        const value = text(key[field]);
        if (value) accessKey[field] = value;
      }
      return { accessKey, privateKey };
    },
  };
}

/** An IAM client for a loaded profile: the calls go where cdpcli would send them (iamEndpoint.ts). */
export function createIamClient(profile: CdpProfile, options: IamClientOptions = {}): IamClient {
  const { endpointSetting, ...transportOptions } = options;
  return createIamClientFor(profile, createIamTransport(profile, iamEndpoint(profile, endpointSetting), transportOptions));
}
