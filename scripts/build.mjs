// Bundles the extension shell, its lazily loaded engines and the CLI with esbuild.
// The engines are separate files so activation does not evaluate them (see src/vscode/lazy.ts).
import * as esbuild from 'esbuild';
import { join } from 'node:path';

const watch = process.argv.includes('--watch');
// --outdir <folder>: build there instead of dist/ (the CLI's tests build into a temporary folder).
const outdirAt = process.argv.indexOf('--outdir');
const outdir = outdirAt >= 0 ? process.argv[outdirAt + 1] : 'dist';
const lazyEngines = {
  name: 'lazy-engines',
  setup(build) {
    build.onResolve({ filter: /^\.\/(flow|catalog|aws)-engine\.js$/ }, (args) => ({ path: args.path, external: true }));
    // The CLI's service commands: dist/cli-remote.js, required by dist/cli.js only when one is run.
    build.onResolve({ filter: /^\.\/remote$/ }, (args) => (
      args.importer.endsWith(join('src', 'cli', 'main.ts')) ? { path: './cli-remote.js', external: true } : undefined));
  },
};
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  external: ['vscode'],
  // jsonc-parser's 'main' is a UMD build whose dynamic requires esbuild cannot follow; its ESM build bundles.
  mainFields: ['module', 'main'],
  plugins: [lazyEngines],
};
const builds = [
  { entryPoints: { extension: 'src/extension.ts' } },
  { entryPoints: { 'flow-engine': 'src/core/flow/engine.ts', 'catalog-engine': 'src/core/catalog/engine.ts', 'aws-engine': 'src/core/aws/engine.ts' } },
  { entryPoints: { cli: 'src/cli/main.ts' }, banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: { 'cli-remote': 'src/cli/remote.ts' } },
];
for (const options of builds) {
  const ctx = await esbuild.context({ ...common, ...options, outdir });
  if (watch) await ctx.watch();
  else { await ctx.rebuild(); await ctx.dispose(); }
}
