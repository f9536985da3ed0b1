// The CDP IAM operations a function's machine user needs, in the catalog stand-in: request and
// response shapes of cdpcli/data/iam/iam.yaml (listRoles, listMachineUsers, createMachineUser,
// listMachineUserAssignedRoles, assignMachineUserRole, createMachineUserAccessKey), its name rule
// and limits (x-limits: 100 machine users, 200 access keys an account), NOT_FOUND for names it
// does not know (as cdpy and Cloudera's Terraform provider read it), failures when a user or role
// assignment exists already, and rights: writes need PowerUser (Cloudera docs: only PowerUser
// assigns account roles), reads IamViewer, IamUser or PowerUser. A created key is a real key
// (Ed25519 for V2, RSA for V1) whose public half the catalog then accepts; a machine user's key
// may read the catalog only with DFCatalogViewer (or DFCatalogAdmin, or PowerUser).
import { createPublicKey, randomUUID, type KeyObject } from 'node:crypto';
import { generateEd25519AccessKey, generateRsaAccessKey } from './testKeys';

export const IAM_PREFIX = '/iam/';
export const MAX_MACHINE_USERS = 100;
export const MAX_ACCESS_KEYS = 200;
export const MAX_IAM_PAGE_SIZE = 100;

/** The account roles the stand-in knows (a few of CDP's predefined ones). */
export const FAKE_ROLE_NAMES = ['PowerUser', 'IamUser', 'IamViewer', 'EnvironmentCreator', 'DFCatalogViewer', 'DFCatalogAdmin', 'DFCatalogPublisher', 'DFFlowAdmin'] as const;

const READ_RIGHTS = ['IamViewer', 'IamUser', 'PowerUser'];
const WRITE_RIGHTS = ['PowerUser'];
const CATALOG_READ = ['DFCatalogViewer', 'DFCatalogAdmin', 'PowerUser'];
const CATALOG_IMPORT = ['DFCatalogAdmin', 'DFCatalogPublisher', 'PowerUser'];
const CATALOG_DELETE = ['DFCatalogAdmin', 'PowerUser'];

export interface FakeMachineUser {
  machineUserName: string;
  crn: string;
  creationDate: string;
  roleCrns: string[];
  accessKeyIds: string[];
}

export class IamFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

type Body = Record<string, unknown>;

function fields(body: Body, operation: string, allowed: string[]): void {
  const unknown = Object.keys(body).filter((name) => !allowed.includes(name));
  if (unknown.length) throw new IamFailure(400, `${operation} does not take ${unknown.join(', ')}.`);
}

function requiredString(body: Body, name: string): string {
  const value = body[name];
  if (typeof value !== 'string' || value === '') throw new IamFailure(400, `${name} is required.`);
  return value;
}

function stringList(body: Body, name: string): string[] | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) throw new IamFailure(400, `${name} must be an array of strings.`);
  return value as string[];
}

/** pageSize 1..100 and an offset token this stand-in gave out. */
function page<T>(items: T[], body: Body): { items: T[]; nextToken?: string } {
  const size = body.pageSize ?? MAX_IAM_PAGE_SIZE;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 1 || size > MAX_IAM_PAGE_SIZE) throw new IamFailure(400, `pageSize must be an integer from 1 to ${MAX_IAM_PAGE_SIZE}.`);
  const token = body.startingToken;
  let start = 0;
  if (token !== undefined) {
    start = typeof token === 'string' ? Number(Buffer.from(token, 'base64url').toString('utf8').replace(/^iam-offset:/, '')) : NaN;
    if (!Number.isInteger(start) || start < 0) throw new IamFailure(400, 'startingToken is not a token this API gave out.');
  }
  const next = start + size < items.length ? Buffer.from(`iam-offset:${start + size}`).toString('base64url') : undefined;
  return { items: items.slice(start, start + size), ...(next ? { nextToken: next } : {}) };
}

/** iam.yaml CreateMachineUserRequest: alphanumeric with "-" and "_", not starting "__", at most 128 characters. */
export function validMachineUserName(name: string): boolean {
  return /^[A-Za-z0-9_-]{1,128}$/.test(name) && !name.startsWith('__');
}

