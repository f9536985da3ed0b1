// Parameters of the contexts the flow uses: each becomes a Lambda environment variable, so its
// name must suit DFF and Lambda, and all of them together must fit Lambda's environment limit.
import type { Finding } from '../finding';
import type { FlowModel, Parameter, ParameterContext } from '../model';
import type { ValidationOptions } from '../options';
import { isDffName, MIN_ENV_KEY_LENGTH, reservedReason, suggestParameterName } from './naming';
import { usedContexts } from '../parameterScope';
import { contextNameAnchor } from './contextNameAnchor';
import { quoteName } from '../quoteName';

/** Lambda's limit for all environment keys and values of a function together, in bytes. */
export const LAMBDA_ENV_LIMIT_BYTES = 4096;

/**
 * What DFF's own variables take, estimated: DF_ACCESS_KEY with a 36-character access key id,
 * DF_PRIVATE_KEY with a 44-character Ed25519 key and FLOW_CRN with a version CRN of about 130
 * characters come to about 245 bytes. An older RSA private key is far larger.
 */
export const DFF_VARIABLES_ESTIMATE_BYTES = 256;

export function checkParameters(model: FlowModel, _options: ValidationOptions): Finding[] {
  const contexts = usedContexts(model);
  return [...nameFindings(contexts), ...environmentSize(model, contexts)];
}

function nameFindings(contexts: readonly ParameterContext[]): Finding[] {
  // Every parameter of every used context becomes a variable of the same function: a suggested
  // name must not collide with any of them.
  const taken = new Set<string>();
  for (const context of contexts) for (const parameter of context.parameters) taken.add(parameter.name);
  const isTaken = (candidate: string): boolean => taken.has(candidate);
  const findings: Finding[] = [];
  for (const context of contexts) {
    for (const parameter of context.parameters) {
      const problem = nameProblem(parameter.name);
      if (!problem) continue;
      const newName = suggestParameterName(parameter.name, isTaken);
      taken.add(newName);
      findings.push({
        code: problem.code,
        severity: 'error',
        message: `Parameter ${quoteName(parameter.name)} of context ${quoteName(context.name)} ${problem.why}. ` +
          `Rename it, e.g. to ${quoteName(newName)}, and update the references to it.`,
        at: { path: [...parameter.path, 'name'] },
        fixes: [{ kind: 'renameParameter', contextName: context.name, parameterName: parameter.name, newName }],
      });
    }
  }
  return findings;
}

function nameProblem(name: string): { code: string; why: string } | undefined {
  if (!isDffName(name)) {
    return {
      code: 'parameter-name-invalid',
      why: 'is not a valid DataFlow Functions parameter name: it becomes a Lambda environment variable, so it must ' +
        'start with a letter and contain only letters, digits and "_"',
    };
  }
  if (name.length < MIN_ENV_KEY_LENGTH) {
    return {
      code: 'parameter-name-too-short',
      why: `is too short: it becomes a Lambda environment variable, and Lambda needs keys of at least ${MIN_ENV_KEY_LENGTH} characters`,
    };
  }
  const reserved = reservedReason(name);
  if (reserved) return { code: 'parameter-name-reserved', why: `cannot become an environment variable: ${reserved}` };
  return undefined;
}

function environmentSize(model: FlowModel, contexts: readonly ParameterContext[]): Finding[] {
  // A name used in several contexts is still one variable; the first met (the top group's
  // context comes first) stands for it.
  const variables = new Map<string, { parameter: Parameter; bytes: number }>();
  for (const context of contexts) {
    for (const parameter of context.parameters) {
      if (parameter.sensitive || variables.has(parameter.name)) continue;
      const bytes = Buffer.byteLength(parameter.name, 'utf8') + Buffer.byteLength(parameter.value ?? '', 'utf8');
      variables.set(parameter.name, { parameter, bytes });
    }
  }
  let parameterBytes = 0;
  const bytesByContext = new Map<ParameterContext, number>();
  for (const { parameter, bytes } of variables.values()) {
    parameterBytes += bytes;
    bytesByContext.set(parameter.context, (bytesByContext.get(parameter.context) ?? 0) + bytes);
  }
  const total = parameterBytes + DFF_VARIABLES_ESTIMATE_BYTES;
  if (total <= LAMBDA_ENV_LIMIT_BYTES) return [];

  let heaviest = contexts[0];
  for (const context of contexts) if ((bytesByContext.get(context) ?? 0) > (bytesByContext.get(heaviest) ?? 0)) heaviest = context;
  const largest = [...variables.values()].sort((a, b) => b.bytes - a.bytes).slice(0, 3);
  return [{
    code: 'environment-too-large',
    severity: 'error',
    message: `The non-sensitive parameters of this flow take ${parameterBytes} bytes as Lambda environment variables ` +
      `(names and values, UTF-8); with about ${DFF_VARIABLES_ESTIMATE_BYTES} bytes for DF_ACCESS_KEY, DF_PRIVATE_KEY and ` +
      `FLOW_CRN that is about ${total} bytes, over Lambda's limit of ${LAMBDA_ENV_LIMIT_BYTES} bytes for all variables ` +
      `together. Move large values (${largest.map((item) => quoteName(item.parameter.name)).join(', ')}) into the AWS Secrets ` +
      `Manager secret named after the context, e.g. by marking those parameters sensitive.`,
    at: contextNameAnchor(model, heaviest),
    related: largest.map(({ parameter, bytes }) => ({
      at: { path: [...parameter.path, 'value'] },
      message: `${quoteName(parameter.name)} takes ${bytes} bytes`,
    })),
  }];
}
