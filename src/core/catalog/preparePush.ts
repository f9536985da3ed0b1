// What both shells decide before a push: the flow's name and whether its validation allows it.
import type { ResolvedFinding } from '../flow/finding';
import { validateText } from '../flow/validate';

/** How many error findings a push summary carries for the shells to show. */
export const PUSH_SUMMARY_ERRORS = 5;

export interface PreparePushOptions {
  /** The name the user gave; wins over the flow's own. */
  name?: string;
  /** Output port names the function's FAILURE_PORTS makes failure ports. */
  failurePorts?: readonly string[];
}

export interface PushValidationSummary {
  errors: number;
  warnings: number;
  /** The first error findings (at most PUSH_SUMMARY_ERRORS), in the order validation found them. */
  firstErrors: ResolvedFinding[];
}

export interface PushPreparation {
  /** The given name, else the flow's top process group name; undefined when there is neither. */
  name: string | undefined;
  validation: PushValidationSummary;
  /** False when the text is not a NiFi flow definition (no flowContents): there is nothing to push. */
  isFlow: boolean;
  /**
   * Why the text cannot be read as a flow at all (e.g. 'it is not valid JSON.'): never pushed, not
   * even when the user would push despite rule errors. Undefined when only rules found errors.
   */
  unreadable: string | undefined;
}

/** Findings that mean the file cannot be read as a flow at all (the validator then reports only that one). */
const UNREADABLE_CODES: Readonly<Record<string, string>> = {
  'flow-syntax': 'it is not valid JSON.',
  'flow-shape': 'it does not have the shape of a NiFi flow definition.',
  'flow-too-deep': 'its process groups are nested too deep to be read.',
  'flow-encoding': 'it is not valid UTF-8 text.',
};

export function preparePush(fileText: string, options: PreparePushOptions = {}): PushPreparation {
  const validation = validateText(fileText, { failurePorts: options.failurePorts });
  const errors = validation.findings.filter((finding) => finding.severity === 'error');
  const warnings = validation.findings.filter((finding) => finding.severity === 'warning').length;
  const name = options.name?.trim() || validation.model?.top.name.trim() || undefined;
  return {
    name,
    validation: { errors: errors.length, warnings, firstErrors: errors.slice(0, PUSH_SUMMARY_ERRORS) },
    isFlow: validation.isFlow,
    unreadable: errors.map((finding) => UNREADABLE_CODES[finding.code]).find((reason) => reason !== undefined),
  };
}
