// `dff validate`: find flow definitions, check them with the core, print the findings.
import { promises as fs } from 'node:fs';
import type { ResolvedFinding } from '../../core/flow/finding';
import { escapeControlCharacters } from '../../core/flow/quoteName';
import { validateText } from '../../core/flow/validate';
import { byteCount } from '../decodeText';
import { type CliIo, EXIT_CANNOT_RUN, EXIT_FINDINGS, EXIT_OK } from '../io';
import { invalidUtf8Finding } from './encoding';
import { collectCandidates, reason, STDIN_ARG } from './files';
import { encodeText, fixFlowText, fixReport, type FixMode, unifiedDiff } from './fix';
import { formatJson } from './format/json';
import { formatSarif } from './format/sarif';
import { formatText } from './format/text';
import { VALIDATE_HELP } from './help';
import { parseOrReportUsage } from '../usage';
import { parseValidateArgs, type ValidateOptions } from './options';
import { openFromDisk, readIfMaybeFlow, readStreamIfMaybeFlow, type InvalidUtf8, type OpenFileFn, type ReadOutcome } from './read';
import { displayPath, STDIN_DISPLAY, type ValidateResult } from './result';
import { settleHeapBeforeParsing } from './settleHeap';

export interface ValidateDeps {
  /** How files are opened; tests pass one that counts the bytes read. */
  open?: OpenFileFn;
  /** Standard input, read for the argument "-" (process.stdin when absent). */
  stdin?: AsyncIterable<Buffer | string>;
  /** The most characters a text may have; tests pass a small one to reach the limit cheaply. */
  maxTextLength?: number;
  /** Shown as the tool version in SARIF output. */
  version?: string;
  /** How --fix writes a file; tests pass one that fails. */
  writeFile?: (file: string, bytes: Buffer) => Promise<void>;
  /** The core's validateText; tests pass one that fails on a given file. */
  validate?: typeof validateText;
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
  // What --fix did (or --fix-dry-run would do): before the findings in text output; on stderr with json
  // and sarif, whose standard output a program reads.
  const fixLines: string[] = [];
  for (const candidate of candidates) {
    const isStdin = candidate.absolutePath === STDIN_ARG;
    const shown = isStdin ? STDIN_DISPLAY : displayPath(candidate.absolutePath, io.cwd);
    let outcome: ReadOutcome;
    try {
      outcome = isStdin
        ? await readStreamIfMaybeFlow(deps.stdin ?? process.stdin, deps.maxTextLength)
        : await readIfMaybeFlow(candidate.absolutePath, deps.open ?? openFromDisk, deps.maxTextLength);
    } catch (error) {
      problems.push(`cannot read "${shown}": ${reason(error)}.`);
      continue;
    }
    if (outcome.kind === 'tooLarge') {
      problems.push(`cannot check "${shown}": it is ${byteCount(outcome.bytes)}${isStdin ? ' or more' : ''}, ` +
        `more than the ${byteCount(outcome.limit)} whose text a JavaScript string can hold.`);
      continue;
    }
    let findings: ResolvedFinding[] | undefined;
    if (outcome.kind === 'text') settleHeapBeforeParsing(outcome.text.length);
    try {
      findings = outcome.kind === 'text' ? check(deps.validate ?? validateText, outcome.text, outcome.invalidUtf8, options) : undefined;
    } catch (error) {
      // One file that trips the checker must not cost the others their results.
      const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      problems.push(`could not check "${shown}" (${detail.slice(0, 200)}); the other files were checked. ` +
        'Please report this with the flow\'s shape (not its values).');
      continue;
    }
    if (findings && options.fix && outcome.kind === 'text') {
      const fixed = await fixFile(candidate.absolutePath, shown, outcome, options.fix, options, deps, fixLines, problems);
      if (fixed !== undefined) findings = check(deps.validate ?? validateText, fixed, undefined, options) ?? findings;
    }
    if (findings) {
      result.flows.push({ path: shown, findings });
    } else if (candidate.explicit) {
      result.skippedExplicit.push(shown);
    } else {
      result.skippedCount++;
    }
  }

  // As ESLint does for a pattern that matches nothing: a CI job pointed at the wrong file must not pass.
  if (result.flows.length === 0 && result.skippedExplicit.length > 0) {
    problems.push(`${noFlowAmong(result.skippedExplicit)}: nothing was checked.`);
  }
  const fixOutput = fixLines.map((line) => `${escapeControlCharacters(line)}\n`).join('');
  if (options.format === 'text') io.stdout(fixOutput);
  else if (fixOutput) io.stderr(fixOutput);
  for (const piece of render(result, options, io.cwd, deps.version ?? '0.0.0')) io.stdout(piece);
  for (const problem of problems) io.stderr(`dff validate: ${problem}\n`);
  if (problems.length > 0) return EXIT_CANNOT_RUN;
  const hasError = result.flows.some((flow) => flow.findings.some((finding) => finding.severity === 'error'));
  return hasError ? EXIT_FINDINGS : EXIT_OK;
}

/**
 * Applies the unambiguous fixes to one flow's text and, with --fix, writes the file; the fixed text, or
 * undefined when nothing was fixed (or the file could not be written: the findings stay those read).
 */
async function fixFile(
  file: string, shown: string, outcome: Extract<ReadOutcome, { kind: 'text' }>, mode: FixMode, options: ValidateOptions,
  deps: ValidateDeps, lines: string[], problems: string[],
): Promise<string | undefined> {
  if (outcome.invalidUtf8) {
    // The text shows U+FFFD where the bytes are not UTF-8: writing it back would change bytes nobody sees.
    lines.push(`${shown}: not fixed, it is not valid UTF-8 (see flow-encoding)`);
    return undefined;
  }
  const fix = fixFlowText(outcome.text, options.failurePorts);
  if (fix.applied.length === 0) return undefined;
  if (mode === 'fix') {
    try {
      await (deps.writeFile ?? fs.writeFile)(file, encodeText(fix.text, outcome.encoding, outcome.bom));
    } catch (error) {
      problems.push(`cannot write the fixes to "${shown}": ${reason(error)}.`);
      return undefined;
    }
  }
  lines.push(...fixReport(shown, fix, mode));
  if (mode === 'dry-run') for (const edit of fix.edits) lines.push(...unifiedDiff(shown, outcome.text, fix.text, edit));
  return fix.text;
}

/** The findings of a text that may be a flow definition, or undefined when it is not one. */
function check(
  validate: typeof validateText, text: string, invalidUtf8: InvalidUtf8 | undefined, options: ValidateOptions,
): ResolvedFinding[] | undefined {
  // JSON and SARIF show every finding's related places: found with the findings', in one pass.
  const validation = validate(text, { failurePorts: options.failurePorts }, options.format === 'text' ? 'whenRead' : 'withFindings');
  if (!validation.isFlow) return undefined;
  if (!invalidUtf8) return validation.findings;
  return [invalidUtf8Finding(invalidUtf8, validation.locator), ...validation.findings];
}

/** The output in pieces: one string of a million findings' SARIF would pass what a string can hold. */
function render(result: ValidateResult, options: ValidateOptions, cwd: string, version: string): Iterable<string> {
  switch (options.format) {
    case 'json': return formatJson(result);
    case 'sarif': return formatSarif(result, cwd, version);
    case 'text': return formatText(result);
  }
}

function noFlowAmong(named: string[]): string {
  if (named.length === 1) return `"${named[0]}" is not a flow definition (a JSON object with "flowContents")`;
  return `none of the ${named.length} files named is a flow definition (a JSON object with "flowContents")`;
}
