// How accurate the linter is on flows shaped like real NiFi downloads (test/fixtures/realistic):
// per rule code, the findings given, those judged right, false positives and missed problems, then
// every disagreement on one line. The judged findings are in test/fixtures/realistic/expected.json.
//
//   node scripts/accuracy.mjs                      uses dist/flow-engine.js (node scripts/build.mjs builds it)
//   node scripts/accuracy.mjs --engine <file>      another build of the engine, e.g. out-x/src/core/flow/engine.js
//
// Exit status: 0 when every disagreement is one expected.json marks as known, 1 otherwise, 2 when it cannot run.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const engineAt = process.argv.indexOf('--engine');
const enginePath = resolve(engineAt >= 0 ? process.argv[engineAt + 1] ?? '' : join(root, 'dist', 'flow-engine.js'));
if (!existsSync(enginePath)) {
  console.error(`accuracy: no flow engine at ${enginePath}; run node scripts/build.mjs first, or give --engine <file>`);
  process.exit(2);
}
const { validateText } = require(enginePath);
const { runCorpus, tally } = require(join(root, 'test', 'fixtures', 'realistic', 'compare.cjs'));

const { outcomes, problems } = runCorpus(validateText);
const { rows, total } = tally(outcomes);

const header = ['rule', 'given', 'right', 'false positives', 'missed'];
const table = [header, ...[...rows, total].map((row) => [row.code, row.given, row.right, row.falsePositives, row.missed].map(String))];
const widths = header.map((_, column) => Math.max(...table.map((line) => line[column].length)));
const print = (line) => console.log(line.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  '));
console.log(`${outcomes.length} flows, ${outcomes.reduce((sum, outcome) => sum + outcome.given.length, 0)} findings given\n`);
print(table[0]);
table.slice(1, -1).forEach(print);
print(widths.map((width) => '-'.repeat(width)));
print(table[table.length - 1]);

const precision = total.given === 0 ? 1 : total.right / total.given;
const expectedCount = total.right + total.missed;
const recall = expectedCount === 0 ? 1 : total.right / expectedCount;
console.log(`\nprecision ${(precision * 100).toFixed(1)}% (right / given), recall ${(recall * 100).toFixed(1)}% (right / expected)`);

const disagreements = [];
for (const outcome of outcomes) {
  for (const item of outcome.falsePositives) disagreements.push([outcome.file, 'false positive', item]);
  for (const item of outcome.missed) disagreements.push([outcome.file, 'missed', item]);
}
if (disagreements.length > 0) {
  console.log('\ndisagreements (flow, kind, code, component: why):');
  for (const [file, kind, item] of disagreements) {
    console.log(`${file}  ${kind}${item.known ? ' (known)' : ''}  ${item.code}  ${JSON.stringify(item.component)}: ${item.why}`);
  }
}
const unknown = problems.filter((problem) => problem);
if (unknown.length > 0) {
  console.log('\nnot marked in expected.json:');
  for (const problem of unknown) console.log(problem);
  process.exitCode = 1;
}
