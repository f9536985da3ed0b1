// Machine user names as CDP checks them (iam.yaml CreateMachineUserRequest.machineUserName: "an
// alpha numeric string, including '-' and '_', cannot start with '__' (double underscore) and
// cannot be longer than 128 characters").

export const MAX_MACHINE_USER_NAME = 128;

const ALLOWED = /^[A-Za-z0-9_-]+$/;

/** Why CDP would refuse the name, or undefined when it is a valid machine user name. */
export function machineUserNameProblem(name: string): string | undefined {
  if (name === '') return 'Give the machine user a name.';
  if (name.length > MAX_MACHINE_USER_NAME) return `A machine user name has at most ${MAX_MACHINE_USER_NAME} characters; this one has ${name.length}.`;
  if (!ALLOWED.test(name)) return 'A machine user name has only letters, digits, "-" and "_".';
  if (name.startsWith('__')) return 'A machine user name cannot start with "__".';
  return undefined;
}

/** The name offered for a function's machine user: "dff-" and the function's name, made valid. */
export function machineUserNameForFunction(functionName: string): string {
  const cleaned = functionName
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
  return `dff-${cleaned || 'function'}`.slice(0, MAX_MACHINE_USER_NAME);
}
