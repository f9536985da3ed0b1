// Every finding code dff reports, each with a page in docs/rules/<code>.md (a unit test checks both ways).
// The editor links each diagnostic's code to its page and offers to turn a rule off by its code.
export const RULE_CODES = [
  'connection-endpoint-missing',
  'context-missing',
  'context-name-invalid',
  'context-not-found',
  'controller-service-external',
  'duplicate-identifier',
  'entry-port-missing',
  'entry-port-multiple',
  'entry-port-remote',
  'entry-port-unconnected',
  'environment-too-large',
  'failure-auto-terminated',
  'failure-not-routed',
  'failure-port-function-unnamed',
  'failure-port-missing',
  'flow-encoding',
  'flow-shape',
  'flow-syntax',
  'flow-too-deep',
  'inherited-context-not-found',
  'output-port-multiple',
  'parameter-name-invalid',
  'parameter-name-reserved',
  'parameter-name-too-short',
  'parameter-undefined',
  'parameter-unused',
  'plain-property-sensitive-parameter',
  'processor-disabled',
  'reference-without-context',
  'root-canvas-exported',
  'sensitive-property-plain-parameter',
  'unmatched-auto-terminated',
  'versioned-group-not-inlined',
] as const;

export function isRuleCode(code: string): boolean {
  return (RULE_CODES as readonly string[]).includes(code);
}
