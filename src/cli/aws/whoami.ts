// `dff aws whoami`: which profile, region, account and identity the AWS commands will use.
import { EXIT_OK } from '../io';
import type { SessionRun } from './session';
import type { CliIo } from '../io';

export async function runWhoami(options: { json: boolean }, { session, signal }: SessionRun, io: CliIo): Promise<number> {
  const identity = await session.engine.whoAmI(session.factory.sts(), signal);
  const shown = {
    profile: session.profile.name,
    region: session.region,
    account: identity.account,
    arn: identity.arn,
    ...(session.profile.endpointUrl ? { endpointUrl: session.profile.endpointUrl } : {}),
  };
  if (options.json) {
    io.stdout(`${JSON.stringify(shown, null, 2)}\n`);
    return EXIT_OK;
  }
  const rows: [string, string][] = [
    ['Profile', shown.profile],
    ['Region', shown.region],
    ['Account', shown.account],
    ['ARN', shown.arn],
  ];
  if (shown.endpointUrl) rows.push(['Endpoint', shown.endpointUrl]);
  io.stdout(rows.map(([label, value]) => `${label.padEnd(9)}${value}\n`).join(''));
  return EXIT_OK;
}
