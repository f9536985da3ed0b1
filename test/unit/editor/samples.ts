// Sample flows for the editor tests, validated the way the extension validates them.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ValidationOptions } from '../../../src/core/flow/options';
import { validateText, type Validation } from '../../../src/core/flow/validate';

/** Compiled tests run from out/test/unit/editor. */
export const REPO_ROOT = path.resolve(__dirname, '../../../..');

export function sampleText(name: string): string {
  return readFileSync(path.join(REPO_ROOT, 'samples', name), 'utf8');
}

export interface Flow extends Validation {
  text: string;
}

export function flow(text: string, options: ValidationOptions = {}): Flow {
  return { ...validateText(text, options), text };
}

export function sample(name: string, options: ValidationOptions = {}): Flow {
  return flow(sampleText(name), options);
}

/** Offset of `needle` in text (its nth occurrence, 0-based), plus `delta`; fails loudly when absent. */
export function offsetOf(text: string, needle: string, delta = 0, nth = 0): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`"${needle}" (occurrence ${nth}) is not in the text`);
  }
  return at + delta;
}

/** Replaces the one occurrence of `from` by `to`; fails when it is not exactly one. */
export function edit(text: string, from: string, to: string): string {
  const first = text.indexOf(from);
  if (first === -1 || text.indexOf(from, first + 1) !== -1) throw new Error(`"${from}" must occur exactly once`);
  return text.slice(0, first) + to + text.slice(first + from.length);
}

export function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length - 1;
}