export class FakeIam {
  readonly machineUsers = new Map<string, FakeMachineUser>();
  /** Roles of keys added with addKey (people); a key not listed here is a PowerUser's. */
  private readonly callerRoles = new Map<string, string[]>();
  /** Access key ID -> the machine user it belongs to. */
  private readonly keyOwners = new Map<string, string>();
  private accessKeys = 0;

  constructor(
    private readonly accountId: string,
    private readonly region: string,
    private readonly keys: Map<string, KeyObject>,
    private readonly now: () => Date,
  ) {}

  roleCrn(name: string): string {
    return `crn:altus:iam:${this.region}:altus:role:${name}`;
  }

  /** Gives a person's key these account roles instead of PowerUser (e.g. [] or ['IamViewer']). */
  setCallerRoles(accessKeyId: string, roleNames: string[]): void {
    this.callerRoles.set(accessKeyId, [...roleNames]);
  }

  /** The machine user an access key belongs to, if it is a machine user's. */
  ownerOf(accessKeyId: string): FakeMachineUser | undefined {
    const name = this.keyOwners.get(accessKeyId);
    return name ? this.machineUsers.get(name) : undefined;
  }

  private rolesOf(accessKeyId: string): string[] {
    const owner = this.ownerOf(accessKeyId);
    if (owner) return owner.roleCrns.map((crn) => crn.slice(crn.lastIndexOf(':') + 1));
    return this.callerRoles.get(accessKeyId) ?? ['PowerUser'];
  }

  private require(accessKeyId: string, operation: string, roles: string[]): void {
    if (!this.rolesOf(accessKeyId).some((role) => roles.includes(role))) {
      throw new IamFailure(403, `You are not authorized to perform ${operation}. It needs one of the roles ${roles.join(', ')}.`);
    }
  }

  /** Whether a key may call a df operation; an IamFailure(403) when it may not. */
  authorizeCatalog(accessKeyId: string, operation: string): void {
    const needed = operation.startsWith('import') ? CATALOG_IMPORT : operation === 'deleteFlow' ? CATALOG_DELETE : CATALOG_READ;
    this.require(accessKeyId, `df/${operation}`, needed);
  }

  private roleByNameOrCrn(value: string): string | undefined {
    const name = value.startsWith('crn:') ? (value === this.roleCrn(value.slice(value.lastIndexOf(':') + 1)) ? value.slice(value.lastIndexOf(':') + 1) : undefined) : value;
    return name && (FAKE_ROLE_NAMES as readonly string[]).includes(name) ? this.roleCrn(name) : undefined;
  }

  private userByNameOrCrn(value: string): FakeMachineUser {
    const user = value.startsWith('crn:') ? [...this.machineUsers.values()].find((candidate) => candidate.crn === value) : this.machineUsers.get(value);
    if (!user) throw new IamFailure(404, `Machine user ${value} not found.`);
    return user;
  }

  private userJson(user: FakeMachineUser): Body {
    return { machineUserName: user.machineUserName, crn: user.crn, creationDate: user.creationDate };
  }

