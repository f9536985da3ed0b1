// `dff validate`: find flow definitions, check them with the core, print the findings.
import { validateText } from '../../core/flow/validate';
import { type CliIo, EXIT_CANNOT_RUN, EXIT_FINDINGS, EXIT_OK } from '../io';
import { collectCandidates, reason } from './files';
import { formatJson } from './format/json';
import { formatSarif } from './format/sarif';
import { formatText } from './format/text';
import { VALIDATE_HELP } from './help';
import { parseOrReportUsage } from '../usage';
import { parseValidateArgs, type ValidateOptions } from './options';
import { openFromDisk, readIfMaybeFlow, type OpenFileFn } from './read';
import { displayPath, type ValidateResult } from './result';

export interface ValidateDeps {
  /** How files are opened; tests pass one that counts the bytes read. */
  open?: OpenFileFn;
  /** Shown as the tool version in SARIF output. */
  version?: string;
}

export async function runValidate(argv: string[], io: CliIo, deps: ValidateDeps = {}): Promise<number> {
  const options = parseOrReportUsage('validate', () => parseValidateArgs(argv), io);
  if (options === undefined) return EXIT_CANNOT_RUN;
  if (options.help) {
    io.stdout(VALIDATE_HELP);
    return EXIT_OK;
  }

  const { candidates, problems } = await collectCandidates(options.paths, io.cwd);
  if (candidates.length === 0 && problems.length > 0) {
    for (const problem of problems) io.stderr(`dff validate: ${problem}\n`);
    return EXIT_CANNOT_RUN;
  }

  const result: ValidateResult = { flows: [], skippedExplicit: [], skippedCount: 0 };
  for (const candidate of candidates) {
    const shown = displayPath(candidate.absolutePath, io.cwd);
    let text: string | undefined;
    try {
      text = await readIfMaybeFlow(candidate.absolutePath, deps.open ?? openFromDisk);
    } catch (error) {
      problems.push(`cannot read "${shown}": ${reason(error)}.`);
      continue;
    }
    const validation = text === undefined ? undefined : validateText(text, { failurePorts: options.failurePorts });
    if (validation?.isFlow) {
      result.flows.push({ path: shown, findings: validation.findings });
    } else if (candidate.explicit) {
      result.skippedExplicit.push(shown);
    } else {
      result.skippedCount++;
    }
  }

  io.stdout(render(result, options, io.cwd, deps.version ?? '0.0.0'));
  for (const problem of problems) io.stderr(`dff validate: ${problem}\n`);
  if (problems.length > 0) return EXIT_CANNOT_RUN;
  const hasError = result.flows.some((flow) => flow.findings.some((finding) => finding.severity === 'error'));
  return hasError ? EXIT_FINDINGS : EXIT_OK;
}

function render(result: ValidateResult, options: ValidateOptions, cwd: string, version: string): string {
  switch (options.format) {
    case 'json': return formatJson(result);
    case 'sarif': return formatSarif(result, cwd, version);
    case 'text': return formatText(result);
  }
}
