// The Secrets Manager secret DFF reads sensitive parameters from (named after the parameter
// context): created tagged as ours, or updated by merging keys, so keys already there and not
// set by this deploy stay. A secret of that name this extension did not create is refused unless
// the user confirmed it: DFF would read it as this flow's parameters.
import { CreateSecretCommand, DescribeSecretCommand, GetSecretValueCommand, PutSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { FLOW_TAG, MANAGED_BY_TAG, MANAGED_BY_VALUE } from '../policies';
import type { PlanStep, SecretKeyChange } from '../planTypes';
import { isNotFound, parseSecretValues } from '../readState';
import type { ApplyRuntime } from '../runtime';
import { refuse, type PlanContext } from './context';

export function planSecret(context: PlanContext): { step?: PlanStep; keys: SecretKeyChange[] } {
  const { desired, state, options } = context;
  const secret = desired.secret;
  if (!secret) return { keys: [] };
  const existing = state.secret;
  const missing = (have: Record<string, string>): string[] => secret.requiredKeys.filter((key) => !(key in have));
  if (!existing) {
    const absent = missing({});
    if (absent.length > 0) {
      refuse(context, 'parameter-unsupplied', `Sensitive parameter${absent.length === 1 ? '' : 's'} ${absent.map((key) => `"${key}"`).join(', ')} ${absent.length === 1 ? 'has' : 'have'} no value: ` +
        `none was given and secret "${secret.name}" does not exist yet. Give ${absent.length === 1 ? 'it' : 'them'} when asked (CLI: DFF_PARAM_<name> or --secret-values).`);
    }
    return {
      step: {
        id: 'secret',
        kind: 'secret',
        change: 'create',
        title: `Create secret ${secret.name}`,
        resource: secret.name,
        details: [
          { field: 'keys', after: Object.keys(secret.values).join(', ') },
          { field: 'tag', after: `${MANAGED_BY_TAG}=${MANAGED_BY_VALUE}` },
          ...(desired.kmsKeyArn ? [{ field: 'KMS key', after: desired.kmsKeyArn }] : []),
        ],
      },
      keys: Object.keys(secret.values).map((name) => ({ name, change: 'add' as const })),
    };
  }
  if (existing.deleted) {
    refuse(context, 'secret-deleted', `Secret "${secret.name}" is scheduled for deletion: restore it (aws secretsmanager restore-secret) or choose another "secretName".`);
  } else if (existing.tags[MANAGED_BY_TAG] !== MANAGED_BY_VALUE && !options.confirmForeignSecret) {
    refuse(context, 'secret-foreign', `A secret named "${secret.name}" already exists and was not created by DataFlow Functions: DFF would read it as this flow's parameters. ` +
      'Confirm that it is meant for this flow (CLI: --confirm-foreign-secret), or set another "secretName" in the target.');
  } else if (existing.values === undefined) {
    refuse(context, 'secret-not-json', `Secret "${secret.name}" does not hold a JSON object of strings, which is what DFF reads: choose another "secretName".`);
  }
  const current = existing.values ?? {};
  const absent = missing(current);
  if (absent.length > 0) {
    refuse(context, 'parameter-unsupplied', `Sensitive parameter${absent.length === 1 ? '' : 's'} ${absent.map((key) => `"${key}"`).join(', ')} ${absent.length === 1 ? 'has' : 'have'} no value: ` +
      `none was given and secret "${secret.name}" does not hold ${absent.length === 1 ? 'it' : 'them'}.`);
  }
  const keys: SecretKeyChange[] = [];
  for (const [name, value] of Object.entries(secret.values)) keys.push({ name, change: !(name in current) ? 'add' : current[name] === value ? 'same' : 'update' });
  for (const name of Object.keys(current)) if (!(name in secret.values)) keys.push({ name, change: 'kept' });
  const changed = keys.filter((key) => key.change === 'add' || key.change === 'update');
  return {
    step: {
      id: 'secret',
      kind: 'secret',
      change: changed.length > 0 ? 'update' : 'none',
      title: changed.length > 0 ? `Update secret ${secret.name} (merge keys)` : `Secret ${secret.name} already holds these values`,
      resource: existing.arn,
      details: changed.map((key) => ({ field: `key ${key.name}`, before: key.change === 'add' ? 'absent' : 'set', after: key.change === 'add' ? 'set' : 'changed' })),
    },
    keys,
  };
}

export async function runSecret(_step: PlanStep, runtime: ApplyRuntime): Promise<void> {
  const { desired } = runtime.plan;
  const secret = desired.secret;
  if (!secret) return;
  const secrets = runtime.clients.secrets;
  const described = await runtime.call(`secretsmanager:DescribeSecret ${secret.name}`, (options) => secrets.send(new DescribeSecretCommand({ SecretId: secret.name }), options))
    .catch((error) => { if (isNotFound(error)) return undefined; throw error; });
  if (!described) {
    try {
      const created = await runtime.call(`secretsmanager:CreateSecret ${secret.name}`, (options) => secrets.send(new CreateSecretCommand({
        Name: secret.name,
        Description: `Sensitive parameters of the DataFlow Functions flow ${desired.flowName}`,
        SecretString: JSON.stringify(secret.values),
        KmsKeyId: desired.kmsKeyArn,
        Tags: [{ Key: MANAGED_BY_TAG, Value: MANAGED_BY_VALUE }, { Key: FLOW_TAG, Value: tagValue(desired.flowName) }],
      }), options));
      runtime.resolved.secretArn = created.ARN;
      return;
    } catch (error) {
      if ((error as { name?: string }).name !== 'ResourceExistsException') throw error;
    }
  }
  // Merge with what is there now (not what the plan saw): keys added meanwhile stay too.
  const value = await runtime.call(`secretsmanager:GetSecretValue ${secret.name}`, (options) => secrets.send(new GetSecretValueCommand({ SecretId: secret.name }), options))
    .catch((error) => { if (isNotFound(error)) return undefined; throw error; });
  const current = value === undefined ? {} : parseSecretValues(value.SecretString);
  if (current === undefined) throw new Error(`Secret "${secret.name}" no longer holds a JSON object of strings; it was left as it is.`);
  const merged = { ...current, ...secret.values };
  runtime.resolved.secretArn = described?.ARN;
  if (Object.entries(secret.values).every(([key, item]) => current[key] === item)) return;
  await runtime.call(`secretsmanager:PutSecretValue ${secret.name}`, (options) => secrets.send(new PutSecretValueCommand({ SecretId: secret.name, SecretString: JSON.stringify(merged) }), options));
}

/** Tag values allow letters, digits, spaces and _ . : / = + - @ (up to 256). */
function tagValue(text: string): string {
  return text.replace(/[^\p{L}\p{N}\s_.:/=+\-@]/gu, '_').slice(0, 256);
}
