import * as path from 'node:path';
import type { CliIo } from '../../../src/cli/io';

/** The repository root, from the compiled test in out/test/unit/cli/. */
export const REPO_ROOT = path.resolve(__dirname, '../../../..');
export const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/cli');

export interface FakeIo extends CliIo {
  out: string;
  err: string;
}

export function fakeIo(cwd = REPO_ROOT): FakeIo {
  const io: FakeIo = {
    out: '',
    err: '',
    env: {},
    cwd,
    stdout: (text) => { io.out += text; },
    stderr: (text) => { io.err += text; },
  };
  return io;
}
