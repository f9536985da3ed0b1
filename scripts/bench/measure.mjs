// Runs in its own process, one mode per process, so memory figures are not mixed up:
//   node measure.mjs time <file> <runs>      medians of validateText, JSON.parse and jsonc-parser parseTree
//   node measure.mjs memory <file> <what>    peak RSS and heap while doing only <what> (validate | parse)
//   node measure.mjs phases <file> <runs>    where validateText spends its time (needs bench-data/phases.js)
// Each prints one JSON line on stdout.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [mode, file, arg] = process.argv.slice(2);
const text = readFileSync(file, 'utf8');

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function timeIt(fn) {
  const start = process.hrtime.bigint();
  const result = fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
}

function gc() {
  if (global.gc) global.gc();
}

if (mode === 'time') {
  const { validateText } = require(path.join(root, 'dist/flow-engine.js'));
  const { parseTree } = require('jsonc-parser');
  const runs = Number(arg);
  const validate = [], parse = [], jsonc = [];
  let findings = 0;
  timeIt(() => validateText(text));
  timeIt(() => JSON.parse(text));
  // Interleaved so that machine noise hits both the same way.
  for (let i = 0; i < runs; i++) {
    gc();
    const v = timeIt(() => validateText(text));
    validate.push(v.ms);
    findings = v.result.findings.length;
    gc();
    parse.push(timeIt(() => JSON.parse(text)).ms);
  }
  // parseTree is an order of magnitude slower: fewer runs are enough for a reference figure.
  for (let i = 0; i < Math.min(3, runs); i++) {
    gc();
    jsonc.push(timeIt(() => parseTree(text)).ms);
  }
  const codes = {};
  for (const finding of validateText(text).findings) codes[finding.code] = (codes[finding.code] ?? 0) + 1;
  console.log(JSON.stringify({ validate: median(validate), parse: median(parse), jsonc: median(jsonc), findings, codes }));
} else if (mode === 'memory') {
  gc();
  const before = process.memoryUsage();
  let peakHeap = before.heapUsed;
  if (arg === 'validate') {
    const { validateText } = require(path.join(root, 'dist/flow-engine.js'));
    gc();
    const validation = validateText(text);
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    if (validation.findings.length < 0) throw new Error('unreachable');
  } else {
    const parsed = JSON.parse(text);
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    if (!parsed) throw new Error('unreachable');
  }
  console.log(JSON.stringify({
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    baseRssMb: before.rss / 1024 / 1024,
    heapAfterMb: peakHeap / 1024 / 1024,
    heapBeforeMb: before.heapUsed / 1024 / 1024,
  }));
} else if (mode === 'phases') {
  const { phases } = require(path.join(root, 'bench-data/phases.js'));
  const runs = Number(arg);
  phases(text);
  const samples = [];
  for (let i = 0; i < runs; i++) {
    gc();
    samples.push(phases(text));
  }
  const names = Object.keys(samples[0]);
  console.log(JSON.stringify(Object.fromEntries(names.map((name) => [name, median(samples.map((s) => s[name]))]))));
} else {
  console.error(`unknown mode ${mode}`);
  process.exit(2);
}
