// Loads scripts/lib/codeServer.cjs (shared with `npm start`) from the compiled tests in out/.
import * as path from 'node:path';
import type * as CodeServerLib from '../../scripts/lib/codeServer.cjs';

/** The repository root, from out/test/integration/ where this file runs. */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const host = require(path.join(repoRoot, 'scripts', 'lib', 'codeServer.cjs')) as typeof CodeServerLib;
