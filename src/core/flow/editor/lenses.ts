// What the CodeLens above a flow definition says: the verdict above flowContents, and the role
// DataFlow Functions gives each port of the top group (or why it cannot use the port).
import { countOf } from '../../countOf';
import type { ResolvedFinding } from '../finding';
import type { JsonLocator } from '../locate';
import type { FlowModel, JsonPath, Port } from '../model';
import { isFailurePortName, type ValidationOptions } from '../options';

export interface LensData {
  /** Text offset of the line the lens sits above. */
  offset: number;
  title: string;
  /** True when the lens reports a problem: clicking it shows the Problems panel. */
  showsProblems: boolean;
}

export interface LensInput {
  findings: readonly ResolvedFinding[];
  model?: FlowModel;
  locator: JsonLocator;
}

export function flowLenses(validation: LensInput, options: ValidationOptions): LensData[] {
  const lenses = [verdictLens(validation)];
  const { model, locator, findings } = validation;
  if (!model) return lenses;
  const isFailure = (port: Port): boolean => isFailurePortName(port.name, options);
  const ports = [...model.top.inputPorts, ...model.top.outputPorts];
  for (const port of ports) {
    // On the port's "name" line: with NiFi's formatting its opening brace shares a line with the previous port.
    const found = locator.find([...port.path, 'name']) ?? locator.find(port.path);
    if (!found) continue;
    const problems = findings.filter((finding) => finding.componentId === port.id && isProblem(finding));
    const lens = problems.length > 0 ? problemLens(port, problems) : { title: roleOf(port, isFailure), showsProblems: false };
    lenses.push({ offset: found.keyStart ?? found.valueStart, ...lens });
  }
  return lenses;
}

export function verdictTitle(findings: readonly ResolvedFinding[]): string {
  // Not counted: the JSON language service reports the syntax error too, and may count it differently.
  if (findings.some((finding) => finding.code === 'flow-syntax')) return '$(error) Not valid JSON: show problems';
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.filter((finding) => finding.severity === 'warning').length;
  if (errors === 0 && warnings === 0) return '$(check) Ready for DataFlow Functions';
  if (errors === 0) return `$(warning) ${countOf(warnings, 'warning')}: show problems`;
  return `$(error) ${countOf(errors, 'error')}, ${countOf(warnings, 'warning')}: show problems`;
}

function verdictLens(validation: LensInput): LensData {
  const title = verdictTitle(validation.findings);
  return { offset: keyOffset(validation.locator, ['flowContents']), title, showsProblems: !title.startsWith('$(check)') };
}

/** Where the key at path starts; 0 when the text is too broken to find it. */
function keyOffset(locator: JsonLocator, path: JsonPath): number {
  try {
    return locator.find(path)?.keyStart ?? 0;
  } catch {
    return 0;
  }
}

/** Short lens titles for the port problems the rules report; other problems get a count. */
const PORT_PROBLEMS: Record<string, string> = {
  'entry-port-remote': 'Remote port: DFF needs a local input port',
  'entry-port-unconnected': 'Entry point goes nowhere: connect it to the first processor',
  'output-port-multiple': 'Second success port: DFF returns exactly one success output',
  'failure-port-function-unnamed': 'Marked FAILURE in NiFi: name it "failure" or list it in FAILURE_PORTS',
};

function isProblem(finding: ResolvedFinding): boolean {
  return finding.severity === 'error' || finding.severity === 'warning';
}

function problemLens(port: Port, problems: readonly ResolvedFinding[]): { title: string; showsProblems: boolean } {
  const known = problems.find((finding) => PORT_PROBLEMS[finding.code] !== undefined);
  const icon = problems.some((finding) => finding.severity === 'error') ? '$(error)' : '$(warning)';
  const title = known ? PORT_PROBLEMS[known.code] : `${port.kind === 'INPUT_PORT' ? 'Input' : 'Output'} port: ${countOf(problems.length, 'problem')}`;
  return { title: `${icon} ${title}`, showsProblems: true };
}

function roleOf(port: Port, isFailure: (port: Port) => boolean): string {
  if (port.kind === 'INPUT_PORT') return 'Entry point (input port)';
  return isFailure(port) ? 'Failure port' : 'Success output';
}
