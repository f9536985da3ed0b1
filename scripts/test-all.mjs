// `npm test`: the unit, integration and UI (e2e) suites in that order, stopping at the first that
// fails. Ends with one line, "N passed, N failed", totalled from the mocha reports of the suites run.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const suites = [
  { name: 'unit', script: 'test:unit' },
  { name: 'integration', script: 'test:integration' },
  { name: 'e2e', script: 'test:e2e' },
];

// The summary lines of mocha's spec reporter, e.g. "  12 passing (340ms)" and "  1 failing".
const passingLine = /^\s*(\d+) passing \([^)]*\)\s*$/gm;
const failingLine = /^\s*(\d+) failing\s*$/gm;

function runScript(script) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { cwd: repoRoot, stdio: ['inherit', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.on('error', (error) => resolve({ code: 1, output: `${output}\n${error.message}` }));
    child.on('exit', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

function sum(regex, text) {
  return [...text.matchAll(regex)].reduce((total, match) => total + Number(match[1]), 0);
}

let passed = 0;
let failed = 0;
const lines = [];
let stopped = false;
for (const suite of suites) {
  if (stopped) {
    lines.push(`${suite.name}: not run (an earlier suite failed)`);
    continue;
  }
  console.log(`\n=== ${suite.name} tests (npm run ${suite.script}) ===`);
  const { code, output } = await runScript(suite.script);
  const reported = output.match(passingLine) !== null || output.match(failingLine) !== null;
  let suitePassed = sum(passingLine, output);
  let suiteFailed = sum(failingLine, output);
  let note = '';
  if (code !== 0 && suiteFailed === 0) {
    // It broke before or outside the tests (build error, host missing, crash): count the suite as one failure.
    suiteFailed = 1;
    note = ` (exited with ${code} without a failing test: counted as 1 failure)`;
  } else if (code === 0 && !reported) {
    suitePassed = 0;
    suiteFailed = 1;
    note = ' (exited 0 but printed no mocha results: counted as 1 failure)';
  }
  passed += suitePassed;
  failed += suiteFailed;
  lines.push(`${suite.name}: ${suitePassed} passed, ${suiteFailed} failed${note}`);
  if (suiteFailed > 0) stopped = true;
}

console.log(`\n=== summary ===\n${lines.join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
