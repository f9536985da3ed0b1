// Equivalence check for engine optimisations: validates the same files with two flow-engine
// bundles and reports any difference in findings (codes, messages, ranges, related places, fixes).
//   node scripts/bench/compare.mjs <before-bundle.js> <after-bundle.js> <file-or-folder>...
// Build the "before" bundle from the commit you start from, e.g. with esbuild from a `git archive`
// of src/ (see scripts/build.mjs for the options). Exits 1 when any file differs.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';

const require = createRequire(import.meta.url);
const [beforeBundle, afterBundle, ...inputs] = process.argv.slice(2);
if (!beforeBundle || !afterBundle || inputs.length === 0) {
  console.error('usage: node scripts/bench/compare.mjs <before-bundle.js> <after-bundle.js> <file-or-folder>...');
  process.exit(2);
}
const before = require(path.resolve(beforeBundle));
const after = require(path.resolve(afterBundle));

function* jsonFiles(input) {
  if (statSync(input).isDirectory()) {
    for (const name of readdirSync(input).sort()) yield* jsonFiles(path.join(input, name));
  } else if (input.endsWith('.json')) {
    yield input;
  }
}

/** What the editor asks the locator later: where each component and its name are. */
function lookups(validation) {
  if (!validation.model) return [];
  const places = [];
  for (const components of validation.model.byId.values()) {
    for (const component of components) {
      places.push(validation.locator.find(component.path), validation.locator.find([...component.path, 'name']));
    }
  }
  return places;
}

let files = 0, findings = 0, different = 0;
for (const input of inputs) {
  for (const file of jsonFiles(input)) {
    const text = readFileSync(file, 'utf8');
    const old = before.validateText(text);
    const now = after.validateText(text);
    files++;
    findings += old.findings.length;
    const same = old.isFlow === now.isFlow && isDeepStrictEqual(old.findings, now.findings) &&
      isDeepStrictEqual(lookups(old), lookups(now));
    if (!same) {
      different++;
      console.log(`DIFFERENT ${file}`);
      const count = Math.max(old.findings.length, now.findings.length);
      for (let i = 0; i < count; i++) {
        if (!isDeepStrictEqual(old.findings[i], now.findings[i])) {
          console.log(`  finding ${i}:\n    before ${JSON.stringify(old.findings[i])}\n    after  ${JSON.stringify(now.findings[i])}`);
          break;
        }
      }
    }
  }
}
console.log(`${files} files, ${findings} findings before; ${different} file(s) differ`);
process.exit(different === 0 ? 0 : 1);
