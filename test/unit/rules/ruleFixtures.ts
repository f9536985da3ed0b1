// Shared by the rule tests: read a fixture flow, validate it, keep one rule family's findings.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { ResolvedFinding, TextSpan } from '../../../src/core/flow/finding';
import type { ValidationOptions } from '../../../src/core/flow/options';
import { validateText } from '../../../src/core/flow/validate';

export function readFlow(file: string): string {
  return fs.readFileSync(path.resolve(__dirname, '../../../../test/fixtures/flows', file), 'utf8');
}

/** Validates text and keeps the findings whose code is one of `codes`. */
export function findingsIn(text: string, codes: readonly string[], options: ValidationOptions = {}): ResolvedFinding[] {
  const validation = validateText(text, options);
  assert.ok(validation.isFlow, 'the text should be read as a flow');
  return validation.findings.filter((finding) => codes.includes(finding.code));
}

export function check(file: string, codes: readonly string[], options: ValidationOptions = {}): { text: string; findings: ResolvedFinding[] } {
  const text = readFlow(file);
  return { text, findings: findingsIn(text, codes, options) };
}

/** The text a range covers. */
export function token(text: string, range: TextSpan): string {
  return text.slice(range.startOffset, range.endOffset);
}

/** A fixture changed the way a user would edit it, re-serialized as NiFi does (2-space JSON). */
export function editedFlow(file: string, edit: (flow: any) => void): string {
  const flow = JSON.parse(readFlow(file));
  edit(flow);
  return JSON.stringify(flow, null, 2);
}

/** The text as the given NiFi major version would have written it: every Apache NiFi bundle carries that version. */
export function asNiFi(major: 1 | 2, text: string): string {
  return text.replace(/("group"\s*:\s*"org\.apache\.nifi",\s*"artifact"\s*:\s*"[^"]*",\s*"version"\s*:\s*")[^"]*"/g,
    `$1${major === 1 ? '1.23.2' : '2.0.0'}"`);
}