  handle(operation: string, body: Body, callerAccessKeyId: string): Body {
    switch (operation) {
      case 'listRoles': {
        fields(body, operation, ['roleNames', 'pageSize', 'startingToken']);
        this.require(callerAccessKeyId, 'iam/listRoles', READ_RIGHTS);
        const wanted = stringList(body, 'roleNames');
        const crns = wanted?.length
          ? wanted.map((value) => this.roleByNameOrCrn(value) ?? (() => { throw new IamFailure(404, `Role ${value} not found.`); })())
          : FAKE_ROLE_NAMES.map((name) => this.roleCrn(name));
        const answer = page(crns, body);
        return { roles: answer.items.map((crn) => ({ crn, policies: [{ crn: `${crn.replace(':role:', ':policy:')}`, policyStatements: [] }] })), ...(answer.nextToken ? { nextToken: answer.nextToken } : {}) };
      }
      case 'listMachineUsers': {
        fields(body, operation, ['machineUserNames', 'pageSize', 'startingToken']);
        this.require(callerAccessKeyId, 'iam/listMachineUsers', READ_RIGHTS);
        const wanted = stringList(body, 'machineUserNames');
        const users = wanted?.length ? wanted.map((value) => this.userByNameOrCrn(value)) : [...this.machineUsers.values()];
        const answer = page(users, body);
        return { machineUsers: answer.items.map((user) => this.userJson(user)), ...(answer.nextToken ? { nextToken: answer.nextToken } : {}) };
      }
      case 'createMachineUser': {
        fields(body, operation, ['machineUserName']);
        this.require(callerAccessKeyId, 'iam/createMachineUser', WRITE_RIGHTS);
        const name = requiredString(body, 'machineUserName');
        if (!validMachineUserName(name)) {
          throw new IamFailure(400, 'The machine user name must be an alpha numeric string, including \'-\' and \'_\', cannot start with \'__\' and cannot be longer than 128 characters.');
        }
        if (this.machineUsers.has(name)) throw new IamFailure(409, `A machine user named ${name} already exists.`);
        if (this.machineUsers.size >= MAX_MACHINE_USERS) throw new IamFailure(400, `The account has ${MAX_MACHINE_USERS} machine users, the most it may have.`);
        const user: FakeMachineUser = {
          machineUserName: name,
          crn: `crn:altus:iam:${this.region}:${this.accountId}:machineUser:${name}/${randomUUID()}`,
          creationDate: this.now().toISOString(),
          roleCrns: [],
          accessKeyIds: [],
        };
        this.machineUsers.set(name, user);
        return { machineUser: this.userJson(user) };
      }
      case 'listMachineUserAssignedRoles': {
        fields(body, operation, ['machineUserName', 'pageSize', 'startingToken']);
        this.require(callerAccessKeyId, 'iam/listAssignedRoles', READ_RIGHTS);
        const user = this.userByNameOrCrn(requiredString(body, 'machineUserName'));
        const answer = page(user.roleCrns, body);
        return { roleCrns: answer.items, ...(answer.nextToken ? { nextToken: answer.nextToken } : {}) };
      }
      case 'assignMachineUserRole': {
        fields(body, operation, ['machineUserName', 'role']);
        this.require(callerAccessKeyId, 'iam/assignRole', WRITE_RIGHTS);
        const user = this.userByNameOrCrn(requiredString(body, 'machineUserName'));
        const role = requiredString(body, 'role');
        const crn = this.roleByNameOrCrn(role);
        if (!crn) throw new IamFailure(404, `Role ${role} not found.`);
        if (user.roleCrns.includes(crn)) throw new IamFailure(409, `The role ${crn} is already assigned to ${user.machineUserName}.`);
        user.roleCrns.push(crn);
        return {};
      }
      case 'createMachineUserAccessKey': {
        fields(body, operation, ['machineUserName', 'type']);
        this.require(callerAccessKeyId, 'iam/createMachineUserAccessKey', WRITE_RIGHTS);
        const user = this.userByNameOrCrn(requiredString(body, 'machineUserName'));
        const type = body.type ?? 'V2';
        if (type !== 'V1' && type !== 'V2') throw new IamFailure(400, 'type must be V1 or V2.');
        if (this.accessKeys >= MAX_ACCESS_KEYS) throw new IamFailure(400, `The account has ${MAX_ACCESS_KEYS} access keys, the most it may have.`);
        const key = type === 'V2' ? generateEd25519AccessKey() : generateRsaAccessKey();
        this.accessKeys++;
        this.keys.set(key.accessKeyId, createPublicKey(key.publicKey.export({ format: 'pem', type: 'spki' })));
        this.keyOwners.set(key.accessKeyId, user.machineUserName);
        user.accessKeyIds.push(key.accessKeyId);
        return {
          accessKey: {
            accessKeyId: key.accessKeyId,
            crn: `crn:altus:iam:${this.region}:${this.accountId}:accessKey:${key.accessKeyId}`,
            actorCrn: user.crn,
            creationDate: this.now().toISOString(),
            status: 'ACTIVE',
            type,
          },
          privateKey: key.privateKey,
        };
      }
      default:
        throw new IamFailure(404, `Operation iam/${operation} not found.`);
    }
  }
}
