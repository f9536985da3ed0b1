// The `dff` command line (dist/cli.js): dispatches subcommands; each returns its exit code.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ConfirmingIo } from './deploy/confirm';
import { type CliIo, EXIT_CANNOT_RUN, EXIT_OK } from './io';
import { runValidate } from './validate';

const HELP = `Usage: dff <command> [options]

Commands:
  validate <file or folder>...  Check NiFi flow definitions for DataFlow Functions problems
  catalog ...                   Work with the CDP DataFlow Catalog
  aws whoami                    Show the AWS profile, region, account and identity in use
  functions ...                 List DataFlow Functions on AWS Lambda, read their logs, invoke them
  deploy ...                    Plan, apply or export the deployment of a flow to AWS Lambda

Options:
  -h, --help     Show this help; "dff <command> --help" for a command's options
  -v, --version  Show the version
`;

export async function runDff(argv: string[], io: CliIo & ConfirmingIo): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'validate':
      return runValidate(rest, io, { version: version() });
    // Loaded on demand: `dff validate` should not pay for the catalog client, the AWS SDK and their HTTP stacks.
    case 'catalog':
      return (await import('./remote')).runCatalog(rest, io);
    case 'aws':
      return (await import('./remote')).runAws(rest, io);
    case 'functions':
      return (await import('./remote')).runFunctions(rest, io);
    case 'deploy':
      return (await import('./remote')).runDeploy(rest, io);
    case '-h':
    case '--help':
    case 'help':
      io.stdout(HELP);
      return EXIT_OK;
    case '-v':
    case '--version':
      io.stdout(`${version()}\n`);
      return EXIT_OK;
    case undefined:
      io.stderr(HELP);
      return EXIT_CANNOT_RUN;
    default:
      io.stderr(`dff: unknown command "${command}". Run "dff --help" to see the commands.\n`);
      return EXIT_CANNOT_RUN;
  }
}

/** The package version, from the package.json above this file (dist/ when bundled, out/src/cli/ when compiled). */
export function version(): string {
  let folder = __dirname;
  for (let depth = 0; depth < 4; depth++) {
    const candidate = path.join(folder, 'package.json');
    if (existsSync(candidate)) {
      try {
        const manifest = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
        if (manifest.name === 'dataflow-functions' && manifest.version) return manifest.version;
      } catch {
        // Not ours or unreadable: keep looking further up.
      }
    }
    folder = path.dirname(folder);
  }
  return 'unknown';
}

function processIo(): CliIo & ConfirmingIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    // Only a person at a terminal can answer `dff deploy apply`'s question; elsewhere it needs --yes.
    ...(process.stdin.isTTY && process.stderr.isTTY ? { confirm: async (question: string) => (await import('./deploy/confirm')).askOnTerminal(question) } : {}),
  };
}

if (require.main === module) {
  // The AWS SDK bundled in dff is fixed at build time, so its notice that future SDK releases will
  // need a newer Node says nothing about this dff; it would print on every AWS command on Node 20.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  // A closed pipe (dff validate ... | head) is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
    throw error;
  });
  runDff(process.argv.slice(2), processIo()).then(
    (code) => { process.exitCode = code; },
    (error: unknown) => {
      const detail = process.env.DFF_DEBUG && error instanceof Error ? error.stack : String(error instanceof Error ? error.message : error);
      process.stderr.write(`dff: unexpected failure: ${detail}\nSet DFF_DEBUG=1 to see where it happened, and report it with that output.\n`);
      process.exitCode = EXIT_CANNOT_RUN;
    },
  );
}
