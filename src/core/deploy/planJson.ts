// The plan as stable JSON for CI pipelines (`dff deploy plan --json`). Format version 1:
//
// {
//   "formatVersion": 1,
//   "ok": boolean,               // false when refused: nothing may be applied
//   "changes": number,           // steps that write (0: a deploy would change nothing)
//   "account": string, "region": string,
//   "flow": { "path": string, "name": string, "versionCrn": string },
//   "target": string,
//   "function": { "name": string, "arn": string, "alias": string, "aliasArn": string },
//   "refusals": [{ "code": string, "message": string }],
//   "warnings": [{ "code": string, "message": string }],
//   "steps": [{ "index": number (1-based), "id": string, "kind": string,
//               "change": "create" | "update" | "wait" | "none", "title": string, "resource": string,
//               "details": [{ "field": string, "before": string | null, "after": string | null }] }],
//   "environment": [{ "key": string, "change": "add" | "update" | "remove" | "same" | "kept",
//                     "sensitive": boolean, "before": string | null, "after": string | null }],
//                     // before/after are always null for sensitive variables (DF_PRIVATE_KEY)
//   "secret": null | { "name": string, "keys": [{ "name": string, "change": "add" | "update" | "same" | "kept" }] }
// }
//
// Fields are only ever added in a later format version 1; a change of meaning bumps formatVersion.
// No secret value (sensitive parameter, private key) ever appears in it.
import type { DeployPlan } from './planTypes';

export const PLAN_JSON_FORMAT_VERSION = 1;

export function planToJson(plan: DeployPlan): Record<string, unknown> {
  const writes = plan.steps.filter((step) => step.change === 'create' || step.change === 'update');
  return {
    formatVersion: PLAN_JSON_FORMAT_VERSION,
    ok: plan.refusals.length === 0,
    changes: writes.length,
    account: plan.account,
    region: plan.region,
    flow: { path: plan.flowPath, name: plan.flowName, versionCrn: plan.versionCrn },
    target: plan.targetName,
    function: { name: plan.functionName, arn: plan.functionArn, alias: plan.alias, aliasArn: plan.aliasArn },
    refusals: plan.refusals.map((refusal) => ({ code: refusal.code, message: refusal.message })),
    warnings: plan.warnings.map((warning) => ({ code: warning.code, message: warning.message })),
    steps: plan.steps.map((step, index) => ({
      index: index + 1,
      id: step.id,
      kind: step.kind,
      change: step.change,
      title: step.title,
      resource: step.resource,
      details: step.details.map((detail) => ({ field: detail.field, before: detail.before ?? null, after: detail.after ?? null })),
    })),
    environment: plan.environment.map((item) => ({
      key: item.key,
      change: item.change,
      sensitive: item.sensitive,
      before: item.sensitive ? null : item.before ?? null,
      after: item.sensitive ? null : item.after ?? null,
    })),
    secret: plan.secretName ? { name: plan.secretName, keys: plan.secretKeys.map((key) => ({ name: key.name, change: key.change })) } : null,
  };
}
