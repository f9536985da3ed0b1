// "Create machine user for this function": a CDP machine user with the DFCatalogViewer role and a
// new access key, for DF_ACCESS_KEY / DF_PRIVATE_KEY. The calls are the ones Cloudera documents
// for the same job (list-roles to find the role's CRN, create-machine-user,
// assign-machine-user-role, create-machine-user-access-key). Run again it reuses the user and the
// role assignment and makes one more key. The private key is returned, never put in a message.
import { isAlreadyExists, isNotFound, MACHINE_USER_RIGHTS } from './iamErrors';
import type { IamClient, MachineUser, Page } from './iamClient';
import { machineUserNameProblem } from './machineUserName';
import { parsePrivateKey } from './privateKey';
import { cancelled } from './retry';
import { CatalogError } from './types';

/** The account role a function's machine user needs to read its flow from the DataFlow Catalog. */
export const FUNCTION_ROLE_NAME = 'DFCatalogViewer';

export type MachineUserStep = 'findRole' | 'findUser' | 'createUser' | 'assignRole' | 'createKey';

export interface CreateFunctionMachineUserOptions {
  name: string;
  signal?: AbortSignal;
  /** Called before each step, with a line a person can read (no secret in it). */
  onStep?(step: MachineUserStep, text: string): void;
}

export interface FunctionMachineUser {
  machineUserName: string;
  /** The machine user's CRN. */
  crn: string;
  accessKeyId: string;
  /** A secret: for DF_PRIVATE_KEY and secret storage only. */
  privateKey: string;
  /** The DFCatalogViewer role's CRN in this account, as listRoles gave it. */
  roleCrn: string;
  /** False when the machine user existed already. */
  createdUser: boolean;
  /** False when it had the role already. */
  assignedRole: boolean;
}

const MAX_PAGES = 50;

async function allPages<T>(fetch: (startingToken?: string) => Promise<Page<T>>, operation: string): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await fetch(token);
    items.push(...answer.items);
    token = answer.nextToken;
    if (!token) return items;
    if (seen.has(token)) throw new CatalogError('unavailable', `CDP IAM returned the same page token twice for ${operation}. Try again later.`);
    seen.add(token);
  }
  throw new CatalogError('unavailable', `CDP IAM kept paging ${operation} past ${MAX_PAGES} pages. Try again later.`);
}

function isRole(crn: string, name: string): boolean {
  return crn.endsWith(`:role:${name}`);
}

/**
 * The role's CRN as the account lists it (crn:altus:iam:<region>:altus:role:<name> in Cloudera's
 * docs, but the region part is the control plane's, so it is looked up, not built). listRoles takes
 * names; should the service want CRNs only, the whole list is read instead.
 */
async function findRoleCrn(client: IamClient, name: string, signal?: AbortSignal): Promise<string> {
  let crns: string[];
  try {
    crns = (await client.listRoles({ roleNames: [name] }, { signal })).items.map((role) => role.crn);
  } catch (error) {
    if (isNotFound(error)) crns = [];
    else if (error instanceof CatalogError && error.kind === 'badRequest') {
      crns = (await allPages((startingToken) => client.listRoles({ pageSize: 100, startingToken }, { signal }), 'listRoles')).map((role) => role.crn);
    } else throw error;
  }
  const crn = crns.find((candidate) => isRole(candidate, name));
  if (!crn) {
    throw new CatalogError(
      'notFound',
      `CDP lists no ${name} role for this account (listRoles at ${client.endpointUrl}, profile ${client.profile.name}). Check that the profile's account uses Cloudera DataFlow, and its region or endpoint_url.`,
    );
  }
  return crn;
}

async function findMachineUser(client: IamClient, name: string, signal?: AbortSignal): Promise<MachineUser | undefined> {
  let users: MachineUser[];
  try {
    users = (await client.listMachineUsers({ machineUserNames: [name] }, { signal })).items;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
  return users.find((user) => user.machineUserName === name) ?? users.find((user) => user.machineUserName.toLowerCase() === name.toLowerCase());
}

function check(signal?: AbortSignal): void {
  if (signal?.aborted) throw cancelled();
}

/** A create whose answer was lost may have made the key: say so, with the user to look at. */
function keyMayExist(error: unknown, name: string): unknown {
  if (!(error instanceof CatalogError)) return error;
  const lost = error.kind === 'timeout' || error.kind === 'network' || (error.kind === 'unavailable' && (error.status === undefined || error.status < 300));
  if (!lost) return error;
  return new CatalogError(
    'uncertain',
    `${error.message} CDP may have created an access key for machine user ${name} all the same; running this again makes another one. Delete keys you do not use in the CDP console (User Management, ${name}, Access Keys).`,
    error.status,
    error.code,
    error.requestId,
  );
}

export async function createFunctionMachineUser(client: IamClient, options: CreateFunctionMachineUserOptions): Promise<FunctionMachineUser> {
  const { name, signal } = options;
  const problem = machineUserNameProblem(name);
  if (problem) throw new CatalogError('badRequest', `"${name}" is not a valid machine user name: ${problem}`);
  const step = (kind: MachineUserStep, text: string): void => {
    check(signal);
    options.onStep?.(kind, text);
  };

  step('findRole', `Looking up the ${FUNCTION_ROLE_NAME} role`);
  const roleCrn = await findRoleCrn(client, FUNCTION_ROLE_NAME, signal);

  step('findUser', `Looking for machine user ${name}`);
  let user = await findMachineUser(client, name, signal);
  let createdUser = false;
  if (!user) {
    step('createUser', `Creating machine user ${name}`);
    try {
      user = await client.createMachineUser({ machineUserName: name }, { signal });
      createdUser = true;
    } catch (error) {
      // Made meanwhile (another window, a retried request): use it.
      if (!isAlreadyExists(error)) throw error;
      user = await findMachineUser(client, name, signal);
      if (!user) throw error;
    }
  }
  const userName = user.machineUserName;

  step('assignRole', `Giving ${userName} the ${FUNCTION_ROLE_NAME} role`);
  const assigned = await allPages((startingToken) => client.listMachineUserAssignedRoles({ machineUserName: userName, pageSize: 100, startingToken }, { signal }), 'listMachineUserAssignedRoles');
  let assignedRole = false;
  if (!assigned.some((crn) => crn === roleCrn || isRole(crn, FUNCTION_ROLE_NAME))) {
    try {
      await client.assignMachineUserRole({ machineUserName: userName, role: roleCrn }, { signal });
      assignedRole = true;
    } catch (error) {
      // "If the role is already assigned to the machine user the request will fail" (iam.yaml).
      if (!isAlreadyExists(error)) throw error;
    }
  }

  step('createKey', `Creating an access key for ${userName}`);
  let created;
  try {
    created = await client.createMachineUserAccessKey({ machineUserName: userName }, { signal });
  } catch (error) {
    throw keyMayExist(error, userName);
  }
  if (!parsePrivateKey(created.privateKey)) {
    throw new CatalogError(
      'unavailable',
      `CDP IAM created access key ${created.accessKey.accessKeyId} for ${userName}, but its private key is neither an Ed25519 key nor a PEM key, so it cannot be used. Delete that key in the CDP console and try again.`,
    );
  }
  return { machineUserName: userName, crn: user.crn, accessKeyId: created.accessKey.accessKeyId, privateKey: created.privateKey, roleCrn, createdUser, assignedRole };
}

export { MACHINE_USER_RIGHTS };
