// The whole-process measure the issue sets its goal in: `dff validate` as a user runs it (node starting,
// the file read and decoded, validated, the findings printed) against a node process that only reads
// the same file and JSON.parses it. Runs alternate between the three commands, so load on the machine
// falls on all of them alike; medians.
import { spawnSync } from 'node:child_process';

function wallMs(args, cwd) {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  // dff exits 1 when it reports errors: that is a finished run, not a failed one.
  if (run.status !== 0 && run.status !== 1) throw new Error(`${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return elapsed;
}

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

/** Median wall times of the three commands on `file`, each run `runs` times after one warm-up round. */
export function wholeProcess(root, file, runs) {
  const commands = {
    parse: ['-e', 'JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"))', file],
    text: ['dist/cli.js', 'validate', file],
    json: ['dist/cli.js', 'validate', file, '--format', 'json'],
  };
  const times = { parse: [], text: [], json: [] };
  for (let round = 0; round <= runs; round++) {
    for (const [name, args] of Object.entries(commands)) {
      const elapsed = wallMs(args, root);
      if (round > 0) times[name].push(elapsed);
    }
  }
  return { parse: median(times.parse), text: median(times.text), json: median(times.json) };
}
