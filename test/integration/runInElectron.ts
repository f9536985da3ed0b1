// Runs the integration suite (index.ts) in desktop VS Code through @vscode/test-electron, which
// downloads VS Code into .vscode-test/. Only for machines that can reach Microsoft's update servers;
// runInCodeServer.ts runs the same suite offline.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { host, repoRoot } from './host';

async function main(): Promise<number> {
  const tmp = host.makeTempDir('dff-electron-');
  // A copy, so that tests which edit files leave samples/ alone.
  const workspace = host.copyFolder(path.join(repoRoot, 'samples'), path.join(tmp, 'workspace'));
  try {
    await runTests({
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(__dirname, 'index.js'),
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--user-data-dir',
        path.join(tmp, 'user-data'),
      ],
    });
    return 0;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`Integration tests in desktop VS Code failed: ${reason}`);
    if (/ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN/.test(reason)) {
      console.error('VS Code could not be downloaded here; `npm run test:integration` runs the same suite in code-server offline.');
    }
    return 1;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code));
