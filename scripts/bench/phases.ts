// Bundled by bench.mjs into bench-data/phases.js: validateText taken apart, one timing per step.
import { parseFlow } from '../../src/core/flow/parse';
import { JsonLocator } from '../../src/core/flow/locate';
import { rules } from '../../src/core/flow/rules';
import { resolveAll } from '../../src/core/flow/validate';
import type { Finding } from '../../src/core/flow/finding';

function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export function phases(text: string): Record<string, number> {
  const times: Record<string, number> = {};
  let start = now();
  JSON.parse(text);
  times['JSON.parse alone'] = now() - start;
  start = now();
  const outcome = parseFlow(text);
  times['parseFlow (JSON.parse + model)'] = now() - start;
  if (outcome.kind !== 'flow') throw new Error(`bench flow did not parse as a flow: ${outcome.kind}`);
  const findings: Finding[] = [];
  for (const rule of rules) {
    start = now();
    for (const finding of rule(outcome.model, {})) findings.push(finding);
    times[`rule ${rule.name}`] = now() - start;
  }
  start = now();
  const locator = new JsonLocator(text, Object.keys(outcome.model.root));
  const resolved = resolveAll(findings, locator);
  times[`resolve ${findings.length} ranges`] = now() - start;
  start = now();
  let related = 0;
  for (const finding of resolved) related += finding.related.length;
  times[`resolve ${related} related ranges (on first read)`] = now() - start;
  return times;
}
