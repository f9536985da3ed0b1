// The AWS stand-in and an io whose env names its config and credentials files, for the dff AWS commands.
import type { CliIo } from '../../../src/cli/io';
import { startAwsHarness, type AwsHarness } from '../../fakes/aws/harness';

export interface AwsCliFixture {
  harness: AwsHarness;
  env: NodeJS.ProcessEnv;
  io(): CliIo & { out: string; err: string };
  /** Everything the last io() printed, stdout then stderr. */
  printed(): string;
}

/** A fresh stand-in with profile "dev"; files are found only through the io's env, never process.env. */
export async function startAwsCli(cwd: string): Promise<AwsCliFixture> {
  const harness = await startAwsHarness({ profile: 'dev' });
  const env: NodeJS.ProcessEnv = {
    HOME: harness.dir,
    AWS_CONFIG_FILE: harness.configFile,
    AWS_SHARED_CREDENTIALS_FILE: harness.credentialsFile,
    AWS_PROFILE: 'dev',
  };
  let last: { out: string; err: string } = { out: '', err: '' };
  return {
    harness,
    env,
    io() {
      const io = {
        out: '',
        err: '',
        env,
        cwd,
        stdout: (text: string) => void (io.out += text),
        stderr: (text: string) => void (io.err += text),
      };
      last = io;
      return io;
    },
    printed: () => last.out + last.err,
  };
}
